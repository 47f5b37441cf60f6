/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { CatalogLearner, IPurgeApi, PurgeJob } from '../../src/client/privacyApi';
import { CatalogLearners } from '../../src/ui/privacy/CatalogLearners';

setIconOptions({ disableWarnings: true });

const ada: CatalogLearner = { id: 'a', displayName: 'Ada Lovelace', mail: 'ada@contoso.com', department: 'Engineering', records: 5, lastActivityAt: '2026-11-20T10:00:00Z' };
const alan: CatalogLearner = { id: 'b', displayName: 'Alan Turing', mail: 'alan@contoso.com', department: 'Research', records: 2, lastActivityAt: null };

/** A catalog in memory behind the IPurgeApi port: the purge runs in two polled steps. */
function fakeCatalog(people: CatalogLearner[]) {
  let learners = [...people];
  const started: Array<{ learnerId: string; confirmation: string }> = [];
  const jobs = new Map<string, PurgeJob[]>();
  const api: IPurgeApi = {
    async listCatalogLearners(_catalogId, { search }) {
      const q = (search ?? '').toLowerCase();
      return { learners: learners.filter((l) => `${l.displayName} ${l.mail}`.toLowerCase().includes(q)), nextCursor: null };
    },
    async getPurgePreview(_catalogId, learnerId) {
      const learner = learners.find((l) => l.id === learnerId);
      if (!learner) throw new LmsApiError(404, 'not_found', 'no records');
      return { counts: { enrolments: 2, lessonProgress: 3, catalogManager: 0 }, total: 5, confirmation: learner.mail as string };
    },
    async startPurge(_catalogId, learnerId, confirmation) {
      started.push({ learnerId, confirmation });
      const learner = learners.find((l) => l.id === learnerId) as CatalogLearner;
      if (confirmation.toLowerCase() !== learner.mail) throw new LmsApiError(400, 'invalid_request', 'The confirmation does not match.');
      const id = `job-${learnerId}`;
      const counts = { enrolments: 2, lessonProgress: 3 };
      const job = { id, scope: 'catalog', catalogId: 'k', requestedAt: '2026-11-25T10:00:00Z', finishedAt: null } as const;
      jobs.set(id, [
        { ...job, status: 'running', progress: { done: 2, total: 5 }, counts: { enrolments: 2 } },
        { ...job, status: 'done', progress: { done: 5, total: 5 }, counts, finishedAt: '2026-11-25T10:00:01Z' },
      ]);
      return { ...job, status: 'queued', progress: { done: 0, total: 5 }, counts: {} };
    },
    async getPurge(id) {
      const steps = jobs.get(id) as PurgeJob[];
      const next = steps.length > 1 ? (steps.shift() as PurgeJob) : steps[0];
      if (next.status === 'done') learners = learners.filter((l) => `job-${l.id}` !== id);
      return next;
    },
  };
  return { api, started };
}

describe('purging a learner from a catalog', () => {
  it('lists the people, previews what goes, waits for the typed confirmation, shows progress and the counts, then refreshes', async () => {
    const { api, started } = fakeCatalog([ada, alan]);
    render(<CatalogLearners api={api} catalogId="k" catalogName="Compliance" searchDelayMs={0} pollIntervalMs={1} locale="en-GB" />);

    const table = await screen.findByRole('table', { name: 'People with records in Compliance' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Ada Lovelace', 'Alan Turing']);

    fireEvent.click(screen.getByRole('button', { name: 'Purge Ada Lovelace from this catalog' }));
    await screen.findByRole('alertdialog', { name: 'Purge Ada Lovelace' });
    // Fluent's modal may render its content anew: look the dialog up each time.
    const dialog = (): HTMLElement => screen.getByRole('alertdialog', { name: 'Purge Ada Lovelace' });
    await waitFor(() => within(dialog()).getByText('Course enrolments: 2'));
    expect(within(dialog()).getByText('Completed lessons: 3')).toBeTruthy();
    expect(within(dialog()).queryByText(/Catalog manager role/)).toBeNull();
    const purge = within(dialog()).getByRole('button', { name: 'Purge' });
    expect(purge.hasAttribute('disabled') || purge.getAttribute('aria-disabled') === 'true').toBe(true);

    const confirm = within(dialog()).getByRole('textbox', { name: 'Type ada@contoso.com to confirm' });
    fireEvent.change(confirm, { target: { value: 'ada@contoso' } });
    fireEvent.focusOut(confirm);
    // Fluent renders a field's error message a moment later (DelayedRender).
    await waitFor(() => within(dialog()).getByText('This does not match yet.'));
    expect(started).toEqual([]);

    fireEvent.change(confirm, { target: { value: '  ADA@contoso.com ' } });
    await act(async () => {
      fireEvent.click(within(dialog()).getByRole('button', { name: 'Purge' }));
    });
    await waitFor(() => within(dialog()).getByText('Purged: 5 records removed.'));
    expect(started).toEqual([{ learnerId: 'a', confirmation: 'ADA@contoso.com' }]);

    fireEvent.click(within(dialog()).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Ada Lovelace' })).toBeNull());
    expect(screen.getByRole('rowheader', { name: 'Alan Turing' })).toBeTruthy();
  });

  it('searches as you type and says when nobody matches', async () => {
    const { api } = fakeCatalog([ada, alan]);
    render(<CatalogLearners api={api} catalogId="k" catalogName="Compliance" searchDelayMs={0} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search people in this catalog' }), { target: { value: 'grace' } });
    expect(await screen.findByText('Nobody in this catalog matches “grace”.')).toBeTruthy();
  });

  it('shows the service message when a preview is refused', async () => {
    const { api } = fakeCatalog([ada]);
    const refusing: IPurgeApi = { ...api, getPurgePreview: async () => Promise.reject(new LmsApiError(403, 'forbidden', 'Only managers of this catalog can purge people from it.')) };
    render(<CatalogLearners api={refusing} catalogId="k" catalogName="Compliance" searchDelayMs={0} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Purge Ada Lovelace from this catalog' }));
    expect(await screen.findByText('Only managers of this catalog can purge people from it.')).toBeTruthy();
  });
});
