import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { dropDatabaseStatement } from '../../src/server/store/mssql/databaseProvisioning';
import { tenantDatabaseName } from '../../src/server/tenancy/tenancy';
import assert from '../support/assert';
import { assertCleanError } from '../support/apiSurface';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { courseBody, makeDataDir, startTestService, type TestService } from '../support/testService';

let t: TestService;
const leaving = randomUUID();
const staying = randomUUID();
let admin: string;
let learner: string;
let stayingAdmin: string;
const regionFolder = () => path.join(t.dataDir, 'regions', 'westeurope');
const filesOf = (tenantId: string) => fs.readdirSync(regionFolder()).filter((f) => f.startsWith(tenantDatabaseName(tenantId)));

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(leaving, 'westeurope');
  admin = await t.token(leaving, adminId, ['Tenant.Admin', 'Catalog.Manage']);
  learner = await t.token(leaving, randomUUID());
  stayingAdmin = await t.token(staying, await t.onboard(staying, 'westeurope'), ['Tenant.Admin', 'Catalog.Manage']);
  const catalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Leaving' } })).body.id;
  const courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody() })).body.id;
  assert.equal((await t.call('POST', `/api/courses/${courseId}/enrolments`, { token: learner })).status, 201);
  assert.equal((await t.call('POST', '/api/catalogs', { token: stayingAdmin, body: { name: 'Staying' } })).status, 201);
});
afterAll(() => t.close());

test('only a tenant admin offboards, and only with the organisation name typed exactly', async () => {
  const name = (await t.call('GET', '/api/tenant', { token: admin })).body.displayName;
  assertCleanError(await t.call('DELETE', '/api/tenant', { token: learner, body: { confirmation: name } }), 403);
  assertCleanError(await t.call('DELETE', '/api/tenant', { token: await t.token(leaving, randomUUID(), ['Catalog.Manage']), body: { confirmation: name } }), 403);
  const wrong = assertCleanError(await t.call('DELETE', '/api/tenant', { token: admin, body: { confirmation: name.toUpperCase() } }), 400);
  assert.match(wrong.message, /confirmation/);
  assertCleanError(await t.call('DELETE', '/api/tenant', { token: admin }), 400);
  assertCleanError(await t.call('DELETE', '/api/tenant', { token: admin, body: { confirmation: name, force: true } }), 400);
  assert.equal((await t.call('GET', '/api/me/training', { token: learner })).status, 200, 'still there');
  assert.ok(filesOf(leaving).length > 0);
});

test('offboarding drops the database in its region, removes the tenant, and returns a receipt without personal data', async () => {
  const name = (await t.call('GET', '/api/tenant', { token: admin })).body.displayName;
  const response = await t.call('DELETE', '/api/tenant', { token: admin, body: { confirmation: name } });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  const receipt = response.body;
  assert.equal(receipt.tenantId, leaving);
  assert.equal(receipt.region, 'westeurope');
  assert.equal(receipt.databaseName, tenantDatabaseName(leaving));
  assert.equal(receipt.deletedRecords.enrolments, 1);
  assert.equal(receipt.deletedRecords.courses, 1);
  assert.ok(receipt.deletedRecords.learners >= 2);
  assert.ok(Date.parse(receipt.deletedAt) > 0);

  assert.deepEqual(filesOf(leaving), [], 'no file of the tenant is left in the region folder (no -wal, no -shm)');
  assert.ok(filesOf(staying).length > 0, "the other tenant's database is untouched");
  assert.equal(await t.service.tenancy.tenantRecord(leaving), undefined, 'gone from the tenant catalog');

  for (const [method, url, token] of [
    ['GET', '/api/me', learner],
    ['GET', '/api/me/training', learner],
    ['GET', '/api/tenant', admin],
    ['GET', '/api/catalogs', admin],
  ] as const) {
    const refused = assertCleanError(await t.call(method, url, { token }), 403, url);
    assert.equal(refused.code, 'tenant_not_onboarded', url);
  }
  assertCleanError(await t.call('DELETE', '/api/tenant', { token: admin, body: { confirmation: name } }), 403);
  assert.equal((await t.call('GET', '/api/catalogs', { token: stayingAdmin })).body.length, 1, 'the other tenant carries on');
});

test('the organisation can be set up again afterwards, empty', async () => {
  const again = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'northeurope', displayName: 'Back again' } });
  assert.equal(again.status, 201, JSON.stringify(again.body));
  assert.deepEqual((await t.call('GET', '/api/catalogs', { token: admin })).body, []);
  assert.deepEqual((await t.call('GET', '/api/me/training', { token: learner })).body.items, []);
});

// node-sql-parser's transactsql grammar has no DROP DATABASE at all (it refuses even `DROP DATABASE x`), so the
// statement is checked by its exact text: SQL Server 2016+ and Azure SQL Database syntax, name validated and bracketed.
test('on Azure SQL the database is dropped with one T-SQL statement, a repeat being a no-op', () => {
  const statement = dropDatabaseStatement(tenantDatabaseName(leaving));
  assert.equal(statement, `DROP DATABASE IF EXISTS [${tenantDatabaseName(leaving)}]`);
  assert.throws(() => dropDatabaseStatement('master'), /invalid tenant database name/);
});

test('a drop that fails (e.g. the database still in use) answers 503, keeps the tenant refused, and calling again finishes it', async () => {
  const dataDir = makeDataDir();
  const sqlite = new SqliteEngine(dataDir);
  let failDrops = 1;
  const engine: DatabaseEngine = {
    dialect: sqlite.dialect,
    openCatalog: () => sqlite.openCatalog(),
    provisionTenantDatabase: (region, name) => sqlite.provisionTenantDatabase(region, name),
    openTenantDatabase: (region, name) => sqlite.openTenantDatabase(region, name),
    dropTenantDatabase: async (region, name) => {
      if (failDrops-- > 0) throw new Error('Cannot drop database because it is currently in use.');
      return sqlite.dropTenantDatabase(region, name);
    },
    close: () => sqlite.close(),
  };
  const s = await startTestService({ engine, dataDir });
  try {
    const tenantId = randomUUID();
    const adminToken = await s.token(tenantId, await s.onboard(tenantId), ['Tenant.Admin']);
    const name = (await s.call('GET', '/api/tenant', { token: adminToken })).body.displayName;
    const failed = assertCleanError(await s.call('DELETE', '/api/tenant', { token: adminToken, body: { confirmation: name } }), 503);
    assert.match(failed.message, /again/);
    assert.equal((await s.call('GET', '/api/tenant', { token: adminToken })).body.status, 'offboarding');
    assert.equal(assertCleanError(await s.call('GET', '/api/me', { token: await s.token(tenantId, randomUUID()) }), 403).code, 'tenant_not_onboarded');
    const finished = await s.call('DELETE', '/api/tenant', { token: adminToken, body: { confirmation: name } });
    assert.equal(finished.status, 200, JSON.stringify(finished.body));
    assert.equal(await s.service.tenancy.tenantRecord(tenantId), undefined);
    assert.deepEqual(fs.readdirSync(path.join(s.dataDir, 'regions', 'westeurope')).filter((f) => f.startsWith(tenantDatabaseName(tenantId))), []);
  } finally {
    await s.close();
  }
});
