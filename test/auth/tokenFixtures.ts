// Test-only token minting: signs any claims, so tests can build tokens Entra (or the dev issuer) would never issue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { devIssuerKeyFile } from '../../src/server/auth/devIssuer';

export const AUDIENCE = 'api://atrium-lms-test';
export const TENANT_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
export const USER_ID = '0d9e8f7a-6b5c-4d3e-8f21-a0b1c2d3e4f5';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey | Uint8Array;
  publicJwk: JWK;
}

export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-auth-'));
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** The dev issuer's own private key, read from its key file, to sign claims the issuer itself would refuse to. */
export async function devIssuerSigningKey(dataDir: string): Promise<SigningKey> {
  const jwk = JSON.parse(fs.readFileSync(devIssuerKeyFile(dataDir), 'utf8')) as JWK;
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  return { kid: jwk.kid as string, privateKey: await importJWK(jwk, 'RS256'), publicJwk };
}

/** Claims of a valid Entra v2.0 access token for TENANT_ID/USER_ID; `overrides` with undefined drop a claim. */
export function entraClaims(overrides: Record<string, unknown> = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  const tid = (overrides.tid as string | undefined) ?? TENANT_ID;
  const claims: Record<string, unknown> = {
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    aud: AUDIENCE,
    tid,
    oid: USER_ID,
    sub: 'pairwise-subject',
    ver: '2.0',
    scp: 'access_as_user',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  return claims;
}

export function signToken(key: SigningKey, claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header }).sign(key.privateKey);
}

export function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
