import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ProgressBody } from '../../domain/api';
import type { ProgressOutcome } from '../../domain/apiResponses';
import { verificationCode } from '../../domain/certificate';
import type { Course } from '../../domain/course';
import { conflict, forbidden, invalid, notFound } from '../../domain/errors';
import { isCourseComplete, isLessonUnlocked, isQuizUnlocked, progressPercent } from '../../domain/progress';
import { answerProblem, scoreQuiz, type QuizAnswers, type QuizResult } from '../../domain/quiz';
import { lockingReads } from '../store/rowLocks';
import type { EnrolmentsTable, PlanEnrolmentsTable, TenantDatabase } from '../store/tenantSchema';
import { isUniqueViolation } from '../store/uniqueViolation';
import { loadCourse } from './courses';
import { loadVisibleEnrolment, toEnrolmentView } from './enrolments';
import { newId, type UseCaseContext } from './useCaseContext';
import { refuseWhilePurging } from '../privacy/purgeJobs';

/** Only the learner records their progress; others who may see the enrolment are told so, anyone else gets 404. */
async function loadOwnEnrolment(ctx: UseCaseContext, enrolmentId: string): Promise<EnrolmentsTable> {
  const row = await loadVisibleEnrolment(ctx, enrolmentId);
  if (row.learner_id !== ctx.principal.userId) throw forbidden('only the learner records their own progress');
  return row;
}

/**
 * Locks the enrolment for the rest of the transaction and reads it as last committed, so two progress posts
 * for it (from any instance) run one after the other and neither overwrites what the other recorded. Its plan
 * enrolment is locked first, in the order enrolInPlan takes them (plan, then its courses), so the two never
 * deadlock; completing the course then updates the plan under that lock.
 */
async function lockEnrolment(trx: Transaction<TenantDatabase>, owned: EnrolmentsTable): Promise<EnrolmentsTable> {
  if (owned.plan_enrolment_id) await lockPlanEnrolment(trx, owned.plan_enrolment_id);
  const row = await lockingReads(trx).selectFrom('enrolments').selectAll().where('tenant_id', '=', owned.tenant_id).where('id', '=', owned.id).executeTakeFirst();
  if (!row) throw notFound('enrolment');
  return row;
}

/** Records a lesson as done (once), adding it to `done`. */
async function recordLesson(trx: Transaction<TenantDatabase>, enrolment: EnrolmentsTable, course: Course, lessonId: string, done: Set<string>, at: string): Promise<void> {
  if (!course.lessons.some((l) => l.id === lessonId)) throw invalid('that lesson is not part of this course');
  if (done.has(lessonId)) return;
  if (!isLessonUnlocked(course, lessonId, done)) throw conflict('this course unlocks lessons in order: complete the earlier lessons first');
  try {
    await trx
      .insertInto('lesson_progress')
      .values({ tenant_id: enrolment.tenant_id, learner_id: enrolment.learner_id, enrolment_id: enrolment.id, lesson_id: lessonId, completed_at: at })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  done.add(lessonId);
}

/** Scores and records a quiz attempt. The answers must fit the quiz; in a course that unlocks in order, every lesson must be done. */
async function recordQuizAttempt(trx: Transaction<TenantDatabase>, enrolment: EnrolmentsTable, course: Course, done: ReadonlySet<string>, answers: QuizAnswers, at: string): Promise<QuizResult> {
  const quiz = course.quiz;
  if (!quiz) throw invalid('this course has no quiz');
  if (answers.length !== quiz.questions.length) {
    throw invalid(`the quiz has ${quiz.questions.length} questions; send one answer for each`);
  }
  const problems = answers.flatMap((answer, i) => {
    const problem = answerProblem(quiz.questions[i], answer);
    return problem ? [`answer ${i + 1}: question ${i + 1} ${problem}`] : [];
  });
  if (problems.length > 0) throw invalid(problems.join('; '));
  if (!isQuizUnlocked(course, done)) {
    const open = course.lessons.filter((l) => !done.has(l.id)).length;
    throw conflict(`this course unlocks its quiz when every lesson is done: complete the ${open} remaining lesson${open === 1 ? '' : 's'} first`);
  }
  const result = scoreQuiz(quiz, answers);
  await trx
    .insertInto('quiz_attempts')
    .values({
      id: newId(),
      tenant_id: enrolment.tenant_id,
      learner_id: enrolment.learner_id,
      enrolment_id: enrolment.id,
      score_percent: result.scorePercent,
      passed: result.passed ? 1 : 0,
      answers_json: JSON.stringify(answers),
      submitted_at: at,
    })
    .execute();
  return result;
}

async function completedLessonIds(trx: Transaction<TenantDatabase>, enrolmentId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('lesson_progress').select('lesson_id').where('enrolment_id', '=', enrolmentId).execute();
  return new Set(rows.map((r) => r.lesson_id));
}

async function hasPassedQuiz(trx: Transaction<TenantDatabase>, enrolmentId: string): Promise<boolean> {
  const passed = await trx.selectFrom('quiz_attempts').select('id').where('enrolment_id', '=', enrolmentId).where('passed', '=', 1).executeTakeFirst();
  return passed !== undefined;
}

async function issueCertificate(trx: Transaction<TenantDatabase>, enrolment: EnrolmentsTable, at: string): Promise<string> {
  const existing = await trx.selectFrom('certificates').select('id').where('enrolment_id', '=', enrolment.id).executeTakeFirst();
  if (existing) return existing.id;
  const id = newId();
  await trx
    .insertInto('certificates')
    .values({
      id,
      tenant_id: enrolment.tenant_id,
      learner_id: enrolment.learner_id,
      enrolment_id: enrolment.id,
      course_id: enrolment.course_id,
      verification_code: verificationCode(randomBytes(12)),
      issued_at: at,
    })
    .execute();
  return id;
}

/** Locks a plan enrolment for the rest of the transaction (see `lockingReads`); undefined when it is gone. */
async function lockPlanEnrolment(trx: Transaction<TenantDatabase>, planEnrolmentId: string): Promise<PlanEnrolmentsTable | undefined> {
  return lockingReads(trx).selectFrom('plan_enrolments').selectAll().where('id', '=', planEnrolmentId).executeTakeFirst();
}

/**
 * A plan is complete when the learner has completed every course in it. Checked under the plan enrolment's
 * lock: two of its courses completed at once (on two instances) are checked one after the other, so the
 * second sees the first and completes the plan.
 */
export async function completePlanIfDone(trx: Transaction<TenantDatabase>, planEnrolmentId: string | null, at: string): Promise<void> {
  if (!planEnrolmentId) return;
  const plan = await lockPlanEnrolment(trx, planEnrolmentId);
  if (!plan || plan.completed_at) return;
  const open = await trx
    .selectFrom('training_plan_courses as pc')
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.course_id', '=', 'pc.course_id').on('e.tenant_id', '=', plan.tenant_id).on('e.learner_id', '=', plan.learner_id),
    )
    .select('pc.course_id')
    .where('pc.plan_id', '=', plan.plan_id)
    .where('e.completed_at', 'is', null)
    .executeTakeFirst();
  if (!open) await trx.updateTable('plan_enrolments').set({ completed_at: at }).where('id', '=', plan.id).execute();
}

