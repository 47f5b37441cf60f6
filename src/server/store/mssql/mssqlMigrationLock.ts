import { DEFAULT_MIGRATION_TABLE, MssqlAdapter, type MigrationLockOptions } from 'kysely';
import type { AnyKysely } from '../engine';
import type { MssqlPoolLike } from './mssqlPool';

const LOCK_TIMEOUT_MS = 120_000;
const LOCK_RESOURCE = DEFAULT_MIGRATION_TABLE;

/** The statements that take the migration lock, exported so the tests check they parse as T-SQL. */
export const MIGRATION_LOCK_STATEMENTS = Object.freeze({
  /** Waits up to the timeout; does not raise when it times out, it returns a negative status. */
  acquire: `exec sp_getapplock @Resource = '${LOCK_RESOURCE}', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = ${LOCK_TIMEOUT_MS}`,
  /** So whether the lock is held is read from the server rather than from a return status. */
  check: `select APPLOCK_MODE('public', '${LOCK_RESOURCE}', 'Transaction') as lock_mode`,
});

/** Something that takes an exclusive lock and hands back how to let it go. */
export interface MigrationLock {
  acquire(): Promise<() => Promise<void>>;
}

/**
 * Holds the migration lock on a connection of its own: a transaction that owns an application lock
 * (`sp_getapplock`) until it ends. Another instance migrating the same database waits for it; if this
 * process dies, its session ends and SQL Server releases the lock.
 */
export function transactionScopedMigrationLock(pool: MssqlPoolLike): MigrationLock {
  return {
    async acquire() {
      const holder = pool.transaction();
      await holder.begin();
      try {
        await holder.request().query(MIGRATION_LOCK_STATEMENTS.acquire);
        const { recordset } = await holder.request().query(MIGRATION_LOCK_STATEMENTS.check);
        const mode = recordset?.[0]?.lock_mode;
        if (mode !== 'Exclusive') {
          throw new Error(`could not take the schema migration lock within ${LOCK_TIMEOUT_MS / 1000} s (another instance is migrating this database); try again later`);
        }
      } catch (error) {
        await holder.rollback().catch(() => undefined);
        throw error;
      }
      return async () => {
        await holder.rollback();
      };
    },
  };
}

/**
 * Kysely's SQL Server adapter takes a session-owned application lock on the connection the Migrator
 * uses. Over a connection pool, where each statement outside a transaction may run on a different
 * physical connection, that lock could be taken on one connection and released on another (or never),
 * so this adapter takes the lock through a `MigrationLock` instead.
 */
export class MssqlMigrationLockAdapter extends MssqlAdapter {
  private readonly releases = new WeakMap<AnyKysely, () => Promise<void>>();

  constructor(private readonly lock: MigrationLock) {
    super();
  }

  override async acquireMigrationLock(db: AnyKysely, _options: MigrationLockOptions): Promise<void> {
    this.releases.set(db, await this.lock.acquire());
  }

  override async releaseMigrationLock(db: AnyKysely, _options: MigrationLockOptions): Promise<void> {
    const release = this.releases.get(db);
    this.releases.delete(db);
    await release?.();
  }
}
