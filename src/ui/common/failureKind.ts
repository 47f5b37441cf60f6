import { LmsApiError } from '../../client/lmsApiError';
import type { CommonStrings } from './commonStrings';

export type FailureKind = 'unreachable' | 'session-expired' | 'not-onboarded' | 'not-in-directory' | 'forbidden' | 'service';

/** What a failed call means for the person: each kind has its own next step. */
export function failureKind(error: unknown): FailureKind {
  if (!(error instanceof LmsApiError)) return 'service';
  if (error.status === 0) return 'unreachable';
  if (error.status === 401) return 'session-expired';
  if (error.code === 'tenant_not_onboarded') return 'not-onboarded';
  if (error.code === 'not_in_directory') return 'not-in-directory';
  if (error.status === 403) return 'forbidden';
  return 'service';
}

/** The words for a failure: ours for the states with a fixed next step, the service's own message otherwise. */
export function failureText(error: unknown, strings: CommonStrings): string {
  switch (failureKind(error)) {
    case 'unreachable':
      return strings.unreachable;
    case 'session-expired':
      return strings.sessionExpired;
    case 'not-onboarded':
      return strings.notOnboarded;
    case 'not-in-directory':
      return strings.notInDirectory;
    case 'forbidden':
      return error instanceof LmsApiError && error.code === 'forbidden' && error.message ? error.message : strings.forbidden;
    default:
      return error instanceof LmsApiError && error.message ? error.message : strings.unexpected;
  }
}
