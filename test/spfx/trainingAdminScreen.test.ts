import { describe, expect, it } from '@jest/globals';
import { LmsApiError } from '../../src/client/lmsApiError';
import { needsTenantSetupApi, trainingAdminScreen } from '../../src/webparts/trainingAdmin/trainingAdminScreen';

describe('what the Training admin web part shows for /api/me', () => {
  it('sets the organisation up when it is not onboarded yet (403 tenant_not_onboarded)', () => {
    const error = new LmsApiError(403, 'tenant_not_onboarded', 'Not set up.');
    const screen = trainingAdminScreen({ status: 'failed', error });
    expect(screen).toEqual({ kind: 'setup', error });
    expect(needsTenantSetupApi(screen)).toBe(true);
  });

  it('shows any other failure as a failure, with the error to explain it', () => {
    for (const error of [new LmsApiError(403, 'forbidden', 'No.'), new LmsApiError(403, 'not_in_directory', 'Who?'), new LmsApiError(0, 'unreachable', 'down'), new Error('boom')]) {
      const screen = trainingAdminScreen({ status: 'failed', error });
      expect(screen).toEqual({ kind: 'failed', error });
      expect(needsTenantSetupApi(screen)).toBe(false);
    }
  });

  it('opens Training admin with what the roles allow; only tenant admins need the set-up API (Organisation page)', () => {
    const admin = trainingAdminScreen({ status: 'loaded', roles: ['Tenant.Admin'] });
    expect(admin).toEqual({ kind: 'admin', isTenantAdmin: true, canCreateCatalogs: true });
    expect(needsTenantSetupApi(admin)).toBe(true);
    const manager = trainingAdminScreen({ status: 'loaded', roles: ['Catalog.Manage'] });
    expect(manager).toEqual({ kind: 'admin', isTenantAdmin: false, canCreateCatalogs: true });
    expect(needsTenantSetupApi(manager)).toBe(false);
    expect(trainingAdminScreen({ status: 'loaded', roles: [] })).toEqual({ kind: 'admin', isTenantAdmin: false, canCreateCatalogs: false });
    expect(trainingAdminScreen({ status: 'loading' })).toEqual({ kind: 'loading' });
  });
});
