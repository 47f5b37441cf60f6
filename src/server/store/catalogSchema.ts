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

export interface CatalogDatabase {
  tenants: TenantsTable;
}

export const TENANT_STATUSES = ['provisioning', 'active', 'offboarding'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];
