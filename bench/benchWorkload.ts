import path from 'node:path';
import Database from 'better-sqlite3';
import { quizSchema, type Quiz } from '../src/domain/course';
import { loadOrCreateDevIssuer } from '../src/server/auth/devIssuer';
import { readConfig } from '../src/server/config';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';
import { quizAnswers } from './bulkTenantRows';
import type { BenchRequest } from './loadGenerator';
import { benchServiceEnvironment, type SeededDataSet } from './seedTenants';

interface CourseShape {
  lessonIds: string[];
  sequential: boolean;
  quiz: Quiz | null;
}

export interface SampledLearner {
  tenantId: string;
  learnerId: string;
  token: string;
  enrolments: Array<{ id: string; course: CourseShape }>;
}

/** Tokens stay valid for the whole run, however long seeding and the scenarios take. */
const TOKEN_LIFETIME_SECONDS = 6 * 3600;

/**
 * Picks `size` learners spread evenly over the data set's tenants, reads their enrolments and the
 * courses' lessons and quizzes from the tenant databases, and issues each a dev token (no roles: a learner).
 */
export async function sampleLearners(dataSet: SeededDataSet, size: number): Promise<SampledLearner[]> {
  const config = readConfig(benchServiceEnvironment(dataSet.dataDir));
  const issuer = await loadOrCreateDevIssuer(dataSet.dataDir);
  const random = new SeededRandom(`${dataSet.dataDir}/sample`);
  const perTenant = Math.max(1, Math.ceil(size / dataSet.tenants.length));
  const sample: SampledLearner[] = [];

  for (const tenant of dataSet.tenants) {
    if (sample.length >= size) break;
    const db = new Database(path.join(dataSet.dataDir, tenant.file), { readonly: true, fileMustExist: true });
    try {
      const courses = new Map<string, CourseShape>();
      for (const c of db.prepare('SELECT id, sequential_lessons, quiz_json FROM courses').all() as Array<{ id: string; sequential_lessons: number; quiz_json: string | null }>) {
        courses.set(c.id, { lessonIds: [], sequential: c.sequential_lessons === 1, quiz: c.quiz_json === null ? null : quizSchema.parse(JSON.parse(c.quiz_json)) });
      }
      for (const l of db.prepare('SELECT id, course_id FROM lessons ORDER BY course_id, position').all() as Array<{ id: string; course_id: string }>) {
        courses.get(l.course_id)?.lessonIds.push(l.id);
      }
      const learnerIds = db.prepare('SELECT learner_id FROM learners ORDER BY learner_id').pluck().all() as string[];
      const enrolmentsOf = db.prepare('SELECT id, course_id FROM enrolments WHERE tenant_id = ? AND learner_id = ?');
      const count = Math.min(perTenant, learnerIds.length, size - sample.length);
      for (let i = 0; i < count; i++) {
        const j = i + Math.floor(random.next() * (learnerIds.length - i));
        [learnerIds[i], learnerIds[j]] = [learnerIds[j], learnerIds[i]];
        const learnerId = learnerIds[i];
        const enrolments = (enrolmentsOf.all(tenant.tenantId, learnerId) as Array<{ id: string; course_id: string }>).map((e) => ({
          id: e.id,
          course: courses.get(e.course_id) as CourseShape,
        }));
        const token = await issuer.issueToken({ tenantId: tenant.tenantId, userId: learnerId, audience: config.auth.audience, lifetimeSeconds: TOKEN_LIFETIME_SECONDS });
        sample.push({ tenantId: tenant.tenantId, learnerId, token, enrolments });
      }
    } finally {
      db.close();
    }
  }
  return sample;
}

export type RequestFactory = () => BenchRequest;

export function healthzRequests(): RequestFactory {
  return () => ({ method: 'GET', path: '/healthz' });
}

/** A random sampled learner asks for their training. */
export function myTrainingRequests(learners: readonly SampledLearner[], seed: string): RequestFactory {
  const random = new SeededRandom(seed);
  return () => ({ method: 'GET', path: '/api/me/training', token: random.pick(learners).token });
}

/**
 * A random sampled learner records progress on one of their enrolments: a lesson completed (any lesson of
 * a free-order course; the first lesson of one that unlocks in order, which is always open) or, on a course
 * with a quiz that is open (free order: a course that unlocks in order opens its quiz only after every lesson),
 * one time in three a quiz attempt that passes half the time.
 */
export function progressRequests(learners: readonly SampledLearner[], seed: string): RequestFactory {
  const random = new SeededRandom(seed);
  const withEnrolments = learners.filter((l) => l.enrolments.length > 0);
  return () => {
    const learner = random.pick(withEnrolments);
    const enrolment = random.pick(learner.enrolments);
    const { course } = enrolment;
    const body =
      course.quiz && !course.sequential && random.chance(1 / 3)
        ? { type: 'quiz-attempt', answers: quizAnswers(course.quiz, random.chance(0.5)) }
        : { type: 'lesson-completed', lessonId: course.sequential ? course.lessonIds[0] : random.pick(course.lessonIds) };
    return { method: 'POST', path: `/api/enrolments/${enrolment.id}/progress`, token: learner.token, body: JSON.stringify(body) };
  };
}
