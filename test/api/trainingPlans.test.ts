import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// A training plan is an ordered set of courses completed as one: enrolling enrols in every course,
// and the plan is complete when the last of its courses is.

let t: TestService;
const tenantId = randomUUID();
let manager: string;
let catalogId: string;
let otherCatalogId: string;
let clock = new Date('2026-03-02T09:00:00.000Z');

interface CreatedCourse {
  id: string;
  lessons: Array<{ id: string }>;
}

beforeAll(async () => {
  t = await startTestService({ clock: () => clock });
  await t.onboard(tenantId);
  manager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  catalogId = (await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Onboarding' } })).body.id;
  otherCatalogId = (await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Elsewhere' } })).body.id;
});
afterAll(() => t.close());

async function course(title: string, inCatalog = catalogId, withQuiz = false): Promise<CreatedCourse> {
  const response = await t.call('POST', `/api/catalogs/${inCatalog}/courses`, {
    token: manager,
    body: courseBody({
      title,
      sequentialLessons: false,
      quiz: withQuiz ? { passMarkPercent: 100, questions: [{ kind: 'true-false', prompt: 'Done?', correct: true }] } : null,
      lessons: [{ title: `${title}: the lesson`, materialUrl: 'https://contoso.example/lesson' }],
    }),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

async function plan(courses: CreatedCourse[], title = 'Plan'): Promise<string> {
  const response = await t.call('POST', `/api/catalogs/${catalogId}/plans`, { token: manager, body: { title, courseIds: courses.map((c) => c.id), status: 'published' } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  assert.deepEqual(response.body.courseIds, courses.map((c) => c.id));
  return response.body.id;
}

async function newLearner(): Promise<string> {
  return t.token(tenantId, randomUUID());
}

async function finish(token: string, enrolmentId: string, c: CreatedCourse, withQuiz = false) {
  const lesson = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token, body: { type: 'lesson-completed', lessonId: c.lessons[0].id } });
  assert.equal(lesson.status, 200, JSON.stringify(lesson.body));
  if (!withQuiz) return lesson.body;
  const quiz = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token, body: { type: 'quiz-attempt', answers: [true] } });
  assert.equal(quiz.status, 200);
  return quiz.body;
}

function planEnrolmentRow(planEnrolmentId: string) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('plan_enrolments').selectAll().where('id', '=', planEnrolmentId).executeTakeFirstOrThrow());
}

function enrolmentRows(planEnrolmentId: string) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('enrolments').selectAll().where('plan_enrolment_id', '=', planEnrolmentId).execute());
}

