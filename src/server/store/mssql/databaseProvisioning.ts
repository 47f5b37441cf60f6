import type { Region } from '../../../domain/regions';

/**
 * The statements that create a tenant's database on its region's server. Pure: names are validated
 * here and bracket-quoted, because `CREATE DATABASE` takes no parameters.
 */

const TENANT_DATABASE_NAME = /^atrium_t_[0-9a-f]{32}$/;
const CATALOG_DATABASE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
/** Azure elastic pool names: letters, digits, hyphens, underscores and periods; no brackets or quotes. */
const ELASTIC_POOL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function assertTenantDatabaseName(name: string): string {
  if (!TENANT_DATABASE_NAME.test(name)) throw new Error(`invalid tenant database name "${name}": expected atrium_t_ and 32 hex digits`);
  return name;
}

export function assertCatalogDatabaseName(name: string): string {
  if (!CATALOG_DATABASE_NAME.test(name)) throw new Error(`invalid catalog database name "${name}": letters, digits and _, starting with a letter`);
  return name;
}

function bracketQuoted(identifier: string): string {
  return `[${identifier.replace(/]/g, ']]')}]`;
}

/** Azure SQL Database reports engine edition 5 in `SERVERPROPERTY('EngineEdition')`. */
export const AZURE_SQL_DATABASE_ENGINE_EDITION = 5;

export type DatabasePlacement =
  /** Azure SQL Database: in the region's elastic pool, backups kept in the region. */
  | { kind: 'elastic-pool'; elasticPool: string; backupStorageRedundancy: Region['azureSql']['backupStorageRedundancy'] }
  /** Any other SQL Server (a local one for tests): no pools, no backup options. */
  | { kind: 'plain' };

export function elasticPoolPlacement(region: Region): DatabasePlacement {
  return { kind: 'elastic-pool', elasticPool: region.azureSql.elasticPool, backupStorageRedundancy: region.azureSql.backupStorageRedundancy };
}

/**
 * `CREATE DATABASE [atrium_t_…] ( SERVICE_OBJECTIVE = ELASTIC_POOL ( name = [pool] ) ) WITH BACKUP_STORAGE_REDUNDANCY = 'ZONE'`
 * (Azure SQL Database syntax). Unless told otherwise, T-SQL creates databases with geo-redundant
 * backups, which would copy the tenant's data out of its region: the redundancy is always given.
 */
export function createDatabaseStatement(databaseName: string, placement: DatabasePlacement): string {
  const name = bracketQuoted(databaseName);
  if (placement.kind === 'plain') return `CREATE DATABASE ${name}`;
  if (!ELASTIC_POOL_NAME.test(placement.elasticPool)) throw new Error(`invalid elastic pool name "${placement.elasticPool}"`);
  const redundancy = placement.backupStorageRedundancy === 'Local' ? 'LOCAL' : placement.backupStorageRedundancy === 'Zone' ? 'ZONE' : undefined;
  if (!redundancy) throw new Error(`backup storage redundancy must be Local or Zone, not ${String(placement.backupStorageRedundancy)}`);
  return `CREATE DATABASE ${name} ( SERVICE_OBJECTIVE = ELASTIC_POOL ( name = ${bracketQuoted(placement.elasticPool)} ) ) WITH BACKUP_STORAGE_REDUNDANCY = '${redundancy}'`;
}

/** Offboarding: the tenant's database goes; `IF EXISTS` makes a repeated attempt a no-op. */
export function dropDatabaseStatement(databaseName: string): string {
  return `DROP DATABASE IF EXISTS ${bracketQuoted(assertTenantDatabaseName(databaseName))}`;
}

/** Read-only queries run on `master`; `@database_name` is bound as a parameter. */
export const PROVISIONING_QUERIES = Object.freeze({
  engineEdition: `select cast(SERVERPROPERTY('EngineEdition') as int) as engine_edition`,
  databaseId: `select DB_ID(@database_name) as database_id`,
  databaseState: `select state_desc from sys.databases where name = @database_name`,
});

/** SQL Server error 1801: the database already exists (another instance created it first). */
export const DATABASE_ALREADY_EXISTS = 1801;
