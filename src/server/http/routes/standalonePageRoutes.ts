import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import serveStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AtriumPageConfig } from '../../../app/pageConfig';

/**
 * The standalone page (the Teams tab outside SharePoint, and the local demo): the files `npm run build` made from
 * `src/app` (scripts/buildPage.mjs), served with a strict Content-Security-Policy, and its configuration.
 */
export interface StandalonePageOptions {
  /** The built page: `index.html`, `app.js`, `icon.png`, `fonts/icons/` (`dist/app` after `npm run build`). */
  pageDir: string;
  /** The service's auth mode. The dev sign-in exists in `dev` mode only, whatever else is passed. */
  authMode: 'dev' | 'entra';
  /** The LMS API's audience, `config.auth.audience`. */
  apiAudience: string;
  /** Microsoft Graph for the browser: `https://graph.microsoft.com/`, or the local stand-in's URL. */
  graphBaseUrl: string;
  /** Where the page finds the LMS API; '' (the default) is the page's own origin. */
  apiBaseUrl?: string;
  /** Entra mode: the page's single-page-application registration. Without it, entra mode serves no page. */
  entra?: { clientId: string; authority: string; apiScope?: string };
}

export interface StandalonePage {
  /**
   * `off`: entra mode without an app registration for the page; `not-built`: no built page in `pageDir`. In both
   * cases nothing was registered.
   */
  mode: 'dev' | 'entra' | 'off' | 'not-built';
}

/** Hosts that may frame the page: Teams, Outlook and the Microsoft 365 app (Microsoft's tab requirements). */
const FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/** What a built page folder must hold; anything else in it is served as it is. */
const REQUIRED_PAGE_FILES = ['index.html', 'app.js'];

/** Cache lifetimes: icon font names carry a content hash; the rest is revalidated (ETag) or short-lived. */
function cacheControlFor(file: string): string {
  if (file.includes(`${path.sep}fonts${path.sep}`)) return 'public, max-age=31536000, immutable';
  if (file.endsWith('.png')) return 'public, max-age=86400';
  return 'no-cache';
}

export function registerStandalonePageRoutes(app: FastifyInstance, options: StandalonePageOptions): StandalonePage {
  const pageConfig = pageConfigFor(options);
  if (!pageConfig) return { mode: 'off' };

  const pageDir = path.resolve(options.pageDir);
  const missing = REQUIRED_PAGE_FILES.filter((file) => !fs.existsSync(path.join(pageDir, file)));
  if (missing.length > 0) {
    // The page is optional (entra mode without its app registration has none): the API still runs without it.
    app.log.warn(`The standalone page is not built (${missing.join(', ')} missing in ${pageDir}): run \`npm run build\`. Serving the API only.`);
    return { mode: 'not-built' };
  }

  const csp = contentSecurityPolicy(pageConfig);
  const configScript = `window.__ATRIUM_CONFIG__ = ${scriptSafeJson(pageConfig)};\n`;

  // Its own scope: compression and the static routes apply to the page, not to the API.
  app.register(async (page) => {
    await page.register(compress, { encodings: ['br', 'gzip'] });
    // One route per file found at start (no wildcard): nothing but the built files is reachable, and `/` is index.html.
    await page.register(serveStatic, {
      root: pageDir,
      wildcard: false,
      cacheControl: false,
      setHeaders: (response: SetHeadersResponse, file: string) => {
        secureHeaders(response, cacheControlFor(file));
        if (file.endsWith('.html')) response.setHeader('content-security-policy', csp);
      },
    });
    page.get('/app-config.js', { schema: { hide: true } }, async (_request, reply) => {
      secured(reply, 'no-store');
      return reply.type('text/javascript; charset=utf-8').send(configScript);
    });
  });

  return { mode: pageConfig.mode };
}

function pageConfigFor(options: StandalonePageOptions): AtriumPageConfig | null {
  const apiBaseUrl = (options.apiBaseUrl ?? '').replace(/\/+$/, '');
  const graphBaseUrl = new URL(options.graphBaseUrl).href;
  if (options.authMode === 'dev') return { mode: 'dev', apiBaseUrl, graphBaseUrl };
  if (!options.entra?.clientId) return null;
  const graphOrigin = new URL(graphBaseUrl).origin;
  return {
    mode: 'entra',
    apiBaseUrl,
    graphBaseUrl,
    clientId: options.entra.clientId,
    authority: options.entra.authority,
    apiScope: options.entra.apiScope ?? `${options.apiAudience.replace(/\/+$/, '')}/access_as_user`,
    // Graph's scopes are short for `https://graph.microsoft.com/User.Read`; other clouds spell out their origin.
    graphScopes: [graphOrigin === 'https://graph.microsoft.com' ? 'User.Read' : `${graphOrigin}/User.Read`],
  };
}

/**
 * Scripts from this origin only (the configuration is a same-origin script, not inline). Styles allow inline:
 * Fluent UI writes its CSS into <style> elements at run time. The page talks to the API, Graph and, in
 * production, Entra ID (MSAL's token requests, and its hidden frame for silent renewal).
 */
function contentSecurityPolicy(config: AtriumPageConfig): string {
  const connect = new Set(["'self'", new URL(config.graphBaseUrl).origin]);
  if (config.apiBaseUrl) connect.add(new URL(config.apiBaseUrl).origin);
  const frames: string[] = [];
  if (config.mode === 'entra') {
    const authority = new URL(config.authority).origin;
    connect.add(authority);
    frames.push(authority);
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src ${[...connect].join(' ')}`,
    `frame-src ${frames.length > 0 ? frames.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

const SECURITY_HEADERS: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

function secureHeaders(response: SetHeadersResponse, cacheControl: string): void {
  response.setHeader('cache-control', cacheControl);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

function secured(reply: FastifyReply, cacheControl: string): FastifyReply {
  return reply.header('cache-control', cacheControl).headers(SECURITY_HEADERS);
}

/** JSON that is also safe inside any script context. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
