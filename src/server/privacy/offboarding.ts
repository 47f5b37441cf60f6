import type { Kysely } from 'kysely';
import type { OffboardingReceipt } from '../../domain/dataRights';
import { invalid } from '../../domain/errors';
import type { Principal } from '../auth/principal';
import { DependencyUnavailable } from '../dependencyUnavailable';
import type { TenantDatabase } from '../store/tenantSchema';
import type { Tenancy } from '../tenancy/tenancy';
import { requireTenantAdmin } from './dataSubjects';
import { registeredTables } from './personalDataRegistry';

/** Rows per table: what the receipt says was deleted (counts only, no personal data). */
async function rowCounts(db: Kysely<TenantDatabase>): Promise<Record<string, number>> {
  const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const counts: Record<string, number> = {};
  for (const { table } of registeredTables()) {
    const row = await anyDb.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * A tenant admin deletes the organisation from Atrium: its database is dropped in its region (every record of
 * every person with it), its entry leaves the tenant catalog, and a receipt says what went, where and when.
 * The admin confirms by typing the organisation's display name. From then on the tenant's calls are refused as
 * not onboarded. Not wrapped in a tenant unit of work: the database must be free of this request to be dropped.
 */
export async function offboardTenant(
  tenancy: Tenancy,
  principal: Principal,
  confirmation: string,
  now: Date,
): Promise<OffboardingReceipt | undefined> {
  requireTenantAdmin(principal, 'delete the organisation from Atrium');
  const record = await tenancy.tenantRecord(principal.tenantId);
  if (!record || record.status === 'provisioning') return undefined;
  if (confirmation.trim() !== record.displayName) {
    throw invalid(`confirmation: type the organisation's name exactly as Atrium shows it ("${record.displayName}") to delete it and all its data`);
  }
  // An earlier attempt that stopped half-way ('offboarding') has no database to count any more.
  const deletedRecords = record.status === 'active' ? await tenancy.withTenantDatabase(record.tenantId, rowCounts) : {};
  try {
    await tenancy.offboard(record.tenantId, now);
  } catch (error) {
    // E.g. Azure SQL refuses to drop a database another instance still has connections to (error 3702), until
    // their idle pools close. The tenant stays 'offboarding' (refused everywhere); calling again finishes it.
    throw new DependencyUnavailable(
      "your organisation's database",
      'Your organisation is being deleted, but its database could not be dropped yet (it is still in use or could not be reached). ' +
        'Nothing can be used in the meantime; call DELETE /api/tenant again in a few minutes to finish.',
      120,
      { cause: error },
    );
  }
  const regionName = tenancy.regions.find(record.region)?.displayName ?? record.region;
  return {
    tenantId: record.tenantId,
    region: record.region,
    regionName,
    databaseName: record.databaseName,
    deletedAt: now.toISOString(),
    deletedRecords,
    statement:
      `The organisation's database ${record.databaseName} in region ${regionName} was deleted, with every record in it, ` +
      'and the organisation was removed from the tenant catalog. On Azure SQL, the point-in-time backups of a deleted ' +
      "database remain restorable until the server's retention period (7 to 35 days) has passed, in the same region.",
  };
}
