import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { isCourseComplete, progressPercent } from '../../src/domain/progress';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { MssqlEngine } from '../../src/server/store/mssql/mssqlEngine';
import { startApiWorkers, type ApiWorkers, type WorkerRequest, type WorkerResponse } from '../support/apiWorkers';
import type { WorkerOptions } from '../support/apiWorkerProcess';
import { courseBody, makeDataDir, startTestService, type TestService } from '../support/testService';

/**
 * Several instances of the service (separate OS processes, separate connections) on the same databases, sent
 * requests for the same enrolments at the same moment. SQLite always; SQL Server when ATRIUM_TEST_MSSQL holds
 * a connection string. In one process Kysely serialises SQLite, so only separate processes show a lost update.
 */
const WORKERS = 4;

interface EngineUnderTest {
  name: string;
  available: boolean;
  /** The parent's engine (undefined: startTestService's SQLite) and the workers' settings. */
  setUp(dataDir: string): { engine?: DatabaseEngine; worker: WorkerOptions['engine'] };
}

const engines: EngineUnderTest[] = [
  { name: 'SQLite', available: true, setUp: () => ({ worker: { kind: 'sqlite' } }) },
  {
    name: 'SQL Server',
    available: Boolean(process.env.ATRIUM_TEST_MSSQL),
    setUp: () => {
      const catalogDatabase = `atrium_catalog_test_${randomUUID().slice(0, 8)}`;
      return {
        engine: new MssqlEngine({ catalog: { server: 'overridden', database: catalogDatabase }, serverOverride: process.env.ATRIUM_TEST_MSSQL }),
        worker: { kind: 'mssql', catalogDatabase },
      };
    },
  },
];

interface CreatedCourse {
  id: string;
  sequentialLessons: boolean;
  lessons: Array<{ id: string }>;
  quiz: unknown;
}

const PASSING_ANSWERS = [1, true, [0, 2]];
const FAILING_ANSWERS = [0, false, [1]];

/** Deals requests out to the workers in turn, so each worker's batch mixes learners and lessons. */
function dealOut(requests: WorkerRequest[], workers: number): WorkerRequest[][] {
  const batches: WorkerRequest[][] = Array.from({ length: workers }, () => []);
  requests.forEach((request, i) => batches[i % workers].push(request));
  return batches;
}

