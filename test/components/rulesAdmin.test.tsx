/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { fakeAdmin } from './fixtures/trainingAdminFixtures';
import { setIconOptions } from '@fluentui/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AssignmentRule, AssignmentRuleBody, CourseSummary, ITrainingAdminApi, RuleAssignmentPage, RulePreview } from '../../src/client/trainingAdminApi';
import { LmsApiError } from '../../src/client/lmsApiError';
import { RulesTab } from '../../src/ui/admin/RulesTab';

setIconOptions({ disableWarnings: true });

const CATALOG_ID = '11111111-1111-4111-8111-111111111111';
const COURSE_ID = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';
/** Short, so the tests run fast; still a real pause that coalesces typing. */
const DELAY_MS = 30;



const course: CourseSummary = {
  id: COURSE_ID,
  catalogId: CATALOG_ID,
  title: 'Code of Conduct',
  summary: '',
  format: 'e-learning',
  tags: [],
  durationMinutes: 30,
  sequentialLessons: false,
  status: 'published',
  createdAt: NOW,
  updatedAt: NOW,
  lessonCount: 2,
  hasQuiz: true,
};

const salesInOslo: AssignmentRule = { id: 'r1', catalogId: CATALOG_ID, courseId: COURSE_ID, name: 'Sales in Oslo', criteria: { department: ['Sales'], city: ['Oslo'] }, dueWithinDays: 30 };

function person(n: number, department = 'Sales'): RulePreview['sample'][number] {
  return { id: `p${n}`, displayName: `Person ${n}`, department, jobTitle: 'Account manager', officeLocation: 'Oslo HQ', country: 'Norway', city: 'Oslo' };
}

const preview = (matching: number, alreadyEnrolled: number, sample = [person(1)]): RulePreview => ({ matching, alreadyEnrolled, sample });

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  const settlers = {} as Pick<Deferred<T>, 'resolve' | 'reject'>;
  const promise = new Promise<T>((resolve, reject) => {
    settlers.resolve = resolve;
    settlers.reject = reject;
  });
  return { promise, ...settlers };
}

/** Lets pending promises and the preview's pause run out. */
const settle = (ms = DELAY_MS * 3): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, ms)));

const type = (name: string | RegExp, value: string): void => {
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
};

const previewRegion = (): HTMLElement => within(screen.getByRole('region', { name: 'Who this rule assigns' })).getByRole('status');

async function openNewRuleForm(api: ITrainingAdminApi): Promise<void> {
  render(<RulesTab api={api} catalogId={CATALOG_ID} locale="en-GB" previewDelayMs={DELAY_MS} />);
  fireEvent.click(await screen.findByRole('button', { name: 'New rule' }));
}

