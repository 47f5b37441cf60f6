import type { Transaction } from 'kysely';
import type { PlanBody } from '../../domain/api';
import type { PlanView } from '../../domain/apiResponses';
import { forbidden, invalid, notFound } from '../../domain/errors';
import type { EnrolmentSource } from '../../domain/myTraining';
import { coursesForParticipants, planCoursesChanged, type PlanCourses } from '../../domain/planChanges';
import type { PlanEnrolmentsTable, TenantDatabase, TrainingPlansTable } from '../store/tenantSchema';
import { canManageCatalog, isInCatalogAudience, requireCatalogManager } from './catalogAccess';
import { getCatalog } from './catalogs';
import { upsertEnrolment } from './enrolments';
import { lockingReads } from '../store/rowLocks';
import { completePlanIfDone } from './progress';
import { newId, type UseCaseContext } from './useCaseContext';
import { learnersBeingPurged, refuseWhilePurging } from '../privacy/purgeJobs';
import { currentLearnerIds } from '../privacy/restrictedLearners';

/** A plan's courses must be courses of its catalog; a published plan may hold published courses only. */
async function requirePlanCourses(trx: Transaction<TenantDatabase>, tenantId: string, catalogId: string, body: PlanBody): Promise<void> {
  const courses = await trx
    .selectFrom('courses')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('catalog_id', '=', catalogId)
    .where('id', 'in', body.courseIds)
    .execute();
  const found = new Set(courses.map((c) => c.id));
  const missing = body.courseIds.filter((c) => !found.has(c));
  if (missing.length > 0) throw invalid(`these courses are not in this catalog: ${missing.join(', ')}`);
  if (body.status === 'published' && courses.some((c) => c.status !== 'published')) {
    throw invalid('a published plan can only contain published courses');
  }
}

async function insertPlanCourses(trx: Transaction<TenantDatabase>, tenantId: string, planId: string, courseIds: readonly string[]): Promise<void> {
  await trx
    .insertInto('training_plan_courses')
    .values(courseIds.map((courseId, index) => ({ tenant_id: tenantId, plan_id: planId, course_id: courseId, position: index + 1 })))
    .execute();
}

export async function createPlan(ctx: UseCaseContext, catalogId: string, body: PlanBody): Promise<PlanView> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await requirePlanCourses(trx, ctx.principal.tenantId, catalogId, body);
    await trx
      .insertInto('training_plans')
      .values({ id, tenant_id: ctx.principal.tenantId, catalog_id: catalogId, title: body.title, summary: body.summary, status: body.status, created_at: ctx.now.toISOString() })
      .execute();
    await insertPlanCourses(trx, ctx.principal.tenantId, id, body.courseIds);
  });
  return { id, catalogId, title: body.title, summary: body.summary, status: body.status, courseIds: body.courseIds };
}

/** The plan, for one who may change it; 404 for those who may not even see it (a draft, outside the audience). */
async function loadPlanToManage(ctx: UseCaseContext, planId: string): Promise<TrainingPlansTable> {
  const plan = await ctx.db.selectFrom('training_plans').selectAll().where('tenant_id', '=', ctx.principal.tenantId).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw notFound('training plan');
  if (await canManageCatalog(ctx.db, ctx.principal, plan.catalog_id)) return plan;
  if (plan.status !== 'published' || !(await isInCatalogAudience(ctx.db, ctx.principal, plan.catalog_id))) throw notFound('training plan');
  throw forbidden('only a manager of this catalog (or a tenant admin) can change its training plans');
}

/** How many open plan enrolments one transaction brings in step with an edited plan: bounded, however many take it. */
export const PLAN_PARTICIPANT_BATCH_SIZE = 500;

/**
 * Replaces a plan's title, summary, courses (in order) and status, then brings the people enrolled in it in step
 * (`bringParticipantsInStep`). A course taken out of the plan keeps its enrolments (they are the people's records).
 */
