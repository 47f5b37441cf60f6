import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { TestDirectory } from './privacyFixtures';

let t: TestService;
const tenantId = randomUUID();
const directory = new TestDirectory();
const manager = directory.add('Mona Catalogmanager');
const learner = directory.add('Lars Purgeable');
const colleague = directory.add('Olga Colleague');
const outsider = directory.add('Otto Outsider');
let adminToken: string;
let managerToken: string;
let learnerToken: string;
let colleagueToken: string;
let catalogA: string;
let catalogB: string;
let courseA1: { id: string; lessons: Array<{ id: string }> };
let courseA2: string;
let courseB: string;
let certificateCode: string;

const tenantDb = <T>(work: (db: any) => Promise<T>) => t.service.tenancy.withTenantDatabase(tenantId, work);

async function rowsOf(learnerId: string, catalogId?: string): Promise<Record<string, number>> {
  return tenantDb(async (db) => {
    const enrolments = await db.selectFrom('enrolments').select('id').where('learner_id', '=', learnerId).$if(!!catalogId, (q: any) => q.where('catalog_id', '=', catalogId)).execute();
    const ids = enrolments.map((e: { id: string }) => e.id);
    const count = async (table: string) =>
      ids.length === 0 ? 0 : (await db.selectFrom(table).select('learner_id').where('learner_id', '=', learnerId).where('enrolment_id', 'in', ids).execute()).length;
    return { enrolments: ids.length, lessonProgress: await count('lesson_progress'), quizAttempts: await count('quiz_attempts'), certificates: await count('certificates') };
  });
}

async function finished(response: { body: { id: string } }) {
  await t.service.purges.idle();
  return t.call('GET', `/api/purges/${response.body.id}`, { token: adminToken });
}

beforeAll(async () => {
  t = await startTestService({ identitySource: directory });
  const adminId = await t.onboard(tenantId);
  directory.people.set(adminId, { ...directory.add('Ada Admin'), id: adminId });
  adminToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
  managerToken = await t.token(tenantId, manager.id, ['Catalog.Manage']);
  learnerToken = await t.token(tenantId, learner.id);
  colleagueToken = await t.token(tenantId, colleague.id);
  // Everyone signs in once, so they have a profile.
  for (const token of [managerToken, learnerToken, colleagueToken, await t.token(tenantId, outsider.id)]) expect((await t.call('GET', '/api/me', { token })).status).toBe(200);

  catalogA = (await t.call('POST', '/api/catalogs', { token: adminToken, body: { name: 'Compliance', description: 'A' } })).body.id;
  catalogB = (await t.call('POST', '/api/catalogs', { token: adminToken, body: { name: 'Leadership', description: 'B' } })).body.id;
  for (const catalogId of [catalogA, catalogB]) {
    expect((await t.call('POST', `/api/catalogs/${catalogId}/managers`, { token: adminToken, body: { learnerId: manager.id } })).status).toBe(204);
  }
  // The learner manages catalog A too: a purge removes that role.
  expect((await t.call('POST', `/api/catalogs/${catalogA}/managers`, { token: adminToken, body: { learnerId: learner.id } })).status).toBe(204);
  courseA1 = (await t.call('POST', `/api/catalogs/${catalogA}/courses`, { token: managerToken, body: courseBody() })).body;
  courseA2 = (await t.call('POST', `/api/catalogs/${catalogA}/courses`, { token: managerToken, body: courseBody({ title: 'Security' }) })).body.id;
  courseB = (await t.call('POST', `/api/catalogs/${catalogB}/courses`, { token: managerToken, body: courseBody({ title: 'Feedback' }) })).body.id;
  const plan = await t.call('POST', `/api/catalogs/${catalogA}/plans`, { token: managerToken, body: { title: 'Onboarding', courseIds: [courseA2], status: 'published' } });
  expect(plan.status).toBe(201);

  const enrol = await t.call('POST', `/api/courses/${courseA1.id}/enrolments`, { token: learnerToken });
  for (const lesson of courseA1.lessons) {
    expect((await t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson.id } })).status).toBe(200);
  }
  const passed = await t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, { token: learnerToken, body: { type: 'quiz-attempt', answers: [1, true, [2, 0]] } });
  expect(passed.body.certificateId).toBeTruthy();
  certificateCode = await tenantDb(async (db) => (await db.selectFrom('certificates').select('verification_code').where('learner_id', '=', learner.id).executeTakeFirstOrThrow()).verification_code);
  expect((await t.call('POST', `/api/plans/${plan.body.id}/enrolments`, { token: learnerToken })).status).toBe(201);
  expect((await t.call('POST', `/api/courses/${courseB}/enrolments`, { token: learnerToken })).status).toBe(201);
  // The learner, as a manager of catalog A, assigns a course to a colleague: the colleague's enrolment points at them.
  const learnerAsManager = await t.token(tenantId, learner.id, ['Catalog.Manage']);
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  expect((await t.call('POST', `/api/courses/${courseA1.id}/assignments`, { token: learnerAsManager, body: { learnerIds: [colleague.id], dueAt: due } })).status).toBe(200);
});
afterAll(() => t.close());