function describeFailures(requests: WorkerRequest[][], responses: WorkerResponse[][]): string {
  return responses
    .flatMap((batch, w) => batch.map((r, i) => ({ r, request: requests[w][i] })))
    .filter(({ r }) => r.status >= 300)
    .map(({ r, request }) => `${request.method} ${request.url}${request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`} -> ${r.status} ${JSON.stringify(r.body)}`)
    .join('\n');
}

for (const engine of engines) {
  describe(`concurrent requests from ${WORKERS} processes on ${engine.name}`, () => {
    // Without a SQL Server the tests are reported as skipped, not passed.
    const liveIt = engine.available ? it : it.skip;
    const why = engine.available ? '' : ' (ATRIUM_TEST_MSSQL not set)';
    const tenantId = randomUUID();
    let t: TestService;
    let workers: ApiWorkers;
    let manager: string;
    let catalogId: string;

    async function createCourse(overrides: Record<string, unknown>): Promise<CreatedCourse> {
      const response = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: manager, body: courseBody(overrides) });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    }

    async function createPlan(courses: CreatedCourse[]): Promise<string> {
      const response = await t.call('POST', `/api/catalogs/${catalogId}/plans`, { token: manager, body: { title: `Plan ${randomUUID().slice(0, 6)}`, courseIds: courses.map((c) => c.id), status: 'published' } });
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body.id;
    }

    /** A learner the service already knows (their first request stores them), with a token. */
    async function newLearner(): Promise<{ id: string; token: string }> {
      const id = randomUUID();
      const token = await t.token(tenantId, id);
      assert.equal((await t.call('GET', '/api/me', { token })).status, 200);
      return { id, token };
    }

    function rows<T>(read: (db: Parameters<Parameters<TestService['service']['tenancy']['withTenantDatabase']>[1]>[0]) => Promise<T>): Promise<T> {
      return t.service.tenancy.withTenantDatabase(tenantId, read);
    }

    /** What the enrolment row says (through the API) is what its lesson and quiz rows say. */
    async function assertEnrolmentMatchesItsRows(enrolmentId: string, course: CreatedCourse, token: string) {
      const detail = await t.call('GET', `/api/enrolments/${enrolmentId}`, { token });
      assert.equal(detail.status, 200);
      const lessonRows = await rows((db) => db.selectFrom('lesson_progress').select('lesson_id').where('enrolment_id', '=', enrolmentId).execute());
      const done = new Set(lessonRows.map((r) => r.lesson_id));
      assert.deepEqual(new Set(detail.body.completedLessonIds), done);
      const quizPassed = detail.body.quizAttempts.some((a: { passed: boolean }) => a.passed);
      const complete = isCourseComplete({ lessons: course.lessons as never, quiz: course.quiz as never }, done, quizPassed);
      assert.equal(detail.body.completedAt !== null, complete, 'completed exactly when every lesson is done and the quiz passed');
      assert.equal(detail.body.certificateId !== null, complete, 'a certificate exactly when completed');
      assert.equal(detail.body.progressPercent, complete ? 100 : progressPercent({ lessons: course.lessons as never, quiz: course.quiz as never }, done, quizPassed));
      const certificates = await rows((db) => db.selectFrom('certificates').select('id').where('enrolment_id', '=', enrolmentId).execute());
      assert.deepEqual(certificates.map((c) => c.id), complete ? [detail.body.certificateId] : []);
      return { detail: detail.body, done };
    }

    beforeAll(async () => {
      if (!engine.available) return;
      const dataDir = makeDataDir();
      const setUp = engine.setUp(dataDir);
      t = await startTestService({ dataDir, ...(setUp.engine ? { engine: setUp.engine } : {}) });
      await t.onboard(tenantId);
      manager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
      const catalog = await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Concurrency' } });
      assert.equal(catalog.status, 201);
      catalogId = catalog.body.id;
      workers = await startApiWorkers(WORKERS, { dataDir, engine: setUp.worker });
      // Creating a SQL Server database can take minutes; SQLite needs seconds.
    }, 10 * 60_000);

    afterAll(async () => {
      if (!engine.available) return;
      await workers?.close();
      await t?.close();
    });

    liveIt(`two learners' enrolments in a course and in a plan, sent from every process at once, each make one enrolment that every answer names${why}`, async () => {
      const course = await createCourse({ title: 'Enrol at once' });
      const planCourses = [await createCourse({ title: 'Plan at once A' }), await createCourse({ title: 'Plan at once B' })];
      const planId = await createPlan(planCourses);
      const selfLearner = await newLearner();
      const planLearner = await newLearner();
      const selfEnrol: WorkerRequest = { method: 'POST', url: `/api/courses/${course.id}/enrolments`, token: selfLearner.token };
      const planEnrol: WorkerRequest = { method: 'POST', url: `/api/plans/${planId}/enrolments`, token: planLearner.token };
      const batches = Array.from({ length: WORKERS }, () => [selfEnrol, planEnrol, selfEnrol, planEnrol]);

      const responses = await workers.run(batches);
      assert.equal(describeFailures(batches, responses), '', 'every request succeeds');

      const selfAnswers = responses.flatMap((batch) => [batch[0], batch[2]]);
      assert.equal(selfAnswers.filter((r) => r.status === 201).length, 1, 'one answer created the enrolment; the others found it');
      assert.equal(new Set(selfAnswers.map((r) => r.body.id)).size, 1, 'every answer names the same enrolment');
      const selfRows = await rows((db) => db.selectFrom('enrolments').select('id').where('learner_id', '=', selfLearner.id).where('course_id', '=', course.id).execute());
      assert.deepEqual(selfRows.map((r) => r.id), [selfAnswers[0].body.id]);

      const planAnswers = responses.flatMap((batch) => [batch[1], batch[3]]);
      assert.equal(new Set(planAnswers.map((r) => r.body.planEnrolmentId)).size, 1, 'every answer names the same plan enrolment');
      assert.equal(new Set(planAnswers.map((r) => JSON.stringify(r.body.enrolmentIds))).size, 1, 'and the same course enrolments');
      const planEnrolments = await rows((db) => db.selectFrom('plan_enrolments').select('id').where('learner_id', '=', planLearner.id).execute());
      assert.deepEqual(planEnrolments.map((r) => r.id), [planAnswers[0].body.planEnrolmentId]);
      const courseEnrolments = await rows((db) => db.selectFrom('enrolments').select(['id', 'plan_enrolment_id']).where('learner_id', '=', planLearner.id).orderBy('id').execute());
      assert.deepEqual(
        courseEnrolments,
        [...planAnswers[0].body.enrolmentIds].sort().map((id: string) => ({ id, plan_enrolment_id: planAnswers[0].body.planEnrolmentId })),
      );
    }, 60_000);

    liveIt(`lesson completions and quiz attempts for the same enrolments, sent from every process at once, all land and each enrolment says what its rows say${why}`, async () => {
      // Free order (every lesson open), six lessons and a quiz: seven steps to complete.
      const course = await createCourse({
        title: 'Progress at once',
        sequentialLessons: false,
        lessons: Array.from({ length: 6 }, (_, i) => ({ title: `Part ${i + 1}`, materialUrl: `https://contoso.example/part/${i + 1}` })),
      });
      const planCourses = [
        await createCourse({ title: 'Plan progress A', sequentialLessons: false, quiz: null }),
        await createCourse({ title: 'Plan progress B', sequentialLessons: false, quiz: null }),
      ];
      const planId = await createPlan(planCourses);

      const requests: WorkerRequest[] = [];
      const progress = (token: string, enrolmentId: string, body: unknown): WorkerRequest => ({ method: 'POST', url: `/api/enrolments/${enrolmentId}/progress`, token, body });
      const finishers: Array<{ token: string; enrolmentId: string }> = [];
      for (let i = 0; i < 3; i++) {
        const learner = await newLearner();
        const enrolment = await t.call('POST', `/api/courses/${course.id}/enrolments`, { token: learner.token });
        assert.equal(enrolment.status, 201);
        finishers.push({ token: learner.token, enrolmentId: enrolment.body.id });
        for (const lesson of course.lessons) requests.push(progress(learner.token, enrolment.body.id, { type: 'lesson-completed', lessonId: lesson.id }));
        // The same lesson twice, a failed and a passed quiz attempt: all at the same time as the rest.
        requests.push(progress(learner.token, enrolment.body.id, { type: 'lesson-completed', lessonId: course.lessons[0].id }));
        requests.push(progress(learner.token, enrolment.body.id, { type: 'quiz-attempt', answers: FAILING_ANSWERS }));
        requests.push(progress(learner.token, enrolment.body.id, { type: 'quiz-attempt', answers: PASSING_ANSWERS }));
      }
      // Part way: four lessons of six, no quiz.
      const partial = await newLearner();
      const partialEnrolment = (await t.call('POST', `/api/courses/${course.id}/enrolments`, { token: partial.token })).body.id;
      for (const lesson of course.lessons.slice(0, 4)) requests.push(progress(partial.token, partialEnrolment, { type: 'lesson-completed', lessonId: lesson.id }));
      // A plan whose two courses are finished at the same moment, in different processes.
      const planLearner = await newLearner();
      const plan = await t.call('POST', `/api/plans/${planId}/enrolments`, { token: planLearner.token });
      assert.equal(plan.status, 201);
      planCourses.forEach((c, i) => {
        for (const lesson of c.lessons) requests.push(progress(planLearner.token, plan.body.enrolmentIds[i], { type: 'lesson-completed', lessonId: lesson.id }));
      });

      const batches = dealOut(requests, WORKERS);
      const responses = await workers.run(batches);
      assert.equal(describeFailures(batches, responses), '', 'every post is acknowledged');
      responses.forEach((batch, w) =>
        batch.forEach((response, i) => {
          const body = batches[w][i].body as { type: string; lessonId?: string };
          if (body.type === 'lesson-completed') assert.ok(response.body.completedLessonIds.includes(body.lessonId), 'the answer counts the lesson it acknowledges');
        }),
      );

      for (const { token, enrolmentId } of finishers) {
        const { detail, done } = await assertEnrolmentMatchesItsRows(enrolmentId, course, token);
        assert.equal(done.size, course.lessons.length, 'every acknowledged lesson is recorded');
        assert.equal(detail.quizAttempts.length, 2, 'both quiz attempts are recorded');
        assert.equal(detail.progressPercent, 100);
      }
      const { detail: partialDetail } = await assertEnrolmentMatchesItsRows(partialEnrolment, course, partial.token);
      assert.equal(partialDetail.progressPercent, 57, '4 of 7 steps');
      for (const [i, c] of planCourses.entries()) {
        const { detail } = await assertEnrolmentMatchesItsRows(plan.body.enrolmentIds[i], c, planLearner.token);
        assert.ok(detail.completedAt, 'each plan course is complete');
      }
      const planRow = await rows((db) => db.selectFrom('plan_enrolments').select('completed_at').where('id', '=', plan.body.planEnrolmentId).executeTakeFirstOrThrow());
      assert.ok(planRow.completed_at, 'the plan is complete: its last two courses were finished at once, and neither missed the other');
    }, 60_000);
  });
}
