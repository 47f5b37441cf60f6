import type { EnrolmentSource, TrainingState } from '../../domain/myTraining';

/** Every text the "my training" view shows; hosts pass a translation, English is the default. */
export interface MyTrainingStrings {
  title: string;
  loading: string;
  loadFailed: string;
  retry: string;
  notSignedIn: string;
  unreachable: string;
  summaryLabel: string;
  emptyTitle: string;
  emptyHint: string;
  states: Record<TrainingState, string>;
  sources: Record<EnrolmentSource, string>;
  due: (date: string) => string;
  completedOn: (date: string) => string;
  noDueDate: string;
  duration: (minutes: number) => string;
  progressLabel: (courseTitle: string) => string;
  progressValue: (percent: number) => string;
  groupHeading: (state: string, count: number) => string;
  certificatesHeading: string;
  certificateEarned: (date: string) => string;
  downloadCertificate: (courseTitle: string) => string;
  downloadingCertificate: string;
  certificateSaved: (fileName: string) => string;
  certificateFailed: (reason: string) => string;
}

export const englishMyTrainingStrings: MyTrainingStrings = {
  title: 'My training',
  loading: 'Loading your training…',
  loadFailed: 'Your training could not be loaded.',
  retry: 'Try again',
  notSignedIn: 'You are not signed in to Atrium, or your organisation has not approved access yet.',
  unreachable: 'The Atrium service could not be reached. Check your connection and try again.',
  summaryLabel: 'Training summary',
  emptyTitle: 'No training yet',
  emptyHint: 'Courses you enrol in and training assigned to you will appear here.',
  states: {
    overdue: 'Overdue',
    'due-soon': 'Due soon',
    'in-progress': 'In progress',
    'not-started': 'Not started',
    completed: 'Completed',
  },
  sources: {
    self: 'Self-enrolled',
    assigned: 'Assigned to you',
    rule: 'Required for your role',
  },
  due: (date) => `Due ${date}`,
  completedOn: (date) => `Completed ${date}`,
  noDueDate: 'No due date',
  duration: (minutes) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (hours === 0) return `${rest} min`;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  },
  progressLabel: (courseTitle) => `Progress in ${courseTitle}`,
  progressValue: (percent) => `${percent}% complete`,
  groupHeading: (state, count) => `${state} (${count})`,
  certificatesHeading: 'My certificates',
  certificateEarned: (date) => `Earned ${date}`,
  downloadCertificate: (courseTitle) => `Download the certificate for ${courseTitle}`,
  downloadingCertificate: 'Downloading…',
  certificateSaved: (fileName) => `Saved ${fileName}.`,
  certificateFailed: (reason) => `The certificate could not be downloaded: ${reason}`,
};
