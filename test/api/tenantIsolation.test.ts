import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, documentedRoutes, routeKey, servedRoutes, tenantSnapshot, type TenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Tenant A builds up a full set of records; tenant B (same region, so same folder) then tries every
// id-taking endpoint with A's ids, as its most powerful user and as a user whose oid equals A's learner.

let t: TestService;
const tenantA = randomUUID();
const tenantB = randomUUID();
const learnerA = randomUUID();
/** A person of A whom B does not know at all (learnerA's oid is also a user of B). */
const subjectA = randomUUID();
let erasureRequestA: string;
/** A purge in A's catalog, of a person of A who enrolled for it. */
let purgeA: string;
/** An assignment rule in A's catalog (it matches nobody of A). */
let ruleA: string;
const a = {} as { catalogId: string; courseId: string; lessonId: string; planId: string; enrolmentId: string; certificateId: string; code: string };
let adminA: string;
let learnerTokenA: string;
let powerB: string;
let sameOidB: string;
let powerBId: string;
/** A's admin, a manager of A's catalog (they created it with Catalog.Manage). */
let managerIdA: string;

beforeAll(async () => {
  t = await startTestService();
  const adminAId = await t.onboard(tenantA, 'westeurope');
  managerIdA = adminAId;
  await t.onboard(tenantB, 'westeurope');
  adminA = await t.token(tenantA, adminAId, ['Tenant.Admin', 'Catalog.Manage']);
  learnerTokenA = await t.token(tenantA, learnerA);
  powerBId = randomUUID();
  powerB = await t.token(tenantB, powerBId, ['Tenant.Admin', 'Catalog.Manage']);
  sameOidB = await t.token(tenantB, learnerA);

  const catalog = await t.call('POST', '/api/catalogs', { token: adminA, body: { name: 'A compliance' } });
  assert.equal(catalog.status, 201);
  a.catalogId = catalog.body.id;
  const course = await t.call('POST', `/api/catalogs/${a.catalogId}/courses`, {
    token: adminA,
    body: courseBody({ title: 'A course', sequentialLessons: false, quiz: null, lessons: [{ title: 'Only lesson', materialUrl: 'https://a.example/1' }] }),
  });
  assert.equal(course.status, 201);
  a.courseId = course.body.id;
  a.lessonId = course.body.lessons[0].id;
  const plan = await t.call('POST', `/api/catalogs/${a.catalogId}/plans`, { token: adminA, body: { title: 'A plan', courseIds: [a.courseId], status: 'published' } });
  assert.equal(plan.status, 201);
  a.planId = plan.body.id;
  const rule = await t.call('POST', `/api/catalogs/${a.catalogId}/rules`, { token: adminA, body: { name: 'A rule', courseId: a.courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 } });
  assert.equal(rule.status, 201);
  ruleA = rule.body.rule.id;
  const enrol = await t.call('POST', `/api/courses/${a.courseId}/enrolments`, { token: learnerTokenA });
  assert.equal(enrol.status, 201);
  a.enrolmentId = enrol.body.id;
  const done = await t.call('POST', `/api/enrolments/${a.enrolmentId}/progress`, { token: learnerTokenA, body: { type: 'lesson-completed', lessonId: a.lessonId } });
  assert.equal(done.status, 200);
  assert.ok(done.body.certificateId);
  a.certificateId = done.body.certificateId;
  a.code = await t.service.tenancy.withTenantDatabase(tenantA, async (db) =>
    (await db.selectFrom('certificates').select('verification_code').where('id', '=', a.certificateId).executeTakeFirstOrThrow()).verification_code,
  );
  assert.equal((await t.call('GET', '/api/me', { token: await t.token(tenantA, subjectA) })).status, 200);
  erasureRequestA = (await t.call('POST', '/api/me/erasure-request', { token: learnerTokenA, body: {} })).body.id;
  const leaverA = randomUUID();
  assert.equal((await t.call('POST', `/api/courses/${a.courseId}/enrolments`, { token: await t.token(tenantA, leaverA) })).status, 201);
  // Without a directory the person has no mail or user principal name: the confirmation is their id.
  const purge = await t.call('POST', `/api/catalogs/${a.catalogId}/purges`, { token: adminA, body: { learnerId: leaverA, confirmation: leaverA } });
  assert.equal(purge.status, 202);
  purgeA = purge.body.id;
  await t.service.purges.idle();
  // B's users are known to B before the probes, so the probes themselves write nothing.
  assert.equal((await t.call('GET', '/api/me', { token: powerB })).status, 200);
  assert.equal((await t.call('GET', '/api/me', { token: sameOidB })).status, 200);
});
afterAll(() => t.close());

