/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { LmsApiError } from '../../src/client/lmsApiError';
import type { EnrolmentDetail } from '../../src/domain/apiResponses';
import { summariseMyTraining } from '../../src/domain/myTraining';
import { CoursePlayer } from '../../src/ui/player/CoursePlayer';
import { codeOfConduct, COURSE_ID, ENROLMENT_ID, enrolmentDetail, fakeLearningApi, LESSON_IDS, outcome, trainingItem } from './fixtures/learningFixtures';

setIconOptions({ disableWarnings: true });

/** The learner's enrolment, kept behind the port and changed by each call as the service would. */
function enrolledApi(start: Partial<EnrolmentDetail> = {}, course = codeOfConduct()) {
  let detail = enrolmentDetail(start);
  const api = fakeLearningApi({
    getCourse: async () => course,
    getMyTraining: async () => summariseMyTraining([trainingItem()]),
    getEnrolment: async () => detail,
    completeLesson: async (_enrolmentId: string, lessonId: string) => {
      detail = { ...detail, completedLessonIds: [...detail.completedLessonIds, lessonId], progressPercent: detail.progressPercent + 33 };
      return outcome(detail);
    },
  });
  return { api, current: () => detail, set: (next: EnrolmentDetail) => (detail = next) };
}

describe('<CoursePlayer>', () => {
  it('shows the course page to someone not enrolled: facts, lessons in order with the locked ones, the quiz; enrolling opens the first lesson', async () => {
    const api = fakeLearningApi({
      getCourse: async () => codeOfConduct(),
      enrolInCourse: async () => outcome(enrolmentDetail()).enrolment,
    });
    render(<CoursePlayer api={api} courseId={COURSE_ID} locale="en-GB" />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Loading the course…');
    await screen.findByRole('heading', { level: 2, name: 'Code of Conduct' });
    expect(screen.getByText('E-learning · 35 min · 2 lessons · Quiz: 3 questions, pass mark 80%')).toBeTruthy();
    expect(screen.getByText('SharePoint page · 8 min')).toBeTruthy();
    expect(screen.getByText('Document · Locked until the lessons before it are done')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Open Why a code/ })).toBeNull();
    expect(screen.getByText('Enrol to take the quiz.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Enrol in this course' }));
    expect(await screen.findByText('You are enrolled. Start with the first lesson.')).toBeTruthy();
    const material = screen.getByRole('link', { name: /Open Why a code/ });
    expect(material.getAttribute('href')).toBe('https://contoso.sharepoint.com/sites/l/why.aspx');
    expect(material.getAttribute('target')).toBe('_blank');
    expect(material.textContent).toContain('(opens in a new tab)');
    expect(screen.queryByRole('link', { name: /Open Speaking up/ })).toBeNull();
    expect(api.calls).toContain(`enrolInCourse("${COURSE_ID}")`);
  });

  it('marks lessons done in order, and opens the quiz only when every lesson is done', async () => {
    const { api } = enrolledApi();
    render(<CoursePlayer api={api} courseId={COURSE_ID} />);
    expect(await screen.findByText('The quiz opens when every lesson is done: 2 to go.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Why a code” as done' }));
    expect(await screen.findByText('“Why a code” is done.')).toBeTruthy();
    expect(screen.getByText('SharePoint page · 8 min · Done')).toBeTruthy();
    // The button went with the lesson's step; keyboard focus stays on the lesson, at its material.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('link', { name: /Open Why a code/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Mark “Speaking up” as done' }));
    expect(await screen.findByRole('group', { name: '1. Where do you raise a concern?' })).toBeTruthy();
    expect(api.calls.filter((c) => c.startsWith('completeLesson'))).toEqual([
      `completeLesson("${ENROLMENT_ID}", "${LESSON_IDS[0]}")`,
      `completeLesson("${ENROLMENT_ID}", "${LESSON_IDS[1]}")`,
    ]);
  });

  it('asks for every answer, shows a failed score against the pass mark, and passes on a second try', async () => {
    const { api, current, set } = enrolledApi({ completedLessonIds: LESSON_IDS, progressPercent: 67 });
    const attempts: unknown[] = [];
    api.submitQuiz = async (_id, answers) => {
      attempts.push(answers);
      const passed = attempts.length > 1;
      const detail = { ...current(), progressPercent: passed ? 100 : 67, certificateId: passed ? 'cert-1' : null, completedAt: passed ? '2026-11-25T10:00:00.000Z' : null };
      set(detail);
      return outcome(detail, passed ? { scorePercent: 100, passed: true, correctCount: 3, questionCount: 3 } : { scorePercent: 33, passed: false, correctCount: 1, questionCount: 3 });
    };
    render(<CoursePlayer api={api} courseId={COURSE_ID} saveFile={() => undefined} />);
    const submit = await screen.findByRole('button', { name: 'Submit answers' });
    fireEvent.click(submit);
    expect(await screen.findByText('Choose an answer to question 1.')).toBeTruthy();
    expect(screen.getByText('Choose an answer to question 3.')).toBeTruthy();
    expect(attempts).toEqual([]);

    const answer = () => {
      fireEvent.click(within(screen.getByRole('group', { name: '1. Where do you raise a concern?' })).getByRole('radio', { name: 'The Speak Up line' }));
      fireEvent.click(within(screen.getByRole('group', { name: '2. Retaliation is forbidden.' })).getByRole('radio', { name: 'True' }));
      const third = within(screen.getByRole('group', { name: '3. Which must be declared?' }));
      fireEvent.click(third.getByRole('checkbox', { name: 'A relative bidding' }));
      fireEvent.click(third.getByRole('checkbox', { name: 'A big gift' }));
    };
    answer();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/Not passed: you scored 33% \(1 of 3 right\)\. The pass mark is 80%/)).toBeTruthy();
    expect(attempts).toEqual([[1, true, [0, 2]]]);

    fireEvent.click(screen.getByRole('button', { name: 'Try the quiz again' }));
    answer();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/Passed: you scored 100%/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Certificate' })).toBeTruthy();
  });

  it('shows the service’s refusal of the quiz (409 while lessons remain)', async () => {
    // The page believes the lessons are done (another tab undid nothing, but the service knows better).
    const { api } = enrolledApi({ completedLessonIds: LESSON_IDS });
    api.submitQuiz = async () => {
      throw new LmsApiError(409, 'conflict', 'this course unlocks its quiz when every lesson is done: complete the 1 remaining lesson first');
    };
    render(<CoursePlayer api={api} courseId={COURSE_ID} />);
    fireEvent.click(within(await screen.findByRole('group', { name: '1. Where do you raise a concern?' })).getByRole('radio', { name: 'Nowhere' }));
    fireEvent.click(within(screen.getByRole('group', { name: '2. Retaliation is forbidden.' })).getByRole('radio', { name: 'False' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'A coffee' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/complete the 1 remaining lesson first/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Submit answers' })).toBeTruthy();
  });

  it('downloads the certificate of a completed course with the token-bearing port, saves it, and links its verification', async () => {
    const { api } = enrolledApi({
      completedLessonIds: LESSON_IDS,
      progressPercent: 100,
      completedAt: '2026-11-25T10:00:00.000Z',
      certificateId: 'cert-1',
      quizAttempts: [{ id: 'a1', scorePercent: 100, passed: true, submittedAt: '2026-11-25T10:00:00.000Z' }],
    });
    const pdf = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    api.downloadCertificate = async () => ({ blob: pdf, fileName: 'certificate-ATR-7K3M-QX9P-2WHD.pdf' });
    const saved: Array<[Blob, string]> = [];
    render(
      <CoursePlayer
        api={api}
        courseId={COURSE_ID}
        locale="en-GB"
        saveFile={(blob, name) => saved.push([blob, name])}
        verificationUrl={(code) => `https://lms.example/api/public/certificates/t/${code}`}
      />,
    );
    expect(await screen.findByText('You completed this course on 25 Nov 2026. Well done!')).toBeTruthy();
    expect(screen.getByText('You passed this quiz with 100%.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download certificate (PDF)' }));
    const verify = await screen.findByRole('link', { name: 'Verify certificate ATR-7K3M-QX9P-2WHD' });
    expect(verify.getAttribute('href')).toBe('https://lms.example/api/public/certificates/t/ATR-7K3M-QX9P-2WHD');
    expect(saved).toEqual([[pdf, 'certificate-ATR-7K3M-QX9P-2WHD.pdf']]);
  });

  it('says when the course is not open to the person, and when the session has expired', async () => {
    const back: string[] = [];
    const { unmount } = render(
      <CoursePlayer api={fakeLearningApi({ getCourse: async () => Promise.reject(new LmsApiError(404, 'not_found', 'course not found')) })} courseId={COURSE_ID} onBackToCatalog={() => back.push('catalog')} />,
    );
    expect(await screen.findByText(/does not exist, is not published yet, or is not open to you/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the catalog' }));
    expect(back).toEqual(['catalog']);
    unmount();

    let signIns = 0;
    render(
      <CoursePlayer
        api={fakeLearningApi({ getCourse: async () => Promise.reject(new LmsApiError(401, 'unauthenticated', 'token expired')) })}
        courseId={COURSE_ID}
        onSignInAgain={() => (signIns += 1)}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(signIns).toBe(1));
  });
});
