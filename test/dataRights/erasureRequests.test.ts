import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from '../support/assert';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { startTestService, type TestService } from '../support/testService';
import { person, writeDirectory } from '../support/directoryPeople';
import { auditEvents, runPurges } from './dataRightsFixture';

let t: TestService;
const tenantId = randomUUID();
const asker = person({ displayName: 'Asks To Be Forgotten' });
const other = person({ displayName: 'Someone Else' });
let admin: string;
let askerToken: string;
let otherToken: string;

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
  await writeDirectory(t, tenantId, [asker, other]);
  askerToken = await t.token(tenantId, asker.id);
  otherToken = await t.token(tenantId, other.id, ['Catalog.Manage']);
  for (const token of [admin, askerToken, otherToken]) assert.equal((await t.call('GET', '/api/me', { token })).status, 200);
});
afterAll(() => t.close());

test('a learner asks to be forgotten and sees where it stands; asking again returns the same request', async () => {
  assert.deepEqual((await t.call('GET', '/api/me/erasure-request', { token: askerToken })).body, { request: null });
  const asked = await t.call('POST', '/api/me/erasure-request', { token: askerToken, body: { note: 'I left the company' } });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  assert.equal(asked.body.status, 'pending');
  assert.equal(asked.body.source, 'learner');
  const again = await t.call('POST', '/api/me/erasure-request', { token: askerToken, body: {} });
  assert.equal(again.status, 200);
  assert.equal(again.body.id, asked.body.id);
  assert.equal((await t.call('GET', '/api/me/erasure-request', { token: askerToken })).body.request.id, asked.body.id);
  assertCleanError(await t.call('POST', '/api/me/erasure-request', { token: askerToken, body: { note: 7 } }), 400);
});

test('only a tenant admin lists and decides requests; bad decisions are refused and change nothing', async () => {
  const pending = (await t.call('GET', '/api/tenant/erasure-requests?status=pending', { token: admin })).body.requests;
  assert.equal(pending.length, 1);
  assert.equal(pending[0].learnerId, asker.id);
  assert.equal(pending[0].displayName, 'Asks To Be Forgotten');
  const id = pending[0].id;

  const before = await tenantSnapshot(t, tenantId);
  assertCleanError(await t.call('GET', '/api/tenant/erasure-requests', { token: otherToken }), 403);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: askerToken, body: { decision: 'approve' } }), 403);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: otherToken, body: { decision: 'approve' } }), 403);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${randomUUID()}/decision`, { token: admin, body: { decision: 'approve' } }), 404);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: admin, body: { decision: 'reject' } }), 400);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: admin, body: { decision: 'reject', reason: '  ' } }), 400);
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: admin, body: { decision: 'maybe' } }), 400);
  assertCleanError(await t.call('GET', '/api/tenant/erasure-requests?status=lost', { token: admin }), 400);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);
});

test('a rejection carries its reason to the learner; a decided request cannot be decided again', async () => {
  const id = (await t.call('GET', '/api/me/erasure-request', { token: askerToken })).body.request.id;
  const rejected = await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: admin, body: { decision: 'reject', reason: 'Records kept for the safety audit until June' } });
  assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
  assert.equal(rejected.body.status, 'rejected');
  const seen = (await t.call('GET', '/api/me/erasure-request', { token: askerToken })).body.request;
  assert.equal(seen.status, 'rejected');
  assert.equal(seen.decisionReason, 'Records kept for the safety audit until June');
  assertCleanError(await t.call('POST', `/api/tenant/erasure-requests/${id}/decision`, { token: admin, body: { decision: 'approve' } }), 409);
});

test('an approved request erases the learner through a purge job; the audit names them by keyed hash only', async () => {
  const asked = await t.call('POST', '/api/me/erasure-request', { token: askerToken, body: {} });
  assert.equal(asked.status, 201, 'a new request after a rejection');
  const approved = await t.call('POST', `/api/tenant/erasure-requests/${asked.body.id}/decision`, { token: admin, body: { decision: 'approve' } });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.status, 'approved');
  assert.ok(approved.body.purgeJobId);
  await runPurges(t, tenantId);
  const job = await t.call('GET', `/api/purges/${approved.body.purgeJobId}`, { token: admin });
  assert.equal(job.body.status, 'done', JSON.stringify(job.body));

  const left = await t.service.tenancy.withTenantDatabase(tenantId, async (db) => ({
    learners: await db.selectFrom('learners').select('learner_id').where('learner_id', '=', asker.id).execute(),
    requests: await db.selectFrom('erasure_requests').select('id').where('learner_id', '=', asker.id).execute(),
  }));
  assert.deepEqual(left, { learners: [], requests: [] }, 'the person and their requests are gone');
  const events = await auditEvents(t, tenantId);
  const actions = events.map((e) => e.action);
  for (const action of ['erasure-request.opened.learner', 'erasure-request.rejected', 'erasure-request.approved']) assert.ok(actions.includes(action), action);
  assert.ok(!JSON.stringify(events).includes(asker.id), 'the erased person is nowhere in the audit trail');
  assert.ok((await t.call('GET', '/api/me', { token: otherToken })).status === 200, 'others carry on');
});
