import type { CatalogAudienceBody, CatalogBody } from '../../domain/api';
import type { AudienceGroup, CatalogView } from '../../domain/apiResponses';
import { DomainError, forbidden, notFound } from '../../domain/errors';
import { hasRole } from '../../domain/roles';
import type { CatalogManager } from '../../domain/trainingAdmin';
import type { CatalogsTable } from '../store/tenantSchema';
import { canManageCatalog, isInCatalogAudience, requireCatalogManager } from './catalogAccess';
import { newId, type UseCaseContext } from './useCaseContext';

function toView(row: CatalogsTable, canManage: boolean): CatalogView {
  return { id: row.id, name: row.name, description: row.description, siteUrl: row.site_url, createdAt: row.created_at, canManage };
}

export async function createCatalog(ctx: UseCaseContext, body: CatalogBody): Promise<CatalogView> {
  const { principal } = ctx;
  if (!hasRole(principal.roles, 'Tenant.Admin') && !hasRole(principal.roles, 'Catalog.Manage')) {
    throw forbidden('creating a catalog needs the Tenant.Admin or Catalog.Manage role');
  }
  const row: CatalogsTable = {
    id: newId(),
    tenant_id: principal.tenantId,
    name: body.name,
    description: body.description,
    site_url: body.siteUrl,
    created_at: ctx.now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('catalogs').values(row).execute();
    if (hasRole(principal.roles, 'Catalog.Manage')) {
      await trx
        .insertInto('catalog_managers')
        .values({ tenant_id: principal.tenantId, catalog_id: row.id, learner_id: principal.userId, added_at: row.created_at })
        .execute();
    }
  });
  return toView(row, true);
}

export async function listCatalogs(ctx: UseCaseContext): Promise<CatalogView[]> {
  const rows = await ctx.db.selectFrom('catalogs').selectAll().where('tenant_id', '=', ctx.principal.tenantId).orderBy('name').execute();
  const managed = new Set(
    (
      await ctx.db
        .selectFrom('catalog_managers')
        .select('catalog_id')
        .where('tenant_id', '=', ctx.principal.tenantId)
        .where('learner_id', '=', ctx.principal.userId)
        .execute()
    ).map((r) => r.catalog_id),
  );
  const isAdmin = hasRole(ctx.principal.roles, 'Tenant.Admin');
  const isManagerRole = hasRole(ctx.principal.roles, 'Catalog.Manage');
  const audiences = await ctx.db.selectFrom('catalog_audiences').select(['catalog_id', 'group_id']).where('tenant_id', '=', ctx.principal.tenantId).execute();
  const myGroups = new Set(
    audiences.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('group_members')
            .select('group_id')
            .where('tenant_id', '=', ctx.principal.tenantId)
            .where('learner_id', '=', ctx.principal.userId)
            .execute()
        ).map((g) => g.group_id),
  );
  const visible = (catalogId: string, canManage: boolean): boolean => {
    const groups = audiences.filter((a) => a.catalog_id === catalogId);
    return canManage || groups.length === 0 || groups.some((g) => myGroups.has(g.group_id));
  };
  return rows
    .map((row) => toView(row, isAdmin || (isManagerRole && managed.has(row.id))))
    .filter((view) => visible(view.id, view.canManage));
}

export async function getCatalog(ctx: UseCaseContext, catalogId: string): Promise<CatalogView> {
  const row = await ctx.db
    .selectFrom('catalogs')
    .selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('id', '=', catalogId)
    .executeTakeFirst();
  if (!row || !(await isInCatalogAudience(ctx.db, ctx.principal, catalogId))) throw notFound('catalog');
  return toView(row, await canManageCatalog(ctx.db, ctx.principal, catalogId));
}

export async function getCatalogAudience(ctx: UseCaseContext, catalogId: string): Promise<AudienceGroup[]> {
  await getCatalog(ctx, catalogId);
  const rows = await ctx.db.selectFrom('catalog_audiences').select(['group_id', 'display_name']).where('catalog_id', '=', catalogId).orderBy('display_name').execute();
  return rows.map((r) => ({ id: r.group_id, displayName: r.display_name }));
}

