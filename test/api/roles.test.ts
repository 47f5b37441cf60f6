import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// People of one tenant: an admin, two training managers with a catalog each, a learner, the learner's
// line manager, and a colleague with no relation to the learner.

let t: TestService;
const tenantId = randomUUID();
const ids = { managerOne: randomUUID(), managerTwo: randomUUID(), learner: randomUUID(), lineManager: randomUUID(), colleague: randomUUID() };
const tokens = {} as Record<'admin' | 'managerOne' | 'managerTwo' | 'learner' | 'lineManager' | 'colleague', string>;
let catalogOne: string;
let catalogTwo: string;
let publishedCourse: { id: string; lessons: Array<{ id: string }> };
let draftCourse: string;
let enrolmentId: string;

const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  tokens.admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
  tokens.managerOne = await t.token(tenantId, ids.managerOne, ['Catalog.Manage']);
  tokens.managerTwo = await t.token(tenantId, ids.managerTwo, ['Catalog.Manage']);
  tokens.learner = await t.token(tenantId, ids.learner);
  tokens.lineManager = await t.token(tenantId, ids.lineManager);
  tokens.colleague = await t.token(tenantId, ids.colleague);
  for (const token of Object.values(tokens)) assert.equal((await t.call('GET', '/api/me', { token })).status, 200);

  catalogOne = (await t.call('POST', '/api/catalogs', { token: tokens.managerOne, body: { name: 'Catalog one' } })).body.id;
  catalogTwo = (await t.call('POST', '/api/catalogs', { token: tokens.managerTwo, body: { name: 'Catalog two' } })).body.id;
  const published = await t.call('POST', `/api/catalogs/${catalogOne}/courses`, { token: tokens.managerOne, body: courseBody({ title: 'Published one', sequentialLessons: false, quiz: null }) });
  assert.equal(published.status, 201);
  publishedCourse = published.body;
  const draft = await t.call('POST', `/api/catalogs/${catalogOne}/courses`, { token: tokens.managerOne, body: courseBody({ title: 'Draft one', status: 'draft' }) });
  assert.equal(draft.status, 201);
  draftCourse = draft.body.id;
  const enrol = await t.call('POST', `/api/courses/${publishedCourse.id}/enrolments`, { token: tokens.learner });
  assert.equal(enrol.status, 201);
  enrolmentId = enrol.body.id;

  // Graph sync is not built yet: the manager relation is set in the tenant database directly.
  await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.updateTable('learners').set({ manager_id: ids.lineManager }).where('tenant_id', '=', tenantId).where('learner_id', '=', ids.learner).execute(),
  );
});
afterAll(() => t.close());

/** Reports and rules name people: only the catalog's managers read them. */
const reportReads = (catalogId: string): Array<[string, string, undefined]> =>
  ['rules', 'reports', 'reports/enrolments.csv', 'reports/enrolments.xlsx'].map((part) => ['GET', `/api/catalogs/${catalogId}/${part}`, undefined]);

function expectForbidden(response: { status: number; body: any; raw: Buffer }, context: string) {
  assert.equal(assertCleanError(response, 403, context).code, 'forbidden', context);
}

