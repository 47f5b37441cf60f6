import type { Kysely } from 'kysely';
import { planRuleAssignments, ruleCriteriaSchema, type AssignmentRule, type AssignmentRuleBody, type RuleApplication } from '../../domain/assignmentRules';
import { invalid, notFound } from '../../domain/errors';
import { restrictedLearnerIds } from '../privacy/restrictedLearners';
import type { AssignmentRulesTable, TenantDatabase } from '../store/tenantSchema';
import { requireCatalogManager } from './catalogAccess';
import { getCatalog } from './catalogs';
import { loadCourse } from './courses';
import { upsertEnrolment } from './enrolments';
import { newId, type UseCaseContext } from './useCaseContext';

export type { RuleApplication } from '../../domain/assignmentRules';

const DAY_MS = 86_400_000;

function toRule(r: AssignmentRulesTable): AssignmentRule {
  return {
    id: r.id,
    catalogId: r.catalog_id,
    courseId: r.course_id,
    name: r.name,
    criteria: ruleCriteriaSchema.parse(JSON.parse(r.criteria_json)),
    dueWithinDays: r.due_within_days,
  };
}

async function loadRules(db: Kysely<TenantDatabase>, tenantId: string, catalogId?: string): Promise<AssignmentRule[]> {
  let query = db.selectFrom('assignment_rules').selectAll().where('tenant_id', '=', tenantId);
  if (catalogId) query = query.where('catalog_id', '=', catalogId);
  const rows = await query.orderBy('created_at').execute();
  return rows.map(toRule);
}

/**
 * Applies the tenant's assignment rules to some people (after their sign-in or a directory sync) or to
 * everyone. New matches are enrolled with a due date; people who stop matching keep their records, marked.
 */
export async function applyAssignmentRules(db: Kysely<TenantDatabase>, tenantId: string, now: Date, learnerIds?: readonly string[]): Promise<RuleApplication> {
  return applyRules(db, tenantId, now, await loadRules(db, tenantId), learnerIds);
}

async function applyRules(
  db: Kysely<TenantDatabase>,
  tenantId: string,
  now: Date,
  rules: readonly AssignmentRule[],
  learnerIds?: readonly string[],
): Promise<RuleApplication> {
  const result: RuleApplication = { assigned: 0, unmatched: 0, rematched: 0 };
  if (rules.length === 0 || learnerIds?.length === 0) return result;
  const at = now.toISOString();
  // Everyone: only the ids are read up front; each batch of 500 people is then its own transaction.
  const ids =
    learnerIds ??
    (await db.selectFrom('learners').select('learner_id').where('tenant_id', '=', tenantId).orderBy('learner_id').execute()).map((r) => r.learner_id);
  const batches: Array<readonly string[]> = [];
  for (let i = 0; i < ids.length; i += 500) batches.push(ids.slice(i, i + 500));

  for (const batch of batches) {
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('learners')
        .select(['learner_id', 'department', 'job_title', 'office_location', 'country', 'city', 'departed_at'])
        .where('tenant_id', '=', tenantId)
        .where('learner_id', 'in', batch)
        .execute();
      // A restricted person is treated as departed: no new assignments, open ones marked out of scope.
      const restricted = await restrictedLearnerIds(trx, tenantId, batch);
      const people = rows.map((p) => ({
        id: p.learner_id,
        department: p.department,
        jobTitle: p.job_title,
        officeLocation: p.office_location,
        country: p.country,
        city: p.city,
        departedAt: p.departed_at ?? (restricted.has(p.learner_id) ? at : null),
      }));
      const factRows = await trx
        .selectFrom('rule_assignments')
        .select(['learner_id', 'rule_id', 'unmatched_at'])
        .where('tenant_id', '=', tenantId)
        .where('learner_id', 'in', batch)
        .execute();
      const facts = factRows.map((f) => ({ learnerId: f.learner_id, ruleId: f.rule_id, unmatchedAt: f.unmatched_at }));

      const plan = planRuleAssignments(rules, people, facts);
      for (const { learnerId, rule } of plan.assign) {
        const enrolment = await upsertEnrolment(trx, tenantId, at, {
          learnerId,
          courseId: rule.courseId,
          catalogId: rule.catalogId,
          source: 'rule',
          assignedBy: null,
          dueAt: new Date(now.getTime() + rule.dueWithinDays * DAY_MS).toISOString(),
          planEnrolmentId: null,
        });
        await trx
          .insertInto('rule_assignments')
          .values({ tenant_id: tenantId, learner_id: learnerId, rule_id: rule.id, enrolment_id: enrolment.id, assigned_at: at, unmatched_at: null })
          .execute();
      }
      for (const { learnerId, ruleId } of plan.unmatch) {
        await trx.updateTable('rule_assignments').set({ unmatched_at: at }).where('rule_id', '=', ruleId).where('learner_id', '=', learnerId).execute();
      }
      for (const { learnerId, ruleId } of plan.rematch) {
        await trx.updateTable('rule_assignments').set({ unmatched_at: null }).where('rule_id', '=', ruleId).where('learner_id', '=', learnerId).execute();
      }
      result.assigned += plan.assign.length;
      result.unmatched += plan.unmatch.length;
      result.rematched += plan.rematch.length;
    });
  }
  return result;
}

