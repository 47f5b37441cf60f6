/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CatalogReport, ITrainingAdminApi, ReportFilters, ReportFormat } from '../../src/client/trainingAdminApi';
import type { ReportBucket } from '../../src/domain/reports';
import { ReportsTab } from '../../src/ui/admin/ReportsTab';

setIconOptions({ disableWarnings: true });

const CATALOG_ID = '11111111-1111-4111-8111-111111111111';
const CONDUCT = '22222222-2222-4222-8222-222222222222';
const SAFETY = '33333333-3333-4333-8333-333333333333';
const NOW = '2026-11-25T10:00:00.000Z';

const bucket = (key: string, label: string, total: number): ReportBucket => ({
  key,
  label,
  total,
  completed: 0,
  overdue: 0,
  dueSoon: 0,
  inProgress: 0,
  notStarted: total,
  completionPercent: 0,
});

const FULL: CatalogReport = {
  generatedAt: NOW,
  byCourse: [bucket(SAFETY, 'Working at heights', 7), bucket(CONDUCT, 'Code of Conduct', 13)],
  byDepartment: [bucket('Sales', 'Sales', 12), bucket('(not set)', '(not set)', 3), bucket('IT', 'IT', 5)],
  byOffice: [bucket('Oslo', 'Oslo', 15), bucket('London', 'London', 5)],
};
/** What the service answers for Sales: only Sales enrolments, so only some courses and offices. */
const SALES: CatalogReport = {
  generatedAt: NOW,
  byCourse: [bucket(CONDUCT, 'Code of Conduct', 12)],
  byDepartment: [bucket('Sales', 'Sales', 12)],
  byOffice: [bucket('Oslo', 'Oslo', 12)],
};
const SALES_IN_LONDON: CatalogReport = { generatedAt: NOW, byCourse: [], byDepartment: [], byOffice: [] };

const notCalled = async (): Promise<never> => {
  throw new Error('not expected in this test');
};

/** Only the report methods answer; the others fail the test if called. */
function fakeReports(reports: (filters: ReportFilters) => CatalogReport, downloads: Array<{ format: ReportFormat; filters?: ReportFilters }>): { api: ITrainingAdminApi; asked: ReportFilters[] } {
  const asked: ReportFilters[] = [];
  const unused = new Proxy({}, { get: () => notCalled }) as ITrainingAdminApi;
  const api: ITrainingAdminApi = Object.create(unused);
  api.getReport = async (_catalogId, filters = {}) => {
    asked.push(filters);
    return reports(filters);
  };
  api.downloadReport = async (_catalogId, format, filters) => {
    downloads.push({ format, filters });
    return { blob: new Blob(['Learner\r\n']), fileName: `enrolments.${format}` };
  };
  return { api, asked };
}

async function choose(filter: string, option: string): Promise<void> {
  fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${filter}`) }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

const optionsOf = async (filter: string): Promise<string[]> => {
  fireEvent.click(screen.getByRole('combobox', { name: new RegExp(`^${filter}`) }));
  const listbox = await screen.findByRole('listbox');
  const names = within(listbox)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
  fireEvent.keyDown(listbox, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
  return names;
};

const status = (): string => screen.getByRole('status').textContent ?? '';

describe('<ReportsTab> filters', () => {
  it('offers the unfiltered report’s courses, departments and offices, without “(not set)”, and keeps them while filtered', async () => {
    const { api } = fakeReports((f) => (f.department === 'Sales' ? SALES : FULL), []);
    render(<ReportsTab api={api} catalogId={CATALOG_ID} save={() => undefined} />);
    await screen.findByRole('table', { name: 'Enrolments by course' });
    expect(await optionsOf('Course')).toEqual(['All courses', 'Code of Conduct', 'Working at heights']);
    expect(await optionsOf('Department')).toEqual(['All departments', 'IT', 'Sales']);
    expect(await optionsOf('Office')).toEqual(['All offices', 'London', 'Oslo']);

    await choose('Department', 'Sales');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Enrolments by course' })).queryByRole('rowheader', { name: 'Working at heights' })).toBeNull());
    expect(await optionsOf('Course')).toEqual(['All courses', 'Code of Conduct', 'Working at heights']);
    expect(await optionsOf('Office')).toEqual(['All offices', 'London', 'Oslo']);
  });

  it('reloads the report with each filter, announces them, downloads with the same filters and clears them', async () => {
    const downloads: Array<{ format: ReportFormat; filters?: ReportFilters }> = [];
    const { api, asked } = fakeReports((f) => (f.office === 'London' ? SALES_IN_LONDON : f.department === 'Sales' ? SALES : FULL), downloads);
    render(<ReportsTab api={api} catalogId={CATALOG_ID} save={() => undefined} />);
    await screen.findByRole('table', { name: 'Enrolments by course' });
    expect(status()).toBe('Showing the report for: all courses, departments and offices');
    expect(screen.getByRole('button', { name: 'Clear filters' }).getAttribute('aria-disabled')).toBe('true');

    await choose('Course', 'Code of Conduct');
    await choose('Department', 'Sales');
    await waitFor(() => expect(asked).toEqual([{}, { courseId: CONDUCT }, { courseId: CONDUCT, department: 'Sales' }]));
    expect(status()).toBe('Showing the report for: Course: Code of Conduct; Department: Sales');
    const byOffice = await screen.findByRole('table', { name: 'Enrolments by office' });
    expect(within(within(byOffice).getByRole('row', { name: /Oslo/ })).getAllByRole('cell')[0].textContent).toBe('12');

    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads).toEqual([{ format: 'csv', filters: { courseId: CONDUCT, department: 'Sales' } }]));

    await choose('Office', 'London');
    expect(await screen.findByText('No enrolments match these filters.')).toBeTruthy();
    expect(status()).toBe('Showing the report for: Course: Code of Conduct; Department: Sales; Office: London');

    await choose('Course', 'All courses');
    await waitFor(() => expect(asked[asked.length - 1]).toEqual({ department: 'Sales', office: 'London' }));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(asked[asked.length - 1]).toEqual({}));
    expect(await screen.findByRole('rowheader', { name: 'Working at heights' })).toBeTruthy();
    expect(status()).toBe('Showing the report for: all courses, departments and offices');
    fireEvent.click(screen.getByRole('button', { name: 'Download Excel' }));
    await waitFor(() => expect(downloads[1]).toEqual({ format: 'xlsx', filters: {} }));
  });
});
