import type { EnrolmentDetail, EnrolmentView, ProgressOutcome } from '../domain/apiResponses';
import { quizForLearner, type Course } from '../domain/course';
import { isCourseComplete, isLessonUnlocked, isQuizUnlocked, progressPercent } from '../domain/progress';
import { scoreQuiz } from '../domain/quiz';
import type { ILearningApi, MyTraining, QuizAnswers } from './learningApi';
import { LmsApiError } from './lmsApiError';

const PREVIEW_ENROLMENT_ID = '00000000-0000-4000-8000-000000000000';

function viewOf(detail: EnrolmentDetail): EnrolmentView {
  const { id, learnerId, courseId, catalogId, source, dueAt, enrolledAt, startedAt, completedAt } = detail;
  return { id, learnerId, courseId, catalogId, source, dueAt, enrolledAt, startedAt, completedAt };
}

/**
 * A learner's API over one course, in memory: a catalog manager takes the course as a learner would (enrol, mark
 * lessons done, take the quiz with the real scoring and the order rules) and nothing reaches the service. No
 * certificate is issued in a preview.
 */
export function coursePreviewLearningApi(course: Course, now: () => Date = () => new Date()): ILearningApi {
  let enrolment: EnrolmentDetail | null = null;
  const unavailable = async (): Promise<never> => {
    throw new LmsApiError(400, 'bad_request', 'Not available in a preview.');
  };
  const current = (enrolmentId: string): EnrolmentDetail => {
    if (!enrolment || enrolmentId !== enrolment.id) throw new LmsApiError(404, 'not_found', 'Enrol in the preview first.');
    return enrolment;
  };
  const record = (before: EnrolmentDetail, doneLessonIds: string[], quizPassed: boolean, quizResult: ProgressOutcome['quizResult']): ProgressOutcome => {
    const done = new Set(doneLessonIds);
    const at = now().toISOString();
    const completedAt = before.completedAt ?? (isCourseComplete(course, done, quizPassed) ? at : null);
    const attempts = quizResult ? [...before.quizAttempts, { id: PREVIEW_ENROLMENT_ID, scorePercent: quizResult.scorePercent, passed: quizResult.passed, submittedAt: at }] : before.quizAttempts;
    const after: EnrolmentDetail = { ...before, startedAt: before.startedAt ?? at, completedAt, completedLessonIds: doneLessonIds, quizAttempts: attempts, progressPercent: progressPercent(course, done, quizPassed) };
    enrolment = after;
    return { enrolment: viewOf(after), completedLessonIds: after.completedLessonIds, progressPercent: after.progressPercent, quizResult, certificateId: null };
  };

  return {
    listCatalogs: unavailable,
    listCourses: unavailable,
    listPlans: unavailable,
    enrolInPlan: unavailable,
    downloadCertificate: unavailable,
    getCourse: async () => ({ ...course, status: 'published', quiz: course.quiz ? quizForLearner(course.quiz) : null }),
    getMyTraining: async (): Promise<MyTraining> => ({ counts: { overdue: 0, 'due-soon': 0, 'in-progress': 0, 'not-started': 0, completed: 0 }, items: [] }),
    getEnrolment: async (enrolmentId) => current(enrolmentId),
    enrolInCourse: async () => {
      const at = now().toISOString();
      enrolment = {
        id: PREVIEW_ENROLMENT_ID,
        learnerId: PREVIEW_ENROLMENT_ID,
        courseId: course.id,
        catalogId: course.catalogId,
        source: 'self',
        dueAt: null,
        enrolledAt: at,
        startedAt: null,
        completedAt: null,
        completedLessonIds: [],
        quizAttempts: [],
        progressPercent: 0,
        certificateId: null,
      };
      return viewOf(enrolment);
    },
    completeLesson: async (enrolmentId, lessonId) => {
      const before = current(enrolmentId);
      const done = new Set(before.completedLessonIds);
      if (!course.lessons.some((l) => l.id === lessonId)) throw new LmsApiError(404, 'not_found', 'This lesson is not in the course.');
      if (!isLessonUnlocked(course, lessonId, done)) throw new LmsApiError(409, 'conflict', 'This course unlocks lessons in order: complete the earlier lessons first.');
      return record(before, done.has(lessonId) ? before.completedLessonIds : [...before.completedLessonIds, lessonId], before.quizAttempts.some((a) => a.passed), null);
    },
    submitQuiz: async (enrolmentId, answers: QuizAnswers) => {
      const before = current(enrolmentId);
      if (!course.quiz) throw new LmsApiError(404, 'not_found', 'This course has no quiz.');
      if (!isQuizUnlocked(course, new Set(before.completedLessonIds))) throw new LmsApiError(409, 'conflict', 'This course unlocks its quiz when every lesson is done.');
      const result = scoreQuiz(course.quiz, answers);
      return record(before, before.completedLessonIds, result.passed || before.quizAttempts.some((a) => a.passed), result);
    },
  };
}
