/**
 * Transient faults of Azure SQL / SQL Server and the retry policy for them.
 *
 * Sources: "Troubleshoot connectivity issues and other errors with Azure SQL Database" (list of
 * transient fault error codes: 926, 4060, 4221, 615, 40197, 40501, 40613, 49918, 49919, 49920),
 * and Microsoft.Data.SqlClient's built-in transient error list (SqlConfigurableRetryFactory),
 * which adds the resource-governance errors 10928/10929, the errors 40197 embeds (40143, 40540)
 * and the lock conflicts 1204/1205/1222. 42108/42109 are a serverless pool that is paused or warming up.
 */

/** The server is failing over, reconfiguring, throttling or not yet available: wait seconds, then retry. */
export const SERVICE_FAULT_NUMBERS: ReadonlySet<number> = new Set([
  615, // Could not find database ID (stale cache after a database moved)
  926, // Database cannot be opened, marked suspect during the last stage of a reconfiguration
  4060, // Cannot open database requested by the login
  4221, // Login to read-secondary failed, replica in transition
  10928, // Resource ID: the database's limit for this resource has been reached
  10929, // Resource ID: the server is too busy to support requests above the minimum guarantee
  40143, // The service has encountered an error processing your request
  40197, // The service has encountered an error processing your request (failover, upgrade)
  40501, // The service is currently busy
  40540, // The service has encountered an error processing your request
  40613, // Database on server is not currently available
  42108, // Cannot connect to the SQL pool since it is paused
  42109, // The SQL pool is warming up
  49918, // Not enough resources to process request
  49919, // Too many create or update operations in progress for the subscription
  49920, // Too many operations in progress for the subscription
]);

/**
 * Another session held what this one needed. The statement (or whole transaction: SQL Server has
 * already rolled back a deadlock victim's) can be run again at once.
 */
export const LOCK_CONFLICT_NUMBERS: ReadonlySet<number> = new Set([
  1204, // Cannot obtain a LOCK resource at this time
  1205, // Chosen as deadlock victim
  1222, // Lock request time out period exceeded
]);

/** Connection-level failures (the socket dropped, connecting timed out): a fresh connection may succeed. */
const TRANSIENT_CONNECTION_CODES: ReadonlySet<string> = new Set(['ESOCKET', 'ECONNRESET', 'ECONNCLOSED']);

export type TransientFault = 'service' | 'lock-conflict';

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  number?: unknown;
  originalError?: unknown;
  precedingErrors?: unknown;
  errors?: unknown;
}

/**
 * Classifies an error from `mssql`/tedious. Looks at the SQL error number of the error, of the error it
 * wraps (`originalError`), of the errors before it in the same batch (`precedingErrors`) and of an
 * AggregateError's members. `loginErrorNumber` maps a login failure's message to the number the server
 * sent with it (tedious reports login failures without their number).
 */
export function classifyTransientFault(
  error: unknown,
  loginErrorNumber: (message: string) => number | undefined = () => undefined,
  depth = 0,
): TransientFault | undefined {
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const e = error as ErrorShape;

  const numbers: number[] = [];
  if (typeof e.number === 'number') numbers.push(e.number);
  if (e.code === 'ELOGIN' && error instanceof Error) {
    const fromLogin = loginErrorNumber(error.message);
    if (fromLogin !== undefined) numbers.push(fromLogin);
  }
  if (numbers.some((n) => LOCK_CONFLICT_NUMBERS.has(n))) return 'lock-conflict';
  if (numbers.some((n) => SERVICE_FAULT_NUMBERS.has(n))) return 'service';

  // Connecting timed out (ConnectionError ETIMEOUT) is transient; a statement that timed out
  // (RequestError ETIMEOUT) is not retried: running a slow statement again rarely helps.
  if (typeof e.code === 'string') {
    if (TRANSIENT_CONNECTION_CODES.has(e.code)) return 'service';
    if (e.code === 'ETIMEOUT' && e.name === 'ConnectionError') return 'service';
  }

  const nested: unknown[] = [];
  if (e.originalError !== undefined && e.originalError !== error) nested.push(e.originalError);
  if (Array.isArray(e.precedingErrors)) nested.push(...e.precedingErrors);
  if (Array.isArray(e.errors)) nested.push(...e.errors);
  let found: TransientFault | undefined;
  for (const inner of nested) {
    const fault = classifyTransientFault(inner, loginErrorNumber, depth + 1);
    if (fault === 'lock-conflict') return fault;
    found ??= fault;
  }
  return found;
}

export function isTransientError(error: unknown): boolean {
  return classifyTransientFault(error) !== undefined;
}

export interface BackoffSchedule {
  /** Delay before the first retry. */
  initialDelayMs: number;
  /** Upper bound of any one delay (before jitter). */
  maxDelayMs: number;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /**
   * Microsoft's guidance for Azure SQL: wait at least 5 seconds before the first retry, then
   * grow the delay exponentially up to 60 seconds.
   */
  serviceFault: BackoffSchedule;
  /** Deadlocks and lock timeouts clear as soon as the other transaction ends. */
  lockConflict: BackoffSchedule;
  /** Each delay is stretched by a random share up to this ratio, so clients do not retry in step. */
  jitterRatio: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  serviceFault: Object.freeze({ initialDelayMs: 5_000, maxDelayMs: 60_000 }),
  lockConflict: Object.freeze({ initialDelayMs: 100, maxDelayMs: 2_000 }),
  jitterRatio: 0.25,
});

/** Delay before retry number `retry` (1 = the first retry): exponential backoff, capped, plus jitter. */
export function retryDelayMs(fault: TransientFault, retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const schedule = fault === 'lock-conflict' ? policy.lockConflict : policy.serviceFault;
  const base = Math.min(schedule.maxDelayMs, schedule.initialDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(base * (1 + policy.jitterRatio * random()));
}

export interface TransientRetryOptions {
  policy?: RetryPolicy;
  /** Replaced in tests; waits for real otherwise. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  classify?: (error: unknown) => TransientFault | undefined;
  /** Told of each retry before its delay, e.g. to log it. */
  onRetry?: (event: { attempt: number; delayMs: number; fault: TransientFault; error: unknown }) => void;
}

const realSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work`, and runs it again after a delay while it fails with a transient fault, up to the
 * policy's attempts. The last error is thrown as it was.
 *
 * Wrap a whole unit of work, e.g. `withTransientRetry(() => db.transaction().execute(...))`: a
 * transaction that failed is retried as a whole, never from the middle.
 */
export async function withTransientRetry<T>(work: () => Promise<T>, options: TransientRetryOptions = {}): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? realSleep;
  const classify = options.classify ?? ((error: unknown) => classifyTransientFault(error));
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const fault = classify(error);
      if (fault === undefined || attempt >= maxAttempts) throw error;
      const delayMs = retryDelayMs(fault, attempt, policy, options.random);
      options.onRetry?.({ attempt, delayMs, fault, error });
      await sleep(delayMs);
    }
  }
}
