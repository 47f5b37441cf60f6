import { CompiledQuery, type Kysely } from 'kysely';

/**
 * Copies every committed page from the WAL into the database file and truncates the WAL to zero bytes, so the
 * old versions of pages (which still hold rows deleted since) are gone from disk. With `secure_delete` on, the
 * database file itself already has the deleted cells, index entries and freed pages overwritten with zeros.
 *
 * Runs on the tenant's own pooled connection: Kysely hands it over only between transactions, so no snapshot of
 * this process holds the WAL back. A compiled raw statement, because it is SQLite's alone (nothing to compile for
 * SQL Server). TRUNCATE still waits for other processes' readers (busy_timeout); if one held on, it is retried.
 */
export async function checkpointAndTruncate(db: Kysely<any>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const { rows } = await db.executeQuery<{ busy: number }>(CompiledQuery.raw('PRAGMA wal_checkpoint(TRUNCATE)'));
    if (rows[0]?.busy === 0) return;
    if (attempt >= attempts) throw new Error('the WAL could not be checkpointed: another connection held on to it');
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}
