/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { loadStringsModule } from '../support/locFiles';
import { fakeAdmin } from './fixtures/trainingAdminFixtures';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { CatalogView, Course, ITrainingAdminApi } from '../../src/client/trainingAdminApi';
import { englishAdminStrings } from '../../src/ui/admin/adminStrings';
import { AdminStringsProvider } from '../../src/ui/admin/adminStringsContext';
import { datePickerStrings } from '../../src/ui/admin/datePickerStrings';
import { TrainingAdmin } from '../../src/ui/admin/TrainingAdmin';
import { englishPlayerStrings } from '../../src/ui/player/playerStrings';
import { withEnglishFallback } from '../../src/webparts/common/withEnglishFallback';

setIconOptions({ disableWarnings: true });


// The web part's localizedScreenStrings and localizedPlayerStrings, without SPFx's loader of loc modules.
const shared = loadStringsModule('src/webparts/common/loc/de-de.js');
const german = withEnglishFallback(englishAdminStrings, { common: shared.Common, ...loadStringsModule('src/webparts/trainingAdmin/loc/de-de.js').Admin });
const germanPlayer = withEnglishFallback(englishPlayerStrings, { common: shared.Common, ...shared.Player });

const CATALOG_ID = '11111111-1111-4111-8111-111111111111';
const COURSE_ID = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';
const catalog: CatalogView = { id: CATALOG_ID, name: 'Contoso Learning', description: '', siteUrl: null, createdAt: NOW, canManage: true };
const course: Course = {
  id: COURSE_ID,
  catalogId: CATALOG_ID,
  title: 'Kundendaten',
  summary: 'Was die DSGVO vom Vertrieb verlangt.',
  format: 'e-learning',
  tags: [],
  durationMinutes: 20,
  sequentialLessons: false,
  status: 'draft',
  createdAt: NOW,
  updatedAt: NOW,
  lessons: [
    { id: '33333330-3333-4333-8333-333333333333', position: 1, title: 'Personenbezogene Daten', materialUrl: 'https://contoso.sharepoint.com/sites/l/daten.aspx', durationMinutes: 10 },
    { id: '33333331-3333-4333-8333-333333333333', position: 2, title: 'Auskunftsersuchen', materialUrl: 'https://contoso.sharepoint.com/sites/l/auskunft.aspx', durationMinutes: 10 },
  ],
  quiz: { passMarkPercent: 80, questions: [{ kind: 'true-false', prompt: 'Kunden dürfen ihre Daten anfordern.', correct: true }] },
};


function renderInGerman(api: ITrainingAdminApi): void {
  render(
    <AdminStringsProvider strings={german} playerStrings={germanPlayer}>
      <TrainingAdmin api={api} isTenantAdmin={false} canCreateCatalogs={true} locale="de-DE" />
    </AdminStringsProvider>,
  );
}

describe('<TrainingAdmin> in German', () => {
  const { lessons: _lessons, quiz: _quiz, ...header } = course;

  it('names the tabs and the courses in German, and previews a course with the learner page in German', async () => {
    renderInGerman(fakeAdmin({ listCatalogs: async () => [catalog], listCourses: async () => [{ ...header, lessonCount: 2, hasQuiz: true }], getCourse: async () => course }));

    expect(await screen.findByRole('heading', { name: 'Kundendaten' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Schulungsverwaltung' })).toBeTruthy();
    for (const tab of ['Kurse', 'Schulungspläne', 'Zuweisungsregeln', 'Berichte', 'Katalogeinstellungen']) expect(screen.getByRole('tab', { name: tab })).toBeTruthy();
    expect(screen.getByText('Entwurf · 2 Lektionen, Quiz · 20 Min.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kundendaten bearbeiten' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Kundendaten aus Sicht der Lernenden ansehen' }));
    expect(await screen.findByRole('button', { name: 'Für diesen Kurs anmelden' })).toBeTruthy();
    expect(screen.getByText(/Nichts, was Sie hier tun, wird gespeichert/)).toBeTruthy();
    expect(screen.getByText('Quiz: 1 Frage, Bestehensgrenze 80 %')).toBeTruthy();
  });

  it('says in German what stops a course from being saved', async () => {
    renderInGerman(fakeAdmin({ listCatalogs: async () => [catalog], listCourses: async () => [] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Neuer Kurs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Kurs speichern' }));
    const problems = await screen.findByText('Der Kurs kann noch nicht gespeichert werden:');
    const listed = within(problems.closest('.ms-MessageBar') as HTMLElement)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(listed).toEqual(expect.arrayContaining(['Titel: darf nicht leer sein', 'Dauer: muss eine ganze Zahl sein', 'Lektion 1, Titel: darf nicht leer sein']));
  });

  it('says a failed load in German, with the next step', async () => {
    renderInGerman(
      fakeAdmin({ listCatalogs: async () => [catalog], listCourses: async () => [], listPlans: async () => Promise.reject(new LmsApiError(0, 'unreachable', 'down')) }),
    );
    fireEvent.click(await screen.findByRole('tab', { name: 'Schulungspläne' }));
    expect(await screen.findByText(/Der Atrium-Dienst ist nicht erreichbar/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeTruthy();
  });

  it('gives the due date calendar German month and day names and labels', () => {
    const calendar = datePickerStrings(german.datePicker, 'de-DE');
    expect([calendar.months[11], calendar.days[1], calendar.goToToday]).toEqual(['Dezember', 'Montag', 'Zu heute wechseln']);
    expect(calendar.isResetStatusMessage).toBe('Ungültige Eingabe „{0}“, Datum auf „{1}“ zurückgesetzt');
  });
});
