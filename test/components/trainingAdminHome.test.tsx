/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { loadStringsModule } from '../support/locFiles';
import { fakeAdmin } from './fixtures/trainingAdminFixtures';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { ITenantSetupApi } from '../../src/client/tenantSetupApi';
import type { CatalogView, ITrainingAdminApi } from '../../src/client/trainingAdminApi';
import { englishAdminStrings } from '../../src/ui/admin/adminStrings';
import { AdminStringsProvider } from '../../src/ui/admin/adminStringsContext';
import { TrainingAdminHome } from '../../src/ui/admin/TrainingAdminHome';
import { englishSetupStrings } from '../../src/ui/setup/setupStrings';
import { SetupStringsProvider } from '../../src/ui/setup/setupStringsContext';
import { TenantSetup } from '../../src/ui/setup/TenantSetup';
import { withEnglishFallback } from '../../src/webparts/common/withEnglishFallback';
import { fakeSetup, syncStatus, tenant } from './fixtures/tenantSetupFixtures';

setIconOptions({ disableWarnings: true });


// The web part's localizedScreenStrings, without SPFx's loader of loc modules.
const shared = loadStringsModule('src/webparts/common/loc/de-de.js');
const trainingAdminLoc = loadStringsModule('src/webparts/trainingAdmin/loc/de-de.js');
const germanSetup = withEnglishFallback(englishSetupStrings, { common: shared.Common, ...trainingAdminLoc.Setup });
const germanAdmin = withEnglishFallback(englishAdminStrings, { common: shared.Common, ...trainingAdminLoc.Admin });

const catalog: CatalogView = { id: 'c1', name: 'Fabrikam Learning', description: '', siteUrl: null, createdAt: '2026-11-25T10:00:00.000Z', canManage: true };


const adminApi = (): ITrainingAdminApi => fakeAdmin({ listCatalogs: async () => [catalog], listCourses: async () => [], listCatalogManagers: async () => [] });
const organisationApi = (): ITenantSetupApi =>
  fakeSetup({ getTenant: async () => tenant('active'), getDirectorySync: async () => syncStatus(false) });

