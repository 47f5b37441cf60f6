import type { Kysely } from 'kysely';
import { loadOrCreateDevIssuer, type DevIssuer } from './auth/devIssuer';
import { createTokenValidator, type TokenValidator } from './auth/tokenValidator';
import type { ServiceConfig } from './config';
import { buildApp, type App } from './http/app';
import type { CatalogDatabase } from './store/catalogSchema';
import type { DatabaseEngine } from './store/engine';
import { catalogMigrationProvider } from './store/migrations/catalogMigrations';
import { migrateToLatest } from './store/migrations/migrateToLatest';
import { SqliteEngine } from './store/sqlite/sqliteEngine';
import { RegionDirectory } from './tenancy/regionDirectory';
import { Tenancy } from './tenancy/tenancy';
import { TenantCatalog } from './tenancy/tenantCatalog';
import { LearnerRegistry, type IdentitySource } from './training/learners';

export interface Service {
  app: App;
  tenancy: Tenancy;
  engine: DatabaseEngine;
  validator: TokenValidator;
  /** The local token issuer, in dev mode only. */
  devIssuer: DevIssuer | null;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  engine?: DatabaseEngine;
  identitySource?: IdentitySource | null;
  validator?: TokenValidator;
  clock?: () => Date;
}

async function createEngine(config: ServiceConfig): Promise<DatabaseEngine> {
  if (config.db.engine === 'sqlite') return new SqliteEngine(config.dataDir);
  throw new Error('TODO-LEAD: wire MssqlEngine');
}

/** Wires the service from its configuration: storage, tenancy, token validation, HTTP API. */
export async function createService(config: ServiceConfig, overrides: ServiceOverrides = {}): Promise<Service> {
  const engine = overrides.engine ?? (await createEngine(config));
  const catalogDb = await engine.openCatalog<CatalogDatabase>();
  await migrateToLatest(catalogDb as Kysely<any>, catalogMigrationProvider(engine.dialect));
  const regions = RegionDirectory.fromFile(config.regionsFile);
  const tenancy = new Tenancy(new TenantCatalog(catalogDb), regions, engine, config.tenantPools);

  const devIssuer = config.auth.mode === 'dev' ? await loadOrCreateDevIssuer(config.dataDir) : null;
  const validator =
    overrides.validator ??
    createTokenValidator({
      mode: config.auth.mode,
      audience: config.auth.audience,
      entraJwksUrl: config.auth.entraJwksUrl,
      devJwks: devIssuer?.jwks(),
    });

  const app = await buildApp({
    validator,
    tenancy,
    learners: new LearnerRegistry(overrides.identitySource ?? null),
    clock: overrides.clock,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });

  return {
    app,
    tenancy,
    engine,
    validator,
    devIssuer,
    async close() {
      await app.close();
      await tenancy.close();
      await catalogDb.destroy();
      await engine.close();
    },
  };
}
