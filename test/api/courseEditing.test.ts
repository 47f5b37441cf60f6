import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { courseBody, startTestService, type TestService } from '../support/testService';

let t: TestService;
const tenantId = randomUUID();
let manager: string;
let learner: string;

beforeAll(async () => {
  t = await startTestService();
  await t.onboard(tenantId);
  manager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  learner = await t.token(tenantId, randomUUID());
});
afterAll(() => t.close());

test('editing a course keeps the lessons learners have progress on, refuses to drop them, and re-works progress', async () => {
  const catalog = await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Safety' } });
  const body = courseBody({ sequentialLessons: false });
  const created = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, { token: manager, body });
  const [first, second] = created.body.lessons;
  const enrolment = await t.call('POST', `/api/courses/${created.body.id}/enrolments`, { token: learner });
  const progress = await t.call('POST', `/api/enrolments/${enrolment.body.id}/progress`, { token: learner, body: { type: 'lesson-completed', lessonId: first.id } });
  assert.equal(progress.body.progressPercent, 33, 'one of two lessons and a quiz');

  const extraLesson = { title: 'Fire drills', materialUrl: 'https://contoso.sharepoint.com/sites/training/fire' };
  const extended = await t.call('PUT', `/api/courses/${created.body.id}`, { token: manager, body: { ...body, lessons: [...body.lessons, extraLesson] } });
  assert.equal(extended.status, 200);
  assert.deepEqual(extended.body.lessons.slice(0, 2).map((l: { id: string }) => l.id), [first.id, second.id], 'unchanged lessons keep their ids');
  const mine = await t.call('GET', '/api/me/training', { token: learner });
  assert.equal(mine.body.items[0].progressPercent, 25, 'one of three lessons and a quiz');

  const dropped = await t.call('PUT', `/api/courses/${created.body.id}`, { token: manager, body: { ...body, lessons: [body.lessons[1], extraLesson] } });
  assert.equal(dropped.status, 409, 'a lesson with progress cannot be removed or moved');
  assert.deepEqual((await t.call('GET', `/api/courses/${created.body.id}`, { token: manager })).body.lessons, extended.body.lessons, 'nothing changed');

  const retitled = await t.call('PUT', `/api/courses/${created.body.id}`, {
    token: manager,
    body: { ...body, lessons: [body.lessons[0], { ...body.lessons[1], title: 'Speaking up, revised' }, extraLesson] },
  });
  assert.equal(retitled.status, 200, 'a lesson nobody has done can change');
  assert.equal(retitled.body.lessons[0].id, first.id);
  assert.equal(retitled.body.lessons[1].title, 'Speaking up, revised');
});
