import type { Kysely } from 'kysely';
import type { TeamMemberTraining } from '../../domain/apiResponses';
import type { CourseFormat } from '../../domain/course';
import { summariseMyTraining, trainingState, type EnrolmentSource, type MyTraining, type MyTrainingItem } from '../../domain/myTraining';
import { notRestricted } from '../privacy/restrictedLearners';
import type { TenantDatabase } from '../store/tenantSchema';
import { toLearnerProfile } from './learners';
import type { UseCaseContext } from './useCaseContext';

/** People's enrolments with their progress: one indexed query, one row per course. */
async function trainingItems(db: Kysely<TenantDatabase>, tenantId: string, learnerIds: readonly string[], now: Date): Promise<Map<string, MyTrainingItem[]>> {
  const byLearner = new Map<string, MyTrainingItem[]>(learnerIds.map((id) => [id, []]));
  if (learnerIds.length === 0) return byLearner;
  const rows = await db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select([
      'e.id',
      'e.learner_id',
      'e.course_id',
      'e.catalog_id',
      'e.source',
      'e.due_at',
      'e.enrolled_at',
      'e.started_at',
      'e.completed_at',
      'e.progress_percent',
      'e.certificate_id',
      'c.title',
      'c.format',
      'c.duration_minutes',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where(learnerIds.length === 1 ? (eb) => eb('e.learner_id', '=', learnerIds[0]) : (eb) => eb('e.learner_id', 'in', learnerIds))
    .execute();

  for (const row of rows) {
    byLearner.get(row.learner_id)?.push({
      enrolmentId: row.id,
      courseId: row.course_id,
      catalogId: row.catalog_id,
      title: row.title,
      format: row.format as CourseFormat,
      durationMinutes: row.duration_minutes,
      source: row.source as EnrolmentSource,
      state: trainingState({ dueAt: row.due_at, startedAt: row.started_at, completedAt: row.completed_at }, now),
      dueAt: row.due_at,
      enrolledAt: row.enrolled_at,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      progressPercent: row.progress_percent,
      certificateId: row.certificate_id,
    });
  }
  return byLearner;
}

/** The learner's own training: assigned, due, overdue, in progress, completed. */
export async function myTraining(ctx: UseCaseContext): Promise<MyTraining> {
  const items = await trainingItems(ctx.db, ctx.principal.tenantId, [ctx.principal.userId], ctx.now);
  return summariseMyTraining(items.get(ctx.principal.userId) ?? []);
}

/**
 * A line manager's view: the training status of their direct reports (manager relation from the directory). A report
 * whose processing is restricted is left out entirely, as in reports: their training is not processed for others.
 */
export async function myTeamTraining(ctx: UseCaseContext): Promise<TeamMemberTraining[]> {
  const reports = await ctx.db
    .selectFrom('learners as l')
    .selectAll('l')
    .where('l.tenant_id', '=', ctx.principal.tenantId)
    .where('l.manager_id', '=', ctx.principal.userId)
    .where('l.departed_at', 'is', null)
    .where(notRestricted('l'))
    .orderBy('l.display_name')
    .execute();
  const items = await trainingItems(ctx.db, ctx.principal.tenantId, reports.map((r) => r.learner_id), ctx.now);
  return reports.map((row) => {
    const { id, displayName, jobTitle, department, officeLocation } = toLearnerProfile(row);
    return { person: { id, displayName, jobTitle, department, officeLocation }, training: summariseMyTraining(items.get(row.learner_id) ?? []) };
  });
}
