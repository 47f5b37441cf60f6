import type { Transaction } from 'kysely';
import type { EnrolmentDetail, EnrolmentView } from '../../domain/apiResponses';
import { forbidden, invalid, notFound } from '../../domain/errors';
import type { Course } from '../../domain/course';
import type { EnrolmentSource } from '../../domain/myTraining';
import { lockingReads } from '../store/rowLocks';
import type { EnrolmentsTable, TenantDatabase } from '../store/tenantSchema';
import { canManageCatalog, canSeeLearnerRecords } from './catalogAccess';
import { loadCourse, requireVisibleCourse } from './courses';
import { newId, type UseCaseContext } from './useCaseContext';
import { refuseWhilePurging } from '../privacy/purgeJobs';
import { notRestricted } from '../privacy/restrictedLearners';

export function toEnrolmentView(row: EnrolmentsTable): EnrolmentView {
  return {
    id: row.id,
    learnerId: row.learner_id,
    courseId: row.course_id,
    catalogId: row.catalog_id,
    source: row.source as EnrolmentSource,
    dueAt: row.due_at,
    enrolledAt: row.enrolled_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}

/**
 * The learner's enrolment in the course, locked for the rest of the transaction (`lockingReads`): when there is
 * none yet, a concurrent transaction enrolling the same person waits, so find-then-insert makes one enrolment.
 */
export async function findEnrolment(
  trx: Transaction<TenantDatabase>,
  tenantId: string,
  learnerId: string,
  courseId: string,
): Promise<EnrolmentsTable | undefined> {
  return lockingReads(trx)
    .selectFrom('enrolments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

export interface NewEnrolment {
  learnerId: string;
  courseId: string;
  catalogId: string;
  source: EnrolmentSource;
  assignedBy: string | null;
  dueAt: string | null;
  planEnrolmentId: string | null;
}

/**
 * Enrols a learner, or returns their existing enrolment. An assignment on an unfinished
 * enrolment makes it assigned with the new due date; a finished one is left as it is.
 */
export async function upsertEnrolment(trx: Transaction<TenantDatabase>, tenantId: string, at: string, e: NewEnrolment): Promise<EnrolmentsTable> {
  const existing = await findEnrolment(trx, tenantId, e.learnerId, e.courseId);
  if (existing) {
    if (e.source === 'self' || existing.completed_at !== null) return existing;
    const changes = {
      source: e.source,
      due_at: e.dueAt,
      assigned_by: e.assignedBy,
      plan_enrolment_id: existing.plan_enrolment_id ?? e.planEnrolmentId,
    };
    await trx.updateTable('enrolments').set(changes).where('id', '=', existing.id).execute();
    return { ...existing, ...changes };
  }
  const row: EnrolmentsTable = {
    id: newId(),
    tenant_id: tenantId,
    learner_id: e.learnerId,
    catalog_id: e.catalogId,
    course_id: e.courseId,
    plan_enrolment_id: e.planEnrolmentId,
    source: e.source,
    assigned_by: e.assignedBy,
    due_at: e.dueAt,
    enrolled_at: at,
    started_at: null,
    completed_at: null,
    progress_percent: 0,
    certificate_id: null,
  };
  await trx.insertInto('enrolments').values(row).execute();
  return row;
}

/** A learner enrols themself in a published course. Enrolling twice returns the same enrolment. */
export async function selfEnrol(ctx: UseCaseContext, courseId: string): Promise<{ enrolment: EnrolmentView; created: boolean }> {
  const course = await loadCourse(ctx, courseId);
  await requireVisibleCourse(ctx, course);
  const { principal } = ctx;
  return ctx.db.transaction().execute(async (trx) => {
    await refuseWhilePurging(trx, principal.tenantId, principal.userId, course.catalogId);
    const before = await findEnrolment(trx, principal.tenantId, principal.userId, courseId);
    const row = await upsertEnrolment(trx, principal.tenantId, ctx.now.toISOString(), {
      learnerId: principal.userId,
      courseId,
      catalogId: course.catalogId,
      source: 'self',
      assignedBy: null,
      dueAt: null,
      planEnrolmentId: null,
    });
    return { enrolment: toEnrolmentView(row), created: before === undefined };
  });
}

/**
 * Assigns a published course with a due date, all or nothing: the catalog's managers (and tenant admins) to anyone,
 * a line manager to their own direct reports (the manager relation from Graph) whose processing is not restricted,
 * from a catalog they may see.
 */
export async function assignCourse(ctx: UseCaseContext, courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]> {
  const course = await loadCourse(ctx, courseId);
  const uniqueIds = [...new Set(learnerIds)];
  const { principal } = ctx;
  if (!(await canManageCatalog(ctx.db, principal, course.catalogId))) {
    await requireVisibleCourse(ctx, course);
    const reports = await ctx.db
      .selectFrom('learners')
      .select('learner_id')
      .where('tenant_id', '=', principal.tenantId)
      .where('manager_id', '=', principal.userId)
      .where('learner_id', 'in', uniqueIds)
      .where(notRestricted('learners'))
      .execute();
    if (reports.length !== uniqueIds.length) {
      throw forbidden('a line manager assigns courses to their own direct reports only; a manager of the catalog assigns to anyone');
    }
  }
  requireAssignable(course, dueAt, ctx.now);
  return ctx.db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('learners')
      .select('learner_id')
      .where('tenant_id', '=', principal.tenantId)
      .where('learner_id', 'in', uniqueIds)
      .execute();
    const knownIds = new Set(known.map((k) => k.learner_id));
    const unknown = uniqueIds.filter((id) => !knownIds.has(id));
    if (unknown.length > 0) throw notFound(`people ${unknown.join(', ')}`);
    const rows: EnrolmentsTable[] = [];
    for (const learnerId of uniqueIds) {
      await refuseWhilePurging(trx, principal.tenantId, learnerId, course.catalogId);
      rows.push(
        await upsertEnrolment(trx, principal.tenantId, ctx.now.toISOString(), {
          learnerId,
          courseId,
          catalogId: course.catalogId,
          source: 'assigned',
          assignedBy: principal.userId,
          dueAt,
          planEnrolmentId: null,
        }),
      );
    }
    return rows.map(toEnrolmentView);
  });
}

/** What assigning asks of the course and the due date, whoever assigns and to whom. */
export function requireAssignable(course: Pick<Course, 'status'>, dueAt: string, now: Date): void {
  if (course.status !== 'published') throw invalid('only a published course can be assigned');
  if (Date.parse(dueAt) <= now.getTime()) throw invalid('dueAt must be in the future');
}

/**
 * An enrolment of the caller's tenant that the caller may see (theirs, a direct report's unless restricted, or in a
 * catalog they manage).
 */
export async function loadVisibleEnrolment(ctx: UseCaseContext, enrolmentId: string): Promise<EnrolmentsTable> {
  const row = await ctx.db
    .selectFrom('enrolments')
    .selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('id', '=', enrolmentId)
    .executeTakeFirst();
  if (!row || !(await canSeeLearnerRecords(ctx.db, ctx.principal, row.learner_id, row.catalog_id))) throw notFound('enrolment');
  return row;
}

export async function getEnrolment(ctx: UseCaseContext, enrolmentId: string): Promise<EnrolmentDetail> {
  const row = await loadVisibleEnrolment(ctx, enrolmentId);
  const [lessons, attempts] = await Promise.all([
    ctx.db.selectFrom('lesson_progress').select('lesson_id').where('enrolment_id', '=', enrolmentId).execute(),
    ctx.db
      .selectFrom('quiz_attempts')
      .select(['id', 'score_percent', 'passed', 'submitted_at'])
      .where('enrolment_id', '=', enrolmentId)
      .orderBy('submitted_at')
      .execute(),
  ]);
  return {
    ...toEnrolmentView(row),
    completedLessonIds: lessons.map((l) => l.lesson_id),
    quizAttempts: attempts.map((a) => ({ id: a.id, scorePercent: a.score_percent, passed: a.passed === 1, submittedAt: a.submitted_at })),
    progressPercent: row.progress_percent,
    certificateId: row.certificate_id,
  };
}
