/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { fakeAdmin } from './fixtures/trainingAdminFixtures';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AssignmentRule, CatalogReport, CatalogView, Course, CourseInput, CourseSummary } from '../../src/client/trainingAdminApi';
import { LmsApiError } from '../../src/client/lmsApiError';
import { AssignCourseForm } from '../../src/ui/admin/AssignCourseForm';
import { CourseEditor } from '../../src/ui/admin/CourseEditor';
import { CoursesTab } from '../../src/ui/admin/CoursesTab';
import { PlansTab } from '../../src/ui/admin/PlansTab';
import { ReportsTab } from '../../src/ui/admin/ReportsTab';
import { RulesTab } from '../../src/ui/admin/RulesTab';
import { TrainingAdmin } from '../../src/ui/admin/TrainingAdmin';

setIconOptions({ disableWarnings: true });

const CATALOG_ID = '11111111-1111-4111-8111-111111111111';
const COURSE_ID = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-25T10:00:00.000Z';



function courseFrom(input: CourseInput, status = input.status): Course {
  return {
    id: COURSE_ID,
    catalogId: CATALOG_ID,
    title: input.title,
    summary: input.summary,
    format: input.format,
    tags: input.tags,
    durationMinutes: input.durationMinutes,
    sequentialLessons: input.sequentialLessons,
    status,
    createdAt: NOW,
    updatedAt: NOW,
    lessons: input.lessons.map((l, i) => ({ id: `3333333${i}-3333-4333-8333-333333333333`, position: i + 1, title: l.title, materialUrl: l.materialUrl, durationMinutes: l.durationMinutes ?? null })),
    quiz: input.quiz,
  };
}

const summary = (title: string, status: CourseSummary['status'] = 'published'): CourseSummary => ({
  id: COURSE_ID,
  catalogId: CATALOG_ID,
  title,
  summary: '',
  format: 'e-learning',
  tags: [],
  durationMinutes: 30,
  sequentialLessons: false,
  status,
  createdAt: NOW,
  updatedAt: NOW,
  lessonCount: 2,
  hasQuiz: true,
});

const type = (name: string | RegExp, value: string, within_: HTMLElement = document.body): void => {
  fireEvent.change(within(within_).getByRole('textbox', { name }), { target: { value } });
};

const group = (name: string): HTMLElement => screen.getByRole('group', { name });

