import * as React from 'react';
import { DefaultButton, getId, MessageBar, MessageBarType, mergeStyleSets, PrimaryButton, ProgressIndicator, useTheme } from '@fluentui/react';
import type { ILearningApi } from '../../client/learningApi';
import { LmsApiError } from '../../client/lmsApiError';
import type { EnrolmentDetail, EnrolmentView, ProgressOutcome } from '../../domain/apiResponses';
import type { CourseForLearner } from '../../domain/course';
import { isQuizUnlocked } from '../../domain/progress';
import { errorText } from '../common/errorText';
import { formatMinutes } from '../common/formatMinutes';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { CertificatePanel } from './CertificatePanel';
import { LessonList } from './LessonList';
import { englishPlayerStrings, type PlayerStrings } from './playerStrings';
import { QuizForm, type QuizOutcome } from './QuizForm';
import { useCourseEnrolment } from './useCourseEnrolment';

export interface CoursePlayerProps {
  api: ILearningApi;
  courseId: string;
  /** The public address that verifies a certificate, from its code; without it no verification link shows. */
  verificationUrl?: (code: string) => string;
  /** Saves a downloaded certificate; the browser download by default. */
  saveFile?: (blob: Blob, fileName: string) => void;
  onBackToCatalog?: () => void;
  onSignInAgain?: () => void;
  strings?: PlayerStrings;
  locale?: string;
}

/**
 * A course's page: what it is, its lessons in order and its quiz; once enrolled, the material to open, lessons to
 * mark done, the quiz to take, and the certificate on completion. Host-agnostic.
 */
export function CoursePlayer(props: CoursePlayerProps): React.ReactElement {
  const { api, courseId, onBackToCatalog, onSignInAgain, strings = englishPlayerStrings } = props;
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-course-'));
  const { load, reload, enrolled, progressed } = useCourseEnrolment(api, courseId);
  const classes = mergeStyleSets({
    root: { color: theme.semanticColors.bodyText },
    title: { margin: '0 0 8px', fontSize: 20, fontWeight: 600, outline: 'none' },
  });

  let body: React.ReactNode;
  if (load.status === 'loading') body = <LoadingShimmer label={strings.loadingCourse} rows={4} />;
  else if (load.status === 'failed') {
    const notFound = load.error instanceof LmsApiError && load.error.status === 404;
    body = notFound ? (
      <>
        <MessageBar messageBarType={MessageBarType.warning} isMultiline={true}>
          {strings.courseNotFound}
        </MessageBar>
        {onBackToCatalog && <DefaultButton text={strings.backToCatalog} onClick={onBackToCatalog} styles={{ root: { marginTop: 12 } }} />}
      </>
    ) : (
      <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={strings.common} />
    );
  } else {
    body = <CourseBody {...props} strings={strings} course={load.value.course} enrolment={load.value.enrolment} onEnrolled={enrolled} onProgress={progressed} />;
  }

  return (
    <section className={classes.root} aria-labelledby={headingId} aria-busy={load.status === 'loading'}>
      <h2 id={headingId} className={classes.title} tabIndex={-1}>
        {load.status === 'loaded' ? load.value.course.title : strings.loadingCourse}
      </h2>
      {body}
    </section>
  );
}

interface CourseBodyProps extends CoursePlayerProps {
  strings: PlayerStrings;
  course: CourseForLearner;
  enrolment: EnrolmentDetail | null;
  onEnrolled: (view: EnrolmentView) => void;
  onProgress: (outcome: ProgressOutcome) => void;
}

