/** When a caller may try again if a dependency gave no better hint. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * Something Atrium depends on (Microsoft Graph, a tenant's database) failed or could not be reached, after
 * whatever retries its client makes: not a bug of ours, and nothing was applied. The HTTP edge answers 503 with
 * `Retry-After`, naming the dependency; a 500 stays reserved for our own bugs.
 */
export class DependencyUnavailable extends Error {
  constructor(
    /** What failed, as a person reads it: "Microsoft Graph", "your organisation's database". */
    readonly dependency: string,
    message: string,
    readonly retryAfterSeconds: number = DEFAULT_RETRY_AFTER_SECONDS,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DependencyUnavailable';
  }
}
