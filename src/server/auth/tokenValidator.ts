import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { DomainError } from '../../domain/errors';
import { isGuid } from '../../domain/ids';
import { knownAppRoles, type Principal } from './principal';

export type AuthMode = 'entra' | 'dev';

/** Every key of the local dev issuer carries this `kid` prefix, so entra mode can refuse its tokens by sight. */
export const DEV_KEY_ID_PREFIX = 'atrium-dev-';

export interface TokenValidatorOptions {
  /** `entra`: keys from Microsoft's JWKS, dev tokens refused. `dev`: keys of the local dev issuer. */
  mode: AuthMode;
  /** The API's application ID URI or client id; a token's `aud` must equal it. */
  audience: string;
  /** Entra mode: Microsoft's JWKS endpoint (e.g. https://login.microsoftonline.com/common/discovery/v2.0/keys). */
  entraJwksUrl?: string;
  /** Dev mode: the dev issuer's public keys (`DevIssuer.jwks()`). */
  devJwks?: JSONWebKeySet;
  /** Replaces the key set the mode would build; tests use it to stand in for Microsoft's keys. */
  keySet?: JWTVerifyGetKey;
  /** Leeway for `exp` and `nbf` against clock skew. Default 60 s. */
  clockToleranceSeconds?: number;
  /** Cache of successful validations by token string; `false` turns it off. */
  cache?: false | { maxEntries?: number; maxTtlSeconds?: number };
}

export interface TokenValidator {
  /** Returns who is calling, or throws DomainError('unauthenticated', why). */
  validate(authorizationHeader: string | undefined): Promise<Principal>;
}

const ACCEPTED_ALGORITHMS = ['RS256'];
const REQUIRED_CLAIMS = ['iss', 'tid', 'oid', 'ver', 'exp', 'nbf'];
/** Entra tokens are 1-3 KB; Node refuses headers above 16 KB anyway. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const BEARER = /^Bearer +(\S+) *$/i;

const unauthenticated = (message: string): DomainError => new DomainError('unauthenticated', message);

export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const { mode, audience } = options;
  const keySet = options.keySet ?? keySetForMode(options);
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  const cache = options.cache === false ? undefined : createValidationCache(options.cache ?? {});

  async function validate(authorizationHeader: string | undefined): Promise<Principal> {
    const token = bearerToken(authorizationHeader);

    const cached = cache?.principals.get(token);
    if (cached) return copyOf(cached);

    const keyId = checkedKeyId(token);
    if (mode === 'entra' && keyId.startsWith(DEV_KEY_ID_PREFIX)) {
      throw unauthenticated('development tokens are not accepted by this service');
    }

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        algorithms: ACCEPTED_ALGORITHMS,
        audience,
        clockTolerance,
        requiredClaims: REQUIRED_CLAIMS,
      }));
    } catch (error) {
      throw verificationFailure(error);
    }
    // jose also accepts an `aud` list that contains ours; Entra issues a single audience, so insist on exactly that.
    if (payload.aud !== audience) throw unauthenticated('token audience (aud) is not this API');
    const principal = principalFromClaims(payload);

    if (cache) {
      // Only fully verified tokens get here; they leave the cache when they expire (or sooner, by maxTtl).
      const ttl = Math.min((payload.exp as number) * 1000 - Date.now(), cache.maxTtlMs);
      if (ttl > 0) cache.principals.set(token, principal, { ttl });
    }
    return copyOf(principal);
  }

  return { validate };
}

function keySetForMode(options: TokenValidatorOptions): JWTVerifyGetKey {
  if (options.mode === 'entra') {
    if (!options.entraJwksUrl) throw new Error('Token validator: entra mode needs entraJwksUrl');
    return createRemoteJWKSet(new URL(options.entraJwksUrl));
  }
  if (!options.devJwks) throw new Error('Token validator: dev mode needs devJwks (the dev issuer keys)');
  return createLocalJWKSet(options.devJwks);
}

interface ValidationCache {
  principals: LRUCache<string, Principal>;
  maxTtlMs: number;
}

function createValidationCache(settings: { maxEntries?: number; maxTtlSeconds?: number }): ValidationCache {
  return {
    principals: new LRUCache<string, Principal>({
      max: settings.maxEntries ?? 10_000,
      // Bounds memory by token size too: Entra tokens carrying many claims can be several KB.
      maxSize: 32 * 1024 * 1024,
      sizeCalculation: (_principal, token) => token.length + 200,
    }),
    maxTtlMs: (settings.maxTtlSeconds ?? 600) * 1000,
  };
}

function copyOf(principal: Principal): Principal {
  return { tenantId: principal.tenantId, userId: principal.userId, roles: [...principal.roles] };
}

function bearerToken(authorizationHeader: string | undefined): string {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') {
    throw unauthenticated('missing Authorization header (expected "Bearer <access token>")');
  }
  const match = BEARER.exec(authorizationHeader);
  if (!match) {
    if (/^Bearer\s*$/i.test(authorizationHeader)) throw unauthenticated('Authorization header has no token after "Bearer"');
    throw unauthenticated('Authorization header must use the Bearer scheme ("Bearer <access token>")');
  }
  const token = match[1];
  if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated('malformed token: too long');
  if (!COMPACT_JWS.test(token)) throw unauthenticated('malformed token: expected a JWT (three base64url parts separated by dots)');
  return token;
}

/** Reads the unverified header only to pick the key and refuse what can never verify. */
function checkedKeyId(token: string): string {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw unauthenticated('malformed token: the header is not base64url-encoded JSON');
  }
  if (typeof header.alg !== 'string' || !ACCEPTED_ALGORITHMS.includes(header.alg)) {
    throw unauthenticated('token signing algorithm is not accepted (only RS256 is)');
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw unauthenticated('token header has no key id (kid)');
  }
  return header.kid;
}