/** Sets the Entra ID groups whose members see the catalog; an empty list opens it to everyone. */
export async function setCatalogAudience(ctx: UseCaseContext, catalogId: string, body: CatalogAudienceBody): Promise<AudienceGroup[]> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('catalog_audiences').where('catalog_id', '=', catalogId).execute();
    if (body.groups.length > 0) {
      await trx
        .insertInto('catalog_audiences')
        .values(body.groups.map((g) => ({ tenant_id: ctx.principal.tenantId, catalog_id: catalogId, group_id: g.id, display_name: g.displayName ?? null })))
        .execute();
    }
  });
  return getCatalogAudience(ctx, catalogId);
}

/** Adds a catalog manager. The person must be known to Atrium (signed in, or synced from the directory). */
export async function addCatalogManager(ctx: UseCaseContext, catalogId: string, learnerId: string): Promise<void> {
  await getCatalog(ctx, catalogId);
  if (!hasRole(ctx.principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin appoints catalog managers');
  await ctx.db.transaction().execute(async (trx) => {
    const learner = await trx
      .selectFrom('learners')
      .select('learner_id')
      .where('tenant_id', '=', ctx.principal.tenantId)
      .where('learner_id', '=', learnerId)
      .executeTakeFirst();
    if (!learner) throw notFound('person');
    const existing = await trx
      .selectFrom('catalog_managers')
      .select('learner_id')
      .where('catalog_id', '=', catalogId)
      .where('learner_id', '=', learnerId)
      .executeTakeFirst();
    if (existing) return;
    await trx
      .insertInto('catalog_managers')
      .values({ tenant_id: ctx.principal.tenantId, catalog_id: catalogId, learner_id: learnerId, added_at: ctx.now.toISOString() })
      .execute();
  });
}

/** Replaces a catalog's name, description and SharePoint site (its managers, tenant admins). */
export async function updateCatalog(ctx: UseCaseContext, catalogId: string, body: CatalogBody): Promise<CatalogView> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  await ctx.db
    .updateTable('catalogs')
    .set({ name: body.name, description: body.description, site_url: body.siteUrl })
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('id', '=', catalogId)
    .execute();
  return getCatalog(ctx, catalogId);
}

/**
 * The people appointed to manage the catalog, by display name. Departed or restricted people are listed too:
 * they still hold the role until a tenant admin removes them, and this list is where that is seen and done.
 */
export async function listCatalogManagers(ctx: UseCaseContext, catalogId: string): Promise<CatalogManager[]> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  const rows = await ctx.db
    .selectFrom('catalog_managers as cm')
    .leftJoin('learners as l', (join) => join.onRef('l.tenant_id', '=', 'cm.tenant_id').onRef('l.learner_id', '=', 'cm.learner_id'))
    .select(['cm.learner_id', 'l.display_name', 'l.mail', 'l.department'])
    .where('cm.tenant_id', '=', ctx.principal.tenantId)
    .where('cm.catalog_id', '=', catalogId)
    .orderBy('l.display_name')
    .orderBy('cm.learner_id')
    .execute();
  return rows.map((r) => ({ id: r.learner_id, displayName: r.display_name ?? null, mail: r.mail ?? null, department: r.department ?? null }));
}

/**
 * Removes a catalog manager (tenant admins, as appointing). The last one may go too: tenant admins manage
 * every catalog, so none is ever left without a manager.
 */
export async function removeCatalogManager(ctx: UseCaseContext, catalogId: string, learnerId: string): Promise<void> {
  await getCatalog(ctx, catalogId);
  if (!hasRole(ctx.principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin removes catalog managers');
  const removed = await ctx.db
    .deleteFrom('catalog_managers')
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('catalog_id', '=', catalogId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new DomainError('not-found', 'that person is not a manager of this catalog');
}
