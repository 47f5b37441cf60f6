import { Migrator, type MigrationProvider } from 'kysely';
import type { AnyKysely } from '../engine';

/** Applies pending migrations; a no-op when the database is current. Returns the newest applied name. */
export async function migrateToLatest(db: AnyKysely, provider: MigrationProvider): Promise<string | null> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  const migrations = await migrator.getMigrations();
  const applied = migrations.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  return applied.length > 0 ? applied[applied.length - 1] : null;
}
