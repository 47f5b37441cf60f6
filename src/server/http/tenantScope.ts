import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors';
import { hasRole } from '../../domain/roles';
import type { Principal } from '../auth/principal';
import type { DirectorySyncService } from '../jobs/directorySyncService';
import type { Tenancy } from '../tenancy/tenancy';
import type { TenantRecord } from '../tenancy/tenantCatalog';
import type { LearnerRegistry } from '../training/learners';
import type { UseCaseContext } from '../training/useCaseContext';

export interface RouteContext {
  tenancy: Tenancy;
  directorySync: DirectorySyncService | null;
  learners: LearnerRegistry;
  clock: () => Date;
  /** How long POST /api/tenant/onboarding waits for the database before answering 202. */
  onboardingWaitMs: number;
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('unauthenticated', 'an access token is required');
  return request.principal;
}

export function notOnboarded(principal: Principal): DomainError {
  const who = hasRole(principal.roles, 'Tenant.Admin')
    ? 'As a tenant admin you can set it up now: choose a data-center region and call POST /api/tenant/onboarding.'
    : 'A tenant admin of your organisation (someone with the Atrium "Tenant.Admin" role) has to set it up first.';
  return new DomainError('not-onboarded', `Your organisation (tenant ${principal.tenantId}) has not been set up in Atrium yet. ${who}`);
}

/** Runs a use case for the caller inside their own tenant's database, after making sure they have a learner row. */
export async function inTenant<T>(
  request: FastifyRequest,
  route: RouteContext,
  work: (ctx: UseCaseContext, tenant: TenantRecord) => Promise<T>,
): Promise<T> {
  const principal = principalOf(request);
  const tenant = await route.tenancy.activeTenant(principal.tenantId);
  if (!tenant) throw notOnboarded(principal);
  const now = route.clock();
  return route.tenancy.runUnitOfWork(tenant.tenantId, async (db) => {
    await route.learners.ensure(db, principal, now);
    return work({ principal, db, now }, tenant);
  });
}
