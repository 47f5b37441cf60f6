import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { verificationCodePattern } from '../../src/domain/certificate';
import { courseBody, startTestService, type TestService } from '../support/testService';

let t: TestService;
const tenantId = randomUUID();
let adminToken: string;
let managerToken: string;
let learnerToken: string;
const learnerId = randomUUID();
const managerId = randomUUID();

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  adminToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
  managerToken = await t.token(tenantId, managerId, ['Catalog.Manage']);
  learnerToken = await t.token(tenantId, learnerId);
});
afterAll(() => t.close());

test('a learner enrols, completes lessons in order, passes the quiz and downloads a verifiable certificate', async () => {
  const catalog = await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Compliance', description: 'Mandatory training' } });
  assert.equal(catalog.status, 201);
  const course = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, { token: managerToken, body: courseBody() });
  assert.equal(course.status, 201, JSON.stringify(course.body));
  const [lesson1, lesson2] = course.body.lessons;

  const learnerView = await t.call('GET', `/api/courses/${course.body.id}`, { token: learnerToken });
  assert.equal(learnerView.status, 200);
  assert.equal(learnerView.body.quiz.questions[0].correct, undefined, 'learners never see quiz answers');

  const enrol = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token: learnerToken });
  assert.equal(enrol.status, 201);
  const again = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token: learnerToken });
  assert.equal(again.status, 200);
  assert.equal(again.body.id, enrol.body.id, 'enrolling twice returns the same enrolment');
  const enrolmentId = enrol.body.id;

  const outOfOrder = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson2.id } });
  assert.equal(outOfOrder.status, 409, 'sequential lessons unlock in order');

  const first = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson1.id } });
  assert.equal(first.status, 200);
  assert.equal(first.body.progressPercent, 33);
  assert.ok(first.body.enrolment.startedAt);

  const second = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson2.id } });
  assert.equal(second.body.progressPercent, 67);
  assert.equal(second.body.enrolment.completedAt, null);

  const failed = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learnerToken, body: { type: 'quiz-attempt', answers: [0, false, [0]] } });
  assert.equal(failed.status, 200);
  assert.deepEqual({ score: failed.body.quizResult.scorePercent, passed: failed.body.quizResult.passed }, { score: 0, passed: false });
  assert.equal(failed.body.certificateId, null);

  const passed = await t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learnerToken, body: { type: 'quiz-attempt', answers: [1, true, [2, 0]] } });
  assert.equal(passed.body.quizResult.scorePercent, 100);
  assert.ok(passed.body.enrolment.completedAt);
  assert.ok(passed.body.certificateId);

  const mine = await t.call('GET', '/api/me/training', { token: learnerToken });
  assert.equal(mine.status, 200);
  assert.equal(mine.body.counts.completed, 1);
  assert.equal(mine.body.items[0].progressPercent, 100);
  assert.equal(mine.body.items[0].certificateId, passed.body.certificateId);

  const pdf = await t.call('GET', `/api/certificates/${passed.body.certificateId}/pdf`, { token: learnerToken });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.raw.subarray(0, 5).toString(), '%PDF-');
  const code = /certificate-(ATR-[A-Z0-9-]+)\.pdf/.exec(String(pdf.headers['content-disposition']))?.[1];
  assert.ok(code && verificationCodePattern.test(code), `verification code in ${pdf.headers['content-disposition']}`);

  const verified = await t.call('GET', `/api/public/certificates/${tenantId}/${code}`);
  assert.equal(verified.status, 200, 'anyone can verify a certificate, without a token');
  assert.equal(verified.body.courseTitle, 'Code of Conduct');
  const signedIn = await t.call('GET', `/api/public/certificates/${tenantId}/${code}`, { token: adminToken });
  assert.deepEqual(signedIn.body, verified.body, 'a token changes nothing');
  assert.equal((await t.call('GET', `/api/public/certificates/${tenantId}/ATR-0000-0000-0000`)).status, 404);

  const stranger = await t.call('GET', `/api/certificates/${passed.body.certificateId}/pdf`, { token: await t.token(tenantId, randomUUID()) });
  assert.equal(stranger.status, 404, 'another learner cannot fetch the certificate');
});

test('two concurrent progress posts for the same learner both land', async () => {
  const catalog = await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Onboarding' } });
  const course = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, {
    token: managerToken,
    body: courseBody({ title: 'Welcome', sequentialLessons: false, quiz: null }),
  });
  const enrol = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token: learnerToken });
  const [a, b] = await Promise.all(
    course.body.lessons.map((lesson: { id: string }) =>
      t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson.id } }),
    ),
  );
  assert.equal(a.status, 200);
  assert.equal(b.status, 200);
  const detail = await t.call('GET', `/api/enrolments/${enrol.body.id}`, { token: learnerToken });
  assert.equal(detail.body.completedLessonIds.length, 2);
  assert.ok(detail.body.completedAt, 'both lessons done completes the course');
  assert.ok(detail.body.certificateId);
});
