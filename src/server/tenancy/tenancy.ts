import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { conflict, DomainError, invalid } from '../../domain/errors';
import { DependencyUnavailable } from '../dependencyUnavailable';
import type { DatabaseEngine } from '../store/engine';
import { migrateToLatest } from '../store/migrations/migrateToLatest';
import { TENANT_SCHEMA_VERSION, tenantMigrationProvider } from '../store/migrations/tenantMigrations';
import type { TenantDatabase } from '../store/tenantSchema';
import { isDatabaseUnreachable, runUnitOfWork } from '../store/unitOfWork';
import type { RegionDirectory } from './regionDirectory';
import type { TenantCatalog, TenantRecord } from './tenantCatalog';
import { TenantDatabasePools } from './tenantDatabasePools';

export function tenantDatabaseName(tenantId: string): string {
  return `atrium_t_${tenantId.replace(/-/g, '').toLowerCase()}`;
}

/** The tenant's database could not be opened or reached: a dependency's failure (503), not a bug. */
export class TenantDatabaseUnavailable extends DependencyUnavailable {
  constructor(regionName: string | null, cause: unknown) {
    super(
      "your organisation's database",
      `Atrium could not reach your organisation's database${regionName ? ` (region ${regionName})` : ''}. Nothing was changed; please try again shortly.`,
      undefined,
      { cause },
    );
    this.name = 'TenantDatabaseUnavailable';
  }
}

export interface OnboardingRequest {
  tenantId: string;
  displayName: string;
  regionId: string;
}

/**
 * Routes each tenant to its own database in its own region: the catalog says where, the
 * engine opens it, the pools keep a bounded number open.
 */
export class Tenancy {
  private readonly pools: TenantDatabasePools<TenantDatabase>;
  /** Active tenants' catalog records, cached briefly: every API request needs one. */
  private readonly activeTenantCache = new LRUCache<string, TenantRecord>({ max: 10_000, ttl: 30_000 });
  private readonly onboardingInFlight = new Map<string, { regionId: string; work: Promise<TenantRecord> }>();

  constructor(
    private readonly catalog: TenantCatalog,
    readonly regions: RegionDirectory,
    private readonly engine: DatabaseEngine,
    poolOptions: { max: number; idleMs: number },
  ) {
    this.pools = new TenantDatabasePools<TenantDatabase>((tenantId) => this.openTenantDatabase(tenantId), poolOptions);
  }

  /** The tenant's record if it is onboarded and active. */
  async activeTenant(tenantId: string): Promise<TenantRecord | undefined> {
    const cached = this.activeTenantCache.get(tenantId);
    if (cached) return cached;
    const record = await this.catalog.find(tenantId);
    if (record?.status !== 'active') return undefined;
    this.activeTenantCache.set(tenantId, record);
    return record;
  }

  async activeTenants(): Promise<TenantRecord[]> {
    return (await this.catalog.list()).filter((t) => t.status === 'active');
  }

  async tenantRecord(tenantId: string): Promise<TenantRecord | undefined> {
    return this.catalog.find(tenantId);
  }

  /** Runs `work` with the tenant's database. Throws `TenantDatabaseUnavailable` when the database cannot be opened. */
  async withTenantDatabase<T>(tenantId: string, work: (db: Kysely<TenantDatabase>) => Promise<T>): Promise<T> {
    return this.pools.use(tenantId, work);
  }

  /**
   * One use case in the tenant's database: re-run as a whole after a transient fault (SQL Server deadlock or
   * failover); a database that cannot be reached, even after the retries, is `TenantDatabaseUnavailable`.
   */
  async runUnitOfWork<T>(tenantId: string, work: (db: Kysely<TenantDatabase>) => Promise<T>): Promise<T> {
    try {
      return await runUnitOfWork(this.engine.dialect, () => this.withTenantDatabase(tenantId, work));
    } catch (error) {
      if (!(error instanceof DependencyUnavailable) && isDatabaseUnreachable(this.engine.dialect, error)) throw await this.unavailable(tenantId, error);
      throw error;
    }
  }

