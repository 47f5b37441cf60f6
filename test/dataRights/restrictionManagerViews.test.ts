import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import assert from '../support/assert';
import { assertCleanError } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { person, writeDirectory } from '../support/directoryPeople';

let t: TestService;
const tenantId = randomUUID();
const boss = person({ displayName: 'Line Manager', department: 'Management' });
const restrictedReport = person({ displayName: 'Restricted Report', managerId: boss.id });
const otherReport = person({ displayName: 'Other Report', managerId: boss.id });
let admin: string;
let bossToken: string;
let reportToken: string;
let catalogId: string;
let ruleId: string;
let enrolmentId: string;

const teamNames = async () => {
  const team = await t.call('GET', '/api/me/team', { token: bossToken });
  assert.equal(team.status, 200);
  return (team.body as Array<{ person: { displayName: string }; training: { items: unknown[] } }>).map((m) => ({ name: m.person.displayName, items: m.training.items.length }));
};
const restrict = async () => assert.equal((await t.call('POST', `/api/learners/${restrictedReport.id}/restriction`, { token: admin, body: {} })).status, 200);
const lift = async () => assert.equal((await t.call('DELETE', `/api/learners/${restrictedReport.id}/restriction`, { token: admin })).status, 200);

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']);
  await writeDirectory(t, tenantId, [boss, restrictedReport, otherReport]);
  bossToken = await t.token(tenantId, boss.id);
  reportToken = await t.token(tenantId, restrictedReport.id);
  catalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Compliance' } })).body.id;
  const courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody() })).body.id;
  const rule = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: admin, body: { name: 'Sales', courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 } });
  assert.equal(rule.body.applied.assigned, 2);
  ruleId = rule.body.rule.id;
  const own = await t.call('GET', '/api/me/training', { token: reportToken });
  enrolmentId = own.body.items[0].enrolmentId;
});
afterAll(() => t.close());

test('before a restriction, the line manager sees both reports and their training', async () => {
  assert.deepEqual(await teamNames(), [
    { name: 'Other Report', items: 1 },
    { name: 'Restricted Report', items: 1 },
  ]);
  assert.equal((await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: bossToken })).status, 200);
});

test("a restricted report leaves the line manager's team view and enrolment reads; lifting brings them back", async () => {
  await restrict();
  try {
    assert.deepEqual(await teamNames(), [{ name: 'Other Report', items: 1 }], 'left out entirely, as in reports');
    // As if it did not exist for them: the same answer as for an enrolment that is not theirs to see.
    assertCleanError(await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: bossToken }), 404);
    assertCleanError(await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: bossToken, body: { type: 'lesson-completed', lessonId: randomUUID() } }), 404);

    const own = await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: reportToken });
    assert.equal(own.status, 200, 'the person still reads their own training');
    const asCatalogManager = await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: admin });
    assert.equal(asCatalogManager.status, 200, "the catalog's managers still see it, to act on it");
  } finally {
    await lift();
  }
  assert.deepEqual((await teamNames()).map((m) => m.name), ['Other Report', 'Restricted Report']);
  assert.equal((await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: bossToken })).status, 200);
});

test('the catalog people list used for purges still lists a restricted person; the rule assignments list does not', async () => {
  await restrict();
  try {
    const learners = await t.call('GET', `/api/catalogs/${catalogId}/learners`, { token: admin });
    assert.equal(learners.status, 200);
    assert.ok((learners.body.learners as Array<{ id: string }>).some((l) => l.id === restrictedReport.id), 'admins must find them to act');

    const assignments = await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: admin });
    assert.equal(assignments.status, 200);
    assert.deepEqual((assignments.body.assignments as Array<{ learnerId: string }>).map((a) => a.learnerId), [otherReport.id]);
  } finally {
    await lift();
  }
});

test("while restricted, the report's certificate is hidden from the line manager, who can no longer assign them a course", async () => {
  const course = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody({ title: 'Fire safety' }) });
  const { id: courseId, lessons } = course.body as { id: string; lessons: Array<{ id: string }> };
  const enrolment = (await t.call('POST', `/api/courses/${courseId}/enrolments`, { token: reportToken })).body.id as string;
  for (const lesson of lessons) await t.call('POST', `/api/enrolments/${enrolment}/progress`, { token: reportToken, body: { type: 'lesson-completed', lessonId: lesson.id } });
  const passed = await t.call('POST', `/api/enrolments/${enrolment}/progress`, { token: reportToken, body: { type: 'quiz-attempt', answers: [1, true, [2, 0]] } });
  const certificateId = passed.body.certificateId as string;
  assert.ok(certificateId);
  assert.equal((await t.call('GET', `/api/certificates/${certificateId}/pdf`, { token: bossToken })).status, 200, 'before: the line manager may open it');
  const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString();

  await restrict();
  try {
    assertCleanError(await t.call('GET', `/api/certificates/${certificateId}/pdf`, { token: bossToken }), 404);
    assert.equal((await t.call('GET', `/api/certificates/${certificateId}/pdf`, { token: reportToken })).status, 200, 'the person still has their certificate');
    assertCleanError(await t.call('POST', `/api/courses/${courseId}/assignments`, { token: bossToken, body: { learnerIds: [restrictedReport.id], dueAt } }), 403);
    assert.equal((await t.call('POST', `/api/courses/${courseId}/assignments`, { token: bossToken, body: { learnerIds: [otherReport.id], dueAt } })).status, 200);
  } finally {
    await lift();
  }
  assert.equal((await t.call('POST', `/api/courses/${courseId}/assignments`, { token: bossToken, body: { learnerIds: [restrictedReport.id], dueAt } })).status, 200);
});
