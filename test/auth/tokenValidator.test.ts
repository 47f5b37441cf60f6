import assert from '../support/assert';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createLocalJWKSet, importJWK, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../../src/domain/errors';
import { devIssuerKeyFile, loadOrCreateDevIssuer, type DevIssuer } from '../../src/server/auth/devIssuer';
import { createTokenValidator, type TokenValidator } from '../../src/server/auth/tokenValidator';
import {
  AUDIENCE,
  base64urlJson,
  devIssuerSigningKey,
  entraClaims,
  makeTempDir,
  newSigningKey,
  signToken,
  TENANT_ID,
  USER_ID,
  type SigningKey,
} from './tokenFixtures';

/** Asserts validation fails as unauthenticated with a message matching `expected`, and never echoes the token. */
async function assertRefused(validator: TokenValidator, header: string | undefined, expected: RegExp): Promise<void> {
  await assert.rejects(validator.validate(header), (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.kind, 'unauthenticated');
    assert.match(error.message, expected);
    const token = header?.replace(/^Bearer\s+/i, '') ?? '';
    if (token.length > 8) assert.ok(!error.message.includes(token), 'the message must not echo the token');
    return true;
  });
}

describe('token validator, dev mode', () => {
  let dataDir: string;
  let issuer: DevIssuer;
  let devKey: SigningKey;
  let validator: TokenValidator;

  beforeAll(async () => {
    dataDir = makeTempDir();
    issuer = await loadOrCreateDevIssuer(dataDir);
    devKey = await devIssuerSigningKey(dataDir);
    validator = createTokenValidator({ mode: 'dev', audience: AUDIENCE, devJwks: issuer.jwks() });
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const bearer = (token: string): string => `Bearer ${token}`;
  const signed = async (overrides: Record<string, unknown>, header?: Record<string, unknown>): Promise<string> =>
    bearer(await signToken(devKey, entraClaims(overrides), header));

  it('accepts a dev issuer token and yields tid, oid and roles as the principal', async () => {
    const token = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, roles: ['Catalog.Manage'], audience: AUDIENCE });
    const principal = await validator.validate(bearer(token));
    assert.deepEqual(principal, { tenantId: TENANT_ID, userId: USER_ID, roles: ['Catalog.Manage'] });
  });

  it('yields no roles when the token has none', async () => {
    const token = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE, name: 'No Roles' });
    assert.deepEqual((await validator.validate(bearer(token))).roles, []);
  });

  it('keeps only known app roles, once each', async () => {
    const roles = ['Tenant.Admin', 'Global.Administrator', 'catalog.manage', 'Catalog.Manage', 'Tenant.Admin', ''];
    const principal = await validator.validate(await signed({ roles }));
    assert.deepEqual(principal.roles, ['Tenant.Admin', 'Catalog.Manage']);
  });

  it('refuses a roles claim that is not a list of strings', async () => {
    await assertRefused(validator, await signed({ roles: 'Tenant.Admin' }), /roles/);
    await assertRefused(validator, await signed({ roles: ['Tenant.Admin', 7] }), /roles/);
  });

  it('lower-cases tid and oid in the principal', async () => {
    const upperTenant = TENANT_ID.toUpperCase();
    const principal = await validator.validate(await signed({ tid: upperTenant, oid: USER_ID.toUpperCase() }));
    assert.equal(principal.tenantId, TENANT_ID);
    assert.equal(principal.userId, USER_ID);
  });

  it('accepts the scheme name in any case, as RFC 7235 says', async () => {
    const header = await signed({ oid: '11111111-1111-4111-8111-111111111111' });
    const principal = await validator.validate(header.replace('Bearer', 'bearer'));
    assert.equal(principal.userId, '11111111-1111-4111-8111-111111111111');
  });

  it('returns a fresh principal each time, so a caller cannot alter a cached one', async () => {
    const header = await signed({ roles: ['Tenant.Admin'], oid: '22222222-2222-4222-8222-222222222222' });
    const first = await validator.validate(header);
    first.roles.push('Catalog.Manage');
    first.tenantId = 'tampered';
    const second = await validator.validate(header);
    assert.deepEqual(second, { tenantId: TENANT_ID, userId: '22222222-2222-4222-8222-222222222222', roles: ['Tenant.Admin'] });
  });

  it('refuses a missing or empty Authorization header', async () => {
    await assertRefused(validator, undefined, /missing Authorization header/);
    await assertRefused(validator, '', /missing Authorization header/);
    await assertRefused(validator, '   ', /missing Authorization header/);
  });

  it('refuses other schemes and a Bearer header without a token', async () => {
    await assertRefused(validator, 'Basic dXNlcjpwYXNz', /Bearer scheme/);
    const token = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE });
    await assertRefused(validator, token, /Bearer scheme/);
    await assertRefused(validator, 'Bearer', /no token after "Bearer"/);
    await assertRefused(validator, 'Bearer ', /no token after "Bearer"/);
  });

  it('refuses malformed tokens', async () => {
    await assertRefused(validator, 'Bearer not-a-jwt', /malformed token/);
    await assertRefused(validator, 'Bearer aaa.bbb', /malformed token/);
    await assertRefused(validator, 'Bearer a$b.c.d', /malformed token/);
    await assertRefused(validator, 'Bearer two tokens', /Bearer scheme/);
    await assertRefused(validator, 'Bearer bm90IGpzb24.e30.c2ln', /malformed token/);
    await assertRefused(validator, `Bearer ${'a'.repeat(20_000)}.b.c`, /malformed token/);
    // A valid header and signature over a payload that is not JSON.
    const header = base64urlJson({ alg: 'RS256', typ: 'JWT', kid: devKey.kid });
    await assertRefused(validator, `Bearer ${header}.bm90IGpzb24.c2ln`, /malformed token|signature/);
  });

  it('refuses a token forged with another key under the same kid', async () => {
    const forger = await newSigningKey(devKey.kid);
    await assertRefused(validator, bearer(await signToken(forger, entraClaims({ roles: ['Tenant.Admin'] }))), /signature is invalid/);
  });

  it('refuses a token whose signature was tampered with or stripped', async () => {
    const token = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE });
    const [header, , signature] = token.split('.');
    const escalated = base64urlJson(entraClaims({ roles: ['Tenant.Admin'] }));
    await assertRefused(validator, bearer(`${header}.${escalated}.${signature}`), /signature is invalid/);
    await assertRefused(validator, bearer(`${header}.${escalated}.`), /signature is invalid|malformed/);
  });

  it('refuses a token signed with an unknown kid', async () => {
    const stranger = await newSigningKey('atrium-dev-someone-else');
    await assertRefused(validator, bearer(await signToken(stranger, entraClaims())), /unknown kid/);
  });

  it('refuses a token without a kid', async () => {
    await assertRefused(validator, await signed({}, { kid: undefined }), /no key id/);
  });

  it('refuses alg "none"', async () => {
    const header = base64urlJson({ alg: 'none', typ: 'JWT', kid: devKey.kid });
    await assertRefused(validator, bearer(`${header}.${base64urlJson(entraClaims())}.`), /only RS256/);
  });

  it('refuses HS256, including the public key used as an HMAC secret', async () => {
    const header = base64urlJson({ alg: 'HS256', typ: 'JWT', kid: devKey.kid });
    const payload = base64urlJson(entraClaims({ roles: ['Tenant.Admin'] }));
    const secret = JSON.stringify(issuer.jwks().keys[0]);
    const mac = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    await assertRefused(validator, bearer(`${header}.${payload}.${mac}`), /only RS256/);
  });

  it('refuses RS512 even when signed by the right key', async () => {
    const { alg: _alg, ...devJwk } = JSON.parse(fs.readFileSync(devIssuerKeyFile(dataDir), 'utf8')) as JWK;
    const rs512 = await new SignJWT(entraClaims())
      .setProtectedHeader({ alg: 'RS512', typ: 'JWT', kid: devKey.kid })
      .sign(await importJWK(devJwk, 'RS512'));
    await assertRefused(validator, bearer(rs512), /only RS256/);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await assertRefused(validator, await signed({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 }), /expired/);
  });

  it('allows clock skew within the tolerance, and no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const justExpired = await signed({ iat: now - 3600, nbf: now - 3600, exp: now - 20 });
    const justIssuedAhead = await signed({ iat: now + 20, nbf: now + 20, oid: '33333333-3333-4333-8333-333333333333' });
    assert.equal((await validator.validate(justExpired)).userId, USER_ID);
    assert.equal((await validator.validate(justIssuedAhead)).userId, '33333333-3333-4333-8333-333333333333');

    const strict = createTokenValidator({ mode: 'dev', audience: AUDIENCE, devJwks: issuer.jwks(), clockToleranceSeconds: 0, cache: false });
    await assertRefused(strict, justExpired, /expired/);
    await assertRefused(strict, justIssuedAhead, /not valid yet/);
  });

  it('refuses a token whose nbf is in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await assertRefused(validator, await signed({ nbf: now + 600 }), /not valid yet/);
  });

  it('refuses a token for another audience', async () => {
    await assertRefused(validator, await signed({ aud: 'api://some-other-api' }), /audience/);
    await assertRefused(validator, await signed({ aud: [AUDIENCE, 'api://some-other-api'] }), /audience/);
    await assertRefused(validator, await signed({ aud: undefined }), /"aud"/);
  });

  it('refuses an issuer whose tenant differs from the tid claim', async () => {
    const otherTenant = 'a7e5c3b1-9d8f-4e6a-8c2b-3f1e0d9c8b7a';
    const header = await signed({ iss: `https://login.microsoftonline.com/${otherTenant}/v2.0` });
    await assertRefused(validator, header, /issuer/);
  });

  it('refuses the v1 issuer and other issuer spellings', async () => {
    await assertRefused(validator, await signed({ iss: `https://sts.windows.net/${TENANT_ID}/` }), /issuer/);
    await assertRefused(validator, await signed({ iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0/` }), /issuer/);
    await assertRefused(validator, await signed({ iss: 'https://login.microsoftonline.com/common/v2.0' }), /issuer/);
    await assertRefused(validator, await signed({ iss: undefined }), /"iss"/);
  });

  it('refuses a token version other than 2.0', async () => {
    await assertRefused(validator, await signed({ ver: '1.0' }), /version/);
    await assertRefused(validator, await signed({ ver: undefined }), /"ver"/);
  });

  it('refuses tid or oid that are not GUIDs', async () => {
    await assertRefused(validator, await signed({ tid: 'contoso.onmicrosoft.com' }), /"tid" claim is not a GUID/);
    await assertRefused(validator, await signed({ oid: 'admin' }), /"oid" claim is not a GUID/);
    await assertRefused(validator, await signed({ oid: 42 }), /"oid" claim is not a GUID/);
    await assertRefused(validator, await signed({ oid: undefined }), /"oid"/);
  });

  it('refuses a token without exp or nbf', async () => {
    await assertRefused(validator, await signed({ exp: undefined }), /"exp"/);
    await assertRefused(validator, await signed({ nbf: undefined }), /"nbf"/);
  });

  it('gives the same answers with the cache turned off', async () => {
    const uncached = createTokenValidator({ mode: 'dev', audience: AUDIENCE, devJwks: issuer.jwks(), cache: false });
    const header = await signed({ roles: ['Catalog.Manage'] });
    assert.deepEqual(await uncached.validate(header), { tenantId: TENANT_ID, userId: USER_ID, roles: ['Catalog.Manage'] });
    await assertRefused(uncached, await signed({ aud: 'api://other' }), /audience/);
  });
});

describe('token validator, entra mode', () => {
  let dataDir: string;
  let issuer: DevIssuer;
  let microsoftKey: SigningKey;

  beforeAll(async () => {
    dataDir = makeTempDir();
    issuer = await loadOrCreateDevIssuer(dataDir);
    microsoftKey = await newSigningKey('nOo3ZDrODXEK1jKWhXslHR_KXEg');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** Counts key look-ups, to show which refusals happen before any. */
  function countingKeySet(): { keySet: JWTVerifyGetKey; lookups: () => number } {
    const local = createLocalJWKSet({ keys: [microsoftKey.publicJwk] });
    let count = 0;
    const keySet: JWTVerifyGetKey = (header, token) => {
      count += 1;
      return local(header, token);
    };
    return { keySet, lookups: () => count };
  }

  it('accepts a token signed by a Microsoft key', async () => {
    const validator = createTokenValidator({ mode: 'entra', audience: AUDIENCE, keySet: countingKeySet().keySet });
    const token = await signToken(microsoftKey, entraClaims({ roles: ['Tenant.Admin'] }));
    assert.deepEqual(await validator.validate(`Bearer ${token}`), { tenantId: TENANT_ID, userId: USER_ID, roles: ['Tenant.Admin'] });
  });

  it('refuses a dev token with a clear message, before any key look-up', async () => {
    const { keySet, lookups } = countingKeySet();
    const validator = createTokenValidator({ mode: 'entra', audience: AUDIENCE, keySet });
    const token = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, roles: ['Tenant.Admin'], audience: AUDIENCE });
    await assertRefused(validator, `Bearer ${token}`, /^development tokens are not accepted by this service$/);
    assert.equal(lookups(), 0);
  });

  it('cannot verify a dev-key token anyway, even under a kid without the dev prefix', async () => {
    const devKey = await devIssuerSigningKey(dataDir);
    const disguised = { ...devKey, kid: microsoftKey.kid };
    const validator = createTokenValidator({ mode: 'entra', audience: AUDIENCE, keySet: countingKeySet().keySet });
    await assertRefused(validator, `Bearer ${await signToken(disguised, entraClaims())}`, /signature is invalid/);
    const renamed = { ...devKey, kid: 'some-other-kid' };
    await assertRefused(validator, `Bearer ${await signToken(renamed, entraClaims())}`, /unknown kid/);
  });

  describe('with keys fetched from a JWKS URL', () => {
    let server: http.Server;
    let jwksUrl: string;
    let jwksRequests = 0;

    beforeAll(async () => {
      server = http.createServer((_request, response) => {
        jwksRequests += 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys: [microsoftKey.publicJwk] }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('refuses a dev token without fetching keys, then validates a Microsoft-signed token with them', async () => {
      const validator = createTokenValidator({ mode: 'entra', audience: AUDIENCE, entraJwksUrl: jwksUrl });
      const devToken = await issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE });
      await assertRefused(validator, `Bearer ${devToken}`, /development tokens are not accepted/);
      assert.equal(jwksRequests, 0);

      const token = await signToken(microsoftKey, entraClaims());
      assert.equal((await validator.validate(`Bearer ${token}`)).tenantId, TENANT_ID);
      assert.equal(jwksRequests, 1);
    });
  });
});

describe('token validator, configuration', () => {
  it('needs the JWKS URL in entra mode and the dev keys in dev mode', () => {
    assert.throws(() => createTokenValidator({ mode: 'entra', audience: AUDIENCE }), /entraJwksUrl/);
    assert.throws(() => createTokenValidator({ mode: 'dev', audience: AUDIENCE }), /devJwks/);
  });
});
