/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { ITeamApi, TeamMemberTraining } from '../../src/client/teamApi';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { TeamTraining } from '../../src/ui/team/TeamTraining';
import { catalog, courseSummary, fakeLearningApi, trainingItem } from './fixtures/learningFixtures';

setIconOptions({ disableWarnings: true });

const REPORT_ID = '00000000-0000-4000-8000-0000000000r1';

function member(name: string, items: ReturnType<typeof trainingItem>[], id = REPORT_ID): TeamMemberTraining {
  return { person: { id, displayName: name, jobTitle: 'Account Executive', department: 'Sales', officeLocation: 'Oslo' }, training: summariseMyTraining(items) };
}

const hanne = member('Hanne Hansen', [
  trainingItem({ enrolmentId: 'e1', title: 'Code of Conduct', source: 'rule', state: 'overdue', dueAt: '2026-11-01T17:00:00.000Z' }),
  trainingItem({ enrolmentId: 'e2', title: 'GDPR for Everyone', source: 'assigned', state: 'in-progress', dueAt: '2027-01-24T17:00:00.000Z', progressPercent: 50 }),
  trainingItem({ enrolmentId: 'e3', title: 'Fire Safety', source: 'self', state: 'completed', completedAt: '2026-10-02T10:00:00.000Z', progressPercent: 100 }),
]);

function teamApi(team: TeamMemberTraining[] | Error, assigned: string[] = []): ITeamApi {
  let current = team;
  return {
    getMyTeam: async () => {
      if (current instanceof Error) throw current;
      return current;
    },
    assignCourse: async (courseId, learnerIds, dueAt) => {
      assigned.push(`${courseId} ${learnerIds.join(',')} ${dueAt}`);
      if (!(current instanceof Error)) {
        current = [member('Hanne Hansen', [...hanne.training.items, trainingItem({ enrolmentId: 'e4', title: 'Ergonomics', source: 'assigned', dueAt })])];
      }
      return [];
    },
  };
}

const noCatalogs = fakeLearningApi({ listCatalogs: async () => [catalog()] });

describe('<TeamTraining>', () => {
  it("shows each report's assigned, overdue and completed training, and says when there is no course to assign", async () => {
    render(<TeamTraining teamApi={teamApi([hanne])} learningApi={noCatalogs} locale="en-GB" />);
    expect(await screen.findByRole('heading', { level: 3, name: 'Hanne Hansen' })).toBeTruthy();
    expect(screen.getByText('Account Executive · Sales · Oslo')).toBeTruthy();
    expect(screen.getByText('2 assigned · 1 overdue · 1 completed')).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Training of Hanne Hansen' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['Code of ConductOverdue1 Nov 20260%', 'GDPR for EveryoneIn progress24 Jan 202750%', 'Fire SafetyCompleted—100%']);
    expect(await screen.findByText(/There is no published course to assign yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Assign a course/ })).toBeNull();
  });

  it('lets a line manager assign a published course of a catalog they see, with a due date after today', async () => {
    const assigned: string[] = [];
    const learningApi = fakeLearningApi({
      listCatalogs: async () => [catalog({ canManage: false })],
      listCourses: async () => [courseSummary({ id: 'c-ergo', title: 'Ergonomics' }), courseSummary({ id: 'c-draft', title: 'Draft course', status: 'draft' })],
    });
    render(<TeamTraining teamApi={teamApi([hanne], assigned)} learningApi={learningApi} locale="en-GB" now={() => new Date(2026, 10, 25, 9)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Assign a course to Hanne Hansen' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Assign a course to Hanne Hansen' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Course/ }));
    expect(screen.queryByRole('option', { name: 'Draft course' })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Ergonomics' }));
    fireEvent.change(within(dialog).getByLabelText(/Due date/), { target: { value: '2026-11-25' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('Choose a date after today.')).toBeTruthy();
    expect(assigned).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText(/Due date/), { target: { value: '2026-12-15' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText(/Ergonomics is assigned to Hanne Hansen, due 15 Dec 2026/)).toBeTruthy();
    expect(assigned).toEqual([`c-ergo ${REPORT_ID} ${new Date(2026, 11, 15, 17).toISOString()}`]);
    expect(await screen.findByRole('rowheader', { name: 'Ergonomics' })).toBeTruthy();
  });

  it("shows the service's refusal of an assignment in the dialog", async () => {
    const api = teamApi([hanne]);
    api.assignCourse = async () => {
      throw new LmsApiError(403, 'forbidden', 'Only managers of this catalog can assign its courses.');
    };
    const learningApi = fakeLearningApi({ listCatalogs: async () => [catalog({ canManage: true })], listCourses: async () => [courseSummary({ id: 'c-ergo', title: 'Ergonomics' })] });
    render(<TeamTraining teamApi={api} learningApi={learningApi} now={() => new Date(2026, 10, 25, 9)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Assign a course to Hanne Hansen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Course/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Ergonomics' }));
    fireEvent.change(within(dialog).getByLabelText(/Due date/), { target: { value: '2027-01-10' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText(/Only managers of this catalog can assign its courses/)).toBeTruthy();
  });

  it('says what to do with no direct reports, and explains a tenant not onboarded', async () => {
    const { unmount } = render(<TeamTraining teamApi={teamApi([])} learningApi={noCatalogs} />);
    expect(await screen.findByText('No one reports to you in Atrium')).toBeTruthy();
    expect(screen.getByText(/ask your administrator to set you as their manager/)).toBeTruthy();
    unmount();
    render(<TeamTraining teamApi={teamApi(new LmsApiError(403, 'tenant_not_onboarded', 'x'))} learningApi={noCatalogs} />);
    expect(await screen.findByText(/has not set up Atrium yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
