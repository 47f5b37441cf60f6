import { LRUCache } from 'lru-cache';
import { graphAccessTokens } from './graph/graphCredentials';
import type { GraphRetrySettings } from './graph/graphClient';
import { createGraphDirectory, type GraphDirectory } from './graph/graphDirectory';
import { DirectorySyncService } from './jobs/directorySyncService';
import { JobLeases } from './jobs/jobLeases';
import { loadOrCreateDevIssuer, type DevIssuer } from './auth/devIssuer';
import { createTokenValidator, type TokenValidator } from './auth/tokenValidator';
import type { ServiceConfig } from './config';
import { buildApp, type App } from './http/app';
import type { CatalogDatabase } from './store/catalogSchema';
import type { DatabaseEngine } from './store/engine';
import { catalogMigrationProvider } from './store/migrations/catalogMigrations';
import { migrateToLatest } from './store/migrations/migrateToLatest';
import { MssqlEngine } from './store/mssql/mssqlEngine';
import { SqliteEngine } from './store/sqlite/sqliteEngine';
import { RegionDirectory } from './tenancy/regionDirectory';
import { Tenancy } from './tenancy/tenancy';
import { TenantCatalog } from './tenancy/tenantCatalog';
import { LearnerRegistry, type IdentitySource } from './training/learners';
import { PurgeJobRunner } from './privacy/purgeJobRunner';
import { RetentionScheduler } from './privacy/retentionSchedule';

export interface Service {
  app: App;
  tenancy: Tenancy;
  /** Null when no Microsoft Graph is configured. */
  directorySync: DirectorySyncService | null;
  engine: DatabaseEngine;
  validator: TokenValidator;
  /** The local token issuer, in dev mode only. */
  devIssuer: DevIssuer | null;
  /** Runs purge and erasure jobs; resumes unfinished ones at start. */
  purges: PurgeJobRunner;
  /** The daily retention job (privacy/retentionSchedule.ts); main.ts schedules it. */
  retention: RetentionScheduler;
  close(): Promise<void>;
}

export interface GraphAccess {
  baseUrl: string;
  /** An app-only Graph token for a tenant. */
  getAccessToken: (tenantId: string) => Promise<string>;
  /** Retries of throttled or unavailable Graph calls; default `DEFAULT_GRAPH_RETRY`. */
  retry?: GraphRetrySettings;
}

export interface ServiceOverrides {
  engine?: DatabaseEngine;
  /** Where Microsoft Graph is and how to get tokens for it; defaults to the app registration in the config. */
  graph?: GraphAccess | null;
  identitySource?: IdentitySource | null;
  validator?: TokenValidator;
  clock?: () => Date;
  onboardingWaitMs?: number;
  /** Added to the 403 for someone the directory does not know (the local stack says where its people are listed). */
  notInDirectoryHint?: (tenantId: string) => string | undefined;
}

function graphAccessFromConfig(config: ServiceConfig): GraphAccess | null {
  const { baseUrl, clientId, clientSecret, certificatePath } = config.graph;
  if (!clientId) return null;
  if (!clientSecret && !certificatePath) throw new Error('ATRIUM_GRAPH_CLIENT_ID needs ATRIUM_GRAPH_CLIENT_SECRET or ATRIUM_GRAPH_CERTIFICATE_PATH');
  const settings = certificatePath ? { clientId, certificatePath } : { clientId, clientSecret: clientSecret as string };
  return { baseUrl: baseUrl ?? 'https://graph.microsoft.com/', getAccessToken: graphAccessTokens(settings) };
}

async function createEngine(config: ServiceConfig): Promise<DatabaseEngine> {
  if (config.db.engine === 'sqlite') return new SqliteEngine(config.dataDir);
  if (!config.db.catalogServer) throw new Error('ATRIUM_DB_ENGINE=mssql needs ATRIUM_CATALOG_SERVER (the Azure SQL server holding the tenant catalog)');
  return new MssqlEngine({ catalog: { server: config.db.catalogServer, database: config.db.catalogDatabase } });
}

/** Wires the service from its configuration: storage, tenancy, token validation, HTTP API. */
export async function createService(config: ServiceConfig, overrides: ServiceOverrides = {}): Promise<Service> {
  const engine = overrides.engine ?? (await createEngine(config));
  const catalogDb = await engine.openCatalog<CatalogDatabase>();
  await migrateToLatest(catalogDb, catalogMigrationProvider(engine.dialect));

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

  const graph = overrides.graph !== undefined ? overrides.graph : graphAccessFromConfig(config);
  const directories = new LRUCache<string, GraphDirectory>({ max: 1000 });
  const directoryFor = (tenantId: string): GraphDirectory => {
    if (!graph) throw new Error('Microsoft Graph is not configured');
    let directory = directories.get(tenantId);
    if (!directory) {
      directory = createGraphDirectory({ baseUrl: graph.baseUrl, tenantId, getAccessToken: graph.getAccessToken, retry: graph.retry });
      directories.set(tenantId, directory);
    }
    return directory;
  };
  const identitySource: IdentitySource | null =
    overrides.identitySource !== undefined ? overrides.identitySource : graph ? { fetchIdentity: (tenantId, userId) => directoryFor(tenantId).getUser(userId) } : null;
  const directorySync = graph ? new DirectorySyncService(tenancy, new JobLeases(catalogDb), directoryFor, overrides.clock) : null;

  const learners = new LearnerRegistry(identitySource, overrides.notInDirectoryHint);
  const purges = new PurgeJobRunner(
    {
      tenancy,
      engine,
      leases: new JobLeases(catalogDb),
      clock: overrides.clock,
      onErased: (tenantId, learnerId) => learners.forget(tenantId, learnerId),
      // eslint-disable-next-line @typescript-eslint/no-use-before-define -- the app needs the runner; it warns only once running, after buildApp
      warn: (message, details) => app.log.warn(details, message),
    },
    config.purge,
  );
  const app = await buildApp({
    validator,
    tenancy,
    directorySync,
    learners,
    purges,
    clock: overrides.clock,
    onboardingWaitMs: overrides.onboardingWaitMs,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    allowedOrigins: config.cors.allowedOrigins,
    graphDirectoryFor: graph ? directoryFor : null,
  });

  const retention = new RetentionScheduler(tenancy, new JobLeases(catalogDb), purges, overrides.clock);
  // Purges a crash or a restart left unfinished carry on (under a lease, so one instance per tenant).
  purges.resumeAll().catch((error: unknown) => app.log.warn({ err: { type: error instanceof Error ? error.name : 'Error' } }, 'resuming purge jobs failed'));

  return {
    app,
    tenancy,
    directorySync,
    engine,
    validator,
    devIssuer,
    purges,
    retention,
    async close() {
      await retention.stop();
      await purges.stop();
      await directorySync?.stop();
      await app.close();
      await tenancy.close();
      await catalogDb.destroy();
      await engine.close();
    },
  };
}
