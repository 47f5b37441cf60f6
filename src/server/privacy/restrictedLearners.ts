import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
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

/**
 * A where-condition for a query whose rows carry `tenant_id` and `learner_id` under `alias`: the person's processing
 * is not restricted (restricted people are left out of reports, rule previews and searches; their records stay).
 */
export function notRestricted(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`not exists (select 1 from learner_restrictions lr where lr.tenant_id = ${sql.ref(`${alias}.tenant_id`)} and lr.learner_id = ${sql.ref(`${alias}.learner_id`)})`;
}

/** Of these ids, the tenant's current people: known to Atrium, not departed, not restricted. */
export async function currentLearnerIds(db: Db, tenantId: string, learnerIds: readonly string[]): Promise<string[]> {
  if (learnerIds.length === 0) return [];
  const rows = await db
    .selectFrom('learners')
    .select('learner_id')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', 'in', [...learnerIds])
    .where('departed_at', 'is', null)
    .where(notRestricted('learners'))
    .execute();
  return rows.map((r) => r.learner_id);
}
