import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { TenantDatabase } from '../store/tenantSchema';
import { isUniqueViolation } from '../store/uniqueViolation';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/**
 * A pseudonymous reference to a person: HMAC-SHA-256 of their object id under a key of their tenant's own
 * (kept in the tenant database). Whoever knows the id can ask "was this person purged?" through the service;
 * the hash alone reveals nothing, and is useless across tenants.
 */
export function hashWithKey(subjectKey: string, tenantId: string, learnerId: string): string {
  return createHmac('sha256', Buffer.from(subjectKey, 'hex')).update(`${tenantId.toLowerCase()}/${learnerId.toLowerCase()}`).digest('hex');
}

/** The tenant's subject key, created at first use (a concurrent first use keeps whichever key landed first). */
export async function subjectKey(db: Db, tenantId: string, now: Date = new Date()): Promise<string> {
  const existing = await db.selectFrom('privacy_secrets').select('subject_key').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (existing) return existing.subject_key;
  try {
    await db.insertInto('privacy_secrets').values({ tenant_id: tenantId, subject_key: randomBytes(32).toString('hex'), created_at: now.toISOString() }).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const created = await db.selectFrom('privacy_secrets').select('subject_key').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return created.subject_key;
}

/** The keyed hash of a person, from the tenant's database (key created at first use) or from a key already loaded. */
export async function subjectHash(dbOrKey: Db | string, tenantId: string, learnerId: string): Promise<string> {
  const key = typeof dbOrKey === 'string' ? dbOrKey : await subjectKey(dbOrKey, tenantId);
  return hashWithKey(key, tenantId, learnerId);
}

/** Hashes many people with one key lookup (the directory sync checks whole pages). */
export async function subjectHasher(db: Db, tenantId: string): Promise<(learnerId: string) => string> {
  const key = await subjectKey(db, tenantId);
  return (learnerId) => hashWithKey(key, tenantId, learnerId);
}