describe('training plans', () => {
  test('enrolling in a plan of two courses enrols in both, linked to one plan enrolment; enrolling again changes nothing', async () => {
    const first = await course('Plan course A');
    const second = await course('Plan course B');
    const planId = await plan([first, second]);
    const learner = await newLearner();

    const enrol = await t.call('POST', `/api/plans/${planId}/enrolments`, { token: learner });
    assert.equal(enrol.status, 201);
    assert.equal(enrol.body.enrolmentIds.length, 2);
    const rows = await enrolmentRows(enrol.body.planEnrolmentId);
    assert.deepEqual(rows.map((r) => r.course_id).sort(), [first.id, second.id].sort());
    assert.deepEqual(rows.map((r) => r.id).sort(), [...enrol.body.enrolmentIds].sort());
    const planRow = await planEnrolmentRow(enrol.body.planEnrolmentId);
    assert.equal(planRow.plan_id, planId);
    assert.equal(planRow.completed_at, null);

    const mine = await t.call('GET', '/api/me/training', { token: learner });
    assert.deepEqual(mine.body.items.map((i: { courseId: string }) => i.courseId).sort(), [first.id, second.id].sort());

    const before = await tenantSnapshot(t, tenantId);
    const again = await t.call('POST', `/api/plans/${planId}/enrolments`, { token: learner });
    assert.ok(again.status === 200 || again.status === 201);
    assert.equal(again.body.planEnrolmentId, enrol.body.planEnrolmentId);
    assert.deepEqual(again.body.enrolmentIds, enrol.body.enrolmentIds);
    assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  });

  test('the plan is complete, with the date, when its last course is completed', async () => {
    const first = await course('Completion A', catalogId, true);
    const second = await course('Completion B');
    const planId = await plan([first, second]);
    const learner = await newLearner();
    const enrol = (await t.call('POST', `/api/plans/${planId}/enrolments`, { token: learner })).body;
    const [firstEnrolment, secondEnrolment] = enrol.enrolmentIds;

    clock = new Date('2026-03-03T10:00:00.000Z');
    const lessonOnly = await finish(learner, firstEnrolment, first);
    assert.equal(lessonOnly.enrolment.completedAt, null, 'the quiz is still to pass');
    await t.call('POST', `/api/enrolments/${firstEnrolment}/progress`, { token: learner, body: { type: 'quiz-attempt', answers: [true] } });
    assert.equal((await planEnrolmentRow(enrol.planEnrolmentId)).completed_at, null, 'one of two courses done: the plan is not');

    clock = new Date('2026-03-05T16:30:00.000Z');
    const last = await finish(learner, secondEnrolment, second);
    assert.equal(last.enrolment.completedAt, '2026-03-05T16:30:00.000Z');
    assert.equal((await planEnrolmentRow(enrol.planEnrolmentId)).completed_at, '2026-03-05T16:30:00.000Z');
  });

  test('a course completed before enrolling in the plan counts towards it', async () => {
    const first = await course('Done early A');
    const second = await course('Done early B');
    const planId = await plan([first, second]);
    const learner = await newLearner();
    const early = (await t.call('POST', `/api/courses/${first.id}/enrolments`, { token: learner })).body;
    await finish(learner, early.id, first);

    const enrol = (await t.call('POST', `/api/plans/${planId}/enrolments`, { token: learner })).body;
    assert.ok(enrol.enrolmentIds.includes(early.id), 'the existing enrolment is reused, not duplicated');
    assert.deepEqual((await enrolmentRows(enrol.planEnrolmentId)).map((r) => r.id).sort(), [...enrol.enrolmentIds].sort(), 'and linked to the plan');
    assert.equal((await planEnrolmentRow(enrol.planEnrolmentId)).completed_at, null);

    await finish(learner, enrol.enrolmentIds[1], second);
    assert.ok((await planEnrolmentRow(enrol.planEnrolmentId)).completed_at);
  });

  test('enrolling in a plan whose courses are all completed already completes the plan', async () => {
    const first = await course('All done A');
    const second = await course('All done B');
    const planId = await plan([first, second]);
    const learner = await newLearner();
    for (const c of [first, second]) {
      const enrolment = (await t.call('POST', `/api/courses/${c.id}/enrolments`, { token: learner })).body;
      await finish(learner, enrolment.id, c);
    }
    const enrol = (await t.call('POST', `/api/plans/${planId}/enrolments`, { token: learner })).body;
    assert.ok((await planEnrolmentRow(enrol.planEnrolmentId)).completed_at, 'nothing is left to do');
  });

  test('a plan with a course of another catalog is a 400 naming the course, and no plan is written', async () => {
    const mine = await course('In this catalog');
    const foreign = await course('In another catalog', otherCatalogId);
    const before = await tenantSnapshot(t, tenantId);
    const response = await t.call('POST', `/api/catalogs/${catalogId}/plans`, {
      token: manager,
      body: { title: 'Mixed', courseIds: [mine.id, foreign.id], status: 'draft' },
    });
    const error = assertCleanError(response, 400);
    assert.match(error.message, new RegExp(foreign.id));
    assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  });

  test('plans list their courses in order', async () => {
    const courses = [await course('Order 1'), await course('Order 2'), await course('Order 3')];
    const planId = await plan([courses[2], courses[0], courses[1]], 'Ordered');
    const plans = await t.call('GET', `/api/catalogs/${catalogId}/plans`, { token: await newLearner() });
    const listed = plans.body.find((p: { id: string }) => p.id === planId);
    assert.deepEqual(listed.courseIds, [courses[2].id, courses[0].id, courses[1].id]);
  });
});
