import * as React from 'react';
import type { ILearningApi } from '../../client/learningApi';
import type { EnrolmentDetail, EnrolmentView, ProgressOutcome } from '../../domain/apiResponses';
import type { CourseForLearner } from '../../domain/course';
import { useLoad, type Load } from '../common/useLoad';

export interface CourseAndEnrolment {
  course: CourseForLearner;
  /** The signed-in person's enrolment with its progress; null until they enrol. */
  enrolment: EnrolmentDetail | null;
}

/**
 * A course and the person's enrolment in it (found through "my training", the only list of one's own
 * enrolments), kept up to date with each recorded step.
 */
export function useCourseEnrolment(
  api: ILearningApi,
  courseId: string,
): { load: Load<CourseAndEnrolment>; reload: () => void; enrolled: (view: EnrolmentView) => void; progressed: (outcome: ProgressOutcome) => void } {
  const { load: fetched, reload } = useLoad(async (): Promise<CourseAndEnrolment> => {
    const [course, training] = await Promise.all([api.getCourse(courseId), api.getMyTraining()]);
    const item = training.items.filter((i) => i.courseId === courseId)[0];
    return { course, enrolment: item ? await api.getEnrolment(item.enrolmentId) : null };
  }, [api, courseId]);
  const [enrolment, setEnrolment] = React.useState<EnrolmentDetail | null | undefined>(undefined);
  React.useEffect(() => setEnrolment(undefined), [fetched]);

  const load: Load<CourseAndEnrolment> =
    fetched.status === 'loaded' && enrolment !== undefined ? { status: 'loaded', value: { course: fetched.value.course, enrolment } } : fetched;

  const current = (): EnrolmentDetail | null => (enrolment !== undefined ? enrolment : fetched.status === 'loaded' ? fetched.value.enrolment : null);

  const enrolled = (view: EnrolmentView): void =>
    setEnrolment({ ...view, completedLessonIds: [], quizAttempts: [], progressPercent: 0, certificateId: null });

  const progressed = (outcome: ProgressOutcome): void => {
    const before = current();
    const attempts = before ? before.quizAttempts : [];
    const result = outcome.quizResult;
    setEnrolment({
      ...outcome.enrolment,
      completedLessonIds: outcome.completedLessonIds,
      progressPercent: outcome.progressPercent,
      certificateId: outcome.certificateId,
      quizAttempts: result
        ? attempts.concat([{ id: `attempt-${attempts.length + 1}`, scorePercent: result.scorePercent, passed: result.passed, submittedAt: new Date().toISOString() }])
        : attempts,
    });
  };

  return { load, reload, enrolled, progressed };
}
