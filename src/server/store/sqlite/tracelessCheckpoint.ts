import { CompiledQuery } from 'kysely';
import type { AnyKysely } from '../engine';

/**
 * Makes a purge or an erasure durable and traceless in a SQLite database file (and its -wal/-shm).
 *
 * `secure_delete` zeroes deleted cells and freed pages, but not everything: when SQLite rebuilds a b-tree page
 * (balancing), the old copies of cells left in the page's unallocated gap are not overwritten, and the WAL keeps
 * old page versions until a checkpoint. So, after an erasure, the database is rewritten (VACUUM, its scratch copy
 * held in memory, never in a temp file) and the WAL checkpointed and truncated to zero bytes. A catalog purge
 * leaves the person's profile by design, so it only checkpoints and truncates the WAL. The purge runner calls it
 * once per round of jobs, not once per job (docs/privacy.md): one VACUUM covers every erasure of the round.
 *
 * Runs on the tenant's own pooled connection: Kysely hands it over only between transactions, so no snapshot of
 * this process holds the WAL back. Compiled raw statements, because they are SQLite's alone (nothing to compile for
 * SQL Server). TRUNCATE still waits for other processes' readers (busy_timeout); if one held on, it is retried.
 */
export async function makeTraceless(db: AnyKysely, after: 'purge' | 'erasure', attempts = 5): Promise<void> {
  if (after === 'erasure') {
    await db.executeQuery(CompiledQuery.raw('PRAGMA temp_store = MEMORY'));
    try {
      await db.executeQuery(CompiledQuery.raw('VACUUM'));
    } finally {
      await db.executeQuery(CompiledQuery.raw('PRAGMA temp_store = DEFAULT'));
    }
  }
  for (let attempt = 1; ; attempt += 1) {
    const { rows } = await db.executeQuery<{ busy: number }>(CompiledQuery.raw('PRAGMA wal_checkpoint(TRUNCATE)'));
    if (rows[0]?.busy === 0) return;
    if (attempt >= attempts) throw new Error('the WAL could not be checkpointed: another connection held on to it');
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}