describe('<RulesTab> preview before saving', () => {
  it('counts who a valid rule assigns, with a sample, and shows no count while the form is not valid', async () => {
    const asked: AssignmentRuleBody[] = [];
    const api = fakeAdmin({
      listRules: async () => [],
      listCourses: async () => [course],
      previewRule: async (_catalogId, body) => {
        asked.push(body);
        return preview(12, 2, [person(1), { ...person(2, 'IT'), displayName: null, officeLocation: null, city: 'Bergen', jobTitle: null }]);
      },
    });
    await openNewRuleForm(api);
    type('Department', 'Sales');
    await settle();
    expect(asked).toEqual([]);
    expect(previewRegion().textContent).toBe('Fill in the rule name, course, due days and at least one criterion to see who matches now.');

    type(/Rule name/, 'Sales');
    type(/Rule name/, 'Sales safety');
    expect(await within(previewRegion()).findByText('12 people match now (2 already enrolled): saving assigns 10.')).toBeTruthy();
    const sample = screen.getByRole('table', { name: '2 of the 12 people who match' });
    expect(within(sample).getAllByRole('row').map((row) => Array.from(row.children).map((cell) => cell.textContent))).toEqual([
      ['Name', 'Department', 'Job title', 'Office / city'],
      ['Person 1', 'Sales', 'Account manager', 'Oslo HQ, Oslo'],
      ['(no name)', 'IT', '—', 'Bergen'],
    ]);
    // The name and due days do not change who matches: typing them asks nothing more.
    fireEvent.change(screen.getByRole('spinbutton', { name: /Due within/ }), { target: { value: '14' } });
    await settle();
    expect(asked).toEqual([{ name: 'Sales safety', courseId: COURSE_ID, criteria: { department: ['Sales'] }, dueWithinDays: 30 }]);

    type('Department', '');
    expect(previewRegion().textContent).toMatch(/^Fill in the rule name/);
    expect(screen.queryByText(/people match now/)).toBeNull();
    expect(screen.queryByRole('table', { name: /people who match/ })).toBeNull();
  });

  it('shows only the answer for the current criteria: a late answer for earlier ones never replaces it', async () => {
    const calls: Array<{ body: AssignmentRuleBody; answer: Deferred<RulePreview> }> = [];
    const api = fakeAdmin({
      listRules: async () => [],
      listCourses: async () => [course],
      previewRule: (_catalogId, body) => {
        const answer = deferred<RulePreview>();
        calls.push({ body, answer });
        return answer.promise;
      },
    });
    await openNewRuleForm(api);
    type(/Rule name/, 'Safety');
    type('Department', 'Sales');
    await waitFor(() => expect(calls.length).toBe(1));
    expect(within(previewRegion()).getByText('Counting the people who match…')).toBeTruthy();

    type('Department', 'Sales, IT');
    await act(async () => calls[0].answer.resolve(preview(5, 0)));
    await settle();
    expect(screen.queryByText(/5 people match now/)).toBeNull();
    expect(within(previewRegion()).getByText('Counting the people who match…')).toBeTruthy();
    expect(calls.map((c) => c.body.criteria)).toEqual([{ department: ['Sales'] }, { department: ['Sales', 'IT'] }]);

    // New criteria again while the answer for the previous ones is pending: that answer, arriving last, is not shown.
    type('Department', 'IT');
    await waitFor(() => expect(calls.length).toBe(3));
    await act(async () => calls[2].answer.resolve(preview(3, 1)));
    expect(await screen.findByText('3 people match now (1 already enrolled): saving assigns 2.')).toBeTruthy();
    await act(async () => calls[1].answer.resolve(preview(9, 1)));
    await settle();
    expect(screen.queryByText(/9 people match now/)).toBeNull();
    expect(screen.getByText('3 people match now (1 already enrolled): saving assigns 2.')).toBeTruthy();

    // The count of the old criteria goes at once, not when the new answer comes; a refusal says the service's words.
    type('Department', 'Sales');
    expect(screen.queryByText(/3 people match now/)).toBeNull();
    await waitFor(() => expect(calls.length).toBe(4));
    await act(async () => calls[3].answer.reject(new LmsApiError(404, 'not_found', 'The course was not found in this catalog.')));
    expect(await within(previewRegion()).findByText('The course was not found in this catalog.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Count again' }));
    await waitFor(() => expect(calls.length).toBe(5));
    expect(calls[4].body.criteria).toEqual({ department: ['Sales'] });
    await act(async () => calls[4].answer.resolve(preview(1, 0)));
    expect(await screen.findByText('1 person matches now (0 already enrolled): saving assigns 1.')).toBeTruthy();
  });
});

