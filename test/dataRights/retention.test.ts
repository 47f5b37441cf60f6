import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { JobLeases } from '../../src/server/jobs/jobLeases';
import { applyRetentionPolicy } from '../../src/server/privacy/retention';
import type { CatalogDatabase } from '../../src/server/store/catalogSchema';
import assert from '../support/assert';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { person, writeDirectory } from '../support/directoryPeople';
import { auditEvents, runPurges } from './dataRightsFixture';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

let t: TestService;
const tenantId = randomUUID();
const departedLong = person({ displayName: 'Left Long Ago' });
const inactiveOld = person({ displayName: 'Never Does Anything' });
const activeOld = person({ displayName: 'Old But Active' });
const restrictedOld = person({ displayName: 'Restricted' });
const newcomer = person({ displayName: 'Newcomer' });
let admin: string;
let learner: string;

const learnerIds = async () =>
  (await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('learners').select('learner_id').execute())).map((r) => r.learner_id);

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
  await writeDirectory(t, tenantId, [departedLong, inactiveOld, activeOld, restrictedOld], daysAgo(400));
  await writeDirectory(t, tenantId, [newcomer]);
  await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.updateTable('learners').set({ departed_at: daysAgo(100).toISOString() }).where('learner_id', 'in', [departedLong.id, restrictedOld.id]).execute(),
  );
  learner = await t.token(tenantId, newcomer.id);
  // The old but active one enrolled today; the restricted one is kept whatever the policy says.
  const catalogId = (await t.call('POST', '/api/catalogs', { token: await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']), body: { name: 'C' } })).body.id;
  const courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']), body: courseBody() })).body.id;
  assert.equal((await t.call('POST', `/api/courses/${courseId}/enrolments`, { token: await t.token(tenantId, activeOld.id) })).status, 201);
  assert.equal((await t.call('POST', `/api/learners/${restrictedOld.id}/restriction`, { token: admin, body: { reason: 'legal hold' } })).status, 200);
  assert.equal((await t.call('GET', '/api/me', { token: learner })).status, 200);
});
afterAll(() => t.close());

test('only a tenant admin sees or sets the policy, previews or runs it; bad input is refused and changes nothing', async () => {
  const before = await tenantSnapshot(t, tenantId);
  const policy = { inactiveDays: 365, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true };
  assertCleanError(await t.call('GET', '/api/tenant/retention-policy', { token: learner }), 403);
  assertCleanError(await t.call('PUT', '/api/tenant/retention-policy', { token: learner, body: policy }), 403);
  assertCleanError(await t.call('POST', '/api/tenant/retention/preview', { token: learner, body: {} }), 403);
  assertCleanError(await t.call('POST', '/api/tenant/retention/runs', { token: learner, body: { expectedTotal: 1 } }), 403);
  assertCleanError(await t.call('GET', '/api/tenant/retention/runs', { token: learner }), 403);
  assertCleanError(await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { ...policy, inactiveDays: 0 } }), 400);
  assertCleanError(await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { ...policy, departedDays: '90' } }), 400);
  assertCleanError(await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { inactiveDays: 365 } }), 400);
  assertCleanError(await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { ...policy, purgeEveryone: true } }), 400);
  assertCleanError(await t.call('POST', '/api/tenant/retention/runs', { token: admin, body: { expectedTotal: 0 } }), 400);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  const unset = await t.call('GET', '/api/tenant/retention-policy', { token: admin });
  assert.deepEqual(unset.body, { inactiveDays: null, departedDays: null, noticeNotAcceptedDays: null, dryRunFirst: true, updatedAt: null });
  assertCleanError(await t.call('POST', '/api/tenant/retention/runs', { token: admin, body: { expectedTotal: 1 } }), 409);
});

