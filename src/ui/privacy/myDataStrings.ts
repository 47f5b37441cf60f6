import type { ErasureRequestView } from '../../domain/dataRights';

/** Every text of "My data & privacy"; hosts pass a translation, English is the default. */
export interface MyDataStrings {
  title: string;
  loading: string;
  storedTitle: string;
  storedIntro: string;
  recordCount: (count: number) => string;
  storedEmpty: string;
  download: string;
  downloadHint: string;
  noticeTitle: string;
  noNotice: string;
  noticeVersion: (version: number, publishedOn: string) => string;
  acceptedOn: (version: number, acceptedOn: string) => string;
  notAccepted: string;
  accept: string;
  withdraw: string;
  withdrawTitle: string;
  withdrawText: string;
  withdrawConfirm: string;
  cancel: string;
  restricted: string;
  forgetTitle: string;
  forgetIntro: string;
  forgetNoteLabel: string;
  forgetButton: string;
  forgetConfirmTitle: string;
  forgetConfirmText: string;
  forgetConfirm: string;
  requestState: (request: ErasureRequestView, on: (iso: string) => string) => string;
  actionFailed: string;
}

export const englishMyDataStrings: MyDataStrings = {
  title: 'My data & privacy',
  loading: 'Loading what Atrium stores about you…',
  storedTitle: 'What Atrium stores about you',
  storedIntro:
    'Who you are comes from your organisation’s Microsoft Entra ID: only your name, sign-in name, mail, department, job title, office, country, city and manager. Atrium adds your training records.',
  recordCount: (count) => `${count} record${count === 1 ? '' : 's'}`,
  storedEmpty: 'Nothing yet.',
  download: 'Download my data',
  downloadHint: 'A JSON file with every record, what it is and why it is kept.',
  noticeTitle: 'Privacy notice',
  noNotice: 'Your organisation has not published a privacy notice for Atrium yet.',
  noticeVersion: (version, publishedOn) => `Version ${version}, published ${publishedOn}.`,
  acceptedOn: (version, acceptedOn) => `You accepted version ${version} on ${acceptedOn}.`,
  notAccepted: 'You have not accepted this version yet.',
  accept: 'Accept the privacy notice',
  withdraw: 'Withdraw my consent…',
  withdrawTitle: 'Withdraw your consent?',
  withdrawText: 'Withdrawing asks your organisation to erase everything Atrium stores about you, including certificates. A tenant admin decides.',
  withdrawConfirm: 'Withdraw and ask to be forgotten',
  cancel: 'Cancel',
  restricted: 'Processing of your data is restricted: you get no new assignments and are left out of reports until an admin lifts it.',
  forgetTitle: 'Ask to be forgotten',
  forgetIntro: 'Ask your organisation to erase everything Atrium stores about you. A tenant admin approves or rejects the request, and you see the answer here.',
  forgetNoteLabel: 'Anything the admin should know (optional)',
  forgetButton: 'Ask to be forgotten…',
  forgetConfirmTitle: 'Ask to be forgotten?',
  forgetConfirmText: 'If the request is approved, your training records and certificates are erased for good.',
  forgetConfirm: 'Send the request',
  requestState: (request, on) => {
    if (request.status === 'pending') return `Your request of ${on(request.requestedAt)} is waiting for a tenant admin.`;
    if (request.status === 'approved') return `Your request was approved on ${on(request.decidedAt ?? request.requestedAt)}: your data is being erased.`;
    return `Your request was rejected on ${on(request.decidedAt ?? request.requestedAt)}${request.decisionReason ? `: ${request.decisionReason}` : '.'}`;
  },
  actionFailed: 'That did not work. Try again.',
};
