import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { ConnectionError } from 'mssql';
import { loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { tenantDatabaseName } from '../../src/server/tenancy/tenancy';
import { assertCleanError } from '../support/apiSurface';
import { makeDataDir, startTestService, type TestService } from '../support/testService';

// A dependency's failure (Microsoft Graph, a tenant's database) is a 503 with Retry-After that names it, never a
// 500; and every answer, the ones Fastify and Node's HTTP parser give included, has the same error envelope.

async function learnerRows(t: TestService, tenantId: string, userId: string) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('learners').select('learner_id').where('learner_id', '=', userId).execute());
}

describe('Microsoft Graph failing', () => {
  const tenantId = randomUUID();
  let graph: LocalGraph;
  let t: TestService;

  beforeAll(async () => {
    const dataDir = makeDataDir();
    graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir));
    // One retry, so the test waits one Retry-After second at most.
    t = await startTestService({ dataDir, graph: { ...graph.access, retry: { maxRetries: 1, delaySeconds: 1 } } });
    await t.onboard(tenantId);
  });
  afterAll(async () => {
    await t.close();
    await graph.standIn.close();
  });

  test('throttled (429) after the client retries: 503 with Retry-After, naming Microsoft Graph; nothing stored', async () => {
    const person = graph.standIn.directory(tenantId).ids()[5];
    const token = await t.token(tenantId, person);
    graph.standIn.resetStats();
    graph.standIn.throttleNext(2, { status: 429, retryAfterSeconds: 1 });
    const answer = await t.call('GET', '/api/me', { token });
    const error = assertCleanError(answer, 503, 'throttled Graph');
    assert.equal(error.code, 'service_unavailable');
    assert.match(error.message, /Microsoft Graph.*throttling/);
    assert.equal(answer.headers['retry-after'], '1', "Graph's own Retry-After");
    assert.equal(graph.standIn.stats().throttled, 2, 'the first call and its retry');
    assert.deepEqual(await learnerRows(t, tenantId, person), []);

    const later = await t.call('GET', '/api/me', { token });
    assert.equal(later.status, 200, 'once Graph answers again, the person signs in');
    assert.equal(later.body.profile.id, person);
  });

  test('unavailable (503) after the client retries: 503 with Graph\'s Retry-After', async () => {
    const token = await t.token(tenantId, graph.standIn.directory(tenantId).ids()[6]);
    graph.standIn.throttleNext(2, { status: 503, retryAfterSeconds: 1 });
    const answer = await t.call('GET', '/api/catalogs', { token });
    const error = assertCleanError(answer, 503, 'Graph 503');
    assert.equal(error.code, 'service_unavailable');
    assert.match(error.message, /Microsoft Graph.*HTTP 503/);
    assert.equal(answer.headers['retry-after'], '1');
  });

  test('unreachable: 503 naming Microsoft Graph, with a Retry-After of our own', async () => {
    const unreachable = await startTestService({
      graph: { baseUrl: graph.standIn.url.replace(/:\d+\/$/, ':9/'), getAccessToken: graph.access.getAccessToken, retry: { maxRetries: 0, delaySeconds: 1 } },
    });
    try {
      const other = randomUUID();
      await unreachable.onboard(other);
      const answer = await unreachable.call('GET', '/api/me', { token: await unreachable.token(other, randomUUID()) });
      const error = assertCleanError(answer, 503, 'Graph unreachable');
      assert.match(error.message, /Microsoft Graph/);
      assert.ok(Number(answer.headers['retry-after']) > 0);
    } finally {
      await unreachable.close();
    }
  });
});

