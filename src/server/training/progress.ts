import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ProgressBody } from '../../domain/api';
import { verificationCode } from '../../domain/certificate';
import type { Course } from '../../domain/course';
import { conflict, forbidden, invalid } from '../../domain/errors';
import { isCourseComplete, isLessonUnlocked, progressPercent } from '../../domain/progress';
import { answerProblem, scoreQuiz, type QuizResult } from '../../domain/quiz';
import type { EnrolmentsTable, TenantDatabase } from '../store/tenantSchema';
import { isUniqueViolation } from '../store/uniqueViolation';
import { loadCourse } from './courses';
import { loadVisibleEnrolment, toEnrolmentView, type EnrolmentView } from './enrolments';
import { newId, type UseCaseContext } from './useCaseContext';

export interface ProgressOutcome {
  enrolment: EnrolmentView;
  completedLessonIds: string[];
  progressPercent: number;
  quizResult: QuizResult | null;
  certificateId: string | null;
}

/** Only the learner records their progress; others who may see the enrolment are told so, anyone else gets 404. */
async function loadOwnEnrolment(ctx: UseCaseContext, enrolmentId: string): Promise<EnrolmentsTable> {
  const row = await loadVisibleEnrolment(ctx, enrolmentId);
  if (row.learner_id !== ctx.principal.userId) throw forbidden('only the learner records their own progress');
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

async function completedLessonIds(trx: Transaction<TenantDatabase>, enrolmentId: string): Promise<Set<string>> {
  const rows = await trx.selectFrom('lesson_progress').select('lesson_id').where('enrolment_id', '=', enrolmentId).execute();
  return new Set(rows.map((r) => r.lesson_id));
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

/** A plan is complete when the learner has completed every course in it. */
export async function completePlanIfDone(trx: Transaction<TenantDatabase>, planEnrolmentId: string | null, at: string): Promise<void> {
  if (!planEnrolmentId) return;
  const plan = await trx.selectFrom('plan_enrolments').selectAll().where('id', '=', planEnrolmentId).executeTakeFirst();
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
 * when everything is done. One transaction: all of it lands or none of it.
 */
export async function recordProgress(ctx: UseCaseContext, enrolmentId: string, body: ProgressBody): Promise<ProgressOutcome> {
  const owned = await loadOwnEnrolment(ctx, enrolmentId);
  const course = await loadCourse(ctx, owned.course_id);
  const at = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const enrolment = await trx.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirstOrThrow();
    const done = await completedLessonIds(trx, enrolment.id);
    let quizResult: QuizResult | null = null;
    if (body.type === 'lesson-completed') {
      await recordLesson(trx, enrolment, course, body.lessonId, done, at);
    } else {
      if (!course.quiz) throw invalid('this course has no quiz');
      if (body.answers.length !== course.quiz.questions.length) {
        throw invalid(`the quiz has ${course.quiz.questions.length} questions; send one answer for each`);
      }
      const quiz = course.quiz;
      const problems = body.answers.flatMap((answer, i) => {
        const problem = answerProblem(quiz.questions[i], answer);
        return problem ? [`answer ${i + 1}: question ${i + 1} ${problem}`] : [];
      });
      if (problems.length > 0) throw invalid(problems.join('; '));
      quizResult = scoreQuiz(quiz, body.answers);
      await trx
        .insertInto('quiz_attempts')
        .values({
          id: newId(),
          tenant_id: enrolment.tenant_id,
          learner_id: enrolment.learner_id,
          enrolment_id: enrolment.id,
          score_percent: quizResult.scorePercent,
          passed: quizResult.passed ? 1 : 0,
          answers_json: JSON.stringify(body.answers),
          submitted_at: at,
        })
        .execute();
    }
    const quizPassed =
      quizResult?.passed === true ||
      (course.quiz !== null &&
        (await trx.selectFrom('quiz_attempts').select('id').where('enrolment_id', '=', enrolment.id).where('passed', '=', 1).executeTakeFirst()) !== undefined);
    enrolment.started_at ??= at;
    enrolment.progress_percent = progressPercent(course, done, quizPassed);
    if (isCourseComplete(course, done, quizPassed)) {
      enrolment.completed_at ??= at;
      enrolment.progress_percent = 100;
      enrolment.certificate_id ??= await issueCertificate(trx, enrolment, enrolment.completed_at);
    }
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
