/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ILmsApi } from '../../src/client/lmsApi';
import { LmsApiError } from '../../src/client/lmsApiError';
import { summariseMyTraining, type MyTraining as MyTrainingData, type MyTrainingItem } from '../../src/domain/myTraining';
import { MyTraining } from '../../src/ui/myTraining/MyTraining';

// The hosts register Fluent's icon font; in jsdom there is none to register.
setIconOptions({ disableWarnings: true });

function item(overrides: Partial<MyTrainingItem>): MyTrainingItem {
  return {
    enrolmentId: overrides.title ?? 'e',
    courseId: 'c',
    catalogId: 'k',
    title: 'Course',
    format: 'e-learning',
    durationMinutes: 30,
    source: 'self',
    state: 'not-started',
    dueAt: null,
    enrolledAt: '2026-11-01T09:00:00.000Z',
    startedAt: null,
    completedAt: null,
    progressPercent: 0,
    certificateId: null,
    ...overrides,
  };
}

/** An API whose answers the test controls: the component sees only the ILmsApi port. */
function fakeApi(...answers: Array<MyTrainingData | Error>): { api: ILmsApi; calls: () => number } {
  let calls = 0;
  const api = {
    getMyTraining: async () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as Pick<ILmsApi, 'getMyTraining'> as ILmsApi;
  return { api, calls: () => calls };
}

describe('<MyTraining>', () => {
  it('shows a spinner, then the most urgent training first, grouped by state, with progress', async () => {
    const training = summariseMyTraining([
      item({ title: 'Fire safety', state: 'completed', completedAt: '2026-10-02T10:00:00.000Z', progressPercent: 100 }),
      item({ title: 'Code of Conduct', state: 'overdue', source: 'rule', dueAt: '2026-11-01T17:00:00.000Z', startedAt: '2026-10-20T09:00:00.000Z', progressPercent: 50 }),
    ]);
    render(<MyTraining api={fakeApi(training).api} locale="en-GB" />);

    expect(screen.getByText('Loading your training…')).toBeTruthy();
    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual([expect.stringMatching(/^Overdue/), expect.stringMatching(/^Completed/)]);
    const courses = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(courses).toEqual(['Code of Conduct', 'Fire safety']);
    expect(screen.getByText(/Due 1 Nov 2026/)).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: /Code of Conduct/ });
    expect(progress.getAttribute('aria-valuenow')).toBe('50');
    // Completed training shows no progress bar.
    expect(screen.queryByRole('progressbar', { name: /Fire safety/ })).toBeNull();
  });

  it('says what to do when there is no training yet', async () => {
    render(<MyTraining api={fakeApi(summariseMyTraining([])).api} />);
    expect(await screen.findByText('No training yet')).toBeTruthy();
    expect(screen.getByText(/will appear here/)).toBeTruthy();
  });

  it('explains a refused sign-in, and loads again when asked', async () => {
    const { api, calls } = fakeApi(new LmsApiError(403, 'forbidden', 'no'), summariseMyTraining([item({ title: 'Privacy basics' })]));
    render(<MyTraining api={api} />);
    const alert = await screen.findByText(/not signed in to Atrium/);
    fireEvent.click(within(alert.closest('.ms-MessageBar') as HTMLElement).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 4, name: 'Privacy basics' })).toBeTruthy();
    expect(calls()).toBe(2);
  });

  it('shows the service message of any other failure, and a clear text when the service is unreachable', async () => {
    const { unmount } = render(<MyTraining api={fakeApi(new LmsApiError(503, 'service_unavailable', 'Microsoft Graph is not answering.')).api} />);
    expect(await screen.findByText('Microsoft Graph is not answering.')).toBeTruthy();
    unmount();
    render(<MyTraining api={fakeApi(new LmsApiError(0, 'unreachable', 'x')).api} />);
    expect(await screen.findByText(/could not be reached/)).toBeTruthy();
  });
});
