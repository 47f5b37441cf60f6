import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CatalogDatabase } from '../store/catalogSchema';
import { isUniqueViolation } from '../store/uniqueViolation';

/**
 * Leases in the tenant catalog so that, with any number of service instances, one tenant's job runs
 * on one instance at a time, and a job whose instance died is taken over once its lease expires.
 */
export class JobLeases {
  readonly holder = `${process.pid}-${randomUUID()}`;

  constructor(private readonly db: Kysely<CatalogDatabase>) {}

  async acquire(job: string, tenantId: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    try {
      await this.db.insertInto('job_leases').values({ job, tenant_id: tenantId, holder: this.holder, expires_at: expiresAt }).execute();
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const taken = await this.db
      .updateTable('job_leases')
      .set({ holder: this.holder, expires_at: expiresAt })
      .where('job', '=', job)
      .where('tenant_id', '=', tenantId)
      .where((eb) => eb.or([eb('expires_at', '<', now.toISOString()), eb('holder', '=', this.holder)]))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  async release(job: string, tenantId: string): Promise<void> {
    await this.db.deleteFrom('job_leases').where('job', '=', job).where('tenant_id', '=', tenantId).where('holder', '=', this.holder).execute();
  }

  /** Runs `work` under the lease, or returns `undefined` at once when another holder has it. */
  async runExclusive<T>(job: string, tenantId: string, ttlMs: number, work: () => Promise<T>): Promise<T | undefined> {
    if (!(await this.acquire(job, tenantId, ttlMs, new Date()))) return undefined;
    try {
      return await work();
    } finally {
      await this.release(job, tenantId);
    }
  }
}
