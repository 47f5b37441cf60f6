import assert from '../support/assert';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { devIssuerKeyFile, loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { createTokenValidator } from '../../src/server/auth/tokenValidator';
import { AUDIENCE, makeTempDir, TENANT_ID, USER_ID } from './tokenFixtures';

describe('dev issuer', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = makeTempDir();
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates its key once, readable by the owner only, and reuses it on later starts', async () => {
    const first = await loadOrCreateDevIssuer(dataDir);
    assert.match(first.keyId, /^atrium-dev-[A-Za-z0-9_-]+$/);
    if (process.platform !== 'win32') assert.equal(fs.statSync(devIssuerKeyFile(dataDir)).mode & 0o777, 0o600);

    const second = await loadOrCreateDevIssuer(dataDir);
    assert.equal(second.keyId, first.keyId);
    const token = await second.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE });
    const validator = createTokenValidator({ mode: 'dev', audience: AUDIENCE, devJwks: first.jwks() });
    assert.equal((await validator.validate(`Bearer ${token}`)).userId, USER_ID);
  });

  it('ends with one shared key when several processes start at once', async () => {
    const issuers = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateDevIssuer(dataDir)));
    assert.equal(new Set(issuers.map((issuer) => issuer.keyId)).size, 1);
    assert.deepEqual(fs.readdirSync(`${dataDir}/dev-issuer`), ['signing-key.json']);
  });

  it('publishes only the public part of its key', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const { keys } = issuer.jwks();
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(keys[0].kid, issuer.keyId);
    assert.equal(keys[0].alg, 'RS256');
  });

  it('issues tokens in the shape of Entra v2.0 access tokens', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const upperTenant = TENANT_ID.toUpperCase();
    const token = await issuer.issueToken({
      tenantId: upperTenant,
      userId: USER_ID,
      roles: ['Tenant.Admin'],
      audience: AUDIENCE,
      lifetimeSeconds: 900,
      name: 'Ada Lovelace',
    });
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'RS256', typ: 'JWT', kid: issuer.keyId });
    const claims = decodeJwt(token);
    assert.equal(claims.iss, `https://login.microsoftonline.com/${TENANT_ID}/v2.0`);
    assert.equal(claims.aud, AUDIENCE);
    assert.equal(claims.tid, TENANT_ID);
    assert.equal(claims.oid, USER_ID);
    assert.deepEqual(claims.roles, ['Tenant.Admin']);
    assert.equal(claims.ver, '2.0');
    assert.equal(claims.scp, 'access_as_user');
    assert.equal(claims.name, 'Ada Lovelace');
    assert.equal(typeof claims.sub, 'string');
    assert.equal(claims.nbf, claims.iat);
    assert.equal((claims.exp as number) - (claims.iat as number), 900);
  });

  it('omits roles when there are none and keeps sub stable per user', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const request = { tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE, roles: [] };
    const first = decodeJwt(await issuer.issueToken(request));
    const again = decodeJwt(await issuer.issueToken({ ...request, lifetimeSeconds: 60 }));
    const otherUser = decodeJwt(await issuer.issueToken({ ...request, userId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706' }));
    assert.equal('roles' in first, false);
    assert.equal(again.sub, first.sub);
    assert.notEqual(otherUser.sub, first.sub);
    assert.equal((first.exp as number) - (first.iat as number), 3600);
  });

  it('refuses to issue for ids that are not GUIDs or with a nonsensical lifetime', async () => {
    const issuer = await loadOrCreateDevIssuer(dataDir);
    await assert.rejects(issuer.issueToken({ tenantId: 'contoso', userId: USER_ID, audience: AUDIENCE }), /tenantId must be a GUID/);
    await assert.rejects(issuer.issueToken({ tenantId: TENANT_ID, userId: 'ada', audience: AUDIENCE }), /userId must be a GUID/);
    await assert.rejects(
      issuer.issueToken({ tenantId: TENANT_ID, userId: USER_ID, audience: AUDIENCE, lifetimeSeconds: 0 }),
      /lifetimeSeconds/,
    );
  });

  it('says how to recover from an unusable key file', async () => {
    fs.mkdirSync(`${dataDir}/dev-issuer`, { recursive: true });
    fs.writeFileSync(devIssuerKeyFile(dataDir), '{"kty":"RSA","n":"abc","e":"AQAB","kid":"atrium-dev-x"}');
    await assert.rejects(loadOrCreateDevIssuer(dataDir), /not a usable RS256 private key; delete it/);
    fs.writeFileSync(devIssuerKeyFile(dataDir), 'not json');
    await assert.rejects(loadOrCreateDevIssuer(dataDir), /delete it/);
  });
});
