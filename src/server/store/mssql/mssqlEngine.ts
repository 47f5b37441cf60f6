import { Kysely } from 'kysely';
import * as sql from 'mssql';
import type { Region } from '../../../domain/regions';
import type { DatabaseEngine } from '../engine';
import {
  ADMIN_POOL_SIZING,
  CATALOG_POOL_SIZING,
  TENANT_POOL_SIZING,
  azureSqlConfig,
  connectionStringConfig,
  connectionStringServer,
  type AzureSqlAuthentication,
  type PoolSizing,
} from './azureSqlConnection';
import {
  AZURE_SQL_DATABASE_ENGINE_EDITION,
  DATABASE_ALREADY_EXISTS,
  PROVISIONING_QUERIES,
  assertCatalogDatabaseName,
  assertTenantDatabaseName,
  createDatabaseStatement,
  dropDatabaseStatement,
  elasticPoolPlacement,
  type DatabasePlacement,
} from './databaseProvisioning';
import { LoginErrorNumbers } from './loginErrorNumbers';
import { MssqlPoolDialect } from './mssqlKyselyDialect';
import { classifyTransientFault, withTransientRetry, type TransientRetryOptions } from './transientErrors';

export interface MssqlEngineOptions {
  /** The server and database of the tenant catalog (ATRIUM_CATALOG_SERVER / ATRIUM_CATALOG_DATABASE). */
  catalog: { server: string; database: string };
  /** Entra ID sign-in to Azure SQL; defaults to a shared `DefaultAzureCredential`. */
  authentication?: AzureSqlAuthentication;
  /**
   * Tests and local development only: a connection string (e.g. ATRIUM_TEST_MSSQL) whose server and
   * credentials replace every region's server and the catalog's. Tenant data then no longer stays in
   * its region, so this is never set in production.
   */
  serverOverride?: string;
  tenantPool?: PoolSizing;
  /** Retry of transient faults; the default follows Microsoft's guidance for Azure SQL. */
  retry?: TransientRetryOptions;
  provisioning?: {
    /** How long a new database may take to come online. Default 10 minutes. */
    timeoutMs?: number;
    pollIntervalMs?: number;
  };
  /** Progress and retries, for the service log. Never given personal data. */
  log?: (message: string, details?: Record<string, unknown>) => void;
}

const DEFAULT_PROVISIONING_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_POLL_INTERVAL_MS = 2_000;

/**
 * SQL Server / Azure SQL: the tenant catalog on the catalog server, each tenant's database on its
 * region's logical server, in the region's elastic pool, with backups kept in the region.
 */
export class MssqlEngine implements DatabaseEngine {
  readonly dialect = 'mssql' as const;

  private readonly loginErrors = new LoginErrorNumbers();
  private readonly retry: TransientRetryOptions;
  /** Connections to each server's `master`, for creating databases. Keyed by server. */
  private readonly adminPools = new Map<string, Promise<sql.ConnectionPool>>();
  private readonly engineEditions = new Map<string, Promise<number>>();

  constructor(private readonly options: MssqlEngineOptions) {
    assertCatalogDatabaseName(options.catalog.database);
    const log = options.log;
    this.retry = {
      classify: (error) => classifyTransientFault(error, this.loginErrors.lookup),
      onRetry: log ? ({ attempt, delayMs, fault }) => log('SQL Server transient fault; retrying', { attempt, delayMs, fault }) : undefined,
      ...options.retry,
    };
  }

  async openCatalog<DB>(): Promise<Kysely<DB>> {
    const { server, database } = this.options.catalog;
    if (this.options.serverOverride) await this.createDatabaseIfMissing(server, database, { kind: 'plain' });
    return this.openKysely<DB>(server, database, CATALOG_POOL_SIZING);
  }

  async provisionTenantDatabase(region: Region, databaseName: string): Promise<void> {
    assertTenantDatabaseName(databaseName);
    const server = region.azureSql.server;
    const isAzure = (await this.engineEdition(server)) === AZURE_SQL_DATABASE_ENGINE_EDITION;
    if (!isAzure && !this.options.serverOverride) {
      throw new Error(`region ${region.id}: ${server} is not an Azure SQL Database server; tenant databases need its elastic pool and in-region backups`);
    }
    await this.createDatabaseIfMissing(server, databaseName, isAzure ? elasticPoolPlacement(region) : { kind: 'plain' });
    await this.waitUntilOnline(server, databaseName);
  }

  async dropTenantDatabase(region: Region, databaseName: string): Promise<void> {
    const pool = await this.adminPool(region.azureSql.server);
    const statement = dropDatabaseStatement(assertTenantDatabaseName(databaseName));
    this.options.log?.('dropping database', { database: databaseName });
    // A batch of its own, like CREATE DATABASE.
    await withTransientRetry(async () => {
      await pool.request().batch(statement);
    }, this.retry);
  }

  async openTenantDatabase<DB>(region: Region, databaseName: string): Promise<Kysely<DB>> {
    assertTenantDatabaseName(databaseName);
    return this.openKysely<DB>(region.azureSql.server, databaseName, this.options.tenantPool ?? TENANT_POOL_SIZING);
  }

  async close(): Promise<void> {
    const pools = [...this.adminPools.values()];
    this.adminPools.clear();
    this.engineEditions.clear();
    await Promise.allSettled(pools.map(async (pool) => (await pool).close()));
  }

