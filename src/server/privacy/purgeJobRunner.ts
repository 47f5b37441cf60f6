import type { Kysely } from 'kysely';
import type { JobLeases } from '../jobs/jobLeases';
import type { AnyKysely, DatabaseEngine } from '../store/engine';
import type { TenantDatabase } from '../store/tenantSchema';
import type { Tenancy } from '../tenancy/tenancy';
import { executePurgeJob, recordPurgeFailure } from './purgeExecution';
import { markTracesRemoved, tracesOwedBy, tracesPendingJobs, unfinishedJobs } from './purgeJobs';

/** The lease name in the tenant catalog's `job_leases`: one instance runs a tenant's purges at a time. */
export const PURGE_LEASE = 'privacy-purge';

export interface PurgeRunnerSettings {
  /** Rows per table per transaction. */
  batchSize: number;
  /** Pause after each batch, so that a big purge yields to live requests. */
  batchPauseMs?: number;
  /** Lease on a tenant's purges; renewed while a job runs, taken over by another instance once it expires. */
  leaseMs: number;
  /** A job that failed this many times is marked failed. */
  maxAttempts?: number;
}

export interface PurgeRunnerDependencies {
  tenancy: Tenancy;
  engine: Pick<DatabaseEngine, 'makeErasureTraceless'>;
  leases: JobLeases;
  clock?: () => Date;
  /** Called once a learner is erased (e.g. to drop them from in-memory caches). */
  onErased?: (tenantId: string, learnerId: string) => void;
  /** Where failures are reported (no personal data: job ids and error classes only). */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

class RunnerStopped extends Error {}

/**
 * Runs recorded purge jobs, tenant by tenant, under a lease so that several instances never run one tenant's
 * purges at once. `kick` after a job is requested; `resumeAll` at start-up picks up whatever a crash or a
 * restart left unfinished. A tenant whose lease another instance holds is tried again when it may have expired.
 *
 * Jobs run in rounds: every runnable job of the tenant, then the traces of all of them removed at once (one
 * `makeErasureTraceless`: one VACUUM for a retention run of a thousand erasures, not a thousand), then all of them
 * marked done. Until then they answer `running`; a job a crash left with its rows gone but its traces not removed
 * is finished by the next round (at the latest at start-up).
 */
export class PurgeJobRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly clock: () => Date;

  constructor(
    private readonly deps: PurgeRunnerDependencies,
    private readonly settings: PurgeRunnerSettings,
  ) {
    this.clock = deps.clock ?? (() => new Date());
  }

  /** Makes sure the tenant's unfinished jobs get run (now, or after the current run in this instance). */
  kick(tenantId: string): void {
    if (this.stopped) return;
    if (this.running.has(tenantId)) {
      this.again.add(tenantId);
      return;
    }
    const run = this.runTenant(tenantId)
      .catch((error: unknown) => this.deps.warn?.('purge run failed', { tenantId, error: error instanceof Error ? error.name : 'Error' }))
      .finally(() => {
        this.running.delete(tenantId);
        if (this.again.delete(tenantId)) this.kick(tenantId);
      });
    this.running.set(tenantId, run);
  }

  /** At start-up: every active tenant with unfinished purges gets them run. */
  async resumeAll(): Promise<void> {
    for (const tenant of await this.deps.tenancy.activeTenants()) {
      const pending = await this.deps.tenancy.withTenantDatabase(tenant.tenantId, (db) => unfinishedJobs(db, tenant.tenantId));
      if (pending.length > 0) this.kick(tenant.tenantId);
    }
  }

  /** Resolves when no purge runs in this instance (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Stops after the current batch; unfinished jobs stay recorded and are resumed at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    await this.idle();
  }

  private retryLater(tenantId: string, delayMs: number): void {
    if (this.stopped || this.retryTimers.has(tenantId)) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(tenantId);
      this.kick(tenantId);
    }, delayMs);
    timer.unref();
    this.retryTimers.set(tenantId, timer);
  }

  private async runTenant(tenantId: string): Promise<void> {
    const { leases, tenancy } = this.deps;
    const { leaseMs } = this.settings;
    if (!(await leases.acquire(PURGE_LEASE, tenantId, leaseMs, this.clock()))) {
      this.retryLater(tenantId, Math.ceil(leaseMs / 2));
      return;
    }
    let renewedAt = Date.now();
    const keepLease = async (): Promise<void> => {
      if (this.stopped) throw new RunnerStopped();
      if (Date.now() - renewedAt < leaseMs / 3) return;
      if (!(await leases.acquire(PURGE_LEASE, tenantId, leaseMs, this.clock()))) throw new RunnerStopped('the lease was taken over');
      renewedAt = Date.now();
    };
    const renew = async (): Promise<void> => {
      if (this.settings.batchPauseMs) await new Promise((resolve) => setTimeout(resolve, this.settings.batchPauseMs));
      await keepLease();
    };
    // Without a trace step (SQL Server), a job is done in its own last transaction.
    const tracesRemovedLater = this.deps.engine.makeErasureTraceless !== undefined;
    try {
      const failedJobs = new Set<string>();
      for (;;) {
        const unfinished = await tenancy.withTenantDatabase(tenantId, (db) => unfinishedJobs(db, tenantId));
        const runnable = unfinished.filter((j) => j.learner_id !== null && !failedJobs.has(j.id));
        const tracesPending = unfinished.some((j) => j.learner_id === null && j.status === 'running');
        if (runnable.length === 0 && !tracesPending) break;
        for (const job of runnable) {
          try {
            await tenancy.withTenantDatabase(tenantId, (db) =>
              executePurgeJob(db, job.id, { batchSize: this.settings.batchSize, now: this.clock, afterBatch: renew, tracesRemovedLater }),
            );
            if (job.scope === 'erasure' && job.learner_id) this.deps.onErased?.(tenantId, job.learner_id);
          } catch (error) {
            if (error instanceof RunnerStopped) return;
            failedJobs.add(job.id);
            this.deps.warn?.('purge job failed', { tenantId, purgeId: job.id, error: error instanceof Error ? error.name : 'Error' });
            await tenancy.withTenantDatabase(tenantId, (db: Kysely<TenantDatabase>) => recordPurgeFailure(db, job.id, error, this.settings.maxAttempts ?? 5, this.clock()));
          }
        }
        try {
          await keepLease();
          await this.removeTraces(tenantId);
        } catch (error) {
          if (error instanceof RunnerStopped) return;
          // The jobs stay running, their rows gone: the traces are removed at the next try (or the next start).
          this.deps.warn?.('purge traces not removed', { tenantId, error: error instanceof Error ? error.name : 'Error' });
          this.retryLater(tenantId, Math.ceil(leaseMs / 2));
          return;
        }
      }
      // A job that failed (and is not yet marked failed) is tried again a little later.
      if (failedJobs.size > 0) this.retryLater(tenantId, Math.ceil(leaseMs / 2));
    } finally {
      await leases.release(PURGE_LEASE, tenantId);
    }
  }

  /**
   * Every job of the tenant whose rows are gone and whose traces are not: one trace removal of the strongest kind
   * they owe, then all of them done in one short transaction.
   */
  private async removeTraces(tenantId: string): Promise<void> {
    await this.deps.tenancy.withTenantDatabase(tenantId, async (db) => {
      const owing = await tracesPendingJobs(db, tenantId);
      if (owing.length === 0) return;
      await this.deps.engine.makeErasureTraceless?.(db as unknown as AnyKysely, tracesOwedBy(owing));
      await markTracesRemoved(db, tenantId, owing.map((job) => job.id), this.clock());
    });
  }
}