describe("a tenant's database failing", () => {
  test('a SQLite file that cannot be opened: 503, and other tenants carry on', async () => {
    const t = await startTestService();
    try {
      const [broken, healthy] = [randomUUID(), randomUUID()];
      const brokenAdmin = await t.onboard(broken);
      const healthyAdmin = await t.onboard(healthy);
      const file = path.join(t.dataDir, 'regions', 'westeurope', `${tenantDatabaseName(broken)}.sqlite`);
      assert.ok(fs.existsSync(file));
      // The volume holding the file is gone.
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });

      const answer = await t.call('GET', '/api/catalogs', { token: await t.token(broken, brokenAdmin, ['Tenant.Admin']) });
      const error = assertCleanError(answer, 503, 'database file gone');
      assert.equal(error.code, 'service_unavailable');
      assert.match(error.message, /organisation's database \(region West Europe\)/);
      assert.ok(Number(answer.headers['retry-after']) > 0);
      assert.equal((await t.call('GET', '/api/catalogs', { token: await t.token(healthy, healthyAdmin, ['Tenant.Admin']) })).status, 200);
    } finally {
      await t.close();
    }
  });

  test('a SQL Server login or connection failure: 503', async () => {
    const failing = new Set<string>();
    const sqlite = new SqliteEngine(makeDataDir());
    const engine: DatabaseEngine = {
      dialect: sqlite.dialect,
      openCatalog: () => sqlite.openCatalog(),
      provisionTenantDatabase: (region, name) => sqlite.provisionTenantDatabase(region, name),
      dropTenantDatabase: (region, name) => sqlite.dropTenantDatabase(region, name),
      openTenantDatabase: async (region, name) => {
        if (failing.has(name)) throw new ConnectionError("Login failed for user '<token-identified principal>'.", 'ELOGIN');
        return sqlite.openTenantDatabase(region, name);
      },
      close: () => sqlite.close(),
    };
    const t = await startTestService({ engine });
    try {
      const tenantId = randomUUID();
      const admin = await t.onboard(tenantId);
      failing.add(tenantDatabaseName(tenantId));
      const answer = await t.call('GET', '/api/me', { token: await t.token(tenantId, admin) });
      assert.equal(assertCleanError(answer, 503, 'login failed').code, 'service_unavailable');
      assert.doesNotMatch(answer.body.error.message, /Login failed|principal/, 'the driver message stays in the log');
    } finally {
      await t.close();
    }
  });
});

describe('one error envelope for every answer', () => {
  let t: TestService;
  let token: string;

  beforeAll(async () => {
    t = await startTestService();
    const tenantId = randomUUID();
    token = await t.token(tenantId, await t.onboard(tenantId), ['Tenant.Admin']);
  });
  afterAll(() => t.close());

  test('404 for a route that does not exist', async () => {
    const answer = await t.call('GET', '/api/nothing-here', { token });
    assert.equal(assertCleanError(answer, 404, '404').code, 'not_found');
  });

  test('413 for a body above the limit', async () => {
    const answer = await t.call('POST', '/api/catalogs', { token, body: { name: 'x'.repeat(300 * 1024) } });
    assert.equal(assertCleanError(answer, 413, '413').code, 'payload_too_large');
  });

  test('415 for a body that is not JSON, saying to send application/json', async () => {
    const answer = await t.call('POST', '/api/catalogs', { token, body: 'name=Compliance', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const error = assertCleanError(answer, 415, '415');
    assert.equal(error.code, 'unsupported_media_type');
    assert.match(error.message, /application\/json/);
  });

  test('400 for malformed JSON', async () => {
    const answer = await t.call('POST', '/api/catalogs', { token, body: '{"name":' });
    assert.equal(assertCleanError(answer, 400, 'bad JSON').code, 'invalid_request');
  });

  test("431 for oversized headers, which Node's HTTP parser refuses before Fastify sees the request", async () => {
    await t.service.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.service.app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; raw: Buffer }>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: '/api/me', headers: { 'x-padding': 'x'.repeat(32 * 1024) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), raw: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
    });
    assert.match(answer.type, /^application\/json/);
    const error = assertCleanError({ ...answer, body: JSON.parse(answer.raw.toString('utf8')) }, 431, '431');
    assert.equal(error.code, 'request_header_fields_too_large');
  });
});
