/** Every text the signed-in person header shows; hosts pass a translation, English is the default. */
export interface IdentityStrings {
  loading: string;
  signedInAs: (displayName: string) => string;
  /** Department and office, e.g. "Sales · Oslo Aker Brygge". */
  details: (parts: string[]) => string;
  unnamed: string;
  notFound: string;
  notSignedIn: string;
  unavailable: string;
}

export const englishIdentityStrings: IdentityStrings = {
  loading: 'Finding out who you are…',
  signedInAs: (displayName) => `Signed in as ${displayName}`,
  details: (parts) => parts.join(' · '),
  unnamed: 'someone without a name in the directory',
  notFound: 'Your account was not found in your organisation’s directory.',
  notSignedIn: 'You are not signed in to Microsoft 365.',
  unavailable: 'Your profile could not be read from Microsoft 365 right now.',
};
