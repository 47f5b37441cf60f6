import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from '../support/assert';
import { startTestService, type TestService } from '../support/testService';
import { KNOWN_LEARNER_TTL_MS, LearnerRegistry } from '../../src/server/training/learners';

/**
 * Another instance erases a person this instance remembers as known: the memory lasts a minute at most, after which
 * the person's next request finds no learner row and brings them back, as on a first sign-in.
 */
let t: TestService;
const tenantId = randomUUID();

beforeAll(async () => {
  t = await startTestService();
  await t.onboard(tenantId);
});
afterAll(() => t.close());

test('a known learner is looked up again once the memory expires, so an erasure elsewhere is seen within a minute', async () => {
  let clock = 1_000;
  const registry = new LearnerRegistry(null, undefined, { now: () => clock });
  const principal = { tenantId, userId: randomUUID(), roles: [] };
  const rowCount = () =>
    t.service.tenancy.withTenantDatabase(tenantId, async (db) => (await db.selectFrom('learners').select('learner_id').where('learner_id', '=', principal.userId).execute()).length);

  await t.service.tenancy.withTenantDatabase(tenantId, (db) => registry.ensure(db, principal, new Date()));
  assert.equal(await rowCount(), 1, 'first sign-in: the learner row is made');

  // Another instance erases the person (their row goes); this instance still remembers them.
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.deleteFrom('learners').where('tenant_id', '=', tenantId).where('learner_id', '=', principal.userId).execute());
  clock += KNOWN_LEARNER_TTL_MS - 1;
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => registry.ensure(db, principal, new Date()));
  assert.equal(await rowCount(), 0, 'within the minute the memory is trusted');

  clock += 2;
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => registry.ensure(db, principal, new Date()));
  assert.equal(await rowCount(), 1, 'after it, the next request brings the person back');
});
