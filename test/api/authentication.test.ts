import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { loadOrCreateDevIssuer, type DevIssuer } from '../../src/server/auth/devIssuer';
import { assertCleanError, documentedRoutes } from '../support/apiSurface';
import { startTestService, type TestService } from '../support/testService';
import { base64urlJson, devIssuerSigningKey, newSigningKey, signToken, type SigningKey } from '../auth/tokenFixtures';

const AUDIENCE = 'api://atrium-lms';

/** Entra v2.0 access token claims for tid/oid, valid for an hour; `overrides` with undefined drop a claim. */
function claims(tid: string, oid: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const all: Record<string, unknown> = {
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    aud: AUDIENCE,
    tid,
    oid,
    sub: 'pairwise',
    ver: '2.0',
    scp: 'access_as_user',
    iat: now,
    nbf: now,
    exp: now + 3600,
    ...overrides,
  };
  for (const key of Object.keys(all)) if (all[key] === undefined) delete all[key];
  return all;
}

function assertUnauthenticated(response: { status: number; body: any; raw: Buffer; headers: Record<string, unknown> }, context: string, token?: string) {
  const error = assertCleanError(response, 401, context);
  assert.equal(error.code, 'unauthenticated', context);
  assert.match(String(response.headers['www-authenticate']), /^Bearer\b/, `${context}: WWW-Authenticate`);
  if (token) assert.ok(!response.raw.toString().includes(token), `${context}: the reply does not echo the token`);
  return error;
}

describe('dev mode', () => {
  let t: TestService;
  let devKey: SigningKey;
  const tenantId = randomUUID();
  const userId = randomUUID();

  beforeAll(async () => {
    t = await startTestService();
    await t.onboard(tenantId);
    devKey = await devIssuerSigningKey(t.dataDir);
  });
  afterAll(() => t.close());

  test('a valid dev token is accepted (the control for every refusal below)', async () => {
    const response = await t.call('GET', '/api/me', { token: await t.token(tenantId, userId) });
    assert.equal(response.status, 200);
    assert.equal(response.body.profile.id, userId);
  });

  test('a missing, empty or non-Bearer Authorization header is a 401 on every /api operation', async () => {
    // Certificate verification is public by design (test/api/certificates.test.ts).
    const routes = (await documentedRoutes(t)).filter((r) => (r.method === 'GET' || r.method === 'POST' || r.method === 'PUT') && !r.path.startsWith('/api/public/'));
    const sampleIds: Record<string, string> = { code: 'ATR-0000-0000-0000' };
    for (const route of routes) {
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => sampleIds[name] ?? randomUUID());
      for (const headers of [{}, { authorization: '' }, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Bearer' }] as Array<Record<string, string>>) {
        const response = await t.call(route.method, url, { headers, ...(route.method === 'GET' ? {} : { body: {} }) });
        assertUnauthenticated(response, `${route.method} ${url} ${JSON.stringify(headers)}`);
      }
    }
  });

  test('an operation reached through a percent-encoded path still needs a token', async () => {
    for (const url of ['/%61pi/regions', '/%61pi/tenant', '/%61pi/catalogs']) {
      const response = await t.call('GET', url);
      assertUnauthenticated(response, url);
    }
  });

  test('garbage, forged, expired, wrong-audience and wrong-issuer tokens are refused with 401', async () => {
    const stranger = await newSigningKey(devKey.kid);
    const now = Math.floor(Date.now() / 1000);
    const otherTenant = randomUUID();
    const refused: Array<[string, string, RegExp]> = [
      ['garbage', 'not-a-jwt', /malformed/],
      ['three parts of garbage', 'aaa.bbb.ccc', /malformed/],
      ['unsigned (alg none)', `${base64urlJson({ alg: 'none', typ: 'JWT' })}.${base64urlJson(claims(tenantId, userId))}.`, /algorithm/],
      ['signed by another key under the dev kid', await signToken(stranger, claims(tenantId, userId)), /signature/],
      ['expired', await signToken(devKey, claims(tenantId, userId, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 })), /expired/],
      ['not valid yet', await signToken(devKey, claims(tenantId, userId, { nbf: now + 3600, exp: now + 7200 })), /not valid yet/],
      ['wrong audience', await t.service.devIssuer!.issueToken({ tenantId, userId, audience: 'api://another-api' }), /audience/],
      ['audience list', await signToken(devKey, claims(tenantId, userId, { aud: [AUDIENCE, 'api://another-api'] })), /audience/],
      ['issuer of another tenant', await signToken(devKey, claims(tenantId, userId, { iss: `https://login.microsoftonline.com/${otherTenant}/v2.0` })), /issuer/],
      ['v1 issuer', await signToken(devKey, claims(tenantId, userId, { iss: `https://sts.windows.net/${tenantId}/` })), /issuer|version/],
      ['no tid', await signToken(devKey, claims(tenantId, userId, { tid: undefined })), /tid/],
      ['tid not a GUID', await signToken(devKey, claims('contoso', userId)), /tid/],
      ['no expiry', await signToken(devKey, claims(tenantId, userId, { exp: undefined })), /exp/],
    ];
    for (const [name, token, message] of refused) {
      const response = await t.call('GET', '/api/me', { token });
      const error = assertUnauthenticated(response, name, token);
      assert.match(error.message, message, name);
    }
  });

  test('refused tokens change nothing: no learner row for the caller', async () => {
    const intruder = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const expired = await signToken(devKey, claims(tenantId, intruder, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 }));
    assert.equal((await t.call('POST', '/api/catalogs', { token: expired, body: { name: 'x' } })).status, 401);
    const rows = await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('learners').select('learner_id').where('learner_id', '=', intruder).execute());
    assert.deepEqual(rows, []);
  });

  test('a tenant that is not onboarded gets 403 tenant_not_onboarded, saying who can set it up', async () => {
    const newTenant = randomUUID();
    const learner = await t.token(newTenant, randomUUID());
    const admin = await t.token(newTenant, randomUUID(), ['Tenant.Admin']);
    for (const url of ['/api/me', '/api/me/training', '/api/catalogs', '/api/tenant']) {
      const asLearner = await t.call('GET', url, { token: learner });
      const learnerError = assertCleanError(asLearner, 403, url);
      assert.equal(learnerError.code, 'tenant_not_onboarded');
      assert.match(learnerError.message, /not been set up/);
      assert.match(learnerError.message, /Tenant\.Admin/, 'a learner is told who can set it up');
      assert.doesNotMatch(learnerError.message, /POST \/api\/tenant\/onboarding/, 'a learner cannot onboard, so is not sent there');

      const asAdmin = await t.call('GET', url, { token: admin });
      const adminError = assertCleanError(asAdmin, 403, url);
      assert.equal(adminError.code, 'tenant_not_onboarded');
      assert.match(adminError.message, /POST \/api\/tenant\/onboarding/, 'a tenant admin is told how to set it up');
    }
    const create = await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Too early' } });
    assert.equal(assertCleanError(create, 403).code, 'tenant_not_onboarded');
    assert.equal(await t.service.tenancy.tenantRecord(newTenant), undefined);
  });

  test('/healthz and /api/openapi.json need no token', async () => {
    const health = await t.call('GET', '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    const openapi = await t.call('GET', '/api/openapi.json');
    assert.equal(openapi.status, 200);
    assert.match(String(openapi.body.openapi), /^3\./);
    assert.ok(openapi.body.paths['/api/catalogs']);
  });

  test('a 401 for a request without credentials carries a bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const response = await t.call('GET', '/api/me');
    assert.equal(response.status, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer');
  });
});