interface IsolationCase {
  url: () => string;
  body?: () => unknown;
}

const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

/** One case per id-taking operation; the test below fails when the API gains one that is not listed here. */
const cases: Record<string, IsolationCase> = {
  'GET /api/catalogs/:catalogId': { url: () => `/api/catalogs/${a.catalogId}` },
  'PUT /api/catalogs/:catalogId': { url: () => `/api/catalogs/${a.catalogId}`, body: () => ({ name: 'Renamed by B' }) },
  'GET /api/catalogs/:catalogId/managers': { url: () => `/api/catalogs/${a.catalogId}/managers` },
  'POST /api/catalogs/:catalogId/managers': { url: () => `/api/catalogs/${a.catalogId}/managers`, body: () => ({ learnerId: powerBId }) },
  'DELETE /api/catalogs/:catalogId/managers/:learnerId': { url: () => `/api/catalogs/${a.catalogId}/managers/${managerIdA}` },
  'GET /api/catalogs/:catalogId/audience': { url: () => `/api/catalogs/${a.catalogId}/audience` },
  'PUT /api/catalogs/:catalogId/audience': { url: () => `/api/catalogs/${a.catalogId}/audience`, body: () => ({ groups: [{ id: randomUUID(), displayName: 'B group' }] }) },
  'GET /api/catalogs/:catalogId/courses': { url: () => `/api/catalogs/${a.catalogId}/courses` },
  'POST /api/catalogs/:catalogId/courses': { url: () => `/api/catalogs/${a.catalogId}/courses`, body: () => courseBody({ title: 'Planted by B' }) },
  'GET /api/catalogs/:catalogId/plans': { url: () => `/api/catalogs/${a.catalogId}/plans` },
  'POST /api/catalogs/:catalogId/plans': {
    url: () => `/api/catalogs/${a.catalogId}/plans`,
    body: () => ({ title: 'Planted by B', courseIds: [a.courseId], status: 'published' }),
  },
  'GET /api/courses/:courseId': { url: () => `/api/courses/${a.courseId}` },
  'PUT /api/courses/:courseId': { url: () => `/api/courses/${a.courseId}`, body: () => courseBody({ title: 'Overwritten by B' }) },
  'POST /api/courses/:courseId/assignments': {
    url: () => `/api/courses/${a.courseId}/assignments`,
    body: () => ({ learnerIds: [powerBId, learnerA], dueAt: future() }),
  },
  'POST /api/courses/:courseId/group-assignments': {
    url: () => `/api/courses/${a.courseId}/group-assignments`,
    body: () => ({ groupId: randomUUID(), dueAt: future() }),
  },
  'POST /api/courses/:courseId/enrolments': { url: () => `/api/courses/${a.courseId}/enrolments` },
  'POST /api/plans/:planId/enrolments': { url: () => `/api/plans/${a.planId}/enrolments` },
  'PUT /api/plans/:planId': { url: () => `/api/plans/${a.planId}`, body: () => ({ title: 'Overwritten by B', courseIds: [a.courseId], status: 'published' }) },
  'GET /api/enrolments/:enrolmentId': { url: () => `/api/enrolments/${a.enrolmentId}` },
  'POST /api/enrolments/:enrolmentId/progress': {
    url: () => `/api/enrolments/${a.enrolmentId}/progress`,
    body: () => ({ type: 'lesson-completed', lessonId: a.lessonId }),
  },
  'GET /api/certificates/:certificateId/pdf': { url: () => `/api/certificates/${a.certificateId}/pdf` },
  'GET /api/catalogs/:catalogId/rules': { url: () => `/api/catalogs/${a.catalogId}/rules` },
  'POST /api/catalogs/:catalogId/rules': {
    url: () => `/api/catalogs/${a.catalogId}/rules`,
    body: () => ({ name: 'Planted by B', courseId: a.courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 }),
  },
  'POST /api/catalogs/:catalogId/rules/preview': {
    url: () => `/api/catalogs/${a.catalogId}/rules/preview`,
    body: () => ({ name: 'Probe by B', courseId: a.courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 }),
  },
  'PUT /api/rules/:ruleId': {
    url: () => `/api/rules/${ruleA}`,
    body: () => ({ name: 'Overwritten by B', courseId: a.courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30 }),
  },
  'DELETE /api/rules/:ruleId': { url: () => `/api/rules/${ruleA}` },
  'GET /api/rules/:ruleId/assignments': { url: () => `/api/rules/${ruleA}/assignments` },
  'GET /api/catalogs/:catalogId/reports': { url: () => `/api/catalogs/${a.catalogId}/reports` },
  'GET /api/catalogs/:catalogId/reports/enrolments.csv': { url: () => `/api/catalogs/${a.catalogId}/reports/enrolments.csv` },
  'GET /api/catalogs/:catalogId/reports/enrolments.xlsx': { url: () => `/api/catalogs/${a.catalogId}/reports/enrolments.xlsx` },
  // Data-subject rights (test/dataRights).
  'GET /api/learners/:learnerId/data.zip': { url: () => `/api/learners/${subjectA}/data.zip` },
  'POST /api/learners/:learnerId/restriction': { url: () => `/api/learners/${subjectA}/restriction`, body: () => ({ reason: 'planted by B' }) },
  'DELETE /api/learners/:learnerId/restriction': { url: () => `/api/learners/${subjectA}/restriction` },
  'POST /api/tenant/erasure-requests/:requestId/decision': { url: () => `/api/tenant/erasure-requests/${erasureRequestA}/decision`, body: () => ({ decision: 'approve' }) },
  // Purge and erasure (test/privacy).
  'GET /api/catalogs/:catalogId/learners': { url: () => `/api/catalogs/${a.catalogId}/learners` },
  'GET /api/catalogs/:catalogId/learners/:learnerId/purge-preview': { url: () => `/api/catalogs/${a.catalogId}/learners/${learnerA}/purge-preview` },
  'POST /api/catalogs/:catalogId/purges': { url: () => `/api/catalogs/${a.catalogId}/purges`, body: () => ({ learnerId: learnerA, confirmation: learnerA }) },
  'GET /api/purges/:purgeId': { url: () => `/api/purges/${purgeA}` },
  'POST /api/learners/:learnerId/erasure': { url: () => `/api/learners/${subjectA}/erasure`, body: () => ({ confirmation: subjectA }) },
};

