import { notFound } from '../../domain/errors';
import { requireCatalogManager } from '../training/catalogAccess';
import type { UseCaseContext } from '../training/useCaseContext';

/** The catalog exists in the caller's tenant (else 404) and the caller manages it (else 403). */
export async function requireManagedCatalog(ctx: UseCaseContext, catalogId: string): Promise<void> {
  const catalog = await ctx.db.selectFrom('catalogs').select('id').where('tenant_id', '=', ctx.principal.tenantId).where('id', '=', catalogId).executeTakeFirst();
  if (!catalog) throw notFound('catalog');
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
}