describe('learners', () => {
  test('cannot create catalogs, courses or plans, assign, edit courses or appoint managers', async () => {
    const before = await tenantSnapshot(t, tenantId);
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/catalogs', { name: 'Mine' }],
      ['POST', `/api/catalogs/${catalogOne}/courses`, courseBody()],
      ['PUT', `/api/courses/${publishedCourse.id}`, courseBody({ title: 'Renamed' })],
      ['POST', `/api/catalogs/${catalogOne}/plans`, { title: 'Plan', courseIds: [publishedCourse.id] }],
      ['POST', `/api/courses/${publishedCourse.id}/assignments`, { learnerIds: [ids.colleague], dueAt: future() }],
      ['POST', `/api/catalogs/${catalogOne}/managers`, { learnerId: ids.learner }],
      ['PUT', `/api/catalogs/${catalogOne}/audience`, { groups: [] }],
      ['POST', '/api/tenant/directory-sync', {}],
      ['POST', `/api/catalogs/${catalogOne}/rules`, { name: 'Rule', courseId: publishedCourse.id, criteria: { department: ['Sales'] }, dueWithinDays: 30 }],
      ...reportReads(catalogOne),
    ];
    for (const [method, url, body] of attempts) expectForbidden(await t.call(method, url, { token: tokens.learner, body }), `${method} ${url}`);
    assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  });

  test('see published courses only: a draft is 404 to learners and 200 to its catalog managers', async () => {
    assert.equal(assertCleanError(await t.call('GET', `/api/courses/${draftCourse}`, { token: tokens.learner }), 404).code, 'not_found');
    assert.equal(assertCleanError(await t.call('POST', `/api/courses/${draftCourse}/enrolments`, { token: tokens.learner }), 404).code, 'not_found');
    const learnerList = await t.call('GET', `/api/catalogs/${catalogOne}/courses`, { token: tokens.learner });
    assert.deepEqual(learnerList.body.map((c: { id: string }) => c.id), [publishedCourse.id]);

    const asManager = await t.call('GET', `/api/courses/${draftCourse}`, { token: tokens.managerOne });
    assert.equal(asManager.status, 200);
    assert.equal(asManager.body.status, 'draft');
    assert.equal(typeof asManager.body.quiz.questions[0].correct, 'number', 'managers see the answers');
    const managerList = await t.call('GET', `/api/catalogs/${catalogOne}/courses`, { token: tokens.managerOne });
    assert.deepEqual(managerList.body.map((c: { id: string }) => c.id).sort(), [publishedCourse.id, draftCourse].sort());
    assert.equal((await t.call('GET', `/api/courses/${draftCourse}`, { token: tokens.admin })).status, 200);
  });

  test("a manager of another catalog is a learner here: the draft is 404, and the catalog says they can't manage it", async () => {
    assert.equal((await t.call('GET', `/api/courses/${draftCourse}`, { token: tokens.managerTwo })).status, 404);
    const catalog = await t.call('GET', `/api/catalogs/${catalogOne}`, { token: tokens.managerTwo });
    assert.equal(catalog.body.canManage, false);
  });

  test("an unpublished plan is hidden from learners and can't be enrolled in", async () => {
    const plan = await t.call('POST', `/api/catalogs/${catalogOne}/plans`, { token: tokens.managerOne, body: { title: 'Draft plan', courseIds: [publishedCourse.id], status: 'draft' } });
    assert.equal(plan.status, 201);
    const learnerPlans = await t.call('GET', `/api/catalogs/${catalogOne}/plans`, { token: tokens.learner });
    assert.ok(!learnerPlans.body.some((p: { id: string }) => p.id === plan.body.id));
    assert.equal((await t.call('POST', `/api/plans/${plan.body.id}/enrolments`, { token: tokens.learner })).status, 404);
    const managerPlans = await t.call('GET', `/api/catalogs/${catalogOne}/plans`, { token: tokens.managerOne });
    assert.ok(managerPlans.body.some((p: { id: string }) => p.id === plan.body.id));
  });
});

