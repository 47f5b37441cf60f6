import { summariseMyTraining, trainingState, type EnrolmentSource, type MyTraining } from '../../domain/myTraining';
import type { UseCaseContext } from './useCaseContext';

/** The learner's own training: one query over their enrolments, with progress counted in the database. */
export async function myTraining(ctx: UseCaseContext): Promise<MyTraining> {
  const rows = await ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select(['e.id', 'e.course_id', 'e.catalog_id', 'e.source', 'e.due_at', 'e.enrolled_at', 'e.started_at', 'e.completed_at'])
    .select(['c.title', 'c.format', 'c.duration_minutes'])
    .select((eb) => [
      eb.case().when('c.quiz_json', 'is', null).then(0).else(1).end().as('has_quiz'),
      eb.selectFrom('lessons as l').select((x) => x.fn.countAll<number>().as('n')).whereRef('l.course_id', '=', 'e.course_id').as('lesson_count'),
      eb.selectFrom('lesson_progress as p').select((x) => x.fn.countAll<number>().as('n')).whereRef('p.enrolment_id', '=', 'e.id').as('lessons_done'),
      eb.selectFrom('quiz_attempts as q').select((x) => x.fn.max('q.passed').as('p')).whereRef('q.enrolment_id', '=', 'e.id').as('quiz_passed'),
      eb.selectFrom('certificates as ct').select('ct.id').whereRef('ct.enrolment_id', '=', 'e.id').as('certificate_id'),
    ])
    .where('e.tenant_id', '=', ctx.principal.tenantId)
    .where('e.learner_id', '=', ctx.principal.userId)
    .execute();

  return summariseMyTraining(
    rows.map((row) => {
      const steps = Number(row.lesson_count ?? 0) + Number(row.has_quiz);
      const done = Number(row.lessons_done ?? 0) + (Number(row.has_quiz) === 1 && Number(row.quiz_passed ?? 0) === 1 ? 1 : 0);
      return {
        enrolmentId: row.id,
        courseId: row.course_id,
        catalogId: row.catalog_id,
        title: row.title,
        format: row.format,
        durationMinutes: row.duration_minutes,
        source: row.source as EnrolmentSource,
        state: trainingState({ dueAt: row.due_at, startedAt: row.started_at, completedAt: row.completed_at }, ctx.now),
        dueAt: row.due_at,
        enrolledAt: row.enrolled_at,
        startedAt: row.started_at,
        completedAt: row.completed_at,
        progressPercent: row.completed_at ? 100 : steps === 0 ? 0 : Math.round((done / steps) * 100),
        certificateId: row.certificate_id ?? null,
      };
    }),
  );
}
