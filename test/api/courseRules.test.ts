import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// A course whose lessons unlock in order opens its quiz only when every lesson is done; a free-order course
// has its quiz open from the start, but is complete only with every lesson done and the quiz passed.

let t: TestService;
const tenantId = randomUUID();
let manager: string;
let catalogId: string;

const PASSING = [1, true, [0, 2]];

beforeAll(async () => {
  t = await startTestService();
  await t.onboard(tenantId);
  manager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  catalogId = (await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Rules' } })).body.id;
});
afterAll(() => t.close());

async function enrolInNewCourse(sequentialLessons: boolean) {
  const course = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: manager, body: courseBody({ title: `Rules ${randomUUID().slice(0, 6)}`, sequentialLessons }) });
  assert.equal(course.status, 201, JSON.stringify(course.body));
  const token = await t.token(tenantId, randomUUID());
  const enrolment = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token });
  assert.equal(enrolment.status, 201);
  const post = (body: unknown) => t.call('POST', `/api/enrolments/${enrolment.body.id}/progress`, { token, body });
  const detail = async () => (await t.call('GET', `/api/enrolments/${enrolment.body.id}`, { token })).body;
  return { lessons: course.body.lessons as Array<{ id: string }>, post, detail };
}

describe('a course whose lessons unlock in order', () => {
  test('refuses the quiz (409, nothing recorded) until every lesson is done, then takes it', async () => {
    const { lessons, post, detail } = await enrolInNewCourse(true);

    const early = assertCleanError(await post({ type: 'quiz-attempt', answers: PASSING }), 409, 'quiz before any lesson');
    assert.equal(early.code, 'conflict');
    assert.match(early.message, /quiz/);
    assert.match(early.message, /2 remaining lessons/);

    assert.equal((await post({ type: 'lesson-completed', lessonId: lessons[0].id })).status, 200);
    const stillEarly = assertCleanError(await post({ type: 'quiz-attempt', answers: PASSING }), 409, 'quiz with a lesson to go');
    assert.match(stillEarly.message, /1 remaining lesson\b/);
    const before = await detail();
    assert.deepEqual(before.quizAttempts, [], 'a refused attempt is not recorded');
    assert.equal(before.progressPercent, 33);
    assert.equal(before.completedAt, null);

    assert.equal((await post({ type: 'lesson-completed', lessonId: lessons[1].id })).status, 200);
    const taken = await post({ type: 'quiz-attempt', answers: PASSING });
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.equal(taken.body.quizResult.passed, true);
    assert.ok(taken.body.enrolment.completedAt, 'every lesson and the quiz: complete');
    assert.ok(taken.body.certificateId);
  });

  test('still refuses lessons out of order, and answers that do not fit the quiz are a 400 whatever the order', async () => {
    const { lessons, post, detail } = await enrolInNewCourse(true);
    assert.match(assertCleanError(await post({ type: 'lesson-completed', lessonId: lessons[1].id }), 409, 'second lesson first').message, /in order/);
    assertCleanError(await post({ type: 'quiz-attempt', answers: [1, true] }), 400, 'too few answers');
    const unchanged = await detail();
    assert.deepEqual({ lessons: unchanged.completedLessonIds, attempts: unchanged.quizAttempts, startedAt: unchanged.startedAt }, { lessons: [], attempts: [], startedAt: null });
  });
});

describe('a free-order course', () => {
  test('takes the quiz before the lessons, and completes only once every lesson is done too', async () => {
    const { lessons, post } = await enrolInNewCourse(false);
    const quiz = await post({ type: 'quiz-attempt', answers: PASSING });
    assert.equal(quiz.status, 200, JSON.stringify(quiz.body));
    assert.equal(quiz.body.quizResult.passed, true);
    assert.equal(quiz.body.enrolment.completedAt, null, 'lessons still to do');
    assert.equal(quiz.body.progressPercent, 33);

    await post({ type: 'lesson-completed', lessonId: lessons[1].id });
    const last = await post({ type: 'lesson-completed', lessonId: lessons[0].id });
    assert.equal(last.status, 200);
    assert.ok(last.body.enrolment.completedAt);
    assert.equal(last.body.progressPercent, 100);
  });
});
