import type { Kysely, Transaction } from 'kysely';
import type { TenantDatabase } from '../store/tenantSchema';
import { subjectHasher } from './subjectHash';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/**
 * Erased people are not brought back by the directory sync while they are still in the directory: erasure writes
 * a suppression holding only their keyed hash, the sync skips whoever it matches, and it is lifted when the person
 * signs in again themselves (then they are a learner again, by their own doing).
 */
export async function hasSuppressions(db: Db, tenantId: string): Promise<boolean> {
  const row = await db.selectFrom('sync_suppressions').select('subject_hash').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row !== undefined;
}

/** The ids among `learnerIds` that were erased and must not be re-imported. */
export async function suppressedIds(db: Db, tenantId: string, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0 || !(await hasSuppressions(db, tenantId))) return new Set();
  const hashOf = await subjectHasher(db, tenantId);
  const byHash = new Map(learnerIds.map((id) => [hashOf(id), id]));
  const suppressed = new Set<string>();
  const hashes = [...byHash.keys()];
  // SQL Server allows 2,100 parameters per statement.
  for (let start = 0; start < hashes.length; start += 500) {
    const rows = await db
      .selectFrom('sync_suppressions')
      .select('subject_hash')
      .where('tenant_id', '=', tenantId)
      .where('subject_hash', 'in', hashes.slice(start, start + 500))
      .execute();
    for (const row of rows) suppressed.add(byHash.get(row.subject_hash) as string);
  }
  return suppressed;
}

/** Leaves out the erased people of a directory page. */
export async function withoutSuppressed<T extends { id: string }>(db: Db, tenantId: string, people: readonly T[]): Promise<T[]> {
  const suppressed = await suppressedIds(db, tenantId, people.map((p) => p.id));
  return suppressed.size === 0 ? [...people] : people.filter((p) => !suppressed.has(p.id));
}

/** The person signed in themselves: the sync may keep them in step again. */
export async function liftSyncSuppression(db: Db, tenantId: string, learnerId: string): Promise<void> {
  if (!(await hasSuppressions(db, tenantId))) return;
  const hashOf = await subjectHasher(db, tenantId);
  await db.deleteFrom('sync_suppressions').where('tenant_id', '=', tenantId).where('subject_hash', '=', hashOf(learnerId)).execute();
}
