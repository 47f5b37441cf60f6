import { LmsApiError } from '../../client/lmsApiError';
import { hasRole } from '../../domain/roles';

/** Where loading the person's app roles (`/api/me`) stands. */
export type RolesLoad = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; roles: string[] };

export type TrainingAdminScreen =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  /**
   * The organisation is not set up: its tenant admin sets it up here, anyone else is told who has to. `error` is the
   * refusal, shown if the set-up cannot be offered (no API connection to set up with).
   */
  | { kind: 'setup'; error: unknown }
  | { kind: 'admin'; isTenantAdmin: boolean; canCreateCatalogs: boolean };

/** What the Training admin web part shows for the state of `/api/me`. */
export function trainingAdminScreen(roles: RolesLoad): TrainingAdminScreen {
  if (roles.status === 'loading') return { kind: 'loading' };
  if (roles.status === 'failed') return isNotOnboarded(roles.error) ? { kind: 'setup', error: roles.error } : { kind: 'failed', error: roles.error };
  const isTenantAdmin = hasRole(roles.roles, 'Tenant.Admin');
  return { kind: 'admin', isTenantAdmin, canCreateCatalogs: isTenantAdmin || hasRole(roles.roles, 'Catalog.Manage') };
}

/** The set-up wizard and the Organisation page need the organisation's set-up API. */
export function needsTenantSetupApi(screen: TrainingAdminScreen): boolean {
  return screen.kind === 'setup' || (screen.kind === 'admin' && screen.isTenantAdmin);
}

function isNotOnboarded(error: unknown): boolean {
  return error instanceof LmsApiError && error.status === 403 && error.code === 'tenant_not_onboarded';
}
