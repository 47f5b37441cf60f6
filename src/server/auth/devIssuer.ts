import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { isGuid } from '../../domain/ids';
import { DEV_KEY_ID_PREFIX } from './tokenValidator';

/**
 * Local stand-in for Entra ID's token issuing: tokens with the shape of Entra v2.0 access tokens, signed by
 * a key persisted under the data dir so the dev-token CLI and the server share it. The server checks them
 * with the same validator it uses for Entra, pointed at `jwks()`; in entra mode they are refused.
 */
export interface DevIssuer {
  readonly keyId: string;
  /** The public signing key, as a JWKS for `createLocalJWKSet`. */
  jwks(): { keys: JWK[] };
  issueToken(request: DevTokenRequest): Promise<string>;
}

export interface DevTokenRequest {
  tenantId: string;
  userId: string;
  roles?: string[];
  audience: string;
  /** Default 3600 (one hour). */
  lifetimeSeconds?: number;
  /** Display name, as in Entra's optional `name` claim. */
  name?: string;
}

const ALGORITHM = 'RS256';
const DEFAULT_LIFETIME_SECONDS = 3600;
const MAX_LIFETIME_SECONDS = 31 * 24 * 3600;

export function devIssuerKeyFile(dataDir: string): string {
  return path.join(dataDir, 'dev-issuer', 'signing-key.json');
}

export async function loadOrCreateDevIssuer(dataDir: string): Promise<DevIssuer> {
  const keyFile = devIssuerKeyFile(dataDir);
  const privateJwk = (await readSigningKey(keyFile)) ?? (await createSigningKey(keyFile));
  const keyId = privateJwk.kid as string;
  const signingKey = await importJWK(privateJwk, ALGORITHM);
  const publicJwk: JWK = { kty: 'RSA', n: privateJwk.n, e: privateJwk.e, kid: keyId, alg: ALGORITHM, use: 'sig' };

  async function issueToken(request: DevTokenRequest): Promise<string> {
    const { tenantId, userId, audience, roles = [], name } = request;
    if (!isGuid(tenantId)) throw new Error('Dev issuer: tenantId must be a GUID');
    if (!isGuid(userId)) throw new Error('Dev issuer: userId must be a GUID');
    if (audience === '') throw new Error('Dev issuer: audience must not be empty');
    const lifetimeSeconds = request.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
    if (!Number.isInteger(lifetimeSeconds) || lifetimeSeconds < 1 || lifetimeSeconds > MAX_LIFETIME_SECONDS) {
      throw new Error(`Dev issuer: lifetimeSeconds must be a whole number from 1 to ${MAX_LIFETIME_SECONDS}`);
    }
    const tid = tenantId.toLowerCase();
    const oid = userId.toLowerCase();
    const now = Math.floor(Date.now() / 1000);

    const claims: Record<string, unknown> = {
      tid,
      oid,
      // Entra's `sub` is an opaque pairwise id, stable per user and app; a hash gives the same property.
      sub: createHash('sha256').update(`${tid}:${oid}:${audience}`).digest('base64url'),
      ver: '2.0',
      scp: 'access_as_user',
    };
    if (roles.length > 0) claims.roles = [...roles];
    if (name !== undefined) claims.name = name;

    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: keyId })
      .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(signingKey);
  }

  return {
    keyId,
    jwks: () => ({ keys: [{ ...publicJwk }] }),
    issueToken,
  };
}

async function readSigningKey(keyFile: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await fs.readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const unusable = new Error(`Dev issuer key file ${keyFile} is not a usable RS256 private key; delete it to generate a new one`);
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    throw unusable;
  }
  const isPrivateRsaKey =
    typeof jwk === 'object' && jwk !== null && jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.d === 'string';
  const hasDevKeyId = typeof jwk.kid === 'string' && jwk.kid.startsWith(DEV_KEY_ID_PREFIX);
  if (!isPrivateRsaKey || !hasDevKeyId || (jwk.alg !== undefined && jwk.alg !== ALGORITHM)) throw unusable;
  return jwk;
}

/**
 * Writes a new key pair without ever exposing a half-written file, and without overwriting a key that another
 * process (the CLI, a second server) created meanwhile: the first to link its file wins, the others read it.
 */
async function createSigningKey(keyFile: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { modulusLength: 2048, extractable: true });
  const jwk: JWK = {
    ...(await exportJWK(privateKey)),
    kid: `${DEV_KEY_ID_PREFIX}${randomBytes(9).toString('base64url')}`,
    alg: ALGORITHM,
    use: 'sig',
  };
  await fs.mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const tempFile = `${keyFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tempFile, JSON.stringify(jwk, null, 2), { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(tempFile, keyFile);
    return jwk;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSigningKey(keyFile);
    if (!winner) throw error;
    return winner;
  } finally {
    await fs.rm(tempFile, { force: true });
  }
}
