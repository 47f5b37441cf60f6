import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from '../support/assert';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { startTestService, type TestService } from '../support/testService';

let t: TestService;
const tenantId = randomUUID();
const learnerId = randomUUID();
let admin: string;
let learner: string;

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
  learner = await t.token(tenantId, learnerId);
  assert.equal((await t.call('GET', '/api/me', { token: learner })).status, 200);
});
afterAll(() => t.close());

test('with no notice published there is nothing to accept', async () => {
  assert.deepEqual((await t.call('GET', '/api/tenant/privacy-notice', { token: learner })).body, { notice: null });
  const mine = await t.call('GET', '/api/me/privacy', { token: learner });
  assert.equal(mine.status, 200);
  assert.equal(mine.body.mustAccept, false);
  const before = await tenantSnapshot(t, tenantId);
  assertCleanError(await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: { version: 1 } }), 409);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);
});

test('only a tenant admin writes the notice; an empty or malformed one is refused and changes nothing', async () => {
  const trainingManager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  assert.equal((await t.call('GET', '/api/me', { token: trainingManager })).status, 200);
  const before = await tenantSnapshot(t, tenantId);
  assertCleanError(await t.call('PUT', '/api/tenant/privacy-notice', { token: learner, body: { text: 'Mine now' } }), 403);
  assertCleanError(await t.call('PUT', '/api/tenant/privacy-notice', { token: trainingManager, body: { text: 'x' } }), 403);
  assertCleanError(await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: '   ' } }), 400);
  assertCleanError(await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: 'ok', version: 3 } }), 400);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);
});

test('a learner sees each new version at first use, accepts the one in force, and the acceptance is logged with version and time', async () => {
  const v1 = await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: 'Version one.' } });
  assert.equal(v1.status, 200);
  assert.equal(v1.body.version, 1);
  let mine = (await t.call('GET', '/api/me/privacy', { token: learner })).body;
  assert.equal(mine.mustAccept, true);
  assert.equal(mine.notice.text, 'Version one.');
  assert.equal(mine.acceptance, null);

  const accepted = await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: { version: 1 } });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.version, 1);
  mine = (await t.call('GET', '/api/me/privacy', { token: learner })).body;
  assert.equal(mine.mustAccept, false);
  assert.deepEqual(mine.acceptance, accepted.body);

  const v2 = await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: 'Version two.' } });
  assert.equal(v2.body.version, 2);
  assert.equal((await t.call('GET', '/api/tenant/privacy-notice', { token: learner })).body.notice.version, 2);
  assert.equal((await t.call('GET', '/api/me/privacy', { token: learner })).body.mustAccept, true, 'a new version must be accepted again');

  const before = await tenantSnapshot(t, tenantId);
  const stale = assertCleanError(await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: { version: 1 } }), 409);
  assert.match(stale.message, /version 2/);
  assertCleanError(await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: { version: 'two' } }), 400);
  assertCleanError(await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: {} }), 400);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);

  assert.equal((await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learner, body: { version: 2 } })).status, 200);
  const log = await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.selectFrom('privacy_notice_acceptances').selectAll().where('learner_id', '=', learnerId).orderBy('version').execute(),
  );
  assert.deepEqual(log.map((r) => [r.version, typeof r.accepted_at, r.withdrawn_at]), [[1, 'string', null], [2, 'string', null]]);
});

test('withdrawing the acceptance starts an erasure request that a tenant admin decides', async () => {
  const withdrawn = await t.call('DELETE', '/api/me/privacy-notice/acceptance', { token: learner });
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  assert.equal(withdrawn.body.withdrawnVersions, 2);
  assert.equal(withdrawn.body.erasureRequest.source, 'notice-withdrawn');
  assert.equal(withdrawn.body.erasureRequest.status, 'pending');
  const mine = (await t.call('GET', '/api/me/privacy', { token: learner })).body;
  assert.equal(mine.mustAccept, true);
  assert.equal(mine.acceptance, null);
  assert.equal(mine.erasureRequest.id, withdrawn.body.erasureRequest.id);
  const listed = await t.call('GET', '/api/tenant/erasure-requests?status=pending', { token: admin });
  assert.deepEqual(listed.body.requests.map((r: { learnerId: string; source: string }) => [r.learnerId, r.source]), [[learnerId, 'notice-withdrawn']]);
  const log = await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('privacy_notice_acceptances').select('withdrawn_at').where('learner_id', '=', learnerId).execute());
  assert.ok(log.every((r) => r.withdrawn_at !== null), 'the log keeps both acceptances, each marked withdrawn');
});