describe('<RulesTab> saving, assignments, editing, deleting', () => {
  const page = (assignments: RuleAssignmentPage['assignments'], total: number, nextCursor: string | null): RuleAssignmentPage => ({ assignments, total, nextCursor });
  const assignment = (n: number, extra: Partial<RuleAssignmentPage['assignments'][number]> = {}): RuleAssignmentPage['assignments'][number] => ({
    enrolmentId: `e${n}`,
    learnerId: `p${n}`,
    displayName: `Person ${n}`,
    department: 'Sales',
    status: 'not-started',
    dueAt: '2026-12-31T17:00:00.000Z',
    assignedAt: NOW,
    unmatchedAt: null,
    ...extra,
  });

  it('saves without waiting for the preview, says what the rule applied, and lists its assignments a page at a time', async () => {
    const rules: AssignmentRule[] = [];
    const created: AssignmentRuleBody[] = [];
    const pagesAsked: Array<[string, string | undefined]> = [];
    const api = fakeAdmin({
      listRules: async () => [...rules],
      listCourses: async () => [course, { ...course, id: '44444444-4444-4444-8444-444444444444', title: 'Draft course', status: 'draft' }],
      previewRule: () => new Promise<RulePreview>(() => undefined),
      createRule: async (_catalogId, body) => {
        created.push(body);
        const rule = { id: 'r2', catalogId: CATALOG_ID, ...body };
        rules.push(rule);
        return { rule, applied: { assigned: 3, unmatched: 0, rematched: 0 } };
      },
      listRuleAssignments: async (ruleId, cursor) => {
        pagesAsked.push([ruleId, cursor]);
        return cursor === 'next'
          ? page([assignment(3, { status: 'completed', dueAt: null, unmatchedAt: '2026-03-02T09:00:00.000Z' })], 3, null)
          : page([assignment(1), assignment(2, { status: 'overdue' })], 3, 'next');
      },
    });
    await openNewRuleForm(api);
    expect(screen.queryByRole('option', { name: 'Draft course' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('Fill in at least one criterion.')).toBeTruthy();
    type(/Rule name/, 'Sales safety');
    type('Department', 'Sales, IT');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    expect(await screen.findByText(/Rule “Sales safety” saved and applied: 3 people were assigned the course/)).toBeTruthy();
    expect(created).toEqual([{ name: 'Sales safety', courseId: COURSE_ID, criteria: { department: ['Sales', 'IT'] }, dueWithinDays: 30 }]);
    expect(await screen.findByRole('rowheader', { name: 'Sales safety' })).toBeTruthy();
    const list = await screen.findByRole('table', { name: 'People assigned by “Sales safety”' });
    expect(screen.getByRole('heading', { name: 'Assignments of “Sales safety”' })).toBe(document.activeElement);
    expect(screen.getByText('Showing 2 of 3 assignments.')).toBeTruthy();
    const cells = (): Array<Array<string | null>> => within(list).getAllByRole('row').slice(1).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(cells()).toEqual([
      ['Person 1', 'Sales', 'Not started', '31 Dec 2026', 'Yes'],
      ['Person 2', 'Sales', 'Overdue', '31 Dec 2026', 'Yes'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Showing 3 of 3 assignments.')).toBeTruthy();
    expect(cells()[2]).toEqual(['Person 3', 'Sales', 'Completed', 'No due date', 'No longer matches since 2 Mar 2026']);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(pagesAsked).toEqual([
      ['r2', undefined],
      ['r2', 'next'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Close the assignments' }));
    expect(screen.queryByRole('table', { name: 'People assigned by “Sales safety”' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'View assignments of Sales safety' })));
  });

  it('says why a rule could not be saved or its assignments not shown, and keeps the form', async () => {
    const api = fakeAdmin({
      listRules: async () => [salesInOslo],
      listCourses: async () => [course],
      previewRule: async () => preview(0, 0, []),
      createRule: async () => {
        throw new LmsApiError(409, 'conflict', 'A rule with this name exists already.');
      },
      listRuleAssignments: async () => {
        throw new LmsApiError(404, 'not_found', 'The rule was deleted.');
      },
    });
    await openNewRuleForm(api);
    type(/Rule name/, 'Sales in Oslo');
    type('City', 'Oslo');
    expect(await screen.findByText(/^Nobody matches now/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /people who match/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('A rule with this name exists already.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Rule name/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(await screen.findByRole('button', { name: 'View assignments of Sales in Oslo' }));
    expect(await screen.findByText('The rule was deleted.')).toBeTruthy();
  });

  it('edits a rule in the same form, filled in and previewed, and saves it with updateRule', async () => {
    const updates: Array<[string, AssignmentRuleBody]> = [];
    const asked: AssignmentRuleBody[] = [];
    const api = fakeAdmin({
      listRules: async () => [salesInOslo],
      listCourses: async () => [course],
      previewRule: async (_catalogId, body) => {
        asked.push(body);
        return preview(body.criteria.city?.length === 2 ? 7 : 4, 4);
      },
      updateRule: async (ruleId, body) => {
        updates.push([ruleId, body]);
        return { rule: { id: ruleId, catalogId: CATALOG_ID, ...body }, applied: { assigned: 3, unmatched: 1, rematched: 0 } };
      },
      listRuleAssignments: async () => page([], 0, null),
    });
    render(<RulesTab api={api} catalogId={CATALOG_ID} previewDelayMs={DELAY_MS} />);
    const table = await screen.findByRole('table', { name: 'Assignment rules of this catalog' });
    expect(within(table).getByText('Department: Sales; City: Oslo')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Sales in Oslo' }));

    expect(screen.getByRole('heading', { name: 'Edit rule “Sales in Oslo”' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /Rule name/ }) as HTMLInputElement).value).toBe('Sales in Oslo');
    expect((screen.getByRole('textbox', { name: 'Department' }) as HTMLInputElement).value).toBe('Sales');
    expect((screen.getByRole('spinbutton', { name: /Due within/ }) as HTMLInputElement).value).toBe('30');
    expect(await screen.findByText('4 people match now (4 already enrolled): saving assigns 0.')).toBeTruthy();

    type('City', 'Oslo, Bergen');
    fireEvent.change(screen.getByRole('spinbutton', { name: /Due within/ }), { target: { value: '14' } });
    expect(await screen.findByText('7 people match now (4 already enrolled): saving assigns 3.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    expect(await screen.findByText(/Rule “Sales in Oslo” saved and applied: 3 people were assigned the course, 1 out of scope/)).toBeTruthy();
    expect(updates).toEqual([['r1', { name: 'Sales in Oslo', courseId: COURSE_ID, criteria: { department: ['Sales'], city: ['Oslo', 'Bergen'] }, dueWithinDays: 14 }]]);
    expect(asked.map((b) => b.criteria.city)).toEqual([['Oslo'], ['Oslo', 'Bergen']]);
    expect(await screen.findByText('This rule has assigned nobody yet.')).toBeTruthy();
  });

  it('deletes a rule only once confirmed, saying the enrolments it made stay with the people', async () => {
    let rules = [salesInOslo];
    const deleted: string[] = [];
    let refuse = true;
    const api = fakeAdmin({
      listRules: async () => rules,
      listCourses: async () => [course],
      deleteRule: async (ruleId) => {
        deleted.push(ruleId);
        if (refuse) throw new LmsApiError(403, 'forbidden', 'Only the managers of this catalog can delete its rules.');
        rules = [];
      },
    });
    render(<RulesTab api={api} catalogId={CATALOG_ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Sales in Oslo' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete the rule “Sales in Oslo”?' });
    expect(within(dialog).getByText(/The enrolments it made stay with the people/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(deleted).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Sales in Oslo' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete the rule “Sales in Oslo”?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    expect(await within(dialog).findByText('Only the managers of this catalog can delete its rules.')).toBeTruthy();
    expect(deleted).toEqual(['r1']);

    refuse = false;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    expect(await screen.findByText('Rule “Sales in Oslo” deleted. The enrolments it made stay with the people.')).toBeTruthy();
    expect(deleted).toEqual(['r1', 'r1']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await screen.findByText('No assignment rules yet')).toBeTruthy();
  });
});
