/**
 * What the service tells the standalone page, as `window.__ATRIUM_CONFIG__` (set by `/app-config.js`, a same-origin
 * script, so the page's Content-Security-Policy needs no inline script).
 */
export type AtriumPageConfig = DevPageConfig | EntraPageConfig;

interface CommonPageConfig {
  /** The LMS API's base URL; '' means this page's own origin. */
  apiBaseUrl: string;
  /** Microsoft Graph's root (`https://graph.microsoft.com/`), or the local stand-in's URL. */
  graphBaseUrl: string;
}

/** Local runs: people sign in through the service's dev-only `/dev/sign-in`. */
export interface DevPageConfig extends CommonPageConfig {
  mode: 'dev';
}

/** Production: MSAL sign-in with Microsoft Entra ID. */
export interface EntraPageConfig extends CommonPageConfig {
  mode: 'entra';
  /** The page's own (single-page application) app registration. */
  clientId: string;
  authority: string;
  /** The LMS API's delegated scope, e.g. `api://atrium-lms/access_as_user`. */
  apiScope: string;
  /** Graph's delegated scopes for reading the signed-in person: `User.Read`. */
  graphScopes: string[];
}

declare global {
  interface Window {
    __ATRIUM_CONFIG__?: unknown;
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isFilledText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The injected configuration, checked; throws a readable error when the service sent none or a broken one. */
export function readPageConfig(value: unknown): AtriumPageConfig {
  const config = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (!isText(config.apiBaseUrl) || !isFilledText(config.graphBaseUrl)) {
    throw new Error('This page was not configured by the Atrium service (window.__ATRIUM_CONFIG__ is missing or incomplete).');
  }
  if (config.mode === 'dev') return { mode: 'dev', apiBaseUrl: config.apiBaseUrl, graphBaseUrl: config.graphBaseUrl };
  const graphScopes = config.graphScopes;
  if (
    config.mode === 'entra' &&
    isFilledText(config.clientId) &&
    isFilledText(config.authority) &&
    isFilledText(config.apiScope) &&
    Array.isArray(graphScopes) &&
    graphScopes.every(isFilledText)
  ) {
    return {
      mode: 'entra',
      apiBaseUrl: config.apiBaseUrl,
      graphBaseUrl: config.graphBaseUrl,
      clientId: config.clientId,
      authority: config.authority,
      apiScope: config.apiScope,
      graphScopes: graphScopes as string[],
    };
  }
  throw new Error('The Atrium service sent this page an unusable sign-in configuration.');
}
