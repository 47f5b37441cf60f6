import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Region } from '../../../domain/regions';
import type { AnyKysely, DatabaseEngine } from '../engine';
import { withCachedStatements } from './cachedStatements';
import { makeTraceless } from './tracelessCheckpoint';
import { immediateTransactionSqliteDialect } from './immediateTransactions';

const DATABASE_NAME = /^atrium_t_[0-9a-f]{32}$/;

/**
 * The embedded engine: the tenant catalog is `<dataDir>/catalog.sqlite`; each tenant database is
 * `<dataDir>/regions/<region>/<database>.sqlite`, so a region is a folder and residency is visible on disk.
 */
export class SqliteEngine implements DatabaseEngine {
  readonly dialect = 'sqlite' as const;

  constructor(private readonly dataDir: string) {}

  regionFolder(region: Pick<Region, 'id'>): string {
    return path.join(this.dataDir, 'regions', region.id);
  }

  tenantDatabaseFile(region: Pick<Region, 'id'>, databaseName: string): string {
    if (!DATABASE_NAME.test(databaseName)) throw new Error(`invalid tenant database name: ${databaseName}`);
    return path.join(this.regionFolder(region), `${databaseName}.sqlite`);
  }

  async openCatalog<DB>(): Promise<Kysely<DB>> {
    fs.mkdirSync(this.dataDir, { recursive: true });
    return this.open<DB>(path.join(this.dataDir, 'catalog.sqlite'), false);
  }

  async provisionTenantDatabase(region: Region, databaseName: string): Promise<void> {
    const file = this.tenantDatabaseFile(region, databaseName);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.close();
  }

  async dropTenantDatabase(region: Region, databaseName: string): Promise<void> {
    const file = this.tenantDatabaseFile(region, databaseName);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  }

  async openTenantDatabase<DB>(region: Region, databaseName: string): Promise<Kysely<DB>> {
    return this.open<DB>(this.tenantDatabaseFile(region, databaseName), true);
  }

  async makeErasureTraceless(db: AnyKysely, after: 'purge' | 'erasure'): Promise<void> {
    await makeTraceless(db, after);
  }

  private open<DB>(file: string, fileMustExist: boolean): Kysely<DB> {
    const database = new Database(file, { fileMustExist });
    // First, so every later statement (these pragmas too) waits for a lock another process holds, up to 5 s.
    database.pragma('busy_timeout = 5000');
    database.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, even across a power cut (NORMAL survives only crashes).
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    // Erased rows are overwritten with zeros, not left in free pages.
    database.pragma('secure_delete = ON');
    return new Kysely<DB>({ dialect: immediateTransactionSqliteDialect({ database: withCachedStatements(database) }) });
  }

  async close(): Promise<void> {}
}
