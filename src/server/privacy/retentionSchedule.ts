import type { RetentionRun } from '../../domain/dataRights';
import type { JobLeases } from '../jobs/jobLeases';
import type { Tenancy } from '../tenancy/tenancy';
import { applyRetentionPolicy } from './retention';

const JOB = 'retention';
const LEASE_MS = 30 * 60_000;
/** How often the schedule looks; each tenant's policy is applied at most once a day (see applyRetentionPolicy). */
export const RETENTION_CHECK_INTERVAL_MS = 60 * 60_000;

/**
 * The daily retention job: applies every active tenant's retention policy, one tenant at a time, each under the
 * tenant's lease so that several instances never run it for one tenant at once.
 */
export class RetentionScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly leases: JobLeases,
    /** Told when a run has requested purges, so they get carried out (the purge job runner). */
    private readonly purges: { kick(tenantId: string): void },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One tenant now. Undefined: another instance holds the lease; null: nothing to do today. */
  async runForTenant(tenantId: string): Promise<RetentionRun | null | undefined> {
    const run = await this.leases.runExclusive(JOB, tenantId, LEASE_MS, () =>
      this.tenancy.runUnitOfWork(tenantId, (db) => applyRetentionPolicy(db, tenantId, this.now())),
    );
    if (run && run.purgesRequested > 0) this.purges.kick(tenantId);
    return run;
  }

  async runAll(onError: (tenantId: string, error: unknown) => void): Promise<void> {
    for (const tenant of await this.tenancy.activeTenants()) {
      await this.runForTenant(tenant.tenantId).catch((error: unknown) => onError(tenant.tenantId, error));
    }
  }

  /** Looks a minute after start, then every `intervalMs`. */
  schedule(intervalMs: number, onError: (tenantId: string, error: unknown) => void): void {
    const tick = (delay: number): void => {
      this.timer = setTimeout(() => {
        this.running = this.runAll(onError).finally(() => {
          this.running = undefined;
          tick(intervalMs);
        });
      }, delay);
      this.timer.unref();
    };
    tick(Math.min(intervalMs, 60_000));
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
