/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import { CourseCatalog } from '../../src/ui/catalog/CourseCatalog';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { catalog, courseSummary, fakeLearningApi, plan, trainingItem } from './fixtures/learningFixtures';

setIconOptions({ disableWarnings: true });

const courses = [
  courseSummary({ id: 'c-coc', title: 'Code of Conduct', summary: 'Standards of behaviour.', tags: ['compliance', 'mandatory'], durationMinutes: 35, lessonCount: 3, hasQuiz: true }),
  courseSummary({ id: 'c-fire', title: 'Fire Safety', summary: 'Evacuation routes.', format: 'classroom', tags: ['health-and-safety'], durationMinutes: 60 }),
  courseSummary({ id: 'c-teams', title: 'Teams Meetings', summary: 'Breakout rooms.', format: 'video', tags: ['productivity'], durationMinutes: 20 }),
];

function catalogApi(overrides: Parameters<typeof fakeLearningApi>[0] = {}) {
  return fakeLearningApi({
    listCatalogs: async () => [catalog()],
    listCourses: async () => courses,
    listPlans: async () => [plan({ id: 'p-1', title: 'New Manager Essentials', courseIds: ['c-fire', 'c-coc'] })],
    ...overrides,
  });
}

function shownTitles(): string[] {
  return screen.queryAllByRole('heading', { level: 4 }).map((h) => h.textContent ?? '');
}

describe('<CourseCatalog>', () => {
  it('shows a skeleton, then the published courses with their facts, and the plans', async () => {
    render(<CourseCatalog api={catalogApi()} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} locale="en-GB" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the catalogs…');
    await screen.findByRole('link', { name: 'Code of Conduct' });
    expect(shownTitles()).toEqual(['Code of Conduct', 'Fire Safety', 'Teams Meetings', 'New Manager Essentials']);
    expect(screen.getByText('E-learning · 35 min · 3 lessons · Quiz')).toBeTruthy();
    expect(screen.getByText('Classroom · 1 h · 1 lesson')).toBeTruthy();
    expect(screen.getByText('3 courses')).toBeTruthy();
    const planItems = within(screen.getByRole('heading', { name: 'New Manager Essentials' }).closest('li') as HTMLElement).getAllByRole('listitem');
    expect(planItems.map((li) => li.textContent)).toEqual(['Fire Safety', 'Code of Conduct']);
  });

  it('searches titles, summaries and tags, filters by format and duration, and says when nothing matches', async () => {
    render(<CourseCatalog api={catalogApi()} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    const search = await screen.findByRole('searchbox', { name: /Search courses/ });
    fireEvent.change(search, { target: { value: 'mandatory' } });
    expect(shownTitles().slice(0, -1)).toEqual(['Code of Conduct']);
    expect(screen.getByText('1 of 3 courses match')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Format/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Video' }));
    expect(shownTitles().slice(0, -1)).toEqual(['Teams Meetings']);

    fireEvent.click(screen.getByRole('combobox', { name: /^Duration/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Over 1 h' }));
    expect(screen.getByText('No course matches')).toBeTruthy();
    expect(screen.getByText(/clear the search and filters/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    fireEvent.click(screen.getByRole('combobox', { name: /^Tag/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'health-and-safety' }));
    expect(shownTitles().slice(0, -1)).toEqual(['Fire Safety']);
  });

  it('opens a course through the host, and enrols in a plan', async () => {
    const opened: string[] = [];
    const api = catalogApi({
      enrolInPlan: async () => ({ planEnrolmentId: 'pe', enrolmentIds: ['e1', 'e2'] }),
      getMyTraining: async () => summariseMyTraining([trainingItem({ courseId: 'c-coc', state: 'in-progress' })]),
    });
    render(<CourseCatalog api={api} onOpenCourse={(id) => opened.push(id)} courseHref={(id) => `#/course/${id}`} />);
    const link = await screen.findByRole('link', { name: 'Fire Safety' });
    expect(link.getAttribute('href')).toBe('#/course/c-fire');
    fireEvent.click(link);
    expect(opened).toEqual(['c-fire']);
    expect(screen.getAllByText(/^Enrolled/).map((badge) => badge.textContent)).toEqual(['Enrolled: in progress']);

    fireEvent.click(screen.getByRole('button', { name: 'Enrol in this plan: New Manager Essentials' }));
    expect(await screen.findByText(/You are enrolled in New Manager Essentials and its 2 courses/)).toBeTruthy();
    expect(api.calls).toContain('enrolInPlan("p-1")');
  });

  it('offers a choice of catalogs when there are several', async () => {
    const api = catalogApi({
      listCatalogs: async () => [catalog(), catalog({ id: 'k2', name: 'Sales Academy', description: 'For sellers.' })],
      listCourses: async (catalogId: string) => (catalogId === 'k2' ? [courseSummary({ id: 'c-s', title: 'Negotiation' })] : courses),
      listPlans: async () => [],
    });
    render(<CourseCatalog api={api} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    await screen.findByRole('link', { name: 'Code of Conduct' });
    fireEvent.click(screen.getByRole('combobox', { name: /^Catalog/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Sales Academy' }));
    expect(await screen.findByRole('link', { name: 'Negotiation' })).toBeTruthy();
    expect(screen.getByText('For sellers.')).toBeTruthy();
  });

  it('says what to do when no catalog is open to the person, or a catalog has no courses', async () => {
    const { unmount } = render(<CourseCatalog api={catalogApi({ listCatalogs: async () => [] })} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    expect(await screen.findByText('No catalog is open to you yet')).toBeTruthy();
    expect(screen.getByText(/Ask your training manager/)).toBeTruthy();
    unmount();
    render(<CourseCatalog api={catalogApi({ listCourses: async () => [], listPlans: async () => [] })} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    expect(await screen.findByText('No courses published yet')).toBeTruthy();
  });

  it('explains a service that cannot be reached and a tenant not onboarded, and tries again', async () => {
    let attempts = 0;
    const api = catalogApi({
      listCatalogs: async () => {
        attempts += 1;
        if (attempts === 1) throw new LmsApiError(0, 'unreachable', 'down');
        return [catalog()];
      },
    });
    const { unmount } = render(<CourseCatalog api={api} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    expect(await screen.findByText(/could not be reached/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Code of Conduct' })).toBeTruthy();
    unmount();

    render(<CourseCatalog api={catalogApi({ listCatalogs: async () => Promise.reject(new LmsApiError(403, 'tenant_not_onboarded', 'not onboarded')) })} onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`} />);
    expect(await screen.findByText(/has not set up Atrium yet/)).toBeTruthy();
  });

  it('offers to sign in again when the session has expired', async () => {
    let signIns = 0;
    render(
      <CourseCatalog
        api={catalogApi({ listCatalogs: async () => Promise.reject(new LmsApiError(401, 'unauthenticated', 'expired')) })}
        onOpenCourse={() => undefined} courseHref={(id) => `#/course/${id}`}
        onSignInAgain={() => (signIns += 1)}
      />,
    );
    expect(await screen.findByText(/session has expired/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(signIns).toBe(1));
  });
});