describe('entra mode', () => {
  let t: TestService;
  let jwks: http.Server;
  let entraKey: SigningKey;
  let devDir: string;
  let devIssuer: DevIssuer;
  const tenantId = randomUUID();

  beforeAll(async () => {
    entraKey = await newSigningKey('entra-test-key-1');
    jwks = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [entraKey.publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestService({ env: { ATRIUM_AUTH_MODE: 'entra', ATRIUM_ENTRA_JWKS_URL: `http://127.0.0.1:${port}/discovery/v2.0/keys` } });
    devDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-devissuer-'));
    devIssuer = await loadOrCreateDevIssuer(devDir);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
    fs.rmSync(devDir, { recursive: true, force: true });
  });

  test('the service runs no dev issuer', () => {
    assert.equal(t.service.devIssuer, null);
    assert.ok(!fs.existsSync(path.join(t.dataDir, 'dev-issuer')), 'no dev signing key is created in entra mode');
  });

  test('a token signed by the Entra keys is accepted (the control)', async () => {
    const admin = await signToken(entraKey, claims(tenantId, randomUUID(), { roles: ['Tenant.Admin'] }));
    const notYet = await t.call('GET', '/api/me', { token: admin });
    assert.equal(assertCleanError(notYet, 403).code, 'tenant_not_onboarded', 'authenticated, just not onboarded');
    const onboard = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'northeurope', displayName: 'Entra tenant' } });
    assert.equal(onboard.status, 201);
    assert.equal((await t.call('GET', '/api/me', { token: admin })).status, 200);
  });

  test('dev-issued tokens are refused, even for an onboarded tenant and with the right audience', async () => {
    for (const roles of [[], ['Tenant.Admin']]) {
      const token = await devIssuer.issueToken({ tenantId, userId: randomUUID(), roles, audience: AUDIENCE });
      const response = await t.call('GET', '/api/me', { token });
      const error = assertUnauthenticated(response, `dev token ${roles.join(',')}`, token);
      assert.match(error.message, /development tokens/);
    }
  });

  test('a dev key presented under another kid is still refused (unknown key)', async () => {
    const devKey = await devIssuerSigningKey(devDir);
    const token = await signToken(devKey, claims(tenantId, randomUUID()), { kid: entraKey.kid });
    const response = await t.call('GET', '/api/me', { token });
    assertUnauthenticated(response, 'dev key, entra kid', token);
  });
});