describe('<TrainingAdminHome>', () => {
  it('lets a tenant admin open the Organisation page and come back, moving the focus to each page’s heading', async () => {
    render(<TrainingAdminHome api={adminApi()} isTenantAdmin={true} canCreateCatalogs={true} organisation={organisationApi()} locale="en-GB" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Training admin' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Organisation' }));
    const organisationHeading = await screen.findByRole('heading', { level: 2, name: 'Organisation' });
    expect(document.activeElement).toBe(organisationHeading);
    expect(await screen.findByText('Switzerland North (Switzerland)')).toBeTruthy();
    expect(screen.getByText('Fabrikam Learning').closest('li')!.textContent).toBe('Fabrikam Learning: no managers appointed (tenant admins manage it)');
    expect(screen.queryByRole('heading', { name: 'Training admin' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Back to Training admin' }));
    expect(document.activeElement).toBe(await screen.findByRole('heading', { level: 2, name: 'Training admin' }));
    expect(screen.queryByRole('heading', { name: 'Organisation' })).toBeNull();
  });

  it('returns to Training admin from the Organisation page’s own link to it', async () => {
    render(<TrainingAdminHome api={adminApi()} isTenantAdmin={true} canCreateCatalogs={true} organisation={organisationApi()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Organisation' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Appoint or remove managers in Training admin' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Training admin' })).toBeTruthy();
  });

  it('offers no Organisation page to a training manager, nor without the set-up API', async () => {
    const { unmount } = render(<TrainingAdminHome api={adminApi()} isTenantAdmin={false} canCreateCatalogs={true} organisation={organisationApi()} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Training admin' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Organisation' })).toBeNull();
    unmount();

    render(<TrainingAdminHome api={adminApi()} isTenantAdmin={true} canCreateCatalogs={true} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Training admin' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Organisation' })).toBeNull();
  });

  it('speaks German: the switch, the Organisation page and the way back', async () => {
    render(
      <AdminStringsProvider strings={germanAdmin}>
        <SetupStringsProvider strings={germanSetup}>
          <TrainingAdminHome api={adminApi()} isTenantAdmin={true} canCreateCatalogs={true} organisation={organisationApi()} locale="de-DE" />
        </SetupStringsProvider>
      </AdminStringsProvider>,
    );
    expect(await screen.findByRole('heading', { level: 2, name: 'Schulungsverwaltung' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Organisation' }));
    expect(await screen.findByRole('heading', { level: 3, name: 'Region und Datenbank' })).toBeTruthy();
    for (const text of ['Rechtsordnung', 'Aktiv', 'Letzte vollständige Synchronisierung', '250 Personen geändert, 250 neu, 0 ausgeschieden; Regeln haben 0 Kurse zugewiesen.']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText('Fabrikam Learning').closest('li')!.textContent).toBe('Fabrikam Learning: keine Verantwortlichen ernannt (die Mandantenadministration verwaltet ihn)');
    expect(screen.getByRole('button', { name: 'Jetzt synchronisieren' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'API-Adresse' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Zurück zur Schulungsverwaltung' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Schulungsverwaltung' })).toBeTruthy();
  });
});

describe('<TenantSetup> in German', () => {
  const renderInGerman = (api: ITenantSetupApi, onFinished: () => void = () => undefined): void => {
    render(
      <SetupStringsProvider strings={germanSetup}>
        <TenantSetup api={api} pollIntervalMs={0} onFinished={onFinished} />
      </SetupStringsProvider>,
    );
  };

  it('walks a tenant admin through the wizard in German', async () => {
    let onboardedYet = false;
    let finished = 0;
    renderInGerman(
      fakeSetup({
        getTenant: async () => {
          if (!onboardedYet) throw new LmsApiError(403, 'tenant_not_onboarded', 'Your organisation has not been set up in Atrium yet.');
          return tenant('active');
        },
        onboard: async () => {
          onboardedYet = true;
          return tenant('active');
        },
        startDirectorySync: async () => syncStatus(false),
      }),
      () => (finished += 1),
    );

    expect(await screen.findByRole('heading', { level: 2, name: 'Atrium für Ihre Organisation einrichten' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Schritt 1 von 4: Region' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(expect.arrayContaining(['1. Region', '2. Bestätigen', '3. Datenbank', '4. Personen']));
    expect(screen.getByText('Rechenzentren: Switzerland; Rechtsordnung: Switzerland.')).toBeTruthy();
    expect(screen.getByText(/verlassen sie nie/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(await screen.findByText('Geben Sie den Namen Ihrer Organisation ein.')).toBeTruthy();
    expect(screen.getByText('Wählen Sie eine Region.')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: /Name der Organisation/ }), { target: { value: 'Fabrikam' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Switzerland North (Switzerland)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Weiter' }));
    expect(await screen.findByText('Die Schulungsnachweise von Fabrikam werden in Switzerland North, Switzerland gespeichert. Das lässt sich später nicht ändern.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Schritt 2 von 4: Bestätigen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'In Switzerland North einrichten' }));

    expect(await screen.findByRole('heading', { name: 'Atrium ist bereit' })).toBeTruthy();
    expect(screen.getByText('Die Datenbank Ihrer Organisation ist in Switzerland North bereit.')).toBeTruthy();
    expect(screen.getByText('250 Personen wurden aus Ihrem Verzeichnis gelesen. Deren Schulungsnachweise liegen in Switzerland North.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Schulungsverwaltung öffnen' }));
    expect(finished).toBe(1);
  });

  it('says a failed load in German, with the next step', async () => {
    const notOnboarded = new LmsApiError(403, 'tenant_not_onboarded', 'Not set up.');
    renderInGerman(fakeSetup({ listRegions: async () => Promise.reject(new LmsApiError(0, 'unreachable', 'down')), getTenant: async () => Promise.reject(notOnboarded) }));
    expect(await screen.findByText(/Der Atrium-Dienst ist nicht erreichbar/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
  });

  it('tells someone who is not a tenant admin in German who has to set the organisation up', async () => {
    renderInGerman(fakeSetup({ callerRoles: async () => ['Catalog.Manage'] }));
    expect(await screen.findByRole('heading', { name: 'Ihre Organisation hat Atrium noch nicht eingerichtet' })).toBeTruthy();
    expect(screen.getByText(/Mandantenadministration Ihrer Organisation \(mit der Atrium-Rolle „Tenant.Admin“\)/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Weiter' })).toBeNull();
  });
});
