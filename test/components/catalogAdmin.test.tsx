/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { fakeAdmin } from './fixtures/trainingAdminFixtures';
import { setIconOptions } from '@fluentui/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CatalogManager, CatalogView, CourseSummary, DirectoryGroup, DirectoryPerson, ITrainingAdminApi, PlanInput, PlanView } from '../../src/client/trainingAdminApi';
import { AssignCourseForm } from '../../src/ui/admin/AssignCourseForm';
import { CatalogSettingsTab } from '../../src/ui/admin/CatalogSettingsTab';
import { PeoplePicker } from '../../src/ui/admin/PeoplePicker';
import { PlansTab } from '../../src/ui/admin/PlansTab';
import { TrainingAdmin } from '../../src/ui/admin/TrainingAdmin';

setIconOptions({ disableWarnings: true });

const CATALOG_ID = '11111111-1111-4111-8111-111111111111';
const COURSE_ID = '22222222-2222-4222-8222-222222222222';
const SECOND_COURSE_ID = '77777777-7777-4777-8777-777777777777';
const NOW = '2026-11-25T10:00:00.000Z';



const ADA: DirectoryPerson = { id: '55555555-5555-4555-8555-555555555555', displayName: 'Ada Lovelace', mail: 'ada@contoso.com', department: 'Engineering', jobTitle: 'Engineer' };
const ADAM: DirectoryPerson = { id: '66666666-6666-4666-8666-666666666666', displayName: 'Adam Smith', mail: 'adam@contoso.com', department: 'Finance', jobTitle: null };
const GRACE: DirectoryPerson = { id: '99999999-9999-4999-8999-999999999999', displayName: 'Grace Hopper', mail: 'grace@contoso.com', department: 'IT', jobTitle: null };
const SALES: DirectoryGroup = { id: '88888888-8888-4888-8888-888888888888', displayName: 'Sales Norway', description: 'Everyone selling in Norway' };
const CATALOG: CatalogView = { id: CATALOG_ID, name: 'Contoso Learning', description: 'Company-wide training', siteUrl: 'https://contoso.sharepoint.com/sites/learning', createdAt: NOW, canManage: true };

const course = (id: string, title: string): CourseSummary => ({
  id,
  catalogId: CATALOG_ID,
  title,
  summary: '',
  format: 'e-learning',
  tags: [],
  durationMinutes: 30,
  sequentialLessons: false,
  status: 'published',
  createdAt: NOW,
  updatedAt: NOW,
  lessonCount: 1,
  hasQuiz: false,
});

/** A promise the test settles when it likes. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let settle: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, resolve: (value: T) => settle(value) };
}

const typeInto = (combobox: HTMLElement, value: string): void => {
  fireEvent.change(combobox, { target: { value } });
};
const press = (element: HTMLElement, key: string): void => {
  fireEvent.keyDown(element, { key });
};
const sleep = (ms: number): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

/** Types into a picker, waits for the suggestion, and picks it with the keyboard. */
async function pickWithKeyboard(pickerName: string, text: string, option: RegExp): Promise<void> {
  const combobox = screen.getByRole('combobox', { name: pickerName });
  typeInto(combobox, text);
  await screen.findByRole('option', { name: option });
  press(combobox, 'ArrowDown');
  await waitFor(() => expect(screen.getByRole('option', { name: option }).getAttribute('aria-selected')).toBe('true'));
  press(combobox, 'Enter');
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
}

function PeoplePickerHost({ api, debounceMs }: { api: ITrainingAdminApi; debounceMs?: number }): React.ReactElement {
  const [people, setPeople] = React.useState<DirectoryPerson[]>([]);
  return <PeoplePicker api={api} selected={people} onChange={setPeople} debounceMs={debounceMs} />;
}