  /**
   * Creates the tenant's database in the chosen region, migrates it and records it. Resumes a
   * provisioning that an earlier attempt (or a crashed instance) left unfinished.
   */
  async onboard(request: OnboardingRequest, now: () => Date): Promise<TenantRecord> {
    const region = this.regions.find(request.regionId);
    if (!region) throw invalid(`region "${request.regionId}" is not offered; choose one of: ${this.regions.regions.map((r) => r.id).join(', ')}`);

    const inFlight = this.onboardingInFlight.get(request.tenantId);
    if (inFlight) {
      if (inFlight.regionId !== request.regionId) {
        throw conflict(`this organisation's set-up in region ${inFlight.regionId} is in progress; it cannot move to ${request.regionId}`);
      }
      return inFlight.work;
    }
    const work = this.provision(request, now).finally(() => this.onboardingInFlight.delete(request.tenantId));
    this.onboardingInFlight.set(request.tenantId, { regionId: request.regionId, work });
    return work;
  }

  private async provision(request: OnboardingRequest, now: () => Date): Promise<TenantRecord> {
    let record = await this.catalog.find(request.tenantId);
    if (!record) {
      await this.catalog.insertProvisioning({
        tenantId: request.tenantId,
        displayName: request.displayName,
        region: request.regionId,
        databaseName: tenantDatabaseName(request.tenantId),
        createdAt: now().toISOString(),
      });
      record = await this.catalog.find(request.tenantId);
      if (!record) throw new Error('tenant record vanished during onboarding');
    }
    if (record.status === 'active') {
      throw conflict(`this organisation is already set up in region ${record.region}`);
    }
    if (record.status === 'offboarding') throw conflict('this organisation is being deleted; set it up again once that has finished');
    if (record.region !== request.regionId) {
      throw conflict(`this organisation's set-up in region ${record.region} is in progress; it cannot move to ${request.regionId}`);
    }
    const region = this.regions.get(record.region);
    await this.engine.provisionTenantDatabase(region, record.databaseName);
    const db = await this.engine.openTenantDatabase<TenantDatabase>(region, record.databaseName);
    try {
      await migrateToLatest(db, tenantMigrationProvider(this.engine.dialect));
    } finally {
      await db.destroy();
    }
    await this.catalog.markActive(record.tenantId, TENANT_SCHEMA_VERSION, now().toISOString());
    const active = await this.catalog.find(record.tenantId);
    if (!active) throw new Error('tenant record vanished during onboarding');
    this.activeTenantCache.set(active.tenantId, active);
    return active;
  }

  /**
   * Offboarding: the tenant is refused from now on, its pool closed, its database dropped in its region, and its
   * record removed from the catalog. A failed attempt leaves it 'offboarding', and calling again finishes it.
   */
  async offboard(tenantId: string, now: Date): Promise<TenantRecord | undefined> {
    const record = await this.catalog.find(tenantId);
    if (!record) return undefined;
    await this.catalog.markOffboarding(tenantId, now.toISOString());
    this.activeTenantCache.delete(tenantId);
    await this.pools.close(tenantId);
    await this.engine.dropTenantDatabase(this.regions.get(record.region), record.databaseName);
    await this.catalog.remove(tenantId);
    return record;
  }

  private async openTenantDatabase(tenantId: string): Promise<Kysely<TenantDatabase>> {
    const record = await this.activeTenant(tenantId);
    if (!record) throw new DomainError('not-onboarded', 'this organisation has not been set up');
    let db: Kysely<TenantDatabase>;
    try {
      db = await this.engine.openTenantDatabase<TenantDatabase>(this.regions.get(record.region), record.databaseName);
    } catch (error) {
      // The catalog says the database exists: failing to open it (file gone, server down, login refused) is the store's failure.
      throw await this.unavailable(tenantId, error);
    }
    if (record.schemaVersion !== TENANT_SCHEMA_VERSION) {
      const version = await migrateToLatest(db, tenantMigrationProvider(this.engine.dialect));
      if (version) await this.catalog.markActive(tenantId, version, new Date().toISOString());
    }
    return db;
  }

  private async unavailable(tenantId: string, cause: unknown): Promise<TenantDatabaseUnavailable> {
    const record = await this.activeTenant(tenantId).catch(() => undefined);
    return new TenantDatabaseUnavailable(record ? (this.regions.find(record.region)?.displayName ?? record.region) : null, cause);
  }

  async close(): Promise<void> {
    await this.pools.closeAll();
  }
}
