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
};
