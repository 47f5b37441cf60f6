import type { RestrictionBody, RestrictionView } from '../../domain/dataRights';
import { applyAssignmentRules } from '../training/assignmentRules';
import type { UseCaseContext } from '../training/useCaseContext';
import { recordAudit } from './auditTrail';
import { knownLearner, requireTenantAdmin } from './dataSubjects';
import { subjectHash } from './subjectHash';

/**
 * Restriction of processing (GDPR art. 18): the person's records are kept, but rules no longer assign them
 * (their rule assignments are marked out of scope, as for someone who stopped matching), reports and retention
 * leave them out. Lifting it re-applies the rules to them.
 */
export async function restrictLearner(ctx: UseCaseContext, learnerId: string, body: RestrictionBody): Promise<RestrictionView> {
  await knownLearner(ctx, learnerId);
  requireTenantAdmin(ctx.principal, 'restrict processing of a learner');
  const tenantId = ctx.principal.tenantId;
  const at = ctx.now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('learner_restrictions').select('learner_id').where('tenant_id', '=', tenantId).where('learner_id', '=', learnerId).executeTakeFirst();
    if (existing) {
      await trx.updateTable('learner_restrictions').set({ reason: body.reason }).where('tenant_id', '=', tenantId).where('learner_id', '=', learnerId).execute();
      return;
    }
    await trx.insertInto('learner_restrictions').values({ tenant_id: tenantId, learner_id: learnerId, reason: body.reason, restricted_at: at }).execute();
    await recordAudit(trx, { tenantId, actorId: ctx.principal.userId, action: 'learner.restricted', subjectHash: await subjectHash(trx, tenantId, learnerId), at: ctx.now });
  });
  // Out of the rules now: their open rule assignments are marked out of scope.
  await applyAssignmentRules(ctx.db, tenantId, ctx.now, [learnerId]);
  return restrictionOf(ctx, learnerId);
}

export async function liftRestriction(ctx: UseCaseContext, learnerId: string): Promise<RestrictionView> {
  await knownLearner(ctx, learnerId);
  requireTenantAdmin(ctx.principal, 'lift a restriction of processing');
  const tenantId = ctx.principal.tenantId;
  const lifted = await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('learner_restrictions').where('tenant_id', '=', tenantId).where('learner_id', '=', learnerId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return false;
    await recordAudit(trx, { tenantId, actorId: ctx.principal.userId, action: 'learner.restriction-lifted', subjectHash: await subjectHash(trx, tenantId, learnerId), at: ctx.now });
    return true;
  });
  if (lifted) await applyAssignmentRules(ctx.db, tenantId, ctx.now, [learnerId]);
  return restrictionOf(ctx, learnerId);
}

export async function restrictionOf(ctx: UseCaseContext, learnerId: string): Promise<RestrictionView> {
  const row = await ctx.db
    .selectFrom('learner_restrictions')
    .select(['reason', 'restricted_at'])
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return { learnerId, restricted: row !== undefined, restrictedAt: row?.restricted_at ?? null, reason: row?.reason ?? null };
}