describe('the API surface', () => {
  test('the OpenAPI document lists every route the app serves', async () => {
    const served = servedRoutes(t)
      .filter((r) => r.path !== '/healthz' && r.path !== '/api/openapi.json')
      .map(routeKey);
    assert.ok(served.length >= 20, `parsed ${served.length} routes from printRoutes`);
    assert.deepEqual((await documentedRoutes(t)).map(routeKey).sort(), served.sort());
  });

  test('every operation that takes an id has an isolation case', async () => {
    // Public routes name their tenant in the path and need no token (certificate verification: test/api/certificates.test.ts).
    const idTaking = (await documentedRoutes(t)).filter((r) => r.path.includes('/:') && !r.path.startsWith('/api/public/')).map(routeKey);
    assert.deepEqual(Object.keys(cases).sort(), idTaking.sort());
  });
});

describe("tenant B cannot reach tenant A's records", () => {
  let before: TenantSnapshot;
  let bBefore: TenantSnapshot;

  test("A's own admin reads every one of these ids (so the 404s below are about the tenant)", async () => {
    for (const [key, c] of Object.entries(cases)) {
      if (!key.startsWith('GET ')) continue;
      const response = await t.call('GET', c.url(), { token: adminA });
      assert.equal(response.status, 200, `${key}: ${JSON.stringify(response.body)}`);
    }
  });

  for (const [who, token] of [
    ['a Tenant.Admin + Catalog.Manage of B', () => powerB],
    ["a user of B whose oid equals A's learner", () => sameOidB],
  ] as const) {
    test(`${who} gets 404 for every id of A`, async () => {
      before = await tenantSnapshot(t, tenantA);
      bBefore = await tenantSnapshot(t, tenantB);
      for (const [key, c] of Object.entries(cases)) {
        const method = key.split(' ')[0];
        const response = await t.call(method, c.url(), { token: token(), ...(c.body ? { body: c.body() } : {}) });
        const error = assertCleanError(response, 404, key);
        assert.equal(error.code, 'not_found', key);
      }
      assert.deepEqual(await tenantSnapshot(t, tenantA), before, "A's database is unchanged");
      assert.deepEqual(await tenantSnapshot(t, tenantB), bBefore, "nothing landed in B's database either");
    });
  }

  test("B's lists, its own training and its tenant view show none of A's data", async () => {
    const ownCatalog = await t.call('POST', '/api/catalogs', { token: powerB, body: { name: 'B catalog' } });
    assert.equal(ownCatalog.status, 201);
    const ownCourse = await t.call('POST', `/api/catalogs/${ownCatalog.body.id}/courses`, { token: powerB, body: courseBody({ title: 'B course' }) });
    assert.equal(ownCourse.status, 201);

    const catalogs = await t.call('GET', '/api/catalogs', { token: powerB });
    assert.equal(catalogs.status, 200);
    assert.deepEqual(catalogs.body.map((c: { id: string }) => c.id), [ownCatalog.body.id]);
    const courses = await t.call('GET', `/api/catalogs/${ownCatalog.body.id}/courses`, { token: powerB });
    assert.deepEqual(courses.body.map((c: { id: string }) => c.id), [ownCourse.body.id]);

    const training = await t.call('GET', '/api/me/training', { token: sameOidB });
    assert.equal(training.status, 200);
    assert.deepEqual(training.body.items, [], "A's enrolment of the same oid does not show in B");

    const me = await t.call('GET', '/api/me', { token: sameOidB });
    assert.equal(me.body.tenant.tenantId, tenantB);
    const tenant = await t.call('GET', '/api/tenant', { token: sameOidB });
    assert.equal(tenant.body.tenantId, tenantB);

    const everythingB = JSON.stringify(await tenantSnapshot(t, tenantB));
    for (const id of [tenantA, a.catalogId, a.courseId, a.lessonId, a.planId, a.enrolmentId, a.certificateId, a.code, ruleA]) {
      assert.ok(!everythingB.includes(id), `B's database holds nothing of A (${id})`);
    }
  });

  test("A's records still work for A afterwards", async () => {
    const course = await t.call('GET', `/api/courses/${a.courseId}`, { token: learnerTokenA });
    assert.equal(course.status, 200);
    assert.equal(course.body.title, 'A course');
    const enrolment = await t.call('GET', `/api/enrolments/${a.enrolmentId}`, { token: learnerTokenA });
    assert.deepEqual(enrolment.body.completedLessonIds, [a.lessonId]);
    assert.equal(enrolment.body.certificateId, a.certificateId);
    const managers = await t.service.tenancy.withTenantDatabase(tenantA, (db) =>
      db.selectFrom('catalog_managers').select('learner_id').where('catalog_id', '=', a.catalogId).execute(),
    );
    assert.ok(!managers.some((m) => m.learner_id === powerBId), "B's admin was not made a manager of A's catalog");
  });
});
