import { LRUCache } from 'lru-cache';
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors';
import type { LearnerIdentity } from '../../domain/identity';
import type { Principal } from '../auth/principal';
import type { LearnersTable, TenantDatabase } from '../store/tenantSchema';
import { isUniqueViolation } from '../store/uniqueViolation';
import { applyAssignmentRules } from './assignmentRules';
import { liftSyncSuppression } from '../privacy/syncSuppression';

/** Where a signed-in person's identity comes from (Microsoft Graph in production). */
export interface IdentitySource {
  fetchIdentity(tenantId: string, userId: string): Promise<LearnerIdentity | null>;
}

/** A directory identity to write; `managerId: undefined` means "no news about the manager": keep what is stored. */
export type IdentityUpdate = Omit<LearnerIdentity, 'managerId'> & { managerId: string | null | undefined };

type IdentityColumns = Pick<LearnersTable, 'user_principal_name' | 'display_name' | 'mail' | 'department' | 'job_title' | 'office_location' | 'country' | 'city'> & {
  manager_id?: string | null;
};

export function identityColumns(identity: IdentityUpdate): IdentityColumns {
  const columns = {
    user_principal_name: identity.userPrincipalName,
    display_name: identity.displayName,
    mail: identity.mail,
    department: identity.department,
    job_title: identity.jobTitle,
    office_location: identity.officeLocation,
    country: identity.country,
    city: identity.city,
  } satisfies Partial<LearnersTable>;
  return identity.managerId === undefined ? columns : { ...columns, manager_id: identity.managerId };
}

/** How long an instance trusts that a person's learner row exists before it looks again. */
export const KNOWN_LEARNER_TTL_MS = 60_000;

/**
 * Makes sure a signed-in person has a learner row. Who they are comes from the token (tid, oid);
 * what they are comes from the directory, fetched on first sign-in. Known people are remembered
 * in memory for a minute, so the check costs one point read per person and minute. The minute bounds how long
 * another instance can miss an erasure done here (this instance forgets at once): after it, the person's next
 * request finds no row and brings them back as on a first sign-in.
 */
export class LearnerRegistry {
  private readonly known: LRUCache<string, true>;

  /**
   * @param identities null when no directory is configured: people are then known by their token alone.
   * @param notInDirectoryHint what else to tell someone the directory does not know (the local stack says where its people are).
   * @param clock for the known-learner memory (tests move it on).
   */
  constructor(
    private readonly identities: IdentitySource | null,
    private readonly notInDirectoryHint: (tenantId: string) => string | undefined = () => undefined,
    clock: { now(): number } = performance,
  ) {
    this.known = new LRUCache<string, true>({ max: 200_000, ttl: KNOWN_LEARNER_TTL_MS, ttlResolution: 0, perf: clock });
  }

  /** The tenant was offboarded: its people are strangers again should it ever come back. */
  forgetTenant(tenantId: string): void {
    for (const key of this.known.keys()) if (key.startsWith(`${tenantId}/`)) this.known.delete(key);
  }

  /** The person was erased: their next request makes them known again (and lifts their sync suppression). */
  forget(tenantId: string, learnerId: string): void {
    this.known.delete(`${tenantId}/${learnerId}`);
  }

  async ensure(db: Kysely<TenantDatabase>, principal: Principal, now: Date): Promise<void> {
    const key = `${principal.tenantId}/${principal.userId}`;
    if (this.known.has(key)) return;
    const existing = await db
      .selectFrom('learners')
      .select('learner_id')
      .where('tenant_id', '=', principal.tenantId)
      .where('learner_id', '=', principal.userId)
      .executeTakeFirst();
    if (!existing) {
      const identity = this.identities ? await this.identities.fetchIdentity(principal.tenantId, principal.userId) : null;
      if (this.identities && !identity) throw this.notInDirectory(principal);
      try {
        await db
          .insertInto('learners')
          .values({
            tenant_id: principal.tenantId,
            learner_id: principal.userId,
            ...(identity ? identityColumns(identity) : {}),
            synced_at: identity ? now.toISOString() : null,
            departed_at: null,
            created_at: now.toISOString(),
          })
          .execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // Someone erased earlier who signs in again themselves is back: the directory sync may keep them in step again.
      await liftSyncSuppression(db, principal.tenantId, principal.userId);
      await applyAssignmentRules(db, principal.tenantId, now, [principal.userId]);
    }
    this.known.set(key, true);
  }

  /** A valid token for someone the directory does not know (yet): refused, never stored as a profile of nulls. */
  private notInDirectory(principal: Principal): DomainError {
    const hint = this.notInDirectoryHint(principal.tenantId);
    return new DomainError(
      'not-in-directory',
      `Your account (object id ${principal.userId}) is not in your organisation's directory: Microsoft Graph has no such user in tenant ` +
        `${principal.tenantId}, so Atrium cannot tell who you are. If the account was created in the last few minutes, try again shortly; ` +
        `otherwise ask an administrator of your organisation's Microsoft Entra ID to check it.${hint ? ` ${hint}` : ''}`,
    );
  }
}

/** Everything Atrium stores about a person: the minimum identity set, and when it last heard of them. */
export interface LearnerProfile extends LearnerIdentity {
  departedAt: string | null;
  syncedAt: string | null;
}

export function toLearnerProfile(row: LearnersTable): LearnerProfile {
  return {
    id: row.learner_id,
    userPrincipalName: row.user_principal_name,
    displayName: row.display_name,
    mail: row.mail,
    department: row.department,
    jobTitle: row.job_title,
    officeLocation: row.office_location,
    country: row.country,
    city: row.city,
    managerId: row.manager_id,
    departedAt: row.departed_at,
    syncedAt: row.synced_at,
  };
}

/**
 * Writes directory identities (rectification on every sync): new people are inserted, known people
 * updated to match the directory, and anyone seen again is no longer marked departed.
 */
export async function upsertLearnerIdentities(
  db: Kysely<TenantDatabase>,
  tenantId: string,
  identities: readonly IdentityUpdate[],
  now: Date,
): Promise<{ inserted: number; updated: number }> {
  if (identities.length === 0) return { inserted: 0, updated: 0 };
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let inserted = 0;
    let updated = 0;
    // SQL Server allows 2,100 parameters per statement: stay well below it.
    for (let start = 0; start < identities.length; start += 500) {
      const batch = identities.slice(start, start + 500);
      const existing = new Set(
        (
          await trx
            .selectFrom('learners')
            .select('learner_id')
            .where('tenant_id', '=', tenantId)
            .where('learner_id', 'in', batch.map((i) => i.id))
            .execute()
        ).map((r) => r.learner_id),
      );
      const fresh = batch.filter((i) => !existing.has(i.id));
      for (let i = 0; i < fresh.length; i += 100) {
        await trx
          .insertInto('learners')
          .values(
            fresh.slice(i, i + 100).map((identity) => ({
              tenant_id: tenantId,
              learner_id: identity.id,
              manager_id: null,
              ...identityColumns(identity),
              departed_at: null,
              synced_at: at,
              created_at: at,
            })),
          )
          .execute();
      }
      inserted += fresh.length;
      for (const identity of batch.filter((i) => existing.has(i.id))) {
        await trx
          .updateTable('learners')
          .set({ ...identityColumns(identity), departed_at: null, synced_at: at })
          .where('tenant_id', '=', tenantId)
          .where('learner_id', '=', identity.id)
          .execute();
        updated += 1;
      }
    }
    return { inserted, updated };
  });
}
