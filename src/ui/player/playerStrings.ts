import type { CourseFormat } from '../../domain/course';
import { englishCommonStrings, type CommonStrings } from '../common/commonStrings';
import type { MaterialKind } from './materialKind';

/** Every text the course page and player show; hosts pass a translation, English is the default. */
export interface PlayerStrings {
  common: CommonStrings;
  loadingCourse: string;
  courseNotFound: string;
  backToCatalog: string;
  formats: Record<CourseFormat, string>;
  lessonCount: (count: number) => string;
  quizFacts: (passMark: number, questions: number) => string;
  notEnrolled: string;
  enrol: string;
  enrolling: string;
  enrolled: string;
  progressLabel: string;
  progressValue: (percent: number) => string;
  lessonsHeading: string;
  noLessons: string;
  sequentialHint: string;
  lessonDuration: (duration: string) => string;
  materials: Record<MaterialKind, string>;
  lessonDone: string;
  lessonLocked: string;
  openMaterial: (title: string) => string;
  opensInNewTab: string;
  markDone: (title: string) => string;
  markingDone: string;
  lessonMarked: (title: string) => string;
  quizHeading: string;
  quizLocked: (remaining: number) => string;
  quizEnrolFirst: string;
  question: (position: number, prompt: string) => string;
  chooseAnswer: (position: number) => string;
  true: string;
  false: string;
  submitQuiz: string;
  submittingQuiz: string;
  quizPassed: (score: number, passMark: number, correct: number, total: number) => string;
  quizFailed: (score: number, passMark: number, correct: number, total: number) => string;
  alreadyPassed: (score: number) => string;
  tryAgain: string;
  certificateHeading: string;
  completedOn: (date: string) => string;
  downloadCertificate: string;
  downloadingCertificate: string;
  downloaded: (fileName: string) => string;
  verifyIntro: string;
  verifyLink: (code: string) => string;
  verifyAfterDownload: string;
  actionFailed: (reason: string) => string;
}

export const englishPlayerStrings: PlayerStrings = {
  common: englishCommonStrings,
  loadingCourse: 'Loading the course…',
  courseNotFound: 'This course does not exist, is not published yet, or is not open to you. Look for it in the catalog.',
  backToCatalog: 'Back to the catalog',
  formats: { 'e-learning': 'E-learning', classroom: 'Classroom', document: 'Document', video: 'Video', link: 'Link' },
  lessonCount: (count) => `${count} lesson${count === 1 ? '' : 's'}`,
  quizFacts: (passMark, questions) => `Quiz: ${questions} question${questions === 1 ? '' : 's'}, pass mark ${passMark}%`,
  notEnrolled: 'You are not enrolled in this course yet. Enrol to open its lessons and take its quiz.',
  enrol: 'Enrol in this course',
  enrolling: 'Enrolling…',
  enrolled: 'You are enrolled. Start with the first lesson.',
  progressLabel: 'Your progress in this course',
  progressValue: (percent) => `${percent}% complete`,
  lessonsHeading: 'Lessons',
  noLessons: 'This course has no lessons: its quiz is all there is.',
  sequentialHint: 'Lessons open in order: finish each one to unlock the next.',
  lessonDuration: (duration) => duration,
  materials: { 'sharepoint-page': 'SharePoint page', document: 'Document', video: 'Video', link: 'Link' },
  lessonDone: 'Done',
  lessonLocked: 'Locked until the lessons before it are done',
  openMaterial: (title) => `Open ${title}`,
  opensInNewTab: '(opens in a new tab)',
  markDone: (title) => `Mark “${title}” as done`,
  markingDone: 'Saving…',
  lessonMarked: (title) => `“${title}” is done.`,
  quizHeading: 'Quiz',
  quizLocked: (remaining) => `The quiz opens when every lesson is done: ${remaining} to go.`,
  quizEnrolFirst: 'Enrol to take the quiz.',
  question: (position, prompt) => `${position}. ${prompt}`,
  chooseAnswer: (position) => `Choose an answer to question ${position}.`,
  true: 'True',
  false: 'False',
  submitQuiz: 'Submit answers',
  submittingQuiz: 'Submitting…',
  quizPassed: (score, passMark, correct, total) => `Passed: you scored ${score}% (${correct} of ${total} right). The pass mark is ${passMark}%.`,
  quizFailed: (score, passMark, correct, total) => `Not passed: you scored ${score}% (${correct} of ${total} right). The pass mark is ${passMark}%. Review the lessons and try again.`,
  alreadyPassed: (score) => `You passed this quiz with ${score}%.`,
  tryAgain: 'Try the quiz again',
  certificateHeading: 'Certificate',
  completedOn: (date) => `You completed this course on ${date}. Well done!`,
  downloadCertificate: 'Download certificate (PDF)',
  downloadingCertificate: 'Downloading…',
  downloaded: (fileName) => `Saved ${fileName}.`,
  verifyIntro: 'Anyone can check this certificate at its verification address:',
  verifyLink: (code) => `Verify certificate ${code}`,
  verifyAfterDownload: 'The certificate carries its verification code and address.',
  actionFailed: (reason) => `That did not work: ${reason}`,
};
