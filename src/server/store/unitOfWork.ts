import type { DatabaseEngine } from './engine';
import { classifyTransientFault, withTransientRetry, type TransientRetryOptions } from './mssql/transientErrors';

/**
 * Runs one unit of work (a use case, usually one transaction). On SQL Server a deadlock or an Azure SQL failover
 * fails the unit as a whole, so it is run again from the start; SQLite has no such faults and runs it once.
 */
export function runUnitOfWork<T>(dialect: DatabaseEngine['dialect'], work: () => Promise<T>, retry?: TransientRetryOptions): Promise<T> {
  return dialect === 'mssql' ? withTransientRetry(work, retry) : work();
}

/**
 * True for an error that says the database could not be reached or used (connecting, logging in, a dropped
 * connection, a failover that outlasted the retries), as opposed to a fault of the statement or of our code.
 */
export function isDatabaseUnreachable(dialect: DatabaseEngine['dialect'], error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (dialect === 'sqlite') {
    // better-sqlite3's SqliteError: the file cannot be opened, or the storage under it fails.
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && /^SQLITE_(CANTOPEN|IOERR)/.test(code);
  }
  if (classifyTransientFault(error) === 'service') return true;
  // mssql's ConnectionError covers failed logins (ELOGIN), refused or dropped sockets and connect timeouts.
  return (error as { name?: unknown }).name === 'ConnectionError';
}
