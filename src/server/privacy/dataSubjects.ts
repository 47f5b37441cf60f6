import { forbidden, notFound } from '../../domain/errors';
import { hasRole } from '../../domain/roles';
import type { Principal } from '../auth/principal';
import type { LearnersTable } from '../store/tenantSchema';
import type { UseCaseContext } from '../training/useCaseContext';

/** Data-subject rights decided for the organisation (restriction, requests, retention, offboarding) are the tenant admin's. */
export function requireTenantAdmin(principal: Principal, what: string): void {
  if (!hasRole(principal.roles, 'Tenant.Admin')) throw forbidden(`only a tenant admin (Tenant.Admin role) can ${what}`);
}

/** A person of the caller's organisation known to Atrium; anyone else is 404, whoever asks. */
export async function knownLearner(ctx: UseCaseContext, learnerId: string): Promise<LearnersTable> {
  const row = await ctx.db
    .selectFrom('learners')
    .selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!row) throw notFound('learner');
  return row;
}
