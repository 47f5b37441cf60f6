import type { Screen } from './appRoutes';

/** The standalone page's own texts (the shared components bring theirs). */
export const appStrings = {
  brand: 'Atrium',
  signOut: 'Sign out',
  pickerTitle: 'Sign in to the Atrium demo',
  pickerIntro: (tenantName: string): string =>
    `This is a local demo of ${tenantName}. Choose who you are: the service's development token issuer signs you in. ` +
    'Production sign-in uses Microsoft Entra ID and never shows this page.',
  pickerListLabel: 'Demo people',
  pickerLoading: 'Loading the demo people…',
  pickerLoadFailed: (reason: string): string => `The demo people could not be loaded: ${reason}`,
  signInAs: (name: string): string => `Sign in as ${name}`,
  signingIn: 'Signing in…',
  signInFailed: (reason: string): string => `Sign-in failed: ${reason}`,
  retry: 'Try again',
  entraTitle: 'Welcome to Atrium',
  entraIntro: 'Sign in with your work account to see your training.',
  entraSignIn: 'Sign in',
  startFailed: (reason: string): string => `Atrium could not start: ${reason}`,
  skipToMain: 'Skip to main content',
  navLabel: 'Atrium',
  screens: {
    training: 'My training',
    catalog: 'Catalog',
    team: 'Team',
    privacy: 'My data & privacy',
    manage: 'Manage people',
    admin: 'Privacy administration',
  } as Record<Screen, string>,
  loadingPage: 'Loading Atrium…',
  notAvailable: 'This page is not available to you. Choose one of the pages above.',
  noticePrompt: 'Atrium has a privacy notice you have not accepted yet. Please read it before you carry on.',
  noticePromptAction: 'Read the privacy notice',
  noticeCheckAgain: 'I have accepted it',
  manageTitle: 'Manage people',
  manageIntro: 'The people with training records in a catalog you manage. You can remove a person from a catalog for good.',
  managePicker: 'Catalog',
  manageNoCatalogTitle: 'No catalog yet',
  manageNoCatalogHint: 'You manage no catalog yet. Create one, or ask a tenant admin to make you a manager of one.',
  adminTitle: 'Privacy administration',
  adminIntro: 'Requests to be forgotten, how long records are kept, and the audit trail of privacy actions.',
};
