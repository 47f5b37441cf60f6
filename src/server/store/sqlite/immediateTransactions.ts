import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Dialect, type Driver, type SqliteDialectConfig, type TransactionSettings } from 'kysely';

function requireMethod<F>(method: F | undefined, name: string): F {
  if (!method) throw new Error(`the SQLite driver has no ${name}`);
  return method;
}

const BEGIN_IMMEDIATE = CompiledQuery.raw('begin immediate');

class ImmediateTransactionDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return this.inner.acquireConnection();
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(BEGIN_IMMEDIATE);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    return requireMethod(this.inner.savepoint, 'savepoint').apply(this.inner, args);
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    return requireMethod(this.inner.rollbackToSavepoint, 'rollbackToSavepoint').apply(this.inner, args);
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    return requireMethod(this.inner.releaseSavepoint, 'releaseSavepoint').apply(this.inner, args);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * Kysely's SQLite dialect, except that transactions start with `begin immediate`.
 *
 * Kysely begins with a plain (deferred) `begin`, which takes no lock until the first write. In WAL mode a
 * deferred transaction that has read and then writes after another process committed fails at once with
 * SQLITE_BUSY (its snapshot is stale; the busy timeout cannot help), and two processes can both read the
 * same row before either writes. Every use case's transaction may write, so each takes the database's write
 * lock as it begins: other processes' transactions wait for it (up to the busy timeout), and everything
 * read inside the transaction is the latest committed state until it commits. Readers outside transactions
 * are not blocked (WAL).
 */
export function immediateTransactionSqliteDialect(config: SqliteDialectConfig): Dialect {
  const base = new SqliteDialect(config);
  return {
    createAdapter: () => base.createAdapter(),
    createDriver: () => new ImmediateTransactionDriver(base.createDriver()),
    createIntrospector: (db) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
  };
}
