/** Texts every screen shares: how a failed load reads, and what to do next. Hosts pass a translation. */
export interface CommonStrings {
  retry: string;
  unreachable: string;
  sessionExpired: string;
  signInAgain: string;
  notOnboarded: string;
  notInDirectory: string;
  forbidden: string;
  unexpected: string;
}

export const englishCommonStrings: CommonStrings = {
  retry: 'Try again',
  unreachable: 'The Atrium service could not be reached. Check your connection, then try again.',
  sessionExpired: 'Your session has expired. Sign in again to carry on.',
  signInAgain: 'Sign in again',
  notOnboarded: 'Your organisation has not set up Atrium yet. Ask your Microsoft 365 administrator to onboard it; until then there is no training to show.',
  notInDirectory: "Atrium cannot find you in your organisation's directory yet. If you joined recently, try again later or ask your administrator.",
  forbidden: 'You do not have access to this. Ask your training manager if you think you should.',
  unexpected: 'Something went wrong. Try again in a moment.',
};