test('the preview counts who would go and shows a sample; the run needs its total and purges one erasure job each', async () => {
  const set = await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { inactiveDays: 365, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true } });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  assert.equal(set.body.inactiveDays, 365);

  const preview = await t.call('POST', '/api/tenant/retention/preview', { token: admin, body: { sampleSize: 10 } });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.kind, 'dry-run');
  assert.deepEqual(preview.body.counts, { inactive: 2, departed: 1, noticeNotAccepted: 0 });
  assert.equal(preview.body.total, 2);
  const sample = new Map(preview.body.sample.map((s: { learnerId: string; criteria: string[] }) => [s.learnerId, s.criteria]));
  assert.deepEqual(sample, new Map([[departedLong.id, ['departed', 'inactive']], [inactiveOld.id, ['inactive']]]));

  const before = await tenantSnapshot(t, tenantId);
  const stale = assertCleanError(await t.call('POST', '/api/tenant/retention/runs', { token: admin, body: { expectedTotal: 3 } }), 409);
  assert.match(stale.message, /selects 2/);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before, 'a refused run changes nothing');

  const run = await t.call('POST', '/api/tenant/retention/runs', { token: admin, body: { expectedTotal: 2 } });
  assert.equal(run.status, 202, JSON.stringify(run.body));
  assert.equal(run.body.purgesRequested, 2);
  await runPurges(t, tenantId);
  const left = await learnerIds();
  assert.ok(!left.includes(departedLong.id) && !left.includes(inactiveOld.id), 'both are erased');
  for (const kept of [activeOld.id, restrictedOld.id, newcomer.id]) assert.ok(left.includes(kept), 'the others stay');

  const runs = (await t.call('GET', '/api/tenant/retention/runs', { token: admin })).body.runs;
  assert.deepEqual(runs.map((r: { kind: string; startedBy: string; total: number }) => [r.kind, r.startedBy, r.total]), [['purge', 'admin', 2], ['dry-run', 'admin', 2]]);
  const events = await auditEvents(t, tenantId);
  assert.ok(events.some((e) => e.action === 'retention.purge'));
  assert.equal(events.filter((e) => e.action === 'erasure.requested').length, 2);
  assert.ok(!JSON.stringify(events).includes(departedLong.id) && !JSON.stringify(events).includes(inactiveOld.id));
});

test('the daily job: a dry-run report first when the policy says so, at most once a day, one instance at a time', async () => {
  // The notice has been in force for 60 days; the old but active person never accepted it.
  const notice = await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: 'Notice' } });
  assert.equal(notice.status, 200);
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.updateTable('privacy_notices').set({ published_at: daysAgo(60).toISOString() }).execute());
  await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { inactiveDays: null, departedDays: null, noticeNotAcceptedDays: 30, dryRunFirst: true } });

  const catalog = await t.service.engine.openCatalog<CatalogDatabase>();
  try {
    const otherInstance = new JobLeases(catalog);
    assert.ok(await otherInstance.acquire('retention', tenantId, 60_000, new Date()));
    assert.equal(await t.service.retention.runForTenant(tenantId), undefined, 'another instance holds the lease');
    await otherInstance.release('retention', tenantId);
  } finally {
    await catalog.destroy();
  }

  const report = await t.service.retention.runForTenant(tenantId);
  assert.equal(report?.kind, 'dry-run');
  assert.equal(report?.startedBy, 'schedule');
  assert.deepEqual(report?.counts, { inactive: 0, departed: 0, noticeNotAccepted: 1 });
  assert.equal(report?.purgesRequested, 0);
  assert.ok((await learnerIds()).includes(activeOld.id), 'a dry run removes no one');
  assert.equal(await t.service.retention.runForTenant(tenantId), null, 'once a day');

  // Without the dry run first, the next day's run purges.
  await t.call('PUT', '/api/tenant/retention-policy', { token: admin, body: { inactiveDays: null, departedDays: null, noticeNotAcceptedDays: 30, dryRunFirst: false } });
  const tomorrow = new Date(Date.now() + DAY);
  const purge = await t.service.tenancy.withTenantDatabase(tenantId, (db) => applyRetentionPolicy(db, tenantId, tomorrow));
  assert.equal(purge?.kind, 'purge');
  assert.equal(purge?.purgesRequested, 1);
  await runPurges(t, tenantId);
  const left = await learnerIds();
  assert.ok(!left.includes(activeOld.id), 'the person who never accepted the notice is erased');
  assert.ok(left.includes(newcomer.id), 'a newcomer still has time to accept');
  assert.ok(left.includes(restrictedOld.id), 'a restricted person is kept');
  const actions = (await auditEvents(t, tenantId)).map((e) => e.action);
  assert.ok(actions.includes('retention.dry-run') && actions.includes('retention.purge'));
});
