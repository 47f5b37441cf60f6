import type { Kysely, Transaction } from 'kysely';
import type { TenantDatabase } from '../store/tenantSchema';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/** Which of these people have their processing restricted (kept out of rule assignments, reports and retention). */
export async function restrictedLearnerIds(db: Db, tenantId: string, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('learner_restrictions')
    .select('learner_id')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', 'in', [...learnerIds])
    .execute();
  return new Set(rows.map((r) => r.learner_id));
}
