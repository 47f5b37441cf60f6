import type { GraphDirectory } from '../graph/graphDirectory';
import type { Tenancy } from '../tenancy/tenancy';
import { syncDirectory, type DirectorySyncProgress, type DirectorySyncResult } from './directorySync';
import type { JobLeases } from './jobLeases';

const JOB = 'directory-sync';
const LEASE_MS = 15 * 60_000;

export interface DirectorySyncStatus {
  running: boolean;
  progress: DirectorySyncProgress | null;
  lastSyncAt: string | null;
  lastFullSyncAt: string | null;
  lastResult: DirectorySyncResult | null;
  lastError: string | null;
}

/**
 * Runs directory syncs: on demand for one tenant, and on a schedule for every active tenant. Each run
 * holds the tenant's lease, so concurrent instances never sync the same tenant at once.
 */
export class DirectorySyncService {
  private readonly running = new Map<string, { progress: DirectorySyncProgress; done: Promise<DirectorySyncResult | undefined> }>();
  private readonly lastErrors = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly leases: JobLeases,
    private readonly directoryFor: (tenantId: string) => GraphDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a sync unless one is already running here; resolves when it ends (undefined: another instance holds the lease). */
  start(tenantId: string, options: { forceFull?: boolean } = {}): Promise<DirectorySyncResult | undefined> {
    const current = this.running.get(tenantId);
    if (current) return current.done;
    const progress: DirectorySyncProgress = { pages: 0, changed: 0, departed: 0 };
    const done = this.leases
      .runExclusive(JOB, tenantId, LEASE_MS, () =>
        this.tenancy.withTenantDatabase(tenantId, (db) =>
          syncDirectory({ db, tenantId, directory: this.directoryFor(tenantId), now: this.now, forceFull: options.forceFull, onProgress: (p) => Object.assign(progress, p) }),
        ),
      )
      .then(
        (result) => {
          this.lastErrors.delete(tenantId);
          return result;
        },
        (error: unknown) => {
          this.lastErrors.set(tenantId, error instanceof Error ? error.message : String(error));
          throw error;
        },
      )
      .finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, { progress, done });
    return done;
  }

  async status(tenantId: string): Promise<DirectorySyncStatus> {
    const state = await this.tenancy.withTenantDatabase(tenantId, (db) =>
      db.selectFrom('directory_sync_state').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst(),
    );
    return {
      running: this.running.has(tenantId),
      progress: this.running.get(tenantId)?.progress ?? null,
      lastSyncAt: state?.last_sync_at ?? null,
      lastFullSyncAt: state?.last_full_sync_at ?? null,
      lastResult: state?.last_result_json ? (JSON.parse(state.last_result_json) as DirectorySyncResult) : null,
      lastError: this.lastErrors.get(tenantId) ?? null,
    };
  }

  /**
   * Delta-syncs every active tenant, one after another, every `intervalMs`. `onError` gets each tenant's failure, and
   * a round's that could not list the tenants (tenant id null); the next round runs either way.
   */
  schedule(intervalMs: number, onError: (tenantId: string | null, error: unknown) => void): void {
    const tick = async (): Promise<void> => {
      for (const tenant of await this.tenancy.activeTenants()) {
        await this.start(tenant.tenantId).catch((error: unknown) => onError(tenant.tenantId, error));
      }
    };
    const scheduleNext = (): void => {
      this.timer = setTimeout(() => {
        tick().then(scheduleNext, (error: unknown) => {
          onError(null, error);
          scheduleNext();
        });
      }, intervalMs);
      this.timer.unref();
    };
    scheduleNext();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }
}