describe('<PeoplePicker> over the whole directory', () => {
  it('searches from two characters, waits for the typing to pause, and lists name, mail and department', async () => {
    const searches: string[] = [];
    const api = fakeAdmin({
      searchDirectoryPeople: async (text) => {
        searches.push(text);
        return [ADA, ADAM];
      },
    });
    render(<PeoplePickerHost api={api} />);
    const combobox = screen.getByRole('combobox', { name: 'Find people' });
    expect(combobox.getAttribute('aria-expanded')).toBe('false');
    typeInto(combobox, 'a');
    await sleep(400);
    expect(searches).toEqual([]);

    typeInto(combobox, 'ad');
    typeInto(combobox, 'ada');
    const ada = await screen.findByRole('option', { name: /Ada Lovelace/ });
    expect(searches).toEqual(['ada']);
    expect(ada.textContent).toBe('Ada Lovelaceada@contoso.com · Engineering');
    expect(combobox.getAttribute('aria-expanded')).toBe('true');
    expect(combobox.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(screen.getByRole('status').textContent).toBe('2 people found. Use the arrow keys to choose, then Enter.');
  });

  it('picks with the arrow keys and Enter, lists the chosen people with a remove button, and does not offer them again', async () => {
    const api = fakeAdmin({ searchDirectoryPeople: async () => [ADA, ADAM] });
    render(<PeoplePickerHost api={api} debounceMs={0} />);
    const combobox = screen.getByRole('combobox', { name: 'Find people' });
    typeInto(combobox, 'ad');
    await screen.findByRole('option', { name: /Adam Smith/ });
    press(combobox, 'ArrowDown');
    press(combobox, 'ArrowDown');
    const adam = screen.getByRole('option', { name: /Adam Smith/ });
    expect(adam.getAttribute('aria-selected')).toBe('true');
    expect(combobox.getAttribute('aria-activedescendant')).toBe(adam.id);
    press(combobox, 'Enter');

    const chosen = screen.getByRole('list', { name: 'Chosen people' });
    expect(within(chosen).getByText('Adam Smith · adam@contoso.com · Finance')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect((combobox as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toBe('Adam Smith chosen.');

    typeInto(combobox, 'ad');
    await screen.findByRole('option', { name: /Ada Lovelace/ });
    expect(screen.queryByRole('option', { name: /Adam Smith/ })).toBeNull();
    press(combobox, 'Escape');
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.click(within(chosen).getByRole('button', { name: 'Remove Adam Smith' }));
    expect(screen.queryByRole('list', { name: 'Chosen people' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Adam Smith removed.');
  });

  it('keeps the answer to the latest text when an earlier search answers last', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<DirectoryPerson[]>>>();
    const api = fakeAdmin({
      searchDirectoryPeople: (text) => {
        const answer = deferred<DirectoryPerson[]>();
        answers.set(text, answer);
        return answer.promise;
      },
    });
    render(<PeoplePickerHost api={api} debounceMs={0} />);
    const combobox = screen.getByRole('combobox', { name: 'Find people' });
    typeInto(combobox, 'ad');
    await waitFor(() => expect(answers.has('ad')).toBe(true));
    typeInto(combobox, 'ada');
    await waitFor(() => expect(answers.has('ada')).toBe(true));

    await act(async () => answers.get('ada')?.resolve([ADA]));
    await screen.findByRole('option', { name: /Ada Lovelace/ });
    await act(async () => answers.get('ad')?.resolve([ADA, ADAM]));
    expect(screen.queryByRole('option', { name: /Adam Smith/ })).toBeNull();
    expect(screen.getAllByRole('option')).toHaveLength(1);
  });

  it('takes a pasted object id without searching, and says when the search fails', async () => {
    const searches: string[] = [];
    const api = fakeAdmin({
      searchDirectoryPeople: async (text) => {
        searches.push(text);
        throw new Error('offline');
      },
    });
    render(<PeoplePickerHost api={api} debounceMs={0} />);
    const combobox = screen.getByRole('combobox', { name: 'Find people' });
    await pickWithKeyboard('Find people', ` ${GRACE.id.toUpperCase()} `, new RegExp(`Object id ${GRACE.id}`));
    expect(within(screen.getByRole('list', { name: 'Chosen people' })).getByText(`Object id ${GRACE.id}`)).toBeTruthy();
    expect(searches).toEqual([]);

    typeInto(combobox, 'gr');
    expect(await screen.findByText('The search failed. Try again.')).toBeTruthy();
    expect(searches).toEqual(['gr']);
  });
});

describe('<CatalogSettingsTab>', () => {
  const settingsApi = (overrides: Partial<ITrainingAdminApi>): ITrainingAdminApi =>
    fakeAdmin({ getAudience: async () => [], listCatalogManagers: async () => [], ...overrides });

  it('limits the catalog to a group found in Entra ID, and opens it again to everyone', async () => {
    const saved: unknown[] = [];
    const groupSearches: string[] = [];
    const api = settingsApi({
      searchDirectoryGroups: async (text) => {
        groupSearches.push(text);
        return [SALES];
      },
      setAudience: async (_catalogId, groups) => {
        saved.push(groups);
        return groups.map((g) => ({ id: g.id, displayName: g.displayName ?? null }));
      },
    });
    render(<CatalogSettingsTab api={api} catalog={CATALOG} isTenantAdmin={true} searchDebounceMs={0} />);
    expect(await screen.findByText('Everyone in the organisation sees this catalog.')).toBeTruthy();
    await pickWithKeyboard('Find a group', 'sal', /Sales Norway/);
    expect(groupSearches).toEqual(['sal']);
    const audience = screen.getByRole('list', { name: 'Groups that see this catalog' });
    expect(within(audience).getByText('Sales Norway · Everyone selling in Norway')).toBeTruthy();
    expect(screen.queryByText('Everyone in the organisation sees this catalog.')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save audience' }));
    expect(await screen.findByText(/Audience saved/)).toBeTruthy();
    expect(saved).toEqual([[{ id: SALES.id, displayName: 'Sales Norway' }]]);

    fireEvent.click(within(audience).getByRole('button', { name: 'Remove Sales Norway' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save audience' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toEqual([]);
  });

  it('edits the name, description and site, checking the site address before anything is sent', async () => {
    const updates: unknown[] = [];
    const renamed: CatalogView[] = [];
    const api = settingsApi({
      updateCatalog: async (catalogId, input) => {
        updates.push({ catalogId, input });
        return { ...CATALOG, ...input };
      },
    });
    render(<CatalogSettingsTab api={api} catalog={CATALOG} isTenantAdmin={false} onCatalogSaved={(c) => renamed.push(c)} />);
    expect(screen.getByText('SharePoint site: https://contoso.sharepoint.com/sites/learning')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    expect(screen.getByRole('heading', { name: 'Edit Contoso Learning' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), { target: { value: 'Contoso Academy' } });
    const site = screen.getByRole('textbox', { name: /^SharePoint site/ });
    fireEvent.change(site, { target: { value: 'http://contoso.sharepoint.com/sites/academy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Enter the site’s full https address/)).toBeTruthy();
    expect(site.getAttribute('aria-invalid')).toBe('true');
    expect(updates).toEqual([]);

    fireEvent.change(site, { target: { value: 'https://contoso.sharepoint.com/sites/academy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Catalog “Contoso Academy” saved.')).toBeTruthy();
    expect(updates).toEqual([{ catalogId: CATALOG_ID, input: { name: 'Contoso Academy', description: 'Company-wide training', siteUrl: 'https://contoso.sharepoint.com/sites/academy' } }]);
    expect(screen.getByText('SharePoint site: https://contoso.sharepoint.com/sites/academy')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Catalog “Contoso Academy” saved.'));
    expect(renamed.map((c) => c.name)).toEqual(['Contoso Academy']);
  });

  it('lists the managers, appoints one found in the directory, and removes one after confirming (tenant admins)', async () => {
    let managers: CatalogManager[] = [{ id: ADA.id, displayName: 'Ada Lovelace', mail: 'ada@contoso.com', department: 'Engineering' }];
    const appointed: string[] = [];
    const removed: string[] = [];
    const api = settingsApi({
      listCatalogManagers: async () => managers,
      searchDirectoryPeople: async () => [GRACE],
      addCatalogManager: async (_catalogId, learnerId) => {
        appointed.push(learnerId);
        managers = [...managers, { id: GRACE.id, displayName: 'Grace Hopper', mail: GRACE.mail, department: 'IT' }];
      },
      removeCatalogManager: async (_catalogId, learnerId) => {
        removed.push(learnerId);
        managers = managers.filter((m) => m.id !== learnerId);
      },
    });
    render(<CatalogSettingsTab api={api} catalog={CATALOG} isTenantAdmin={true} searchDebounceMs={0} />);
    const list = await screen.findByRole('list', { name: 'Managers of this catalog' });
    expect(within(list).getByText('Ada Lovelace')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(await screen.findByText('Choose a person to appoint first.')).toBeTruthy();
    await pickWithKeyboard('Find a person to appoint', 'gr', /Grace Hopper/);
    fireEvent.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(await screen.findByText('Grace Hopper now manages this catalog.')).toBeTruthy();
    expect(appointed).toEqual([GRACE.id]);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Managers of this catalog' })).getByText('Grace Hopper')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Lovelace as manager' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Remove Ada Lovelace as a manager?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(removed).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Ada Lovelace as manager' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Remove Ada Lovelace as a manager?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove manager' }));
    const outcome = await screen.findByText('Ada Lovelace no longer manages this catalog.');
    await waitFor(() => expect(document.activeElement?.contains(outcome)).toBe(true));
    expect(removed).toEqual([ADA.id]);
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Managers of this catalog' })).queryByText('Ada Lovelace')).toBeNull());
  });

  it('shows catalog managers the managers but not the means to change them, and says why', async () => {
    const api = settingsApi({ listCatalogManagers: async () => [{ id: ADA.id, displayName: 'Ada Lovelace', mail: null, department: null }] });
    render(<CatalogSettingsTab api={api} catalog={CATALOG} isTenantAdmin={false} />);
    expect(await screen.findByRole('list', { name: 'Managers of this catalog' })).toBeTruthy();
    expect(screen.getByText('Only tenant admins can appoint or remove managers.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /as manager$/ })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Find a person to appoint' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Appoint' })).toBeNull();
  });
});

describe('<AssignCourseForm> to a group', () => {
  it('assigns the course to the members of a group and says how many were assigned and skipped', async () => {
    const calls: unknown[] = [];
    const api = fakeAdmin({
      searchDirectoryGroups: async () => [SALES],
      assignCourseToGroup: async (courseId, groupId, dueAt) => {
        calls.push({ courseId, groupId, dueAt });
        return { assigned: 12, skipped: 3 };
      },
    });
    render(<AssignCourseForm api={api} course={course(COURSE_ID, 'Code of Conduct')} onClose={() => undefined} locale="en-GB" searchDebounceMs={0} />);
    fireEvent.click(screen.getByRole('radio', { name: 'The members of a group' }));
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Choose a group.')).toBeTruthy();

    await pickWithKeyboard('Find a group', 'sa', /Sales Norway/);
    const due = screen.getByRole('combobox', { name: /Due date/ });
    fireEvent.change(due, { target: { value: '2030-01-31' } });
    fireEvent.focusOut(due);
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned to 12 people in Sales Norway, due 31 Jan 2030. Skipped 3 who are not in Atrium yet, departed or restricted.')).toBeTruthy();
    expect(calls).toEqual([{ courseId: COURSE_ID, groupId: SALES.id, dueAt: '2030-01-31T17:00:00.000Z' }]);
  });
});

describe('<PlansTab> editing a plan', () => {
  it('reorders the courses, renames and publishes the plan, and saves it with updatePlan', async () => {
    let plans: PlanView[] = [{ id: 'p1', catalogId: CATALOG_ID, title: 'New joiners', summary: 'First week', status: 'draft', courseIds: [COURSE_ID, SECOND_COURSE_ID] }];
    const updates: Array<{ planId: string; input: PlanInput }> = [];
    const api = fakeAdmin({
      listPlans: async () => plans,
      listCourses: async () => [course(COURSE_ID, 'Code of Conduct'), course(SECOND_COURSE_ID, 'GDPR for Everyone')],
      updatePlan: async (planId, input) => {
        updates.push({ planId, input });
        plans = [{ ...plans[0], ...input }];
        return plans[0];
      },
    });
    render(<PlansTab api={api} catalogId={CATALOG_ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit New joiners' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit New joiners' })));
    fireEvent.click(screen.getByRole('button', { name: 'Edit New joiners' }));
    expect(screen.getByRole('heading', { name: 'Editing New joiners' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Title/ }) as HTMLInputElement).value).toBe('New joiners');
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'Onboarding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move GDPR for Everyone up' }));
    // First now, it cannot go further up: the focus goes to its other move button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move GDPR for Everyone down' }));
    fireEvent.click(screen.getByRole('switch', { name: /Published/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));

    const saved = await screen.findByText('Training plan “Onboarding” saved.');
    await waitFor(() => expect(document.activeElement?.contains(saved)).toBe(true));
    expect(updates).toEqual([{ planId: 'p1', input: { title: 'Onboarding', summary: 'First week', courseIds: [SECOND_COURSE_ID, COURSE_ID], status: 'published' } }]);
    const item = (await screen.findByRole('heading', { name: 'Onboarding' })).closest('li') as HTMLElement;
    expect(within(item).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['GDPR for Everyone', 'Code of Conduct']);
  });
});

describe('<TrainingAdmin> catalog settings', () => {
  it('shows the new name in the catalog picker once the catalog is saved', async () => {
    const api = fakeAdmin({
      listCatalogs: async () => [CATALOG],
      listCourses: async () => [],
      getAudience: async () => [],
      listCatalogManagers: async () => [],
      updateCatalog: async (_catalogId, input) => ({ ...CATALOG, ...input }),
    });
    render(<TrainingAdmin api={api} isTenantAdmin={true} canCreateCatalogs={true} />);
    const picker = await screen.findByRole('combobox', { name: /^Catalog/ });
    expect(picker.textContent).toContain('Contoso Learning');
    fireEvent.click(screen.getByRole('tab', { name: 'Catalog settings' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^Name/ }), { target: { value: 'Contoso Academy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Catalog “Contoso Academy” saved.')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /^Catalog/ }).textContent).toContain('Contoso Academy');
  });
});