describe('<CourseEditor> with the quiz builder', () => {
  it('builds a course with ordered lessons and a quiz of every kind, checked before it is sent', async () => {
    const sent: CourseInput[] = [];
    const api = fakeAdmin({
      createCourse: async (_catalogId, input) => {
        sent.push(input);
        return courseFrom(input);
      },
    });
    let saved: Course | null = null;
    render(<CourseEditor api={api} catalogId={CATALOG_ID} course={null} onSaved={(c) => (saved = c)} onCancel={() => undefined} />);

    type(/^Title/, 'Fire safety');
    fireEvent.change(screen.getByRole('spinbutton', { name: /Duration/ }), { target: { value: '45' } });
    type('Lesson title', 'Exits', group('Lesson 1'));
    type('Material link', 'https://contoso.sharepoint.com/exits.pdf', group('Lesson 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Add lesson' }));
    type('Lesson title', 'Extinguishers', group('Lesson 2'));
    type('Material link', 'not a link', group('Lesson 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Move Lesson 2 up' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add a quiz' }));
    type('Question', 'Which extinguisher is for electrical fires?', group('Question 1'));
    type('Option 1', 'Water', group('Question 1'));
    type('Option 2', 'CO2', group('Question 1'));
    fireEvent.click(within(group('Question 1')).getByRole('checkbox', { name: 'Option 2 is correct' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.click(within(group('Question 2')).getByRole('combobox', { name: /^Kind/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Multiple answer (several answers)' }));
    type('Question', 'Which are fire exits?', group('Question 2'));
    type('Option 1', 'Door A', group('Question 2'));
    type('Option 2', 'Window', group('Question 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Question 2: Add option' }));
    type('Option 3', 'Door B', group('Question 2'));
    fireEvent.click(within(group('Question 2')).getByRole('checkbox', { name: 'Option 1 is correct' }));
    fireEvent.click(within(group('Question 2')).getByRole('checkbox', { name: 'Option 3 is correct' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.click(within(group('Question 3')).getByRole('combobox', { name: /^Kind/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'True or false' }));
    type('Question', 'Lifts may be used in a fire.', group('Question 3'));
    fireEvent.click(screen.getByRole('radio', { name: 'False' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Pass mark (%)' }), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('switch', { name: /Published/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    expect(await screen.findByText('Lesson 1, material link: must be an absolute URL')).toBeTruthy();
    expect(sent).toEqual([]);

    type('Material link', 'https://contoso.sharepoint.com/extinguishers.mp4', group('Lesson 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    await waitFor(() => expect(saved).not.toBeNull());
    expect(sent).toEqual([
      {
        title: 'Fire safety',
        summary: '',
        format: 'e-learning',
        tags: [],
        durationMinutes: 45,
        sequentialLessons: false,
        lessons: [
          { title: 'Extinguishers', materialUrl: 'https://contoso.sharepoint.com/extinguishers.mp4' },
          { title: 'Exits', materialUrl: 'https://contoso.sharepoint.com/exits.pdf' },
        ],
        quiz: {
          passMarkPercent: 70,
          questions: [
            { kind: 'multiple-choice', prompt: 'Which extinguisher is for electrical fires?', options: ['Water', 'CO2'], correct: 1 },
            { kind: 'multiple-answer', prompt: 'Which are fire exits?', options: ['Door A', 'Window', 'Door B'], correct: [0, 2] },
            { kind: 'true-false', prompt: 'Lifts may be used in a fire.', correct: false },
          ],
        },
        status: 'published',
      },
    ]);
  });

  it('asks for the correct option of a question', async () => {
    render(<CourseEditor api={fakeAdmin({})} catalogId={CATALOG_ID} course={null} onSaved={() => undefined} onCancel={() => undefined} />);
    type(/^Title/, 'Quiz only');
    fireEvent.change(screen.getByRole('spinbutton', { name: /Duration/ }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Lesson 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a quiz' }));
    type('Question', 'Pick one', group('Question 1'));
    type('Option 1', 'A', group('Question 1'));
    type('Option 2', 'B', group('Question 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    expect(await screen.findByText('Question 1, correct answer: mark the correct option')).toBeTruthy();
  });

  it('says before saving a published course that learners keep their progress', async () => {
    const existing = courseFrom({
      title: 'Code of Conduct',
      summary: '',
      format: 'e-learning',
      tags: ['compliance'],
      durationMinutes: 30,
      sequentialLessons: true,
      lessons: [{ title: 'Why', materialUrl: 'https://contoso.sharepoint.com/why' }],
      quiz: null,
      status: 'published',
    });
    const updates: CourseInput[] = [];
    const api = fakeAdmin({
      updateCourse: async (_id, input) => {
        updates.push(input);
        return courseFrom(input);
      },
    });
    render(<CourseEditor api={api} catalogId={CATALOG_ID} course={existing} onSaved={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Editing Code of Conduct' })).toBeTruthy();
    type('Lesson title', 'Why it matters', group('Lesson 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Save changes to a published course?' });
    expect(within(dialog).getByText(/keep their progress/)).toBeTruthy();
    expect(updates).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(updates.length).toBe(1));
    expect(updates[0].lessons[0].title).toBe('Why it matters');
    expect(updates[0].tags).toEqual(['compliance']);
  });
});

describe('<CourseEditor> and <CoursesTab>: where the focus goes when the control pressed goes away or moves', () => {
  const focusIs = (element: HTMLElement): void => expect(document.activeElement).toBe(element);

  it('follows the parts added, removed and moved in the editor, and lands on what stops a save', async () => {
    render(<CourseEditor api={fakeAdmin({})} catalogId={CATALOG_ID} course={null} onSaved={() => undefined} onCancel={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add lesson' }));
    focusIs(within(group('Lesson 2')).getByRole('textbox', { name: 'Lesson title' }));
    type('Lesson title', 'Second', group('Lesson 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Move Lesson 2 up' }));
    focusIs(screen.getByRole('button', { name: 'Move Lesson 1 down' }));
    expect(within(group('Lesson 1')).getByRole('textbox', { name: 'Lesson title' })).toHaveProperty('value', 'Second');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Lesson 2' }));
    focusIs(screen.getByRole('button', { name: 'Add lesson' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add a quiz' }));
    focusIs(screen.getByRole('spinbutton', { name: 'Pass mark (%)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Question 1: Add option' }));
    focusIs(within(group('Question 1')).getByRole('textbox', { name: 'Option 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Question 1, Option 3' }));
    focusIs(screen.getByRole('button', { name: 'Question 1: Add option' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    focusIs(within(group('Question 2')).getByRole('combobox', { name: /^Kind/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Question 2 up' }));
    focusIs(screen.getByRole('button', { name: 'Move Question 1 down' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Question 2' }));
    focusIs(screen.getByRole('button', { name: 'Add question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the quiz' }));
    focusIs(screen.getByRole('button', { name: 'Add a quiz' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    const problems = await screen.findByText('The course cannot be saved yet:');
    await waitFor(() => expect(document.activeElement?.contains(problems)).toBe(true));
  });

  it('returns from the editor to the course list on the status of the save, or on the button that opened it', async () => {
    const existing = courseFrom({ title: 'Code of Conduct', summary: '', format: 'e-learning', tags: [], durationMinutes: 30, sequentialLessons: false, lessons: [{ title: 'Why', materialUrl: 'https://contoso.sharepoint.com/why' }], quiz: null, status: 'draft' });
    const api = fakeAdmin({
      listCourses: async () => [summary('Code of Conduct', 'draft')],
      getCourse: async () => existing,
      updateCourse: async (_id, input) => courseFrom(input),
    });
    render(<CoursesTab api={api} catalogId={CATALOG_ID} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Code of Conduct' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => focusIs(screen.getByRole('button', { name: 'Edit Code of Conduct' })));

    fireEvent.click(screen.getByRole('button', { name: 'New course' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => focusIs(screen.getByRole('button', { name: 'New course' })));

    fireEvent.click(screen.getByRole('button', { name: 'Edit Code of Conduct' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save course' }));
    const saved = await screen.findByText('“Code of Conduct” saved.');
    await waitFor(() => expect(document.activeElement?.contains(saved)).toBe(true));
  });
});

describe('<RulesTab>', () => {
  it('lists the rules and, after saving a new one, says how many people it assigned', async () => {
    const rules: AssignmentRule[] = [
      { id: 'r1', catalogId: CATALOG_ID, courseId: COURSE_ID, name: 'Sales in Oslo', criteria: { department: ['Sales'], city: ['Oslo'] }, dueWithinDays: 30 },
    ];
    const created: unknown[] = [];
    const api = fakeAdmin({
      listRules: async () => rules,
      listCourses: async () => [summary('Code of Conduct'), { ...summary('Draft course', 'draft'), id: '44444444-4444-4444-8444-444444444444' }],
      createRule: async (_catalogId, body) => {
        created.push(body);
        const rule = { id: 'r2', catalogId: CATALOG_ID, ...body };
        rules.push(rule);
        return { rule, applied: { assigned: 17, unmatched: 0, rematched: 0 } };
      },
    });
    render(<RulesTab api={api} catalogId={CATALOG_ID} />);
    const table = await screen.findByRole('table', { name: 'Assignment rules of this catalog' });
    expect(within(table).getByRole('rowheader', { name: 'Sales in Oslo' })).toBeTruthy();
    expect(within(table).getByText('Department: Sales; City: Oslo')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    type(/Rule name/, 'Engineering security');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText('Fill in at least one criterion.')).toBeTruthy();

    type('Department', 'Engineering, IT');
    fireEvent.change(screen.getByRole('spinbutton', { name: /Due within/ }), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(await screen.findByText(/17 people were assigned the course/)).toBeTruthy();
    expect(created).toEqual([{ name: 'Engineering security', courseId: COURSE_ID, criteria: { department: ['Engineering', 'IT'] }, dueWithinDays: 14 }]);
    expect(await screen.findByRole('rowheader', { name: 'Engineering security' })).toBeTruthy();
  });
});

const REPORT: CatalogReport = {
  generatedAt: NOW,
  byCourse: [{ key: COURSE_ID, label: 'Code of Conduct', total: 20, completed: 5, overdue: 3, dueSoon: 2, inProgress: 4, notStarted: 6, completionPercent: 25 }],
  byDepartment: [
    { key: 'Sales', label: 'Sales', total: 12, completed: 3, overdue: 3, dueSoon: 0, inProgress: 2, notStarted: 4, completionPercent: 25 },
    { key: 'IT', label: 'IT', total: 8, completed: 2, overdue: 0, dueSoon: 2, inProgress: 2, notStarted: 2, completionPercent: 25 },
  ],
  byOffice: [{ key: 'Oslo', label: 'Oslo', total: 20, completed: 5, overdue: 3, dueSoon: 2, inProgress: 4, notStarted: 6, completionPercent: 25 }],
};

describe('<ReportsTab>', () => {
  it('shows each breakdown as a named chart and a table, and downloads the CSV with the token-bearing client', async () => {
    const saved: Array<{ name: string; size: number }> = [];
    const api = fakeAdmin({
      getReport: async () => REPORT,
      downloadReport: async (_catalogId, format) => ({ blob: new Blob(['Learner,Department\r\n']), fileName: `enrolments.${format}` }),
    });
    render(<ReportsTab api={api} catalogId={CATALOG_ID} locale="en-GB" save={(blob, name) => saved.push({ name, size: blob.size })} />);
    expect(await screen.findByRole('img', { name: /Completion by department, as a bar chart/ })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Enrolments by department' });
    const sales = within(table).getByRole('row', { name: /Sales/ });
    expect(within(sales).getAllByRole('cell').map((c) => c.textContent)).toEqual(['12', '3', '2', '4', '0', '3', '25%']);
    expect(screen.getByRole('table', { name: 'Enrolments by course' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Enrolments by office' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'enrolments.csv', size: 20 }]));
  });

  it('says the service’s message when a download is refused, and when there is nothing to report', async () => {
    const api = fakeAdmin({
      getReport: async () => REPORT,
      downloadReport: async () => {
        throw new LmsApiError(403, 'forbidden', 'Only the managers of this catalog can download its reports.');
      },
    });
    const { unmount } = render(<ReportsTab api={api} catalogId={CATALOG_ID} save={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download Excel' }));
    expect(await screen.findByText('Only the managers of this catalog can download its reports.')).toBeTruthy();
    unmount();
    render(<ReportsTab api={fakeAdmin({ getReport: async () => ({ generatedAt: NOW, byCourse: [], byDepartment: [], byOffice: [] }) })} catalogId={CATALOG_ID} />);
    expect(await screen.findByText(/No enrolments yet/)).toBeTruthy();
  });
});

describe('<AssignCourseForm>', () => {
  it('assigns a course to people found in the directory and a pasted object id, with a due date', async () => {
    const calls: unknown[] = [];
    const searches: string[] = [];
    const ada = { id: '55555555-5555-4555-8555-555555555555', displayName: 'Ada Lovelace', mail: 'ada@contoso.com', department: 'Sales', jobTitle: null };
    const pasted = '66666666-6666-4666-8666-666666666666';
    const api = fakeAdmin({
      searchDirectoryPeople: async (search) => {
        searches.push(search);
        return search === 'ada' ? [ada] : [];
      },
      assignCourse: async (courseId, learnerIds, dueAt) => {
        calls.push({ courseId, learnerIds, dueAt });
        return learnerIds.map((learnerId) => ({ id: `e-${learnerId}`, learnerId, courseId, catalogId: CATALOG_ID, source: 'assigned' as const, dueAt, enrolledAt: NOW, startedAt: null, completedAt: null }));
      },
    });
    render(<AssignCourseForm api={api} course={summary('Code of Conduct')} onClose={() => undefined} locale="en-GB" searchDebounceMs={0} />);
    expect(screen.getByRole('heading', { name: 'Assign Code of Conduct' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Choose at least one person.')).toBeTruthy();

    const people = screen.getByRole('combobox', { name: 'Find people' });
    fireEvent.change(people, { target: { value: 'ada' } });
    fireEvent.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    fireEvent.change(people, { target: { value: pasted } });
    fireEvent.keyDown(people, { key: 'ArrowDown' });
    fireEvent.keyDown(people, { key: 'Enter' });
    expect(within(screen.getByRole('list', { name: 'Chosen people' })).getAllByRole('listitem')).toHaveLength(2);
    expect(searches).toEqual(['ada']);
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Choose a due date.')).toBeTruthy();

    const due = screen.getByRole('combobox', { name: /Due date/ });
    fireEvent.change(due, { target: { value: '2030-01-31' } });
    fireEvent.focusOut(due);
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Assigned to 2 people, due 31 Jan 2030.')).toBeTruthy();
    expect(calls).toEqual([{ courseId: COURSE_ID, learnerIds: [ada.id, pasted], dueAt: '2030-01-31T17:00:00.000Z' }]);
  });
});

describe('<PlansTab>', () => {
  it('creates a plan of courses in the order chosen', async () => {
    const second = { ...summary('GDPR for Everyone'), id: '77777777-7777-4777-8777-777777777777' };
    const created: unknown[] = [];
    const plans: Array<{ id: string; catalogId: string; title: string; summary: string; status: 'draft' | 'published'; courseIds: string[] }> = [];
    const api = fakeAdmin({
      listPlans: async () => plans,
      listCourses: async () => [summary('Code of Conduct'), second],
      createPlan: async (_catalogId, input) => {
        created.push(input);
        const plan = { id: 'p1', catalogId: CATALOG_ID, title: input.title, summary: input.summary, status: input.status, courseIds: input.courseIds };
        plans.push(plan);
        return plan;
      },
    });
    render(<PlansTab api={api} catalogId={CATALOG_ID} />);
    expect(await screen.findByText('No training plans yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New training plan' }));
    type(/^Title/, 'New joiners');
    for (const title of ['Code of Conduct', 'GDPR for Everyone']) {
      fireEvent.click(screen.getByRole('combobox', { name: /Add a course/ }));
      fireEvent.click(await screen.findByRole('option', { name: title }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Move GDPR for Everyone up' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(await screen.findByText('Training plan “New joiners” created.')).toBeTruthy();
    expect(created).toEqual([{ title: 'New joiners', summary: '', courseIds: [second.id, COURSE_ID], status: 'draft' }]);
    expect(screen.getByRole('heading', { name: 'New joiners' })).toBeTruthy();
  });
});

describe('<TrainingAdmin>', () => {
  const catalog = (canManage: boolean): CatalogView => ({ id: CATALOG_ID, name: 'Contoso Learning', description: '', siteUrl: null, createdAt: NOW, canManage });

  it('tells a learner that Training admin is for managers', async () => {
    render(<TrainingAdmin api={fakeAdmin({ listCatalogs: async () => [catalog(false)] })} isTenantAdmin={false} canCreateCatalogs={false} />);
    expect(await screen.findByText(/Training admin is for training managers and tenant admins/)).toBeTruthy();
  });

  it('opens a managed catalog on its courses', async () => {
    const api = fakeAdmin({ listCatalogs: async () => [catalog(true)], listCourses: async () => [summary('Code of Conduct')] });
    render(<TrainingAdmin api={api} isTenantAdmin={false} canCreateCatalogs={true} />);
    expect(await screen.findByRole('heading', { name: 'Code of Conduct' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Assignment rules' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Assign Code of Conduct' })).toBeTruthy();
  });

  it('returns the focus to "New catalog" when the catalog form is cancelled', async () => {
    const api = fakeAdmin({ listCatalogs: async () => [catalog(true)], listCourses: async () => [] });
    render(<TrainingAdmin api={api} isTenantAdmin={false} canCreateCatalogs={true} />);
    fireEvent.click(await screen.findByRole('button', { name: 'New catalog' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New catalog' })));
  });
});