/**
 * Records a completed lesson or a quiz attempt, then completes the course (with its certificate)
 * when everything is done. One transaction, all of it under the enrolment's lock: all of it lands or
 * none of it, and what the enrolment row says (started, progress, completed) is computed from the
 * lesson and quiz rows as they are once this post's row is added, so concurrent posts lose nothing.
 */
export async function recordProgress(ctx: UseCaseContext, enrolmentId: string, body: ProgressBody): Promise<ProgressOutcome> {
  const owned = await loadOwnEnrolment(ctx, enrolmentId);
  const at = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await lockEnrolment(trx, owned);
    await refuseWhilePurging(trx, enrolment.tenant_id, enrolment.learner_id, enrolment.catalog_id);
    const course = await loadCourse({ db: trx, principal: ctx.principal }, enrolment.course_id);
    const done = await completedLessonIds(trx, enrolment.id);
    let quizResult: QuizResult | null = null;
    if (body.type === 'lesson-completed') {
      await recordLesson(trx, enrolment, course, body.lessonId, done, at);
    } else {
      quizResult = await recordQuizAttempt(trx, enrolment, course, done, body.answers, at);
    }
    const quizPassed = quizResult?.passed === true || (course.quiz !== null && (await hasPassedQuiz(trx, enrolment.id)));
    enrolment.started_at ??= at;
    if (isCourseComplete(course, done, quizPassed)) {
      enrolment.completed_at ??= at;
      enrolment.certificate_id ??= await issueCertificate(trx, enrolment, enrolment.completed_at);
    }
    // Once complete, always complete: a lesson added to the course later does not take the certificate back.
    enrolment.progress_percent = enrolment.completed_at ? 100 : progressPercent(course, done, quizPassed);
    await trx
      .updateTable('enrolments')
      .set({
        started_at: enrolment.started_at,
        completed_at: enrolment.completed_at,
        progress_percent: enrolment.progress_percent,
        certificate_id: enrolment.certificate_id,
      })
      .where('id', '=', enrolment.id)
      .execute();
    if (enrolment.completed_at) await completePlanIfDone(trx, enrolment.plan_enrolment_id, at);
    return {
      enrolment: toEnrolmentView(enrolment),
      completedLessonIds: course.lessons.filter((l) => done.has(l.id)).map((l) => l.id),
      progressPercent: enrolment.progress_percent,
      quizResult,
      certificateId: enrolment.certificate_id,
    };
  });
}
