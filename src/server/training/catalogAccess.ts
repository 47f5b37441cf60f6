import type { Kysely, Transaction } from 'kysely';
import { forbidden } from '../../domain/errors';
import { hasRole } from '../../domain/roles';
import type { Principal } from '../auth/principal';
import { restrictedLearnerIds } from '../privacy/restrictedLearners';
import type { TenantDatabase } from '../store/tenantSchema';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/** Tenant admins manage every catalog; a Catalog.Manage holder manages the catalogs that list them. */
export async function canManageCatalog(db: Db, principal: Principal, catalogId: string): Promise<boolean> {
  if (hasRole(principal.roles, 'Tenant.Admin')) return true;
  if (!hasRole(principal.roles, 'Catalog.Manage')) return false;
  const row = await db
    .selectFrom('catalog_managers')
    .select('learner_id')
    .where('tenant_id', '=', principal.tenantId)
    .where('catalog_id', '=', catalogId)
    .where('learner_id', '=', principal.userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function requireCatalogManager(db: Db, principal: Principal, catalogId: string): Promise<void> {
  if (!(await canManageCatalog(db, principal, catalogId))) {
    throw forbidden('only a manager of this catalog (or a tenant admin) can do this');
  }
}

/**
 * A person's training records are visible to them, their line manager, and the catalog's managers. While the person's
 * processing is restricted their line manager no longer sees them (as in the team view); the catalog's managers, who
 * act on the records, still do.
 */
export async function canSeeLearnerRecords(db: Db, principal: Principal, learnerId: string, catalogId: string): Promise<boolean> {
  if (principal.userId === learnerId) return true;
  const learner = await db
    .selectFrom('learners')
    .select('manager_id')
    .where('tenant_id', '=', principal.tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (learner?.manager_id === principal.userId && !(await restrictedLearnerIds(db, principal.tenantId, [learnerId])).has(learnerId)) return true;
  return canManageCatalog(db, principal, catalogId);
}

/**
 * A catalog with an audience (Entra ID groups, members kept by the directory sync) is visible to those
 * members and its managers only; a catalog without one is visible to everyone in the organisation.
 */
export async function isInCatalogAudience(db: Db, principal: Principal, catalogId: string): Promise<boolean> {
  const audience = await db.selectFrom('catalog_audiences').select('group_id').where('catalog_id', '=', catalogId).execute();
  if (audience.length === 0) return true;
  if (await canManageCatalog(db, principal, catalogId)) return true;
  const member = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('tenant_id', '=', principal.tenantId)
    .where('learner_id', '=', principal.userId)
    .where('group_id', 'in', audience.map((a) => a.group_id))
    .executeTakeFirst();
  return member !== undefined;
}
