/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Course, ITrainingAdminApi } from '../../src/client/trainingAdminApi';
import { CoursePreview } from '../../src/ui/admin/CoursePreview';
import { CoursesTab } from '../../src/ui/admin/CoursesTab';

setIconOptions({ disableWarnings: true });

const COURSE_ID = '22222222-2222-4222-8222-222222222222';
const LESSONS = ['33333330-3333-4333-8333-333333333333', '33333331-3333-4333-8333-333333333333'];

const draftCourse: Course = {
  id: COURSE_ID,
  catalogId: '11111111-1111-4111-8111-111111111111',
  title: 'Handling customer data',
  summary: 'What GDPR asks of the sales team.',
  format: 'e-learning',
  tags: [],
  durationMinutes: 20,
  sequentialLessons: true,
  status: 'draft',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  lessons: [
    { id: LESSONS[0], position: 1, title: 'Personal data', materialUrl: 'https://contoso.sharepoint.com/sites/l/data.aspx', durationMinutes: 10 },
    { id: LESSONS[1], position: 2, title: 'Requests', materialUrl: 'https://contoso.sharepoint.com/sites/l/requests.aspx', durationMinutes: 10 },
  ],
  quiz: { passMarkPercent: 100, questions: [{ kind: 'true-false', prompt: 'A customer may ask for their data.', correct: true }] },
};

describe('<CoursePreview>', () => {
  it('lets a manager take a draft course as a learner, with the real order and scoring rules, and calls nothing but getCourse', async () => {
    const calls: string[] = [];
    const api = new Proxy({} as ITrainingAdminApi, {
      get: (_target, name: string) => async (...args: unknown[]) => {
        calls.push(name);
        if (name === 'getCourse' && args[0] === COURSE_ID) return draftCourse;
        throw new Error(`${name} must not be called by a preview`);
      },
    });
    let closed = 0;
    render(<CoursePreview api={api} courseId={COURSE_ID} onClose={() => (closed += 1)} locale="en-GB" />);
    await screen.findByRole('heading', { level: 2, name: 'Handling customer data' });
    expect(screen.getByText(/nothing you do here is saved/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Enrol in this course' }));
    await screen.findByText('You are enrolled. Start with the first lesson.');
    expect(screen.queryByRole('button', { name: 'Mark “Requests” as done' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Personal data” as done' }));
    await screen.findByText('“Personal data” is done.');
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Requests” as done' }));

    const question = await screen.findByRole('group', { name: '1. A customer may ask for their data.' });
    fireEvent.click(within(question).getByRole('radio', { name: 'False' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/Not passed: you scored 0% \(0 of 1 right\)\. The pass mark is 100%/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Try the quiz again' }));
    fireEvent.click(within(screen.getByRole('group', { name: '1. A customer may ask for their data.' })).getByRole('radio', { name: 'True' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/Passed: you scored 100%/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download certificate (PDF)' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Back to the courses' }));
    expect(closed).toBe(1);
    expect(calls).toEqual(['getCourse']);
  });
});

describe('<CoursesTab> preview', () => {
  it('opens a draft course as a learner from the list, and gives the focus back to its Preview button', async () => {
    const { lessons: _lessons, quiz: _quiz, ...header } = draftCourse;
    const api = {
      listCourses: async () => [{ ...header, lessonCount: 2, hasQuiz: true }],
      getCourse: async () => draftCourse,
    } as unknown as ITrainingAdminApi;
    render(<CoursesTab api={api} catalogId={draftCourse.catalogId} locale="en-GB" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Preview Handling customer data as a learner' }));
    await screen.findByRole('heading', { level: 2, name: 'Handling customer data' });
    expect(screen.getByRole('button', { name: 'Enrol in this course' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the courses' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Preview Handling customer data as a learner' })));
  });
});