function verificationFailure(error: unknown): DomainError {
  if (error instanceof errors.JWTExpired) return unauthenticated('token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return unauthenticated(`token has no "${error.claim}" claim`);
    if (error.claim === 'nbf' && error.reason === 'check_failed') return unauthenticated('token is not valid yet (its nbf is in the future)');
    if (error.claim === 'aud') return unauthenticated('token audience (aud) is not this API');
    return unauthenticated(`token "${error.claim}" claim is not valid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('token signature is invalid');
  if (error instanceof errors.JWKSNoMatchingKey) return unauthenticated('token is signed with a key this service does not know (unknown kid)');
  if (error instanceof errors.JOSEAlgNotAllowed) return unauthenticated('token signing algorithm is not accepted (only RS256 is)');
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return unauthenticated('malformed token');
  if (error instanceof errors.JWKSTimeout) return unauthenticated('token could not be verified: fetching the signing keys timed out');
  if (error instanceof errors.JOSEError) return unauthenticated('token could not be verified');
  // Not the token's fault (e.g. Microsoft's JWKS unreachable); the caller still gets no access.
  return unauthenticated('token could not be verified: the signing keys are unavailable');
}

/** Turns verified claims into a Principal, refusing claims Entra would never issue. */
function principalFromClaims(claims: JWTPayload): Principal {
  const { tid, oid, ver, iss, roles } = claims;
  if (typeof tid !== 'string' || !isGuid(tid)) throw unauthenticated('token "tid" claim is not a GUID');
  if (typeof oid !== 'string' || !isGuid(oid)) throw unauthenticated('token "oid" claim is not a GUID');
  if (ver !== '2.0') {
    throw unauthenticated('token version (ver) must be "2.0"; set accessTokenAcceptedVersion to 2 in the API app registration');
  }
  const expectedIssuer = `https://login.microsoftonline.com/${tid}/v2.0`;
  if (iss !== expectedIssuer) throw unauthenticated(`token issuer (iss) is not ${expectedIssuer}`);
  return { tenantId: tid.toLowerCase(), userId: oid.toLowerCase(), roles: knownAppRoles(roleClaim(roles)) };
}

function roleClaim(roles: unknown): string[] {
  if (roles === undefined) return [];
  if (Array.isArray(roles) && roles.every((role): role is string => typeof role === 'string')) return roles;
  throw unauthenticated('token "roles" claim is not a list of strings');
}
