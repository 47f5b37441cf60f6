/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { afterEach, describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { IMyDataRightsApi, MyPrivacy } from '../../src/client/dataRightsApi';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { IMeApi } from '../../src/client/meApi';
import type { IPurgeApi } from '../../src/client/privacyApi';
import type { ITeamApi, TeamMemberTraining } from '../../src/client/teamApi';
import type { ITenantPrivacyApi } from '../../src/client/tenantPrivacyApi';
import type { MeView } from '../../src/domain/apiResponses';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { SignedInApp } from '../../src/app/SignedInApp';
import type { SignedInServices } from '../../src/app/signedInServices';
import { catalog, codeOfConduct, COURSE_ID, enrolmentDetail, fakeLearningApi, trainingItem } from './fixtures/learningFixtures';

setIconOptions({ disableWarnings: true });

const TENANT_ID = '00000000-0000-4000-8000-00000000000t';

function me(roles: string[]): MeView {
  return {
    profile: {
      id: '00000000-0000-4000-8000-0000000000aa',
      userPrincipalName: 'hanne@contoso.com',
      displayName: 'Hanne Hansen',
      mail: 'hanne@contoso.com',
      department: 'Sales',
      jobTitle: 'Account Executive',
      officeLocation: 'Oslo',
      country: 'Norway',
      city: 'Oslo',
      managerId: null,
      departedAt: null,
      syncedAt: null,
    },
    roles,
    tenant: { tenantId: TENANT_ID, displayName: 'Contoso', region: 'westeurope', regionName: 'West Europe', status: 'active', createdAt: '2026-01-01T00:00:00.000Z' },
  };
}

const privacy = (mustAccept: boolean): MyPrivacy => ({
  notice: { version: 1, text: 'We keep your training records.', publishedAt: '2026-11-01T09:00:00.000Z' },
  acceptance: mustAccept ? null : { version: 1, acceptedAt: '2026-11-02T09:00:00.000Z' },
  mustAccept,
  restricted: false,
  erasureRequest: null,
});

interface Setup {
  roles?: string[];
  canManage?: boolean;
  team?: TeamMemberTraining[];
  mustAccept?: boolean;
  meFails?: LmsApiError;
}

function services({ roles = [], canManage = false, team = [], mustAccept = false, meFails }: Setup = {}): SignedInServices {
  const training = summariseMyTraining([trainingItem()]);
  const learning = fakeLearningApi({
    listCatalogs: async () => [catalog({ canManage })],
    listCourses: async () => [],
    listPlans: async () => [],
    getCourse: async () => codeOfConduct(),
    getMyTraining: async () => training,
    getEnrolment: async () => enrolmentDetail(),
  });
  const meApi: IMeApi = { getMe: async () => (meFails ? Promise.reject(meFails) : me(roles)) };
  const teamApi: ITeamApi = { getMyTeam: async () => team, assignCourse: async () => [] };
  const rights = {
    getMyPrivacy: async () => privacy(mustAccept),
    getMyData: async () => ({ format: 'atrium-personal-data-export/1', generatedAt: '2026-11-25T10:00:00.000Z', tenantId: TENANT_ID, learnerId: 'l', about: '', totalRecords: 0, kinds: [] }),
  } as unknown as IMyDataRightsApi;
  const never = () => new Promise<never>(() => undefined);
  return {
    api: { getMyTraining: async () => training },
    identity: { getMe: never },
    me: meApi,
    learning,
    team: teamApi,
    myDataRights: rights,
    purge: { listCatalogLearners: never } as unknown as IPurgeApi,
    tenantPrivacy: { listErasureRequests: never, getRetentionPolicy: never, listAudit: never } as unknown as ITenantPrivacyApi,
    trainingAdmin: { listCatalogs: never } as unknown as SignedInServices['trainingAdmin'],
    tenantSetup: { callerRoles: async () => roles } as unknown as SignedInServices['tenantSetup'],
    certificateVerificationUrl: (tenantId, code) => `https://lms.example/api/public/certificates/${tenantId}/${code}`,
  };
}

function navLinks(): string[] {
  return screen.getAllByRole('link').filter((a) => a.closest('nav')).map((a) => a.textContent ?? '');
}

afterEach(() => {
  window.location.hash = '';
});

describe('<SignedInApp>', () => {
  it('offers a learner My training, the catalog and their data; navigating moves focus to the new screen and keeps the address', async () => {
    render(<SignedInApp services={services()} onSignOut={() => undefined} />);
    await screen.findByRole('heading', { level: 2, name: 'My training' });
    expect(navLinks()).toEqual(['My training', 'Catalog', 'My data & privacy']);
    expect(screen.getByRole('link', { name: 'My training' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(screen.getByRole('link', { name: 'Catalog' }));
    await waitFor(() => expect(window.location.hash).toBe('#/catalog'));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Course catalog' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByRole('link', { name: 'Catalog' }).getAttribute('aria-current')).toBe('page');
  });

  it('adds Team for line managers, Manage people for catalog managers, and Privacy administration for tenant admins', async () => {
    const report: TeamMemberTraining = { person: { id: 'r', displayName: 'Ole', jobTitle: null, department: null, officeLocation: null }, training: summariseMyTraining([]) };
    const { unmount } = render(<SignedInApp services={services({ team: [report], canManage: true })} onSignOut={() => undefined} />);
    await screen.findByRole('heading', { level: 2, name: 'My training' });
    expect(navLinks()).toEqual(['My training', 'Catalog', 'Team', 'My data & privacy', 'Manage people', 'Training admin']);
    unmount();
    render(<SignedInApp services={services({ roles: ['Tenant.Admin'], canManage: true })} onSignOut={() => undefined} />);
    await screen.findByRole('heading', { level: 2, name: 'My training' });
    expect(navLinks()).toEqual(['My training', 'Catalog', 'My data & privacy', 'Manage people', 'Training admin', 'Privacy administration', 'Organisation']);
  });

  it('opens the course a link names, and follows the address as it changes (links, the back button)', async () => {
    window.location.hash = `#/course/${COURSE_ID}`;
    render(<SignedInApp services={services()} onSignOut={() => undefined} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Code of Conduct' })).toBeTruthy();
    act(() => {
      window.location.hash = '#/training';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'My training' })).toBeTruthy();
  });

  it('shows a person who must accept a new privacy notice the notice first', async () => {
    render(<SignedInApp services={services({ mustAccept: true })} onSignOut={() => undefined} />);
    expect(await screen.findByText(/privacy notice you have not accepted yet/)).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: /data/i })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'My data & privacy' }).getAttribute('aria-current')).toBe('page');
  });

  it('explains an organisation not onboarded, and offers a new sign-in when the session has expired', async () => {
    const { unmount } = render(<SignedInApp services={services({ meFails: new LmsApiError(403, 'tenant_not_onboarded', 'x') })} onSignOut={() => undefined} />);
    expect(await screen.findByText(/has not set up Atrium yet/)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    unmount();
    let signedOut = 0;
    render(<SignedInApp services={services({ meFails: new LmsApiError(401, 'unauthenticated', 'x') })} onSignOut={() => (signedOut += 1)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in again' }));
    expect(signedOut).toBe(1);
  });

  it('has a skip link to the main content', async () => {
    render(<SignedInApp services={services()} onSignOut={() => undefined} />);
    await screen.findByRole('heading', { level: 2, name: 'My training' });
    fireEvent.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(window.location.hash).toBe('');
  });
});
