import type { Transaction } from 'kysely';
import type { PlanBody } from '../../domain/api';
import type { PlanView } from '../../domain/apiResponses';
import { forbidden, invalid, notFound } from '../../domain/errors';
import type { TenantDatabase, TrainingPlansTable } from '../store/tenantSchema';
import { canManageCatalog, isInCatalogAudience, requireCatalogManager } from './catalogAccess';
import { getCatalog } from './catalogs';
import { upsertEnrolment } from './enrolments';
import { lockingReads } from '../store/rowLocks';
import { completePlanIfDone } from './progress';
import { newId, type UseCaseContext } from './useCaseContext';
import { refuseWhilePurging } from '../privacy/purgeJobs';

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

/**
 * Replaces a plan's title, summary, courses (in order) and status. Plan enrolments and course enrolments stay
 * as they are: a course taken out of the plan keeps its enrolments (they are the people's records).
 */
export async function updatePlan(ctx: UseCaseContext, planId: string, body: PlanBody): Promise<PlanView> {
  const plan = await loadPlanToManage(ctx, planId);
  const tenantId = ctx.principal.tenantId;
  await ctx.db.transaction().execute(async (trx) => {
    await requirePlanCourses(trx, tenantId, plan.catalog_id, body);
    await trx
      .updateTable('training_plans')
      .set({ title: body.title, summary: body.summary, status: body.status })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', planId)
      .execute();
    await trx.deleteFrom('training_plan_courses').where('tenant_id', '=', tenantId).where('plan_id', '=', planId).execute();
    await insertPlanCourses(trx, tenantId, planId, body.courseIds);
  });
  return { id: planId, catalogId: plan.catalog_id, title: body.title, summary: body.summary, status: body.status, courseIds: body.courseIds };
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
      .select('id')
      .where('tenant_id', '=', principal.tenantId)
      .where('learner_id', '=', principal.userId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    if (!planEnrolment) {
      planEnrolment = { id: newId() };
      await trx
        .insertInto('plan_enrolments')
        .values({ id: planEnrolment.id, tenant_id: principal.tenantId, learner_id: principal.userId, plan_id: planId, source: 'self', due_at: null, enrolled_at: at, completed_at: null })
        .execute();
    }
    const courses = await trx.selectFrom('training_plan_courses').select('course_id').where('plan_id', '=', planId).orderBy('position').execute();
    const enrolmentIds: string[] = [];
    for (const { course_id } of courses) {
      const row = await upsertEnrolment(trx, principal.tenantId, at, {
        learnerId: principal.userId,
        courseId: course_id,
        catalogId: plan.catalog_id,
        source: 'self',
        assignedBy: null,
        dueAt: null,
        planEnrolmentId: planEnrolment.id,
      });
      if (row.plan_enrolment_id === null) {
        await trx.updateTable('enrolments').set({ plan_enrolment_id: planEnrolment.id }).where('id', '=', row.id).execute();
      }
      enrolmentIds.push(row.id);
    }
    // Courses finished before enrolling count: the plan may be complete already.
    await completePlanIfDone(trx, planEnrolment.id, at);
    return { planEnrolmentId: planEnrolment.id, enrolmentIds };
  });
}
