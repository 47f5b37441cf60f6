/** A failed call to the Atrium LMS API: the HTTP status and the server's own message. */
export class LmsApiError extends Error {
  /** 0 when no HTTP response arrived (network down, token not granted, CORS). */
  readonly status: number;
  /** The server's error code (e.g. `not-found`), or `unreachable` / `http-<status>` when it sent none. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'LmsApiError';
    this.status = status;
    this.code = code;
    // The SPFx build targets ES5, where subclassing Error loses the prototype (and instanceof) without this.
    Object.setPrototypeOf(this, LmsApiError.prototype);
  }
}

interface ServerErrorBody {
  error: { code: string; message: string };
}

function isServerErrorBody(body: unknown): body is ServerErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Maps a non-2xx response to an LmsApiError, keeping the server's `{ error: { code, message } }` when present. */
export function lmsApiErrorFromResponse(status: number, statusText: string, bodyText: string): LmsApiError {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  if (isServerErrorBody(body)) return new LmsApiError(status, body.error.code, body.error.message);
  const reason = statusText ? `${status} ${statusText}` : String(status);
  return new LmsApiError(status, `http-${status}`, `The Atrium LMS service answered ${reason}.`);
}

/** Wraps a failure that happened before any HTTP response (network, token acquisition). */
export function lmsApiErrorFromTransport(cause: unknown): LmsApiError {
  if (cause instanceof LmsApiError) return cause;
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new LmsApiError(0, 'unreachable', `The Atrium LMS service could not be reached${detail}.`);
}
