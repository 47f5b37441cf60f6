import type { Kysely } from 'kysely';
import type { Region } from '../../domain/regions';

/**
 * One storage engine serves a whole deployment: SQLite files locally (the embedded default),
 * Azure SQL in production. The rest of the service sees only Kysely instances.
 */
export interface DatabaseEngine {
  readonly dialect: 'sqlite' | 'mssql';
  /** Opens the tenant catalog (control plane) database. */
  openCatalog<DB>(): Promise<Kysely<DB>>;
  /** Creates a tenant's database in its region if it does not exist yet. Idempotent. */
  provisionTenantDatabase(region: Region, databaseName: string): Promise<void>;
  /** Opens a connection pool to a tenant database in its region. The caller destroys it. */
  openTenantDatabase<DB>(region: Region, databaseName: string): Promise<Kysely<DB>>;
  /** Closes whatever the engine itself holds (admin connections). */
  close(): Promise<void>;
}
