import { LmsApiError } from '../../client/lmsApiError';

/** The service's own message for a refused call (it is written for people), else the caller's fallback. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof LmsApiError && error.status !== 0 && error.message) return error.message;
  return fallback;
}
