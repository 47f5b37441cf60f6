import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import * as sql from 'mssql';
import type { LoginErrorNumbers } from './loginErrorNumbers';

/**
 * How the service signs in to Azure SQL: always Microsoft Entra ID, never a SQL password.
 *
 * - `token-credential` (the default): one `TokenCredential` (by default a shared
 *   `DefaultAzureCredential`: managed identity in Azure, developer sign-in locally) that tedious asks
 *   for a token (scope `https://database.windows.net/.default`) at every new connection. The
 *   credential caches the token and renews it before it expires, so long-lived pools keep working.
 * - `azure-active-directory-default`: tedious builds its own `DefaultAzureCredential` per connection
 *   attempt (no token shared across connections; slower to connect). Kept for parity with connection
 *   strings that say `Authentication=Active Directory Default`.
 *
 * A fixed `azure-active-directory-access-token` is not offered: it would expire under a long-lived pool.
 */
export type AzureSqlAuthentication =
  | { type: 'token-credential'; credential?: TokenCredential }
  | { type: 'azure-active-directory-default'; managedIdentityClientId?: string };

export interface PoolSizing {
  max: number;
  min: number;
  /** A connection unused this long is closed. */
  idleTimeoutMillis: number;
}

/** One tenant's database: few concurrent requests each, and many tenants per instance. */
export const TENANT_POOL_SIZING: PoolSizing = Object.freeze({ max: 10, min: 0, idleTimeoutMillis: 30_000 });
/** The tenant catalog is read on every request (briefly cached), so it keeps a few connections warm. */
export const CATALOG_POOL_SIZING: PoolSizing = Object.freeze({ max: 10, min: 1, idleTimeoutMillis: 60_000 });
/** `CREATE DATABASE` and its polling, on the region server's `master`. */
export const ADMIN_POOL_SIZING: PoolSizing = Object.freeze({ max: 2, min: 0, idleTimeoutMillis: 30_000 });

export interface ConnectionSettings {
  pool: PoolSizing;
  /** Microsoft recommends at least 30 s to connect to Azure SQL. */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Records the SQL error numbers of failed logins so they can be classified as transient. */
  loginErrors?: LoginErrorNumbers;
}

let sharedCredential: TokenCredential | undefined;

/** One `DefaultAzureCredential` for the process, created when first needed, so its token cache is shared. */
export function sharedAzureCredential(): TokenCredential {
  sharedCredential ??= new DefaultAzureCredential();
  return sharedCredential;
}

function tediousAuthentication(authentication: AzureSqlAuthentication): NonNullable<sql.config['authentication']> {
  if (authentication.type === 'azure-active-directory-default') {
    return { type: 'azure-active-directory-default', options: { clientId: authentication.managedIdentityClientId } };
  }
  return { type: 'token-credential', options: { credential: authentication.credential ?? sharedAzureCredential() } };
}

/** Connection settings for a database on an Azure SQL logical server: TLS with certificate validation, Entra sign-in. */
export function azureSqlConfig(
  target: { server: string; database: string },
  authentication: AzureSqlAuthentication,
  settings: ConnectionSettings,
): sql.config {
  return {
    server: target.server,
    port: 1433,
    database: target.database,
    authentication: tediousAuthentication(authentication),
    options: { encrypt: true, trustServerCertificate: false, appName: 'atrium-lms' },
    connectionTimeout: settings.connectionTimeoutMs ?? 30_000,
    requestTimeout: settings.requestTimeoutMs ?? 30_000,
    pool: { ...settings.pool },
    beforeConnect: settings.loginErrors?.watch,
  };
}

/** `Authentication=Active Directory Default | Managed Identity | MSI`, which `mssql`'s parser reads as a SQL login. */
const ENTRA_DEFAULT_AUTHENTICATION = /(?:^|;)\s*authentication\s*=\s*["']?\s*active\s+directory\s+(?:default|managed\s+identity|msi)\b/i;

/**
 * Connection settings from an ADO.NET-style connection string, parsed by `mssql`'s own parser, e.g.
 * `Server=localhost,1433;Database=atrium;User Id=sa;Password=...;Encrypt=true;TrustServerCertificate=true`
 * for a local SQL Server. `database` replaces the string's database, if given. Encryption is on unless
 * the string turns it off.
 */
export function connectionStringConfig(connectionString: string, settings: ConnectionSettings, database?: string): sql.config {
  const parsed = sql.ConnectionPool.parseConnectionString(connectionString) as sql.config & {
    authentication_type?: string;
    options: sql.IOptions;
  };
  const { authentication_type: authenticationType, ...base } = parsed;
  const config: sql.config = {
    ...base,
    database: database ?? base.database,
    options: { encrypt: true, appName: 'atrium-lms', ...base.options },
    connectionTimeout: base.connectionTimeout ?? settings.connectionTimeoutMs ?? 30_000,
    requestTimeout: base.requestTimeout ?? settings.requestTimeoutMs ?? 30_000,
    pool: { ...settings.pool },
    beforeConnect: settings.loginErrors?.watch,
  };
  if (ENTRA_DEFAULT_AUTHENTICATION.test(connectionString)) {
    delete config.user;
    delete config.password;
    config.authentication = tediousAuthentication({ type: 'token-credential' });
  } else if (authenticationType !== undefined && authenticationType !== 'default') {
    // What mssql understood (e.g. `Active Directory Integrated` with client id and secret) is kept.
    (config as { authentication_type?: string }).authentication_type = authenticationType;
  }
  return config;
}

/** The server a connection string points at (for logs and for telling servers apart), never its credentials. */
export function connectionStringServer(connectionString: string): string {
  const parsed = sql.ConnectionPool.parseConnectionString(connectionString);
  return `${parsed.server}:${parsed.port ?? 1433}`;
}
