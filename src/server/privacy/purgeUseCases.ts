import { forbidden, invalid, notFound } from '../../domain/errors';
import type { PurgePreview } from '../../domain/privacy';
import { hasRole } from '../../domain/roles';
import { canManageCatalog } from '../training/catalogAccess';
import type { UseCaseContext } from '../training/useCaseContext';
import { listAudit, type AuditPage } from './auditTrail';
import { decodeCursor } from './keysetCursor';
import { requireManagedCatalog } from './managedCatalog';
import { getPurgeJob, purgeCounts, requestPurge, sumCounts, targetOf, type PurgeJobView } from './purgeJobs';
import { subjectHash } from './subjectHash';

/** What must be typed to confirm a purge of this person: their mail, else their user principal name, else their id. */
async function confirmationFor(ctx: UseCaseContext, learnerId: string): Promise<string | undefined> {
  const learner = await ctx.db
    .selectFrom('learners')
    .select(['mail', 'user_principal_name'])
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (!learner) return undefined;
  return learner.mail ?? learner.user_principal_name ?? learnerId;
}

function confirms(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase();
}

function requireTenantAdmin(ctx: UseCaseContext): void {
  if (!hasRole(ctx.principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin can do this');
}

/** Counts by kind of what a purge of the person from the catalog would remove, and the confirmation to type. */
export async function previewCatalogPurge(ctx: UseCaseContext, catalogId: string, learnerId: string): Promise<PurgePreview> {
  await requireManagedCatalog(ctx, catalogId);
  const counts = await purgeCounts(ctx.db, targetOf(ctx.principal.tenantId, learnerId, { kind: 'catalog', catalogId }));
  const confirmation = await confirmationFor(ctx, learnerId);
  const total = sumCounts(counts);
  if (total === 0 || confirmation === undefined) throw notFound('records of this person in this catalog');
  return { counts, total, confirmation };
}

/** Records a purge of the person from the catalog (after the typed confirmation); the runner carries it out. */
export async function startCatalogPurge(ctx: UseCaseContext, catalogId: string, learnerId: string, typed: string): Promise<PurgeJobView> {
  const preview = await previewCatalogPurge(ctx, catalogId, learnerId);
  if (!confirms(typed, preview.confirmation)) throw invalid('confirmation: does not match; type the mail (or user principal name) the purge preview names');
  return requestPurge(ctx.db, { tenantId: ctx.principal.tenantId, actorId: ctx.principal.userId, learnerId, scope: { kind: 'catalog', catalogId }, reason: 'admin', now: ctx.now });
}

/** Records the erasure of a person: every catalog, then their profile (tenant admins). */
export async function startErasure(ctx: UseCaseContext, learnerId: string, typed: string): Promise<PurgeJobView> {
  const confirmation = await confirmationFor(ctx, learnerId);
  // Someone the tenant does not know is 404 to everyone, as every route treats an id the caller cannot see.
  if (confirmation === undefined) throw notFound('person');
  requireTenantAdmin(ctx);
  if (!confirms(typed, confirmation)) throw invalid("confirmation: does not match; type the person's mail (or user principal name)");
  return requestPurge(ctx.db, { tenantId: ctx.principal.tenantId, actorId: ctx.principal.userId, learnerId, scope: { kind: 'erasure' }, reason: 'admin', now: ctx.now });
}

/** A purge's status: for tenant admins, the managers of its catalog, and whoever asked for it. */
export async function viewPurge(ctx: UseCaseContext, purgeId: string): Promise<PurgeJobView> {
  const job = await getPurgeJob(ctx.db, ctx.principal.tenantId, purgeId);
  if (!job) throw notFound('purge');
  if (hasRole(ctx.principal.roles, 'Tenant.Admin')) return job;
  if (job.catalogId && (await canManageCatalog(ctx.db, ctx.principal, job.catalogId))) return job;
  const requested = await ctx.db.selectFrom('purge_jobs').select('requested_by').where('id', '=', purgeId).executeTakeFirst();
  if (requested?.requested_by === ctx.principal.userId) return job;
  throw notFound('purge');
}

/** The audit trail (tenant admins); `subject` (an object id) is hashed here and matched by its keyed hash. */
export async function viewAudit(ctx: UseCaseContext, query: { cursor?: string; subject?: string }): Promise<AuditPage> {
  requireTenantAdmin(ctx);
  const tenantId = ctx.principal.tenantId;
  // A cursor the list never gave out is refused before hashing the subject can create the tenant's subject key.
  if (query.cursor) decodeCursor(query.cursor, ['at', 'id']);
  const hash = query.subject ? await subjectHash(ctx.db, tenantId, query.subject) : null;
  return listAudit(ctx.db, { tenantId, cursor: query.cursor, subjectHash: hash });
}
