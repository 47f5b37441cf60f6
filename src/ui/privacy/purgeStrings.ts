/** Every text of the catalog learners list and the purge dialog; hosts pass a translation, English is the default. */
export interface PurgeStrings {
  learnersTitle: (catalogName: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  loading: string;
  previewFailed: string;
  noLearners: string;
  noMatches: (search: string) => string;
  tableCaption: (catalogName: string) => string;
  columns: { name: string; mail: string; department: string; records: string; lastActivity: string; actions: string };
  unnamed: string;
  never: string;
  loadMore: string;
  purgeButton: string;
  purgeButtonLabel: (name: string) => string;
  dialogTitle: (name: string) => string;
  previewIntro: (catalogName: string) => string;
  previewLoading: string;
  kinds: Record<string, string>;
  total: (count: number) => string;
  irreversible: string;
  confirmLabel: (expected: string) => string;
  confirmMismatch: string;
  confirm: string;
  cancel: string;
  close: string;
  status: { queued: string; running: string; done: string; failed: string };
  progress: (done: number, total: number) => string;
  doneSummary: (count: number) => string;
  failed: string;
}

/** "lessonProgress" → "lesson progress", for a kind of record added later without a label yet. */
export function kindLabel(strings: PurgeStrings, kind: string): string {
  return strings.kinds[kind] ?? kind.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export const englishPurgeStrings: PurgeStrings = {
  learnersTitle: (catalogName) => `People in ${catalogName}`,
  searchLabel: 'Search people in this catalog',
  searchPlaceholder: 'Name, mail or department',
  loading: 'Loading people…',
  previewFailed: 'What a purge would remove could not be counted.',
  noLearners: 'Nobody has records in this catalog yet.',
  noMatches: (search) => `Nobody in this catalog matches “${search}”.`,
  tableCaption: (catalogName) => `People with records in ${catalogName}`,
  columns: { name: 'Name', mail: 'Mail', department: 'Department', records: 'Records', lastActivity: 'Last activity', actions: 'Actions' },
  unnamed: '(no name)',
  never: '—',
  loadMore: 'Show more people',
  purgeButton: 'Purge…',
  purgeButtonLabel: (name) => `Purge ${name} from this catalog`,
  dialogTitle: (name) => `Purge ${name}`,
  previewIntro: (catalogName) => `Everything that refers to this person in ${catalogName} will be removed for good:`,
  previewLoading: 'Counting the records…',
  kinds: {
    enrolments: 'Course enrolments',
    planEnrolments: 'Training plan enrolments',
    lessonProgress: 'Completed lessons',
    quizAttempts: 'Quiz attempts',
    certificates: 'Certificates (their verification codes stop working)',
    ruleAssignments: 'Assignments by rules',
    catalogManager: 'Catalog manager role',
    assignedByPointers: 'Assignments they made for others (the pointer only)',
  },
  total: (count) => `${count} record${count === 1 ? '' : 's'} in all.`,
  irreversible: 'This cannot be undone. The audit trail keeps only a pseudonymous reference, the counts and who purged.',
  confirmLabel: (expected) => `Type ${expected} to confirm`,
  confirmMismatch: 'This does not match yet.',
  confirm: 'Purge',
  cancel: 'Cancel',
  close: 'Close',
  status: { queued: 'Waiting to start…', running: 'Purging…', done: 'Purged.', failed: 'The purge failed.' },
  progress: (done, total) => `${done} of ${total} records removed`,
  doneSummary: (count) => `Purged: ${count} record${count === 1 ? '' : 's'} removed.`,
  failed: 'The purge stopped before it finished. It resumes on its own; try again later or ask your administrator.',
};
