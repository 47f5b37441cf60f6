import path from 'node:path';
import { z } from 'zod';
import { parseAllowedOrigins } from './http/allowedOrigins';

/** The service's settings, read once from the environment at start-up. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7070),
  HOST: z.string().default('127.0.0.1'),
  ATRIUM_DATA_DIR: z.string().default('./.data'),
  ATRIUM_REGIONS_FILE: z.string().default('./config/regions.json'),
  /** `dev`: the local token issuer; `entra`: Microsoft Entra ID (dev tokens are refused). */
  ATRIUM_AUTH_MODE: z.enum(['dev', 'entra']).default('dev'),
  /** The API's application ID URI or client id: the `aud` every token must carry. */
  ATRIUM_API_AUDIENCE: z.string().min(1).default('api://atrium-lms'),
  ATRIUM_ENTRA_JWKS_URL: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  /** `sqlite` (embedded default) or `mssql` (Azure SQL; region servers come from the regions file). */
  ATRIUM_DB_ENGINE: z.enum(['sqlite', 'mssql']).default('sqlite'),
  /** SQL Server / Azure SQL: the server and database that hold the tenant catalog. */
  ATRIUM_CATALOG_SERVER: z.string().optional(),
  ATRIUM_CATALOG_DATABASE: z.string().default('atrium_catalog'),
  /** Upper bound of tenant database pools held open at once. */
  ATRIUM_TENANT_POOL_MAX: z.coerce.number().int().min(1).default(200),
  /** A tenant pool unused this long is closed. */
  ATRIUM_TENANT_POOL_IDLE_MS: z.coerce.number().int().min(1000).default(10 * 60_000),
  /** Base URL of Microsoft Graph; the local stand-in's URL in development. */
  ATRIUM_GRAPH_BASE_URL: z.string().url().optional(),
  /** Production Graph access: the Atrium app registration (multi-tenant) and its secret or, preferably, certificate. */
  ATRIUM_GRAPH_CLIENT_ID: z.string().optional(),
  ATRIUM_GRAPH_CLIENT_SECRET: z.string().optional(),
  ATRIUM_GRAPH_CERTIFICATE_PATH: z.string().optional(),
  /** Delta sync of every tenant's directory this often; 0 turns the schedule off (on-demand sync still works). */
  ATRIUM_DIRECTORY_SYNC_INTERVAL_MS: z.coerce.number().int().min(0).default(30 * 60_000),
  ATRIUM_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** The standalone page's own Entra app registration (single-page application); in entra mode, no page without it. */
  ATRIUM_SPA_CLIENT_ID: z.string().optional(),
  ATRIUM_SPA_AUTHORITY: z.string().url().default('https://login.microsoftonline.com/organizations'),
  /** The LMS API's delegated scope the page asks for; default `<ATRIUM_API_AUDIENCE>/access_as_user`. */
  ATRIUM_SPA_API_SCOPE: z.string().optional(),
  /** Browser origins allowed to call the API cross-origin (CORS), comma-separated, exact: `https://contoso.sharepoint.com`. */
  ATRIUM_ALLOWED_ORIGINS: z.string().default(''),
  /** Purges remove at most this many rows per table per transaction. */
  ATRIUM_PURGE_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(500),
  /** Pause between two purge batches, so that a big purge yields to live requests; 0 runs them back to back. */
  ATRIUM_PURGE_BATCH_PAUSE_MS: z.coerce.number().int().min(0).max(10_000).default(0),
  /** A purge runner's lease on a tenant's purge jobs; a runner that died is taken over after this long. */
  ATRIUM_PURGE_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServiceConfig = ReturnType<typeof readConfig>;

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- its return type is ServiceConfig's definition; spelling it out would repeat the schema
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let allowedOrigins: string[];
  try {
    allowedOrigins = parseAllowedOrigins(e.ATRIUM_ALLOWED_ORIGINS);
  } catch (error) {
    throw new Error(`Invalid configuration: ATRIUM_ALLOWED_ORIGINS: ${(error as Error).message}`);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ATRIUM_DATA_DIR),
    regionsFile: path.resolve(e.ATRIUM_REGIONS_FILE),
    auth: { mode: e.ATRIUM_AUTH_MODE, audience: e.ATRIUM_API_AUDIENCE, entraJwksUrl: e.ATRIUM_ENTRA_JWKS_URL },
    db: { engine: e.ATRIUM_DB_ENGINE, catalogServer: e.ATRIUM_CATALOG_SERVER, catalogDatabase: e.ATRIUM_CATALOG_DATABASE },
    tenantPools: { max: e.ATRIUM_TENANT_POOL_MAX, idleMs: e.ATRIUM_TENANT_POOL_IDLE_MS },
    graph: {
      baseUrl: e.ATRIUM_GRAPH_BASE_URL,
      clientId: e.ATRIUM_GRAPH_CLIENT_ID,
      clientSecret: e.ATRIUM_GRAPH_CLIENT_SECRET,
      certificatePath: e.ATRIUM_GRAPH_CERTIFICATE_PATH,
      syncIntervalMs: e.ATRIUM_DIRECTORY_SYNC_INTERVAL_MS,
    },
    seedDemo: e.ATRIUM_SEED_DEMO === 'true',
    spa: { clientId: e.ATRIUM_SPA_CLIENT_ID, authority: e.ATRIUM_SPA_AUTHORITY, apiScope: e.ATRIUM_SPA_API_SCOPE },
    cors: { allowedOrigins },
    purge: { batchSize: e.ATRIUM_PURGE_BATCH_SIZE, batchPauseMs: e.ATRIUM_PURGE_BATCH_PAUSE_MS, leaseMs: e.ATRIUM_PURGE_LEASE_MS },
    logLevel: e.LOG_LEVEL,
  };
}
