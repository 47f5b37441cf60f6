import { z } from 'zod';
import { errorEnvelopeSchema, type ErrorCode } from '../domain/apiErrors';

const errorMessageOnlySchema = z.object({ error: z.object({ message: z.string().min(1) }) });

/**
 * What an LmsApiError's `code` can be: one of the server's ERROR_CODES, or, when the server sent none,
 * `unreachable` (no response), `unexpected_response` (a body this client cannot read) or `http_<status>`.
 */
export type LmsApiErrorCode = ErrorCode | 'unreachable' | 'unexpected_response' | `http_${number}`;

/** A failed call to the Atrium LMS API: the HTTP status and the server's own message. */
export class LmsApiError extends Error {
  /** 0 when no HTTP response arrived (network down, token not granted, CORS). */
  readonly status: number;
  readonly code: LmsApiErrorCode;

  constructor(status: number, code: LmsApiErrorCode, message: string) {
    super(message);
    this.name = 'LmsApiError';
    this.status = status;
    this.code = code;
    // The SPFx build targets ES5, where subclassing Error loses the prototype (and instanceof) without this.
    Object.setPrototypeOf(this, LmsApiError.prototype);
  }
}

/** Maps a non-2xx response to an LmsApiError, keeping the server's `{ error: { code, message } }` when present. */
export function lmsApiErrorFromResponse(status: number, statusText: string, bodyText: string): LmsApiError {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (envelope.success) return new LmsApiError(status, envelope.data.error.code, envelope.data.error.message);
  // A code this client does not know yet (a newer service): the message is still written for people.
  const message = errorMessageOnlySchema.safeParse(body);
  if (message.success) return new LmsApiError(status, `http_${status}`, message.data.error.message);
  const reason = statusText ? `${status} ${statusText}` : String(status);
  return new LmsApiError(status, `http_${status}`, `The Atrium LMS service answered ${reason}.`);
}

/** Wraps a failure that happened before any HTTP response (network, token acquisition). */
export function lmsApiErrorFromTransport(cause: unknown): LmsApiError {
  if (cause instanceof LmsApiError) return cause;
  const detail = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new LmsApiError(0, 'unreachable', `The Atrium LMS service could not be reached${detail}.`);
}
