import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AtriumPageConfig } from '../../../app/pageConfig';
import type { DevIssuer } from '../../auth/devIssuer';
import { type DevSignInPerson, registerDevSignInRoutes } from '../../devstack/devSignInRoutes';

/**
 * The standalone page (the Teams tab outside SharePoint, and the local demo): `src/app` bundled with esbuild into
 * memory when the routes are registered, served with a strict Content-Security-Policy.
 */
export interface StandalonePageOptions {
  /** The service's auth mode. The dev sign-in exists in `dev` mode only, whatever else is passed. */
  authMode: 'dev' | 'entra';
  /** `service.devIssuer` (null in entra mode). */
  devIssuer: DevIssuer | null;
  /** The LMS API's audience, `config.auth.audience`. */
  apiAudience: string;
  /** Microsoft Graph for the browser: `https://graph.microsoft.com/`, or the local stand-in's URL. */
  graphBaseUrl: string;
  /** Where the page finds the LMS API; '' (the default) is the page's own origin. */
  apiBaseUrl?: string;
  /** Dev mode: the demo tenant and the people the sign-in picker offers. */
  demo?: { tenantId: string; tenantName: string; people: readonly DevSignInPerson[] };
  /** Entra mode: the page's single-page-application registration. Without it, entra mode serves no page. */
  entra?: { clientId: string; authority: string; apiScope?: string };
}

export interface StandalonePage {
  /** `off`: entra mode without an app registration for the page, so nothing was registered. */
  mode: 'dev' | 'entra' | 'off';
  /** Settles when the first bundle is built (or failed; a failed build is retried on the next request). */
  bundled: Promise<void>;
}

const APP_DIR = path.resolve(__dirname, '../../../app');
const PROJECT_DIR = path.resolve(APP_DIR, '../..');
const ENTRY_POINT = path.join(APP_DIR, 'main.tsx');
const ICON_FONT_FILE = /^fabric-icons(?:-\d+)?-[0-9a-f]{8}\.woff$/;

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

interface Bundle {
  code: Buffer;
  /** The same code compressed once, for browsers that accept it (about a quarter of the size). */
  brotli: Buffer;
  gzip: Buffer;
  etag: string;
  /** The folder of the `@fluentui/font-icons-mdl2` the bundle was built with: its font files match its code. */
  iconFontDir: string | null;
}

export function registerStandalonePageRoutes(app: FastifyInstance, options: StandalonePageOptions): StandalonePage {
  const pageConfig = pageConfigFor(options);
  if (!pageConfig) return { mode: 'off', bundled: Promise.resolve() };

  if (options.authMode === 'dev' && options.devIssuer && options.demo) {
    registerDevSignInRoutes(app, { issuer: options.devIssuer, apiAudience: options.apiAudience, ...options.demo });
  }

  const csp = contentSecurityPolicy(pageConfig);
  const indexHtml = readFileSync(path.join(APP_DIR, 'index.html'), 'utf8');
  const configScript = `window.__ATRIUM_CONFIG__ = ${scriptSafeJson(pageConfig)};\n`;
  // The Teams app's colour icon, so the tab and the page look the same.
  const icon = readFileSync(path.join(PROJECT_DIR, 'teams', 'color.png'));

  let building: Promise<Bundle> | undefined;
  const bundle = (): Promise<Bundle> => {
    if (!building) {
      building = buildPageBundle();
      building.catch((error: unknown) => {
        building = undefined;
        app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'bundling the standalone page failed');
      });
    }
    return building;
  };
  const bundled = bundle().then(
    () => undefined,
    () => undefined,
  );

  const hidden = { schema: { hide: true } };
  app.get('/', hidden, async (_request, reply) =>
    secured(reply, 'no-cache').header('content-security-policy', csp).type('text/html; charset=utf-8').send(indexHtml),
  );
  app.get('/app-config.js', hidden, async (_request, reply) =>
    secured(reply, 'no-store').type('text/javascript; charset=utf-8').send(configScript),
  );
  app.get('/icon.png', hidden, async (_request, reply) => secured(reply, 'public, max-age=86400').type('image/png').send(icon));
  app.get('/app.js', hidden, async (request, reply) => {
    const built = await bundle();
    secured(reply, 'no-cache').header('etag', built.etag).header('vary', 'accept-encoding');
    if (ifNoneMatch(request, built.etag)) return reply.code(304).send();
    reply.type('text/javascript; charset=utf-8');
    const encoding = preferredEncoding(request);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(encoding === 'br' ? built.brotli : encoding === 'gzip' ? built.gzip : built.code);
  });
  app.get<{ Params: { file: string } }>('/fonts/icons/:file', hidden, async (request, reply) => {
    const { iconFontDir } = await bundle();
    const file = request.params.file;
    if (!iconFontDir || !ICON_FONT_FILE.test(file)) return reply.code(404).send({ error: { code: 'not_found', message: 'no such icon font' } });
    let font: Buffer;
    try {
      font = await fs.readFile(path.join(iconFontDir, 'fonts', file));
    } catch {
      return reply.code(404).send({ error: { code: 'not_found', message: 'no such icon font' } });
    }
    // The file name carries a content hash.
    return secured(reply, 'public, max-age=31536000, immutable').type('font/woff').send(font);
  });

  return { mode: pageConfig.mode, bundled };
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

function secured(reply: FastifyReply, cacheControl: string): FastifyReply {
  return reply.header('cache-control', cacheControl).header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
}

function ifNoneMatch(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return typeof header === 'string' && header.split(',').some((tag) => tag.trim() === etag);
}

function preferredEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, quality]) => !quality || !/^q=0(\.0*)?$/.test(quality.trim()))
    .map(([name]) => name.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

/** JSON that is also safe inside any script context. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Production React, minified, for current browsers; esbuild is loaded only when a page is served. */
async function buildPageBundle(): Promise<Bundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: [ENTRY_POINT],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the standalone page');
  const code = Buffer.from(output.contents);
  const iconModule = Object.keys(result.metafile.inputs).find((input) => /node_modules\/@fluentui\/font-icons-mdl2\//.test(input));
  const iconFontDir = iconModule ? path.resolve(PROJECT_DIR, iconModule.slice(0, iconModule.indexOf('@fluentui/font-icons-mdl2/') + '@fluentui/font-icons-mdl2'.length)) : null;
  const etag = `W/"${createHash('sha256').update(code).digest('base64url').slice(0, 22)}"`;
  const brotli = brotliCompressSync(code, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: code.length } });
  return { code, brotli, gzip: gzipSync(code, { level: 9 }), etag, iconFontDir };
}
