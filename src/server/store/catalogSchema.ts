/** The tenant catalog (control plane): where each tenant's database lives. No personal data. */
export interface TenantsTable {
  tenant_id: string;
  display_name: string;
  region: string;
  database_name: string;
  status: string;
  schema_version: string | null;
  created_at: string;
  updated_at: string;
}

/** Scheduled work per tenant: whoever holds an unexpired lease runs the job; a dead holder's lease runs out. */
export interface JobLeasesTable {
  job: string;
  tenant_id: string;
  holder: string;
  expires_at: string;
}

export interface CatalogDatabase {
  tenants: TenantsTable;
  job_leases: JobLeasesTable;
}

/** 'offboarding': its database is being dropped; the tenant is refused everywhere until its record is gone. */
export type TenantStatus = 'provisioning' | 'active' | 'offboarding';
