import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from '../support/assert';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { person, writeDirectory } from '../support/directoryPeople';
import { auditEvents } from './dataRightsFixture';

let t: TestService;
const tenantId = randomUUID();
const seller = person({ displayName: 'Restricted Seller' });
const otherSeller = person({ displayName: 'Other Seller' });
let admin: string;
let sellerToken: string;
let catalogId: string;
let courseId: string;

const reportCsv = async () => String((await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv`, { token: admin })).body);
const trainingOf = async (token: string) => (await t.call('GET', '/api/me/training', { token })).body.items as Array<{ courseId: string }>;

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']);
  await writeDirectory(t, tenantId, [seller, otherSeller]);
  sellerToken = await t.token(tenantId, seller.id);
  catalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Compliance' } })).body.id;
  courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody() })).body.id;
  const rule = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: admin, body: { name: 'Sales', courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 } });
  assert.equal(rule.body.applied.assigned, 2);
});
afterAll(() => t.close());

test('only a tenant admin restricts, an unknown person is 404, bad input is 400; none of it changes anything', async () => {
  const trainingManager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  assert.equal((await t.call('GET', '/api/me', { token: trainingManager })).status, 200);
  assert.equal((await t.call('GET', '/api/me', { token: sellerToken })).status, 200);
  const before = await tenantSnapshot(t, tenantId);
  assertCleanError(await t.call('POST', `/api/learners/${otherSeller.id}/restriction`, { token: sellerToken, body: {} }), 403);
  assertCleanError(await t.call('POST', `/api/learners/${seller.id}/restriction`, { token: trainingManager, body: {} }), 403);
  assertCleanError(await t.call('DELETE', `/api/learners/${seller.id}/restriction`, { token: sellerToken }), 403);
  assertCleanError(await t.call('POST', `/api/learners/${randomUUID()}/restriction`, { token: admin, body: {} }), 404);
  assertCleanError(await t.call('POST', '/api/learners/nobody/restriction', { token: admin, body: {} }), 400);
  assertCleanError(await t.call('POST', `/api/learners/${seller.id}/restriction`, { token: admin, body: { reason: 5 } }), 400);
  assertCleanError(await t.call('POST', `/api/learners/${seller.id}/restriction`, { token: admin, body: { reason: 'x'.repeat(501) } }), 400);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before);
});

test('a restricted learner keeps their records but leaves rule assignments and reports; lifting it brings them back', async () => {
  assert.ok((await reportCsv()).includes('Restricted Seller'));
  const restricted = await t.call('POST', `/api/learners/${seller.id}/restriction`, { token: admin, body: { reason: 'accuracy contested' } });
  assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
  assert.equal(restricted.body.restricted, true);
  assert.equal(restricted.body.reason, 'accuracy contested');

  assert.equal((await trainingOf(sellerToken)).length, 1, 'records are kept');
  assert.ok(!(await reportCsv()).includes('Restricted Seller'), 'out of reports');
  assert.ok((await reportCsv()).includes('Other Seller'));
  const me = await t.call('GET', '/api/me/privacy', { token: sellerToken });
  assert.equal(me.body.restricted, true);

  // A new rule that matches them does not assign them; it does assign the others.
  const second = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody({ title: 'Anti-bribery' }) })).body.id;
  const rule = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: admin, body: { name: 'Sales 2', courseId: second, criteria: { department: ['Sales'] }, dueWithinDays: 14 } });
  assert.equal(rule.body.applied.assigned, 1, 'only the unrestricted seller is assigned');
  assert.ok(!(await trainingOf(sellerToken)).some((i) => i.courseId === second));
  const marked = await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.selectFrom('rule_assignments').select('unmatched_at').where('learner_id', '=', seller.id).execute(),
  );
  assert.ok(marked.every((m) => m.unmatched_at !== null), 'their rule assignment is marked out of scope');

  const again = await t.call('POST', `/api/learners/${seller.id}/restriction`, { token: admin, body: {} });
  assert.equal(again.status, 200, 'restricting twice is harmless');
  assert.equal(again.body.restrictedAt, restricted.body.restrictedAt);

  const lifted = await t.call('DELETE', `/api/learners/${seller.id}/restriction`, { token: admin });
  assert.equal(lifted.status, 200);
  assert.equal(lifted.body.restricted, false);
  assert.ok((await trainingOf(sellerToken)).some((i) => i.courseId === second), 'rules apply to them again');
  assert.ok((await reportCsv()).includes('Restricted Seller'), 'back in reports');

  const actions = (await auditEvents(t, tenantId)).map((e) => e.action);
  assert.deepEqual(actions.filter((a) => a.startsWith('learner.')), ['learner.restricted', 'learner.restriction-lifted']);
  assert.ok(!JSON.stringify(await auditEvents(t, tenantId)).includes(seller.id));
});
