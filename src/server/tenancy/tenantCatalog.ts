import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../store/uniqueViolation';
import type { CatalogDatabase, TenantStatus, TenantsTable } from '../store/catalogSchema';

export interface TenantRecord {
  tenantId: string;
  displayName: string;
  region: string;
  databaseName: string;
  status: TenantStatus;
  schemaVersion: string | null;
  createdAt: string;
}

function toRecord(row: TenantsTable): TenantRecord {
  return {
    tenantId: row.tenant_id,
    displayName: row.display_name,
    region: row.region,
    databaseName: row.database_name,
    status: row.status as TenantStatus,
    schemaVersion: row.schema_version,
    createdAt: row.created_at,
  };
}

/** The control plane: which tenant lives in which region and database. */
export class TenantCatalog {
  constructor(private readonly db: Kysely<CatalogDatabase>) {}

  async find(tenantId: string): Promise<TenantRecord | undefined> {
    const row = await this.db.selectFrom('tenants').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(): Promise<TenantRecord[]> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('created_at').execute();
    return rows.map(toRecord);
  }

  /** Records a tenant whose database is being created. False when the tenant is already recorded. */
  async insertProvisioning(record: Omit<TenantRecord, 'status' | 'schemaVersion'>): Promise<boolean> {
    try {
      await this.db
        .insertInto('tenants')
      .values({
        tenant_id: record.tenantId,
        display_name: record.displayName,
        region: record.region,
        database_name: record.databaseName,
        status: 'provisioning',
        schema_version: null,
        created_at: record.createdAt,
        updated_at: record.createdAt,
      })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async markOffboarding(tenantId: string, at: string): Promise<void> {
    await this.db.updateTable('tenants').set({ status: 'offboarding', updated_at: at }).where('tenant_id', '=', tenantId).execute();
  }

  /** Offboarding done: the tenant and its job leases leave the catalog. */
  async remove(tenantId: string): Promise<void> {
    await this.db.deleteFrom('job_leases').where('tenant_id', '=', tenantId).execute();
    await this.db.deleteFrom('tenants').where('tenant_id', '=', tenantId).execute();
  }

  async markActive(tenantId: string, schemaVersion: string, at: string): Promise<void> {
    await this.db
      .updateTable('tenants')
      .set({ status: 'active', schema_version: schemaVersion, updated_at: at })
      .where('tenant_id', '=', tenantId)
      .execute();
  }
}
