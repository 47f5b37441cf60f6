import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { conflict, DomainError, invalid } from '../../domain/errors';
import type { DatabaseEngine } from '../store/engine';
import { migrateToLatest } from '../store/migrations/migrateToLatest';
import { TENANT_SCHEMA_VERSION, tenantMigrationProvider } from '../store/migrations/tenantMigrations';
import type { TenantDatabase } from '../store/tenantSchema';
import type { RegionDirectory } from './regionDirectory';
import type { TenantCatalog, TenantRecord } from './tenantCatalog';
import { TenantDatabasePools } from './tenantDatabasePools';

export function tenantDatabaseName(tenantId: string): string {
  return `atrium_t_${tenantId.replace(/-/g, '').toLowerCase()}`;
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

  async withTenantDatabase<T>(tenantId: string, work: (db: Kysely<TenantDatabase>) => Promise<T>): Promise<T> {
    return this.pools.use(tenantId, work);
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

  private async openTenantDatabase(tenantId: string): Promise<Kysely<TenantDatabase>> {
    const record = await this.activeTenant(tenantId);
    if (!record) throw new DomainError('not-onboarded', 'this organisation has not been set up');
    const db = await this.engine.openTenantDatabase<TenantDatabase>(this.regions.get(record.region), record.databaseName);
    if (record.schemaVersion !== TENANT_SCHEMA_VERSION) {
      const version = await migrateToLatest(db, tenantMigrationProvider(this.engine.dialect));
      if (version) await this.catalog.markActive(tenantId, version, new Date().toISOString());
    }
    return db;
  }

  async close(): Promise<void> {
    await this.pools.closeAll();
  }
}
