/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { ITrainingAdminApi } from '../../src/client/trainingAdminApi';
import { OrganisationPage } from '../../src/ui/setup/OrganisationPage';
import { TenantSetup } from '../../src/ui/setup/TenantSetup';
import { fakeSetup, syncStatus, tenant } from './fixtures/tenantSetupFixtures';

setIconOptions({ disableWarnings: true });

describe('organisation set-up', () => {
  it('walks a tenant admin from the region to a provisioned database and the first directory sync', async () => {
    const onboarded: unknown[] = [];
    let onboardedYet = false;
    const tenantAnswers = [tenant('provisioning'), tenant('provisioning'), tenant('active')];
    const syncAnswers = [syncStatus(true, 120), syncStatus(false)];
    let finished = 0;
    const api = fakeSetup({
      getTenant: async () => {
        if (!onboardedYet) throw new LmsApiError(403, 'tenant_not_onboarded', 'Your organisation has not been set up in Atrium yet.');
        return tenantAnswers.length > 1 ? tenantAnswers.shift()! : tenantAnswers[0];
      },
      onboard: async (region, displayName) => {
        onboarded.push({ region, displayName });
        onboardedYet = true;
        return tenant('provisioning');
      },
      startDirectorySync: async () => syncStatus(true),
      getDirectorySync: async () => (syncAnswers.length > 1 ? syncAnswers.shift()! : syncAnswers[0]),
    });
    render(<TenantSetup api={api} pollIntervalMs={0} onFinished={() => (finished += 1)} />);

    await screen.findByRole('heading', { name: 'Set up Atrium for your organisation' });
    expect(screen.getByText(/never leaves it/)).toBeTruthy();
    expect(screen.getByText(/permanent for now/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Switzerland North (Switzerland)' }).getAttribute('aria-describedby')).toBe('region-detail-switzerlandnorth');
    expect(screen.getByText('Data centres in Switzerland; the jurisdiction is Switzerland.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Enter the name of your organisation.')).toBeTruthy();
    expect(screen.getByText('Choose a region.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /Organisation name/ }), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Switzerland North (Switzerland)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByText('Fabrikam will keep its training records in Switzerland North, Switzerland. This cannot be changed later.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set up in Switzerland North' }));

    expect(await screen.findByRole('heading', { name: 'Atrium is ready' })).toBeTruthy();
    expect(screen.getByText('250 people were read from your directory. Their training records live in Switzerland North.')).toBeTruthy();
    expect(onboarded).toEqual([{ region: 'switzerlandnorth', displayName: 'Fabrikam' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Open Training admin' }));
    expect(finished).toBe(1);
  });

  it('carries on following a set-up that was already provisioning', async () => {
    const answers = [tenant('provisioning'), tenant('active')];
    const api = fakeSetup({
      getTenant: async () => (answers.length > 1 ? answers.shift()! : answers[0]),
      startDirectorySync: async () => syncStatus(false),
    });
    render(<TenantSetup api={api} pollIntervalMs={0} onFinished={() => undefined} />);
    expect(await screen.findByRole('heading', { name: 'Atrium is ready' })).toBeTruthy();
  });

  it('says the service’s message when onboarding is refused', async () => {
    const api = fakeSetup({
      getTenant: async () => {
        throw new LmsApiError(403, 'tenant_not_onboarded', 'not set up');
      },
      onboard: async () => {
        throw new LmsApiError(409, 'conflict', 'The organisation is being set up in another region already.');
      },
    });
    render(<TenantSetup api={api} pollIntervalMs={0} onFinished={() => undefined} />);
    fireEvent.change(await screen.findByRole('textbox', { name: /Organisation name/ }), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByRole('radio', { name: 'West Europe (Europe)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Set up in West Europe' }));
    expect(await screen.findByText('The organisation is being set up in another region already.')).toBeTruthy();
  });

  it('tells someone who is not a tenant admin who has to set the organisation up', async () => {
    render(<TenantSetup api={fakeSetup({ callerRoles: async () => [] })} onFinished={() => undefined} />);
    expect(await screen.findByRole('heading', { name: 'Your organisation has not set up Atrium yet' })).toBeTruthy();
    expect(screen.getByText(/Tenant.Admin/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
  });
});

describe('<OrganisationPage>', () => {
  it('shows where the data lives, syncs on demand with progress, and the connection details', async () => {
    const answers = [syncStatus(true, 40), syncStatus(false)];
    let started = 0;
    const api = fakeSetup({
      getTenant: async () => tenant('active'),
      getDirectorySync: async () => (answers.length > 1 ? answers.shift()! : answers[0]),
      startDirectorySync: async () => {
        started += 1;
        return syncStatus(true);
      },
    });
    const catalog = (id: string, name: string) => ({ id, name, description: '', siteUrl: null, createdAt: '2026-11-25T10:00:00.000Z', canManage: true });
    const managers: Record<string, Array<{ id: string; displayName: string | null; mail: string | null; department: string | null }>> = {
      c1: [
        { id: 'm1', displayName: 'Adele Vance', mail: 'adele@fabrikam.example', department: 'HR' },
        { id: 'm2', displayName: null, mail: 'lee@fabrikam.example', department: null },
      ],
      c2: [],
    };
    const catalogs: Pick<ITrainingAdminApi, 'listCatalogs' | 'listCatalogManagers'> = {
      listCatalogs: async () => [catalog('c1', 'Fabrikam Learning'), catalog('c2', 'Safety')],
      listCatalogManagers: async (catalogId) => managers[catalogId],
    };
    render(<OrganisationPage api={api} catalogs={catalogs} onOpenTrainingAdmin={() => undefined} pollIntervalMs={0} locale="en-GB" />);
    expect(await screen.findByText('Switzerland North (Switzerland)')).toBeTruthy();
    expect(screen.getByText('Switzerland')).toBeTruthy();
    expect(screen.getByText('Fabrikam Learning').closest('li')!.textContent).toBe('Fabrikam Learning: Adele Vance, lee@fabrikam.example');
    expect(screen.getByText('Safety').closest('li')!.textContent).toBe('Safety: no managers appointed (tenant admins manage it)');
    expect((screen.getByRole('textbox', { name: 'API address' }) as HTMLInputElement).value).toBe('https://lms.example');
    expect((screen.getByRole('textbox', { name: 'API audience (resource)' }) as HTMLInputElement).value).toBe('api://atrium-lms');

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('The directory sync finished.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/250 people changed, 250 new, 0 left/)).toBeTruthy());
    expect(started).toBe(1);
  });
});
