import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { test } from '@jest/globals';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { makeDataDir, startTestService } from '../support/testService';

test('a database that takes long to create: 202 at once, the admin polls GET /api/tenant until it is active', async () => {
  const dataDir = makeDataDir();
  const sqlite = new SqliteEngine(dataDir);
  let finishCreating!: () => void;
  const created = new Promise<void>((resolve) => (finishCreating = resolve));
  // As Azure SQL's CREATE DATABASE, which can take minutes.
  const slowEngine = Object.assign(Object.create(sqlite) as SqliteEngine, {
    provisionTenantDatabase: async (...args: Parameters<SqliteEngine['provisionTenantDatabase']>) => {
      await created;
      return sqlite.provisionTenantDatabase(...args);
    },
  });
  const t = await startTestService({ dataDir, engine: slowEngine, onboardingWaitMs: 50 });
  try {
    const tenantId = randomUUID();
    const admin = await t.token(tenantId, randomUUID(), ['Tenant.Admin']);
    const learner = await t.token(tenantId, randomUUID());
    const started = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'swedencentral', displayName: 'Fabrikam' } });
    assert.equal(started.status, 202);
    assert.equal(started.headers.location, '/api/tenant');
    assert.equal(started.body.status, 'provisioning');
    assert.equal((await t.call('GET', '/api/tenant', { token: admin })).body.status, 'provisioning');
    assert.equal((await t.call('GET', '/api/me/training', { token: learner })).status, 403, 'not usable before it is ready');
    const otherRegion = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'uksouth', displayName: 'Fabrikam' } });
    assert.equal(otherRegion.status, 409, 'the region cannot change while the set-up runs');

    finishCreating();
    let status = '';
    for (let i = 0; i < 100 && status !== 'active'; i++) {
      status = (await t.call('GET', '/api/tenant', { token: admin })).body.status;
      if (status !== 'active') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(status, 'active');
    assert.equal((await t.call('GET', '/api/me/training', { token: learner })).status, 200);
  } finally {
    await t.close();
  }
});