export async function updatePlan(ctx: UseCaseContext, planId: string, body: PlanBody): Promise<PlanView> {
  const plan = await loadPlanToManage(ctx, planId);
  const tenantId = ctx.principal.tenantId;
  const before = await ctx.db.transaction().execute(async (trx) => {
    await requirePlanCourses(trx, tenantId, plan.catalog_id, body);
    const courseIds = await planCourseIds(trx, tenantId, planId);
    await trx
      .updateTable('training_plans')
      .set({ title: body.title, summary: body.summary, status: body.status })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', planId)
      .execute();
    await trx.deleteFrom('training_plan_courses').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).execute();
    await insertPlanCourses(trx, tenantId, planId, body.courseIds);
    return { status: plan.status as PlanCourses['status'], courseIds };
  });
  const added = coursesForParticipants(before, body);
  if (added.length > 0 || planCoursesChanged(before, body)) await bringParticipantsInStep(ctx, plan, added);
  return { id: planId, catalogId: plan.catalog_id, title: body.title, summary: body.summary, status: body.status, courseIds: body.courseIds };
}

async function planCourseIds(trx: Transaction<TenantDatabase>, tenantId: string, planId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('training_plan_courses')
    .select('course_id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.course_id);
}

/**
 * After an edit of the plan's courses, every open (not completed) plan enrolment: its learner is enrolled in the
 * added courses as enrolling in the plan does, unless they departed, their processing is restricted or their records
 * in the catalog are being purged; and the plan enrolment is completed when every course now in the plan is (a
 * course removed may have been the last one left). A batch of plan enrolments per transaction; the courses are
 * read again in each, so an edit made meanwhile is not undone (a course removed since is not enrolled in).
 */
async function bringParticipantsInStep(ctx: UseCaseContext, plan: TrainingPlansTable, added: readonly string[]): Promise<void> {
  const tenantId = ctx.principal.tenantId;
  const at = ctx.now.toISOString();
  const open = await ctx.db
    .selectFrom('plan_enrolments')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', plan.id)
    .where('completed_at', 'is', null)
    .orderBy('id')
    .execute();
  for (let start = 0; start < open.length; start += PLAN_PARTICIPANT_BATCH_SIZE) {
    const batch = open.slice(start, start + PLAN_PARTICIPANT_BATCH_SIZE).map((r) => r.id);
    await ctx.db.transaction().execute(async (trx) => {
      // Locked first, as enrolInPlan and recordProgress take them (plan enrolment, then its course enrolments).
      const participants = await lockingReads(trx)
        .selectFrom('plan_enrolments')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', batch)
        .where('completed_at', 'is', null)
        .execute();
      const inPlan = new Set(await planCourseIds(trx, tenantId, plan.id));
      const courseIds = added.filter((id) => inPlan.has(id));
      const enrolling = courseIds.length === 0 ? new Set<string>() : await currentPeople(trx, tenantId, plan.catalog_id, participants.map((p) => p.learner_id));
      for (const participant of participants) {
        if (enrolling.has(participant.learner_id)) await enrolInPlanCourses(trx, at, plan.catalog_id, participant, courseIds);
        await completePlanIfDone(trx, participant.id, at);
      }
    });
  }
}

/** Of these learners, those who may be enrolled in more of the catalog: current, and not being purged from it. */
async function currentPeople(trx: Transaction<TenantDatabase>, tenantId: string, catalogId: string, learnerIds: readonly string[]): Promise<Set<string>> {
  // As refuseWhilePurging refuses one person, here each such person is left out rather than failing everyone.
  const purging = await learnersBeingPurged(trx, tenantId, catalogId, learnerIds);
  return new Set((await currentLearnerIds(trx, tenantId, learnerIds)).filter((id) => !purging.has(id)));
}

/**
 * Enrols the plan enrolment's learner in these courses of the plan, as the plan enrolment was made (its source
 * and due date), linking each course enrolment to it; an enrolment they already have is reused and linked when
 * it belongs to no plan yet. Both enrolling in a plan and adding courses to it enrol this way.
 */
async function enrolInPlanCourses(
  trx: Transaction<TenantDatabase>,
  at: string,
  catalogId: string,
  planEnrolment: PlanEnrolmentsTable,
  courseIds: readonly string[],
): Promise<string[]> {
  const enrolmentIds: string[] = [];
  for (const courseId of courseIds) {
    const row = await upsertEnrolment(trx, planEnrolment.tenant_id, at, {
      learnerId: planEnrolment.learner_id,
      courseId,
      catalogId,
      source: planEnrolment.source as EnrolmentSource,
      assignedBy: null,
      dueAt: planEnrolment.due_at,
      planEnrolmentId: planEnrolment.id,
    });
    if (row.plan_enrolment_id === null) {
      await trx.updateTable('enrolments').set({ plan_enrolment_id: planEnrolment.id }).where('id', '=', row.id).execute();
    }
    enrolmentIds.push(row.id);
  }
  return enrolmentIds;
}

export async function listPlans(ctx: UseCaseContext, catalogId: string): Promise<PlanView[]> {
  const catalog = await getCatalog(ctx, catalogId);
  let query = ctx.db.selectFrom('training_plans').selectAll().where('tenant_id', '=', ctx.principal.tenantId).where('catalog_id', '=', catalogId);
  if (!catalog.canManage) query = query.where('status', '=', 'published');
  const plans = await query.orderBy('title').execute();
  if (plans.length === 0) return [];
  const links = await ctx.db
    .selectFrom('training_plan_courses')
    .select(['plan_id', 'course_id'])
    .where('plan_id', 'in', plans.map((p) => p.id))
    .orderBy('position')
    .execute();
  return plans.map((p) => ({
    id: p.id,
    catalogId: p.catalog_id,
    title: p.title,
    summary: p.summary,
    status: p.status as PlanView['status'],
    courseIds: links.filter((l) => l.plan_id === p.id).map((l) => l.course_id),
  }));
}

/** Self-enrols the learner in a published plan: one plan enrolment, and an enrolment in each of its courses. */
export async function enrolInPlan(ctx: UseCaseContext, planId: string): Promise<{ planEnrolmentId: string; enrolmentIds: string[] }> {
  const { principal } = ctx;
  const at = ctx.now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('training_plans')
      .selectAll()
      .where('tenant_id', '=', principal.tenantId)
      .where('id', '=', planId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!plan || !(await isInCatalogAudience(trx, principal, plan.catalog_id))) throw notFound('training plan');
    await refuseWhilePurging(trx, principal.tenantId, principal.userId, plan.catalog_id);
    // Locked (`lockingReads`) before the plan's course enrolments, the order recordProgress takes them in:
    // two concurrent enrolments in the plan make one plan enrolment, and a course completed meanwhile is seen.
    let planEnrolment = await lockingReads(trx)
      .selectFrom('plan_enrolments')
      .selectAll()
      .where('tenant_id', '=', principal.tenantId)
      .where('learner_id', '=', principal.userId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!planEnrolment) {
      planEnrolment = { id: newId(), tenant_id: principal.tenantId, learner_id: principal.userId, plan_id: planId, source: 'self', due_at: null, enrolled_at: at, completed_at: null };
      await trx.insertInto('plan_enrolments').values(planEnrolment).execute();
    }
    const enrolmentIds = await enrolInPlanCourses(trx, at, plan.catalog_id, planEnrolment, await planCourseIds(trx, principal.tenantId, planId));
    // Courses finished before enrolling count: the plan may be complete already.
    await completePlanIfDone(trx, planEnrolment.id, at);
    return { planEnrolmentId: planEnrolment.id, enrolmentIds };
  });
}
