/** The two resources the browser calls: the Atrium LMS API and Microsoft Graph. */
export type TokenAudience = 'lmsApi' | 'graph';

/** Access tokens for the signed-in person: MSAL in production, the dev token issuer locally. */
export interface IAccessTokenProvider {
  getAccessToken(audience: TokenAudience): Promise<string>;
}

/** The name of a SignInRequiredError; it survives where the error is wrapped, as the Graph library does. */
export const SIGN_IN_REQUIRED = 'SignInRequiredError';

/** No usable token: the person has to sign in (again). */
export class SignInRequiredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = SIGN_IN_REQUIRED;
    // The SPFx build targets ES5, where subclassing Error loses the prototype (and instanceof) without this.
    Object.setPrototypeOf(this, SignInRequiredError.prototype);
  }
}
