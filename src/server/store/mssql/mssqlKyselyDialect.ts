import * as sql from 'mssql';
import {
  MssqlIntrospector,
  MssqlQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type IsolationLevel,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { AnyKysely } from '../engine';
import { MssqlMigrationLockAdapter, transactionScopedMigrationLock } from './mssqlMigrationLock';
import { typedParameter } from './mssqlParameters';
import type { MssqlPoolLike, MssqlRequestLike, MssqlTransactionLike } from './mssqlPool';
import { withTransientRetry, type TransientRetryOptions } from './transientErrors';

export interface MssqlPoolDialectConfig {
  /** The `mssql` connection pool to run on. The dialect connects it on first use and closes it on `destroy()`. */
  pool: MssqlPoolLike;
  /** How connecting, beginning a transaction and statements outside a transaction are retried. */
  retry?: TransientRetryOptions;
}

const ISOLATION_LEVELS: Record<IsolationLevel, number> = {
  'read uncommitted': sql.ISOLATION_LEVEL.READ_UNCOMMITTED,
  'read committed': sql.ISOLATION_LEVEL.READ_COMMITTED,
  'repeatable read': sql.ISOLATION_LEVEL.REPEATABLE_READ,
  serializable: sql.ISOLATION_LEVEL.SERIALIZABLE,
  snapshot: sql.ISOLATION_LEVEL.SNAPSHOT,
};

/** SQL Server limits savepoint names to 32 characters; only plain identifiers are accepted. */
const SAVEPOINT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

function savepointIdentifier(name: string): string {
  if (!SAVEPOINT_NAME.test(name)) throw new Error(`invalid savepoint name "${name}": letters, digits and _ only, at most 32 characters`);
  return `[${name}]`;
}

interface OpenTransaction {
  transaction: MssqlTransactionLike;
  /** The session's isolation level outlives the transaction; a non-default one is set back before it ends. */
  changedIsolation: boolean;
}

/**
 * A Kysely connection. Outside a transaction each statement runs on whichever pooled connection is
 * free (and is retried on a transient fault); inside one, all run on the transaction's connection.
 */
class MssqlPoolConnection implements DatabaseConnection {
  private open: OpenTransaction | undefined;

  constructor(private readonly config: MssqlPoolDialectConfig) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    if (this.open) return run<R>(this.open.transaction.request(), compiledQuery);
    return withTransientRetry(() => run<R>(this.config.pool.request(), compiledQuery), this.config.retry);
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming query results is not supported on SQL Server here; page with offset/fetch instead');
  }

  async begin(settings: TransactionSettings): Promise<void> {
    if (this.open) throw new Error('a transaction is already open on this connection');
    if (settings.accessMode === 'read only') throw new Error('SQL Server has no read-only transactions; leave accessMode unset');
    const level = settings.isolationLevel === undefined ? undefined : ISOLATION_LEVELS[settings.isolationLevel];
    if (settings.isolationLevel !== undefined && level === undefined) throw new Error(`unknown isolation level: ${settings.isolationLevel}`);
    // Beginning changes nothing yet, so a transient failure to begin is retried with a fresh transaction.
    const transaction = await withTransientRetry(async () => {
      const candidate = this.config.pool.transaction();
      await candidate.begin(level);
      return candidate;
    }, this.config.retry);
    this.open = { transaction, changedIsolation: level !== undefined && level !== sql.ISOLATION_LEVEL.READ_COMMITTED };
  }

  async commit(): Promise<void> {
    const open = this.take();
    if (!open) throw new Error('no transaction is open on this connection');
    try {
      await restoreIsolation(open);
    } catch (error) {
      await rollbackQuietly(open);
      throw error;
    }
    await open.transaction.commit();
  }

  /** A no-op when nothing is open: Kysely also rolls back after a failed commit, whose error must surface. */
  async rollback(): Promise<void> {
    const open = this.take();
    if (!open) return;
    await restoreIsolation(open).catch(() => undefined);
    try {
      await open.transaction.rollback();
    } catch (error) {
      // The server already rolled it back (deadlock victim, XACT_ABORT): the caller must see the
      // error that caused that, not "transaction has been aborted".
      if ((error as { code?: unknown }).code !== 'EABORT') throw error;
    }
  }

  async runInTransaction(statement: string): Promise<void> {
    if (!this.open) throw new Error('no transaction is open on this connection');
    await this.open.transaction.request().query(statement);
  }

  /** Called when Kysely lets go of the connection: a transaction left open is rolled back. */
  async abandon(): Promise<void> {
    if (this.open) await this.rollback().catch(() => undefined);
  }

  private take(): OpenTransaction | undefined {
    const open = this.open;
    this.open = undefined;
    return open;
  }
}

export class MssqlPoolDriver implements Driver {
  constructor(private readonly config: MssqlPoolDialectConfig) {}

  async init(): Promise<void> {
    await withTransientRetry(() => this.config.pool.connect(), this.config.retry);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new MssqlPoolConnection(this.config);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as MssqlPoolConnection).begin(settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as MssqlPoolConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as MssqlPoolConnection).rollback();
  }

  async savepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await (connection as MssqlPoolConnection).runInTransaction(`save transaction ${savepointIdentifier(savepointName)}`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, savepointName: string): Promise<void> {
    await (connection as MssqlPoolConnection).runInTransaction(`rollback transaction ${savepointIdentifier(savepointName)}`);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await (connection as MssqlPoolConnection).abandon();
  }

  async destroy(): Promise<void> {
    await this.config.pool.close();
  }
}

/**
 * Kysely on SQL Server / Azure SQL through `mssql`'s connection pool: Kysely's own SQL Server
 * compiler, adapter and introspector, with a small driver instead of Kysely's tedious/tarn one, so
 * the pool, the Entra authentication and the connection settings are `mssql`'s.
 */
export class MssqlPoolDialect implements Dialect {
  constructor(private readonly config: MssqlPoolDialectConfig) {}

  createDriver(): Driver {
    return new MssqlPoolDriver(this.config);
  }

  createQueryCompiler(): QueryCompiler {
    return new MssqlQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new MssqlMigrationLockAdapter(transactionScopedMigrationLock(this.config.pool));
  }

  createIntrospector(db: AnyKysely): DatabaseIntrospector {
    return new MssqlIntrospector(db);
  }
}

async function rollbackQuietly(open: OpenTransaction): Promise<void> {
  await open.transaction.rollback().catch(() => undefined);
}

async function restoreIsolation(open: OpenTransaction): Promise<void> {
  if (open.changedIsolation) await open.transaction.request().query('set transaction isolation level read committed');
}

async function run<R>(request: MssqlRequestLike, compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
  // MssqlQueryCompiler numbers its placeholders @1, @2, ... in the order of `parameters`.
  compiledQuery.parameters.forEach((parameter, index) => {
    const { type, value } = typedParameter(parameter);
    request.input(String(index + 1), type, value);
  });
  const result = await request.query(compiledQuery.sql);
  const rows = (result.recordset ? Array.from(result.recordset) : []) as R[];
  const affected = result.rowsAffected ?? [];
  return {
    rows,
    numAffectedRows: affected.length > 0 ? BigInt(affected.reduce((sum, n) => sum + n, 0)) : undefined,
  };
}