function CourseBody({ api, course, enrolment, onEnrolled, onProgress, strings, locale, verificationUrl, saveFile, onBackToCatalog }: CourseBodyProps): React.ReactElement {
  const theme = useTheme();
  const [ids] = React.useState(() => ({ lessons: getId('atrium-lessons-'), quiz: getId('atrium-quiz-'), certificate: getId('atrium-certificate-') }));
  const [busy, setBusy] = React.useState<'enrol' | string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // Once the learner has tried the quiz on this page, the form stays to show the outcome (and the retry).
  const [triedQuizHere, setTriedQuizHere] = React.useState(false);
  const [focusLessonId, setFocusLessonId] = React.useState<string | null>(null);
  const classes = mergeStyleSets({
    facts: { margin: '0 0 8px', fontSize: 12, color: theme.palette.neutralSecondary },
    summary: { margin: '0 0 12px' },
    tags: { margin: '0 0 12px', fontSize: 12, color: theme.palette.neutralSecondary },
    section: { marginTop: 20 },
    heading: { margin: '0 0 6px', fontSize: 16, fontWeight: 600 },
    hint: { margin: '0 0 6px', color: theme.palette.neutralSecondary },
    progress: { maxWidth: 420 },
    enrol: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, margin: '8px 0 12px' },
  });
  const done = new Set(enrolment ? enrolment.completedLessonIds : []);
  const facts = [strings.formats[course.format], formatMinutes(course.durationMinutes, locale), strings.lessonCount(course.lessons.length)];
  if (course.quiz) facts.push(strings.quizFacts(course.quiz.passMarkPercent, course.quiz.questions.length));
  const quizPassed = enrolment ? enrolment.quizAttempts.filter((a) => a.passed) : [];
  const remainingLessons = course.lessons.filter((l) => !done.has(l.id)).length;
  const describe = (failure: unknown): string => errorText(failure, strings.common.unexpected);

  const enrol = (): void => {
    setBusy('enrol');
    setError(null);
    api.enrolInCourse(course.id).then(
      (view) => {
        setBusy(null);
        setNotice(strings.enrolled);
        onEnrolled(view);
        if (course.lessons.length > 0) setFocusLessonId(course.lessons[0].id);
      },
      (failure: unknown) => {
        setBusy(null);
        setError(describe(failure));
      },
    );
  };

  const markDone = (lessonId: string): void => {
    if (!enrolment) return;
    const lesson = course.lessons.filter((l) => l.id === lessonId)[0];
    setBusy(lessonId);
    setError(null);
    api.completeLesson(enrolment.id, lessonId).then(
      (outcome) => {
        setBusy(null);
        setNotice(strings.lessonMarked(lesson ? lesson.title : ''));
        onProgress(outcome);
        setFocusLessonId(lessonId);
      },
      (failure: unknown) => {
        setBusy(null);
        setError(describe(failure));
      },
    );
  };

  const submitQuiz = async (answers: Parameters<ILearningApi['submitQuiz']>[1]): Promise<QuizOutcome> => {
    if (!enrolment) throw new Error(strings.quizEnrolFirst);
    setTriedQuizHere(true);
    const outcome = await api.submitQuiz(enrolment.id, answers);
    onProgress(outcome);
    const result = outcome.quizResult;
    return result ?? { scorePercent: 0, passed: false, correctCount: 0, questionCount: course.quiz ? course.quiz.questions.length : 0 };
  };

  let quizBody: React.ReactNode = null;
  if (course.quiz) {
    if (!enrolment) quizBody = <p className={classes.hint}>{strings.quizEnrolFirst}</p>;
    else if (quizPassed.length > 0 && !triedQuizHere) quizBody = <p>{strings.alreadyPassed(Math.max(...quizPassed.map((a) => a.scorePercent)))}</p>;
    else if (!isQuizUnlocked(course, done) && !triedQuizHere) quizBody = <p className={classes.hint}>{strings.quizLocked(remainingLessons)}</p>;
    else quizBody = <QuizForm quiz={course.quiz} onSubmit={submitQuiz} describeError={describe} strings={strings} />;
  }

  return (
    <>
      <p className={classes.facts}>{facts.join(' · ')}</p>
      {course.summary && <p className={classes.summary}>{course.summary}</p>}
      {course.tags.length > 0 && <p className={classes.tags}>{course.tags.join(', ')}</p>}

      {enrolment ? (
        <ProgressIndicator
          className={classes.progress}
          label={strings.progressLabel}
          percentComplete={enrolment.progressPercent / 100}
          ariaValueText={strings.progressValue(enrolment.progressPercent)}
          description={strings.progressValue(enrolment.progressPercent)}
        />
      ) : (
        <>
          <p className={classes.hint}>{strings.notEnrolled}</p>
          <div className={classes.enrol}>
            <PrimaryButton text={busy === 'enrol' ? strings.enrolling : strings.enrol} disabled={busy !== null} onClick={enrol} />
            {onBackToCatalog && <DefaultButton text={strings.backToCatalog} onClick={onBackToCatalog} />}
          </div>
        </>
      )}
      <div role="status">{notice && <p className={classes.hint}>{notice}</p>}</div>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
          {strings.actionFailed(error)}
        </MessageBar>
      )}

      {enrolment && enrolment.certificateId && (
        <section className={classes.section} aria-labelledby={ids.certificate}>
          <h3 id={ids.certificate} className={classes.heading}>
            {strings.certificateHeading}
          </h3>
          <CertificatePanel
            api={api}
            certificateId={enrolment.certificateId}
            completedAt={enrolment.completedAt}
            verificationUrl={verificationUrl}
            saveFile={saveFile}
            strings={strings}
            locale={locale}
          />
        </section>
      )}

      <section className={classes.section} aria-labelledby={ids.lessons}>
        <h3 id={ids.lessons} className={classes.heading}>
          {strings.lessonsHeading}
        </h3>
        {course.sequentialLessons && course.lessons.length > 1 && <p className={classes.hint}>{strings.sequentialHint}</p>}
        <LessonList course={course} doneLessonIds={done} enrolled={enrolment !== null} savingLessonId={busy !== 'enrol' ? busy : null} onMarkDone={markDone} focusLessonId={focusLessonId} strings={strings} locale={locale} />
      </section>

      {course.quiz && (
        <section className={classes.section} aria-labelledby={ids.quiz}>
          <h3 id={ids.quiz} className={classes.heading}>
            {strings.quizHeading}
          </h3>
          <p className={classes.hint}>{strings.quizFacts(course.quiz.passMarkPercent, course.quiz.questions.length)}</p>
          {quizBody}
        </section>
      )}
    </>
  );
}