describe('training managers (Catalog.Manage)', () => {
  test("manage only their own catalogs: 403 on another manager's catalog", async () => {
    const before = await tenantSnapshot(t, tenantId);
    const attempts: Array<[string, string, unknown]> = [
      ['POST', `/api/catalogs/${catalogOne}/courses`, courseBody({ title: 'Sneaked in' })],
      ['PUT', `/api/courses/${publishedCourse.id}`, courseBody({ title: 'Taken over' })],
      ['POST', `/api/catalogs/${catalogOne}/plans`, { title: 'Plan', courseIds: [publishedCourse.id] }],
      ['POST', `/api/courses/${publishedCourse.id}/assignments`, { learnerIds: [ids.colleague], dueAt: future() }],
      ['POST', `/api/catalogs/${catalogOne}/managers`, { learnerId: ids.managerTwo }],
      ['PUT', `/api/catalogs/${catalogOne}/audience`, { groups: [] }],
      ['POST', `/api/catalogs/${catalogOne}/rules`, { name: 'Rule', courseId: publishedCourse.id, criteria: { department: ['Sales'] }, dueWithinDays: 30 }],
      ...reportReads(catalogOne),
    ];
    for (const [method, url, body] of attempts) expectForbidden(await t.call(method, url, { token: tokens.managerTwo, body }), `${method} ${url}`);
    assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  });

  test('cannot appoint managers, even to their own catalog', async () => {
    expectForbidden(await t.call('POST', `/api/catalogs/${catalogOne}/managers`, { token: tokens.managerOne, body: { learnerId: ids.managerTwo } }), 'self-service appointment');
  });

  test('a Tenant.Admin appoints a manager, who can then manage that catalog', async () => {
    const catalog = (await t.call('POST', '/api/catalogs', { token: tokens.managerOne, body: { name: 'Shared later' } })).body.id;
    expectForbidden(await t.call('POST', `/api/catalogs/${catalog}/courses`, { token: tokens.managerTwo, body: courseBody() }), 'before the appointment');
    const appoint = await t.call('POST', `/api/catalogs/${catalog}/managers`, { token: tokens.admin, body: { learnerId: ids.managerTwo } });
    assert.equal(appoint.status, 204);
    const again = await t.call('POST', `/api/catalogs/${catalog}/managers`, { token: tokens.admin, body: { learnerId: ids.managerTwo } });
    assert.equal(again.status, 204, 'appointing twice is harmless');
    const course = await t.call('POST', `/api/catalogs/${catalog}/courses`, { token: tokens.managerTwo, body: courseBody({ title: 'Now allowed' }) });
    assert.equal(course.status, 201);
    assert.equal((await t.call('GET', `/api/catalogs/${catalog}`, { token: tokens.managerTwo })).body.canManage, true);
    const managers = await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('catalog_managers').select('learner_id').where('catalog_id', '=', catalog).execute());
    assert.deepEqual(managers.map((m) => m.learner_id).sort(), [ids.managerOne, ids.managerTwo].sort());
  });

  test('appointing someone Atrium does not know is a 404; an appointee without the Catalog.Manage role gains nothing', async () => {
    const catalog = (await t.call('POST', '/api/catalogs', { token: tokens.admin, body: { name: 'Admin catalog' } })).body.id;
    assert.equal(assertCleanError(await t.call('POST', `/api/catalogs/${catalog}/managers`, { token: tokens.admin, body: { learnerId: randomUUID() } }), 404).code, 'not_found');
    assert.equal((await t.call('POST', `/api/catalogs/${catalog}/managers`, { token: tokens.admin, body: { learnerId: ids.colleague } })).status, 204);
    expectForbidden(await t.call('POST', `/api/catalogs/${catalog}/courses`, { token: tokens.colleague, body: courseBody() }), 'appointed but no role');
  });
});

describe('tenant admins', () => {
  test('manage every catalog', async () => {
    const course = await t.call('POST', `/api/catalogs/${catalogTwo}/courses`, { token: tokens.admin, body: courseBody({ title: 'By the admin' }) });
    assert.equal(course.status, 201);
    const updated = await t.call('PUT', `/api/courses/${course.body.id}`, { token: tokens.admin, body: courseBody({ title: 'By the admin, revised' }) });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.title, 'By the admin, revised');
    const plan = await t.call('POST', `/api/catalogs/${catalogTwo}/plans`, { token: tokens.admin, body: { title: 'Admin plan', courseIds: [course.body.id], status: 'published' } });
    assert.equal(plan.status, 201);
    const assigned = await t.call('POST', `/api/courses/${course.body.id}/assignments`, { token: tokens.admin, body: { learnerIds: [ids.colleague], dueAt: future() } });
    assert.equal(assigned.status, 200);
    assert.equal(assigned.body[0].source, 'assigned');
    assert.equal(assigned.body[0].learnerId, ids.colleague);
    for (const [, url] of reportReads(catalogTwo)) assert.equal((await t.call('GET', url, { token: tokens.admin })).status, 200, url);
  });
});