describe('catalog learners and purge preview', () => {
  test('a catalog manager lists the people with records in the catalog, searches them, and pages with a cursor', async () => {
    const list = await t.call('GET', `/api/catalogs/${catalogA}/learners`, { token: managerToken });
    expect(list.status).toBe(200);
    const names = list.body.learners.map((l: { displayName: string }) => l.displayName);
    expect(names).toEqual(['Lars Purgeable', 'Mona Catalogmanager', 'Olga Colleague']);
    const lars = list.body.learners[0];
    expect(lars).toMatchObject({ id: learner.id, mail: learner.mail, department: 'Sales' });
    expect(lars.records).toBeGreaterThanOrEqual(7);
    expect(lars.lastActivityAt).toBeTruthy();
    expect(list.body.nextCursor).toBeNull();

    const search = await t.call('GET', `/api/catalogs/${catalogA}/learners?search=olga`, { token: managerToken });
    expect(search.body.learners.map((l: { id: string }) => l.id)).toEqual([colleague.id]);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners?cursor=not*a*cursor`, { token: managerToken })).status).toBe(400);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners?cursor=bm9wZQ`, { token: managerToken })).status).toBe(400);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners`, { token: colleagueToken })).status).toBe(403);
    expect((await t.call('GET', `/api/catalogs/${randomUUID()}/learners`, { token: managerToken })).status).toBe(404);
  });

  test('the preview counts by kind and names the confirmation (the mail); nobody with no records is 404', async () => {
    const preview = await t.call('GET', `/api/catalogs/${catalogA}/learners/${learner.id}/purge-preview`, { token: managerToken });
    expect(preview.status).toBe(200);
    expect(preview.body.confirmation).toBe(learner.mail);
    expect(preview.body.counts).toMatchObject({ enrolments: 2, planEnrolments: 1, lessonProgress: 2, quizAttempts: 1, certificates: 1, catalogManager: 1, assignedByPointers: 1, ruleAssignments: 0 });
    expect(preview.body.total).toBe(9);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners/${outsider.id}/purge-preview`, { token: managerToken })).status).toBe(404);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners/${learner.id}/purge-preview`, { token: colleagueToken })).status).toBe(403);
  });
});

describe('purge from a catalog', () => {
  test('a wrong confirmation is 400 and removes nothing; someone with no records is 404', async () => {
    const before = await rowsOf(learner.id);
    const wrong = await t.call('POST', `/api/catalogs/${catalogA}/purges`, { token: managerToken, body: { learnerId: learner.id, confirmation: 'someone.else@contoso.example' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_request');
    const none = await t.call('POST', `/api/catalogs/${catalogA}/purges`, { token: managerToken, body: { learnerId: outsider.id, confirmation: outsider.mail } });
    expect(none.status).toBe(404);
    await t.service.purges.idle();
    expect(await rowsOf(learner.id)).toEqual(before);
  });

  test('removes every record of the learner in that catalog, and only there; certificates stop verifying; pointers are cleared', async () => {
    const started = await t.call('POST', `/api/catalogs/${catalogA}/purges`, { token: managerToken, body: { learnerId: learner.id, confirmation: `  ${learner.mail?.toUpperCase()} ` } });
    expect(started.status).toBe(202);
    expect(started.headers.location).toBe(`/api/purges/${started.body.id}`);
    expect(started.body).toMatchObject({ status: 'queued', progress: { done: 0, total: 9 } });

    const status = await finished(started);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'done', progress: { done: 9, total: 9 } });
    expect(status.body.counts).toEqual({ assignedByPointers: 1, certificates: 1, quizAttempts: 1, lessonProgress: 2, enrolments: 2, planEnrolments: 1, catalogManager: 1 });
    expect(JSON.stringify(status.body)).not.toContain(learner.id);

    expect(await rowsOf(learner.id, catalogA)).toEqual({ enrolments: 0, lessonProgress: 0, quizAttempts: 0, certificates: 0 });
    expect((await rowsOf(learner.id, catalogB)).enrolments).toBe(1);
    const leftovers = await tenantDb(async (db) => ({
      plans: (await db.selectFrom('plan_enrolments').select('id').where('learner_id', '=', learner.id).execute()).length,
      managerOfA: (await db.selectFrom('catalog_managers').select('learner_id').where('learner_id', '=', learner.id).where('catalog_id', '=', catalogA).execute()).length,
      colleague: await db.selectFrom('enrolments').select(['assigned_by', 'source']).where('learner_id', '=', colleague.id).executeTakeFirst(),
      profile: await db.selectFrom('learners').select('learner_id').where('learner_id', '=', learner.id).executeTakeFirst(),
      code: await db.selectFrom('certificates').select('id').where('verification_code', '=', certificateCode).executeTakeFirst(),
    }));
    expect(leftovers).toEqual({ plans: 0, managerOfA: 0, colleague: { assigned_by: null, source: 'assigned' }, profile: { learner_id: learner.id }, code: undefined });
    expect((await t.call('GET', `/api/public/certificates/${tenantId}/${certificateCode}`)).status).toBe(404);

    const list = await t.call('GET', `/api/catalogs/${catalogA}/learners`, { token: managerToken });
    expect(list.body.learners.map((l: { id: string }) => l.id)).not.toContain(learner.id);
    expect((await t.call('GET', `/api/catalogs/${catalogA}/learners/${learner.id}/purge-preview`, { token: managerToken })).status).toBe(404);
  });

  test('the status resource is for the managers of its catalog and tenant admins only', async () => {
    const started = await t.call('POST', `/api/catalogs/${catalogB}/purges`, { token: managerToken, body: { learnerId: learner.id, confirmation: learner.mail } });
    expect(started.status).toBe(202);
    await finished(started);
    expect((await t.call('GET', `/api/purges/${started.body.id}`, { token: managerToken })).status).toBe(200);
    expect((await t.call('GET', `/api/purges/${started.body.id}`, { token: colleagueToken })).status).toBe(404);
    expect((await t.call('GET', `/api/purges/${randomUUID()}`, { token: adminToken })).status).toBe(404);
  });
});

describe('the audit trail', () => {
  test('names who acted, when, the catalog and the counts, with the subject as a keyed hash only; tenant admins only', async () => {
    const audit = await t.call('GET', '/api/tenant/audit', { token: adminToken });
    expect(audit.status).toBe(200);
    const completed = audit.body.events.find((e: { action: string; catalogId: string }) => e.action === 'purge.completed' && e.catalogId === catalogA);
    expect(completed).toMatchObject({ actorId: manager.id, counts: { enrolments: 2, certificates: 1 } });
    expect(completed.subjectHash).toMatch(/^[0-9a-f]{64}$/);
    const text = JSON.stringify(audit.body);
    for (const identifier of [learner.id, learner.mail, learner.userPrincipalName, learner.displayName]) expect(text).not.toContain(identifier);

    const aboutLearner = await t.call('GET', `/api/tenant/audit?subject=${learner.id}`, { token: adminToken });
    expect(aboutLearner.body.events.length).toBeGreaterThanOrEqual(4);
    expect(aboutLearner.body.events.every((e: { subjectHash: string }) => e.subjectHash === completed.subjectHash)).toBe(true);
    expect((await t.call('GET', `/api/tenant/audit?subject=${outsider.id}`, { token: adminToken })).body.events).toEqual([]);
    expect((await t.call('GET', '/api/tenant/audit', { token: managerToken })).status).toBe(403);
  });
});

describe('erasure', () => {
  test('erases the person everywhere, pseudonymises them as an actor, and needs a tenant admin and the typed mail', async () => {
    expect((await t.call('POST', `/api/learners/${manager.id}/erasure`, { token: managerToken, body: { confirmation: manager.mail } })).status).toBe(403);
    expect((await t.call('POST', `/api/learners/${manager.id}/erasure`, { token: adminToken, body: { confirmation: 'nope' } })).status).toBe(400);
    expect((await t.call('POST', `/api/learners/${randomUUID()}/erasure`, { token: adminToken, body: { confirmation: 'x' } })).status).toBe(404);

    const started = await t.call('POST', `/api/learners/${manager.id}/erasure`, { token: adminToken, body: { confirmation: manager.mail } });
    expect(started.status).toBe(202);
    const status = await finished(started);
    expect(status.body.status).toBe('done');
    expect(status.body.counts).toMatchObject({ catalogManager: 2, profile: 1 });

    const left = await tenantDb(async (db) => {
      const found: string[] = [];
      for (const table of ['learners', 'catalog_managers', 'enrolments', 'group_members', 'plan_enrolments']) {
        if ((await db.selectFrom(table).select('learner_id').where('learner_id', '=', manager.id).execute()).length > 0) found.push(table);
      }
      return found;
    });
    expect(left).toEqual([]);
    const audit = await t.call('GET', '/api/tenant/audit', { token: adminToken });
    const text = JSON.stringify(audit.body);
    expect(text).not.toContain(manager.id);
    const byManager = audit.body.events.filter((e: { actorHash: string | null }) => e.actorHash !== null);
    expect(byManager.length).toBeGreaterThanOrEqual(2);
    expect(byManager.every((e: { actorId: string | null }) => e.actorId === null)).toBe(true);
  });

  test('the erasure of a second person runs as well; both stay suppressed from the directory sync', async () => {
    const started = await t.call('POST', `/api/learners/${colleague.id}/erasure`, { token: adminToken, body: { confirmation: colleague.mail } });
    expect(started.status).toBe(202);
    expect((await finished(started)).body.status).toBe('done');
    expect(await tenantDb(async (db) => (await db.selectFrom('sync_suppressions').selectAll().execute()).length)).toBe(2);
  });

  test('an erased person who signs in again is a learner again', async () => {
    const me = await t.call('GET', '/api/me', { token: colleagueToken });
    expect(me.status).toBe(200);
    const suppressions = await tenantDb(async (db) => db.selectFrom('sync_suppressions').selectAll().execute());
    // The manager stays suppressed; the colleague, back by their own sign-in, no longer is.
    expect(suppressions).toHaveLength(1);
  });
});
