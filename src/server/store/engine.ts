import type { Kysely } from 'kysely';
import type { Region } from '../../domain/regions';

/**
 * A Kysely instance of any schema: for migrations (which must not depend on the current schema, as Kysely advises)
 * and for implementing Kysely's own signatures that take `Kysely<any>` (dialect, adapter). `Kysely<unknown>` will not
 * do: a `Kysely<DB>` is not assignable to it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's own idiom for a schema-agnostic instance
export type AnyKysely = Kysely<any>;

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
  /**
   * Offboarding: deletes a tenant's database in its region (SQLite: the file with its -wal and -shm; Azure SQL:
   * DROP DATABASE). The caller has closed its pools first. Idempotent: a database already gone is no error.
   */
  dropTenantDatabase(region: Region, databaseName: string): Promise<void>;
  /** Opens a connection pool to a tenant database in its region. The caller destroys it. */
  openTenantDatabase<DB>(region: Region, databaseName: string): Promise<Kysely<DB>>;
  /**
   * After an erasure or purge has committed: make it durable and leave no trace of the removed rows in the
   * database's files. SQLite: after an erasure, rewrite the file (VACUUM: stale copies of cells in b-tree pages
   * go too), then checkpoint the WAL into the database and truncate it. Azure SQL: nothing the service can do; the
   * transaction log and the point-in-time backups age out on their own (docs/privacy.md). Optional: an engine
   * without it has nothing to do.
   * `tenantDb` is the tenant database as `openTenantDatabase` gave it.
   */
  makeErasureTraceless?(tenantDb: AnyKysely, after: 'purge' | 'erasure'): Promise<void>;
  /** Closes whatever the engine itself holds (admin connections). */
  close(): Promise<void>;
}