  private connectionConfig(server: string, database: string, pool: PoolSizing, requestTimeoutMs?: number): sql.config {
    const settings = { pool, loginErrors: this.loginErrors, requestTimeoutMs };
    if (this.options.serverOverride) return connectionStringConfig(this.options.serverOverride, settings, database);
    return azureSqlConfig({ server, database }, this.options.authentication ?? { type: 'token-credential' }, settings);
  }

  /** The server actually connected to: with an override, every region shares one admin connection. */
  private serverKey(server: string): string {
    return this.options.serverOverride ? `override:${connectionStringServer(this.options.serverOverride)}` : server.toLowerCase();
  }

  private async openKysely<DB>(server: string, database: string, sizing: PoolSizing): Promise<Kysely<DB>> {
    const pool = new sql.ConnectionPool(this.connectionConfig(server, database, sizing));
    // Errors also reach the request that hit them; without a listener an 'error' event would crash the process.
    pool.on('error', (error: unknown) => this.options.log?.('SQL Server pool error', { database, error: describe(error) }));
    const db = new Kysely<DB>({ dialect: new MssqlPoolDialect({ pool, retry: this.retry }) });
    try {
      // Connect now (with retry) so a database that cannot be reached fails here, not on first use.
      await db.connection().execute(async () => undefined);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
    return db;
  }

  private adminPool(server: string): Promise<sql.ConnectionPool> {
    const key = this.serverKey(server);
    let pool = this.adminPools.get(key);
    if (!pool) {
      const timeout = this.options.provisioning?.timeoutMs ?? DEFAULT_PROVISIONING_TIMEOUT_MS;
      const created = new sql.ConnectionPool(this.connectionConfig(server, 'master', ADMIN_POOL_SIZING, timeout));
      created.on('error', (error: unknown) => this.options.log?.('SQL Server admin pool error', { error: describe(error) }));
      pool = withTransientRetry(() => created.connect(), this.retry);
      pool.catch(() => this.adminPools.delete(key));
      this.adminPools.set(key, pool);
    }
    return pool;
  }

  private engineEdition(server: string): Promise<number> {
    const key = this.serverKey(server);
    let edition = this.engineEditions.get(key);
    if (!edition) {
      edition = this.adminQuery<{ engine_edition: number }>(server, PROVISIONING_QUERIES.engineEdition).then((rows) => Number(rows[0]?.engine_edition));
      edition.catch(() => this.engineEditions.delete(key));
      this.engineEditions.set(key, edition);
    }
    return edition;
  }

  private async adminQuery<Row>(server: string, query: string, databaseName?: string): Promise<Row[]> {
    const pool = await this.adminPool(server);
    return withTransientRetry(async () => {
      const request = pool.request();
      if (databaseName !== undefined) request.input('database_name', sql.NVarChar(128), databaseName);
      const result = await request.query<Row>(query);
      return Array.from(result.recordset ?? []);
    }, this.retry);
  }

  private async createDatabaseIfMissing(server: string, databaseName: string, placement: DatabasePlacement): Promise<void> {
    const [existing] = await this.adminQuery<{ database_id: number | null }>(server, PROVISIONING_QUERIES.databaseId, databaseName);
    if (existing?.database_id !== null && existing?.database_id !== undefined) return;
    const statement = createDatabaseStatement(databaseName, placement);
    const pool = await this.adminPool(server);
    this.options.log?.('creating database', { database: databaseName, placement: placement.kind });
    await withTransientRetry(async () => {
      try {
        // A batch of its own: CREATE DATABASE must be the only statement in its batch on Azure SQL.
        await pool.request().batch(statement);
      } catch (error) {
        // Another instance, or an earlier attempt whose reply was lost, created it first.
        if (sqlErrorNumber(error) !== DATABASE_ALREADY_EXISTS) throw error;
      }
    }, this.retry);
  }

  /** Azure SQL can take a while to bring a new database online; polls `sys.databases`, bounded. */
  private async waitUntilOnline(server: string, databaseName: string): Promise<void> {
    const timeoutMs = this.options.provisioning?.timeoutMs ?? DEFAULT_PROVISIONING_TIMEOUT_MS;
    const intervalMs = this.options.provisioning?.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    const started = Date.now();
    let state: string | undefined;
    for (let poll = 1; ; poll++) {
      const [row] = await this.adminQuery<{ state_desc: string }>(server, PROVISIONING_QUERIES.databaseState, databaseName);
      state = row?.state_desc;
      if (state === 'ONLINE') return;
      const elapsedMs = Date.now() - started;
      if (elapsedMs >= timeoutMs) {
        throw new Error(`database ${databaseName} is not online after ${Math.round(elapsedMs / 1000)} s (state: ${state ?? 'not listed yet'})`);
      }
      this.options.log?.('waiting for the new database to come online', { database: databaseName, state: state ?? 'not listed yet', poll, elapsedMs });
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

function sqlErrorNumber(error: unknown): number | undefined {
  const e = error as { number?: unknown; originalError?: { info?: { number?: unknown } } } | null;
  if (typeof e?.number === 'number') return e.number;
  const inner = e?.originalError?.info?.number;
  return typeof inner === 'number' ? inner : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