/**
 * What every change to a catalog's rules checks: the catalog is visible, the caller manages it, and the course is a
 * published course of that catalog.
 */
export async function requireRuleCourse(ctx: UseCaseContext, catalogId: string, courseId: string): Promise<void> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  const course = await loadCourse(ctx, courseId);
  if (course.catalogId !== catalogId) throw invalid('the course is not in this catalog');
  if (course.status !== 'published') throw invalid('only a published course can be assigned by a rule');
}

/** A rule of the caller's tenant, in a catalog they manage: unknown (or another tenant's) is a 404, not managed a 403. */
export async function loadManagedRule(ctx: UseCaseContext, ruleId: string): Promise<AssignmentRule> {
  const row = await ctx.db.selectFrom('assignment_rules').selectAll().where('tenant_id', '=', ctx.principal.tenantId).where('id', '=', ruleId).executeTakeFirst();
  if (!row) throw notFound('rule');
  await getCatalog(ctx, row.catalog_id);
  await requireCatalogManager(ctx.db, ctx.principal, row.catalog_id);
  return toRule(row);
}

/** Saves a rule and applies it to everyone (the other rules are left as they are). */
export async function createAssignmentRule(ctx: UseCaseContext, catalogId: string, body: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }> {
  await requireRuleCourse(ctx, catalogId, body.courseId);
  const rule: AssignmentRule = { id: newId(), catalogId, courseId: body.courseId, name: body.name, criteria: body.criteria, dueWithinDays: body.dueWithinDays };
  await ctx.db
    .insertInto('assignment_rules')
    .values({
      id: rule.id,
      tenant_id: ctx.principal.tenantId,
      catalog_id: catalogId,
      course_id: rule.courseId,
      name: rule.name,
      criteria_json: JSON.stringify(rule.criteria),
      due_within_days: rule.dueWithinDays,
      created_at: ctx.now.toISOString(),
    })
    .execute();
  const applied = await applyRules(ctx.db, ctx.principal.tenantId, ctx.now, [rule]);
  return { rule, applied };
}

/**
 * Changes a rule and applies it again: new matches are assigned, people who stop matching keep their records, marked.
 * Due dates already given stay. A rule moved to another course lets go of the enrolments it made in the old one
 * (they stay with the people, as when a rule is deleted) and assigns the new course to everyone it matches.
 */
export async function updateAssignmentRule(ctx: UseCaseContext, ruleId: string, body: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }> {
  const before = await loadManagedRule(ctx, ruleId);
  await requireRuleCourse(ctx, before.catalogId, body.courseId);
  const rule: AssignmentRule = { ...before, courseId: body.courseId, name: body.name, criteria: body.criteria, dueWithinDays: body.dueWithinDays };
  await ctx.db.transaction().execute(async (trx) => {
    if (rule.courseId !== before.courseId) await trx.deleteFrom('rule_assignments').where('tenant_id', '=', ctx.principal.tenantId).where('rule_id', '=', ruleId).execute();
    await trx
      .updateTable('assignment_rules')
      .set({ course_id: rule.courseId, name: rule.name, criteria_json: JSON.stringify(rule.criteria), due_within_days: rule.dueWithinDays })
      .where('tenant_id', '=', ctx.principal.tenantId)
      .where('id', '=', ruleId)
      .execute();
  });
  const applied = await applyRules(ctx.db, ctx.principal.tenantId, ctx.now, [rule]);
  return { rule, applied };
}

/** The rule and its record of whom it assigned go; the enrolments it made stay with the people (their training records). */
export async function deleteAssignmentRule(ctx: UseCaseContext, ruleId: string): Promise<void> {
  await loadManagedRule(ctx, ruleId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rule_assignments').where('tenant_id', '=', ctx.principal.tenantId).where('rule_id', '=', ruleId).execute();
    await trx.deleteFrom('assignment_rules').where('tenant_id', '=', ctx.principal.tenantId).where('id', '=', ruleId).execute();
  });
}

export async function listAssignmentRules(ctx: UseCaseContext, catalogId: string): Promise<AssignmentRule[]> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  return loadRules(ctx.db, ctx.principal.tenantId, catalogId);
}
