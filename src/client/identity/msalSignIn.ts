import {
  type AccountInfo,
  BrowserCacheLocation,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
  PublicClientApplication,
} from '@azure/msal-browser';
import { type IAccessTokenProvider, SignInRequiredError, type TokenAudience } from './accessTokenProvider';

/** Delegated scopes per resource, e.g. `api://atrium-lms/access_as_user` and Graph's `User.Read`. */
export type MsalScopes = Record<TokenAudience, string[]>;

/** IAccessTokenProvider over msal-browser: silent first; when Entra ID needs the person, a redirect. */
export class MsalAccessTokenProvider implements IAccessTokenProvider {
  private readonly msal: IPublicClientApplication;
  private readonly account: AccountInfo;
  private readonly scopes: MsalScopes;

  constructor(msal: IPublicClientApplication, account: AccountInfo, scopes: MsalScopes) {
    this.msal = msal;
    this.account = account;
    this.scopes = scopes;
  }

  async getAccessToken(audience: TokenAudience): Promise<string> {
    const request = { scopes: this.scopes[audience], account: this.account };
    try {
      return (await this.msal.acquireTokenSilent(request)).accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      // Consent or a fresh sign-in is needed: the page navigates to Entra ID and comes back signed in.
      await this.msal.acquireTokenRedirect(request);
      throw new SignInRequiredError('Microsoft Entra ID needs you to sign in again.');
    }
  }
}

export interface MsalSignInSettings {
  clientId: string;
  /** e.g. `https://login.microsoftonline.com/organizations` (any work account) or a tenant's authority. */
  authority: string;
  /** Where Entra ID sends the person back: this page. */
  redirectUri: string;
  scopes: MsalScopes;
}

export interface MsalSignIn {
  /** Null until the person signs in. */
  tokens: IAccessTokenProvider | null;
  accountName: string | null;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
}

/**
 * Starts MSAL on the page: finishes a sign-in redirect if this load is one, and picks up an earlier sign-in from
 * session storage (tokens never outlive the browser tab). Sign-in asks consent for Graph and the LMS API at once.
 */
export async function startMsalSignIn(settings: MsalSignInSettings): Promise<MsalSignIn> {
  const msal = new PublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: settings.redirectUri },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
  });
  await msal.initialize();
  const redirect = await msal.handleRedirectPromise();
  const account = (redirect && redirect.account) || msal.getActiveAccount() || msal.getAllAccounts()[0] || null;
  if (account) msal.setActiveAccount(account);
  return {
    tokens: account ? new MsalAccessTokenProvider(msal, account, settings.scopes) : null,
    accountName: account ? account.name || account.username : null,
    signIn: () => msal.loginRedirect({ scopes: settings.scopes.graph, extraScopesToConsent: settings.scopes.lmsApi }),
    signOut: () => msal.logoutRedirect(account ? { account } : undefined),
  };
}