describe('line managers', () => {
  test('assign a published course to their own direct reports, and to nobody else', async () => {
    const assign = (learnerIds: string[]) =>
      t.call('POST', `/api/courses/${publishedCourse.id}/assignments`, { token: tokens.lineManager, body: { learnerIds, dueAt: future() } });
    const before = await tenantSnapshot(t, tenantId);
    expectForbidden(await assign([ids.colleague]), 'a colleague who does not report to them');
    expectForbidden(await assign([ids.learner, ids.colleague]), 'a report and a colleague at once');
    assert.deepEqual(await tenantSnapshot(t, tenantId), before, 'a refused assignment assigns nobody');
    const draft = await t.call('POST', `/api/courses/${draftCourse}/assignments`, { token: tokens.lineManager, body: { learnerIds: [ids.learner], dueAt: future() } });
    assert.equal(assertCleanError(draft, 404, 'a draft course').code, 'not_found');

    const assigned = await assign([ids.learner]);
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.deepEqual(assigned.body.map((e: { learnerId: string; source: string }) => [e.learnerId, e.source]), [[ids.learner, 'assigned']]);
    const training = await t.call('GET', '/api/me/training', { token: tokens.learner });
    assert.ok(training.body.items.some((item: { courseId: string; source: string }) => item.courseId === publishedCourse.id && item.source === 'assigned'));
  });
});

describe('training records', () => {
  test('only the learner records their own progress: those who can see the records get 403, strangers 404', async () => {
    const body = { type: 'lesson-completed', lessonId: publishedCourse.lessons[0].id };
    const before = await tenantSnapshot(t, tenantId);
    for (const who of ['lineManager', 'managerOne', 'admin'] as const) {
      expectForbidden(await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: tokens[who], body }), who);
    }
    for (const who of ['colleague', 'managerTwo'] as const) {
      assert.equal(assertCleanError(await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: tokens[who], body }), 404, who).code, 'not_found');
    }
    assert.deepEqual(await tenantSnapshot(t, tenantId), before, 'nobody else recorded anything');
    const own = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: tokens.learner, body });
    assert.equal(own.status, 200);
    assert.deepEqual(own.body.completedLessonIds, [publishedCourse.lessons[0].id]);
  });

  test("a line manager reads a direct report's enrolment and certificate; other learners and other catalogs' managers get 404", async () => {
    const done = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: tokens.learner, body: { type: 'lesson-completed', lessonId: publishedCourse.lessons[1].id } });
    assert.ok(done.body.certificateId, 'the course is complete');
    for (const who of ['learner', 'lineManager', 'managerOne', 'admin'] as const) {
      const enrolment = await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: tokens[who] });
      assert.equal(enrolment.status, 200, who);
      assert.equal(enrolment.body.learnerId, ids.learner, who);
      const pdf = await t.call('GET', `/api/certificates/${done.body.certificateId}/pdf`, { token: tokens[who] });
      assert.equal(pdf.status, 200, `${who} certificate`);
    }
    for (const who of ['colleague', 'managerTwo'] as const) {
      assert.equal(assertCleanError(await t.call('GET', `/api/enrolments/${enrolmentId}`, { token: tokens[who] }), 404, who).code, 'not_found');
      assert.equal((await t.call('GET', `/api/certificates/${done.body.certificateId}/pdf`, { token: tokens[who] })).status, 404, `${who} certificate`);
    }
  });

  test("'my training' shows the caller's own enrolments only", async () => {
    const mine = await t.call('GET', '/api/me/training', { token: tokens.lineManager });
    assert.equal(mine.status, 200);
    assert.deepEqual(mine.body.items, [], "a line manager's own list does not include their reports' training");
    const learner = await t.call('GET', '/api/me/training', { token: tokens.learner });
    assert.deepEqual(learner.body.items.map((i: { enrolmentId: string }) => i.enrolmentId), [enrolmentId]);
  });
});
