import type { RetentionCriterion } from '../../../domain/dataRights';

/** Every text of the tenant admin's privacy screens; hosts pass a translation, English is the default. */
export interface TenantPrivacyStrings {
  loading: string;
  actionFailed: string;
  cancel: string;
  never: string;
  requestsTitle: string;
  requestsEmpty: string;
  requestsCaption: string;
  requestColumns: { person: string; requested: string; source: string; note: string; status: string; decision: string };
  sources: { learner: string; 'notice-withdrawn': string };
  statuses: { pending: string; approved: string; rejected: string };
  approve: string;
  approveLabel: (name: string) => string;
  reject: string;
  rejectLabel: (name: string) => string;
  approveTitle: (name: string) => string;
  approveText: string;
  rejectTitle: (name: string) => string;
  rejectReasonLabel: string;
  rejectConfirm: string;
  retentionTitle: string;
  retentionIntro: string;
  criteria: Record<RetentionCriterion, string>;
  daysLabel: (criterion: string) => string;
  daysHint: string;
  daysInvalid: string;
  dryRunFirst: string;
  save: string;
  saved: string;
  dryRun: string;
  dryRunResult: (total: number) => string;
  sampleCaption: string;
  sampleColumns: { person: string; why: string; lastActivity: string };
  purgeNow: (total: number) => string;
  purgeTitle: (total: number) => string;
  purgeText: string;
  purgeStarted: (count: number) => string;
  auditTitle: string;
  auditIntro: string;
  auditCaption: string;
  auditEmpty: string;
  auditColumns: { when: string; action: string; actor: string; catalog: string; subject: string; counts: string };
  actorService: string;
  actorErased: string;
  loadMore: string;
}

export const englishTenantPrivacyStrings: TenantPrivacyStrings = {
  loading: 'Loading…',
  actionFailed: 'That did not work. Try again.',
  cancel: 'Cancel',
  never: '—',
  requestsTitle: 'Erasure requests',
  requestsEmpty: 'Nobody has asked to be forgotten.',
  requestsCaption: 'Requests to be forgotten, newest first',
  requestColumns: { person: 'Person', requested: 'Requested', source: 'How', note: 'Note', status: 'Status', decision: 'Decision' },
  sources: { learner: 'Asked in Atrium', 'notice-withdrawn': 'Withdrew consent' },
  statuses: { pending: 'Waiting for you', approved: 'Approved', rejected: 'Rejected' },
  approve: 'Approve',
  approveLabel: (name) => `Approve the erasure of ${name}`,
  reject: 'Reject…',
  rejectLabel: (name) => `Reject the erasure request of ${name}`,
  approveTitle: (name) => `Erase ${name}?`,
  approveText: 'Everything Atrium stores about this person is erased from every catalog, and their profile too. This cannot be undone.',
  rejectTitle: (name) => `Reject the request of ${name}?`,
  rejectReasonLabel: 'Why (the person sees this)',
  rejectConfirm: 'Reject the request',
  retentionTitle: 'Retention',
  retentionIntro: 'Purge people automatically once Atrium no longer needs their records. The daily job applies this policy; every run is in the audit trail.',
  criteria: { inactive: 'No activity for', departed: 'Gone from Entra ID for', 'notice-not-accepted': 'Privacy notice not accepted within' },
  daysLabel: (criterion) => `${criterion} (days)`,
  daysHint: 'Leave empty for never.',
  daysInvalid: 'A whole number of days from 1 to 36500, or empty.',
  dryRunFirst: 'The daily job only reports who would go; an admin starts the purge',
  save: 'Save the policy',
  saved: 'The retention policy is saved.',
  dryRun: 'Dry run',
  dryRunResult: (total) => (total === 0 ? 'Nobody would be purged under this policy now.' : `${total} ${total === 1 ? 'person' : 'people'} would be purged now.`),
  sampleCaption: 'Some of the people who would be purged',
  sampleColumns: { person: 'Person', why: 'Why', lastActivity: 'Last activity' },
  purgeNow: (total) => `Purge ${total} ${total === 1 ? 'person' : 'people'}…`,
  purgeTitle: (total) => `Purge ${total} ${total === 1 ? 'person' : 'people'} now?`,
  purgeText: 'Each is erased from every catalog, with their profile. This cannot be undone.',
  purgeStarted: (count) => `${count} purge${count === 1 ? '' : 's'} started. Progress is in the audit trail.`,
  auditTitle: 'Audit trail',
  auditIntro: 'Who did what, and when. People acted upon appear only as a keyed hash: nobody can read who they were from it.',
  auditCaption: 'Audit events, newest first',
  auditEmpty: 'Nothing has been recorded yet.',
  auditColumns: { when: 'When', action: 'Action', actor: 'By', catalog: 'Catalog', subject: 'Subject (hash)', counts: 'Records' },
  actorService: 'Atrium',
  actorErased: 'an erased person',
  loadMore: 'Show older events',
};
