import assert from '../support/assert';
import { afterAll, beforeAll, test } from '@jest/globals';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decodeJwt } from 'jose';
import { DEMO_TENANT_ID, DEMO_TENANT_NAME } from '../../src/server/devstack/demo/demoSeed';
import { demoSignInPeople } from '../../src/server/devstack/devSignInPeople';
import { registerStandalonePageRoutes } from '../../src/server/http/routes/standalonePageRoutes';
import { buildStandalonePage, type BuiltPage } from '../support/builtPage';
import { startTestService } from '../support/testService';
import { startDemoStack, type DemoStack } from './demoStack';

let stack: DemoStack;
/** A second build, for services started by single tests. */
let builtPage: BuiltPage;

beforeAll(async () => {
  stack = await startDemoStack();
  builtPage = buildStandalonePage();
});

afterAll(async () => {
  await stack?.close();
  builtPage?.remove();
});

/** Runs `/app-config.js` the way the browser would, and returns what it sets. */
function configOf(script: string): Record<string, unknown> {
  const match = /^window\.__ATRIUM_CONFIG__ = (.*);\n$/s.exec(script);
  assert.ok(match, `app-config.js sets window.__ATRIUM_CONFIG__: ${script}`);
  return JSON.parse(match[1]);
}

function cspOf(headers: Record<string, unknown>): Map<string, string[]> {
  const header = String(headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

test('the page is served with a Content-Security-Policy that allows no inline or foreign script', async () => {
  const page = await stack.t.call('GET', '/');
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  const csp = cspOf(page.headers);
  assert.deepEqual(csp.get('script-src'), ["'self'"]);
  assert.deepEqual(csp.get('default-src'), ["'none'"]);
  assert.deepEqual(csp.get('connect-src'), ["'self'", new URL(stack.graph.standIn.url).origin]);
  assert.deepEqual(csp.get('font-src'), ["'self'"]);
  assert.ok(csp.get('frame-ancestors')?.includes('https://teams.microsoft.com'), 'Teams may show the page as a tab');
  assert.equal(page.headers['x-content-type-options'], 'nosniff');

  const config = await stack.t.call('GET', '/app-config.js');
  assert.match(String(config.headers['content-type']), /^text\/javascript/);
  assert.deepEqual(configOf(config.body), { mode: 'dev', apiBaseUrl: '', graphBaseUrl: stack.graph.standIn.url });
});

test('app.js is the production bundle, compressed when the browser accepts it, and revalidated by ETag', async () => {
  const plain = await stack.t.call('GET', '/app.js');
  assert.equal(plain.status, 200);
  assert.match(String(plain.headers['content-type']), /^(text|application)\/javascript/);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers['cache-control'], 'no-cache');
  assert.equal(plain.headers['x-content-type-options'], 'nosniff');
  const code = plain.raw.toString('utf8');
  assert.ok(code.length > 100_000, 'React, Fluent UI and the app are in it');
  assert.doesNotMatch(code, /react-dom\.development|process\.env\.NODE_ENV/, 'production React, NODE_ENV replaced');
  assert.ok(code.split('\n').length < code.length / 2000, 'minified: long lines, no indentation');

  const brotli = await stack.t.call('GET', '/app.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(brotli.headers['content-encoding'], 'br');
  assert.match(String(brotli.headers.vary), /accept-encoding/i);
  assert.equal(brotliDecompressSync(brotli.raw).toString('utf8'), code);
  assert.ok(brotli.raw.length < code.length / 3);

  const gzipped = await stack.t.call('GET', '/app.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gzipped.raw).toString('utf8'), code);
  assert.ok(gzipped.raw.length < code.length / 2);

  assert.ok(plain.headers.etag, 'an ETag to revalidate with');
  const revalidated = await stack.t.call('GET', '/app.js', { headers: { 'if-none-match': String(plain.headers.etag) } });
  assert.equal(revalidated.status, 304);
  assert.equal(revalidated.raw.length, 0);
});

test('compression is the page\'s own: API answers are left as they are', async () => {
  const openApi = await stack.t.call('GET', '/api/openapi.json', { headers: { 'accept-encoding': 'br, gzip' } });
  assert.equal(openApi.status, 200);
  assert.equal(openApi.headers['content-encoding'], undefined);
  assert.ok(openApi.body.paths, 'plain JSON');
});

test('the icon font is served from the service itself; nothing else is reachable', async () => {
  const code = (await stack.t.call('GET', '/app.js')).raw.toString('utf8');
  const fontFile = /fabric-icons-[0-9a-f]{8}\.woff/.exec(code)?.[0];
  assert.ok(fontFile, 'the bundle names its icon font files');
  const font = await stack.t.call('GET', `/fonts/icons/${fontFile}`);
  assert.equal(font.status, 200);
  assert.equal(font.headers['content-type'], 'font/woff');
  assert.equal(font.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(font.raw.subarray(0, 4).toString('latin1'), 'wOFF');
  const icon = await stack.t.call('GET', '/icon.png');
  assert.equal(icon.status, 200);
  assert.equal(icon.headers['content-type'], 'image/png');
  for (const probe of ['/fonts/icons/fabric-icons-00000000.woff', '/fonts/icons/..%2F..%2Fpackage.json', '/fonts/icons/index.js', '/fonts/', '/..%2Fpackage.json', '/main.tsx', '/pageConfig.js']) {
    const answer = await stack.t.call('GET', probe);
    assert.equal(answer.status, 404, probe);
    assert.equal(answer.body.error.code, 'not_found', probe);
  }
});

test('dev sign-in lists the demo people and gives tokens for the LMS API and for Graph', async () => {
  const offer = await stack.t.call('GET', '/dev/sign-in');
  assert.equal(offer.status, 200);
  assert.equal(offer.headers['cache-control'], 'no-store');
  assert.deepEqual(offer.body, { tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, people: demoSignInPeople(stack.cast) });
  assert.deepEqual(
    offer.body.people.map((p: { role: string; roles: string[] }) => [p.role, p.roles]),
    [['Learner', []], ['Line manager', []], ['Training manager', ['Catalog.Manage']], ['Tenant admin', ['Tenant.Admin']]],
  );

  const learner = stack.cast.learner;
  const signIn = await stack.t.call('POST', '/dev/sign-in', { body: { userId: learner.id } });
  assert.equal(signIn.status, 200);
  assert.equal(signIn.headers['cache-control'], 'no-store');
  assert.equal(signIn.body.userId, learner.id);
  assert.equal(signIn.body.displayName, learner.displayName);
  const { lmsApi, graph } = signIn.body.accessTokens;
  assert.equal(decodeJwt(lmsApi).aud, 'api://atrium-lms');
  assert.equal(decodeJwt(graph).aud, 'https://graph.microsoft.com');
  assert.equal(new Date((decodeJwt(lmsApi).exp ?? 0) * 1000).toISOString(), signIn.body.expiresAt);

  const training = await stack.t.call('GET', '/api/me/training', { token: lmsApi });
  assert.equal(training.status, 200);
  assert.ok(training.body.items.length > 0, 'the demo learner has training');
  const me = await fetch(`${stack.graph.standIn.url}v1.0/me?$select=displayName`, { headers: { Authorization: `Bearer ${graph}` } });
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { displayName: string }).displayName, learner.displayName);
  assert.equal((await stack.t.call('GET', '/api/me/training', { token: graph })).status, 401, 'the Graph token is not an LMS API token');

  const manager = await stack.t.call('POST', '/dev/sign-in', { body: { userId: stack.cast.trainingManager.id } });
  assert.deepEqual(decodeJwt(manager.body.accessTokens.lmsApi).roles, ['Catalog.Manage']);
});

test('dev sign-in is for the listed people only, with their own roles; bad bodies are 4xx', async () => {
  const stranger = await stack.t.call('POST', '/dev/sign-in', { body: { userId: '3f0e2d1c-0b9a-4876-8543-210fedcba987' } });
  assert.equal(stranger.status, 404);
  assert.match(stranger.body.error.message, /not one of the demo people/);
  for (const body of [{}, { userId: 'ada' }, { userId: stack.cast.learner.id, roles: ['Tenant.Admin'] }]) {
    const answer = await stack.t.call('POST', '/dev/sign-in', { body });
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.equal(answer.body.error.code, 'invalid_request');
    assert.equal(answer.body.accessTokens, undefined);
  }
});

test('in Entra mode there is no dev sign-in at all (only the dev stack registers it); the page signs in with MSAL', async () => {
  const t = await startTestService({ env: { ATRIUM_AUTH_MODE: 'entra' } });
  try {
    assert.equal(t.service.devIssuer, null);
    const page = registerStandalonePageRoutes(t.service.app, {
      pageDir: builtPage.dir,
      authMode: 'entra',
      apiAudience: 'api://atrium-lms',
      graphBaseUrl: 'https://graph.microsoft.com/',
      entra: { clientId: '6b2f1c0e-9a8d-4c7b-b6a5-948372615049', authority: 'https://login.microsoftonline.com/organizations' },
    });
    assert.equal(page.mode, 'entra');
    assert.equal((await t.call('GET', '/dev/sign-in')).status, 404);
    assert.equal((await t.call('POST', '/dev/sign-in', { body: { userId: stack.cast.learner.id } })).status, 404);

    const html = await t.call('GET', '/');
    assert.equal(html.status, 200);
    const csp = cspOf(html.headers);
    assert.deepEqual(csp.get('connect-src'), ["'self'", 'https://graph.microsoft.com', 'https://login.microsoftonline.com']);
    assert.deepEqual(csp.get('frame-src'), ['https://login.microsoftonline.com'], "MSAL's silent renewal frame");
    assert.deepEqual(configOf((await t.call('GET', '/app-config.js')).body), {
      mode: 'entra',
      apiBaseUrl: '',
      graphBaseUrl: 'https://graph.microsoft.com/',
      clientId: '6b2f1c0e-9a8d-4c7b-b6a5-948372615049',
      authority: 'https://login.microsoftonline.com/organizations',
      apiScope: 'api://atrium-lms/access_as_user',
      graphScopes: ['User.Read'],
    });
  } finally {
    await t.close();
  }
});

test('in Entra mode without an app registration for the page, no page is served', async () => {
  const t = await startTestService({ env: { ATRIUM_AUTH_MODE: 'entra' } });
  try {
    const page = registerStandalonePageRoutes(t.service.app, { pageDir: builtPage.dir, authMode: 'entra', apiAudience: 'api://atrium-lms', graphBaseUrl: 'https://graph.microsoft.com/' });
    assert.equal(page.mode, 'off');
    assert.equal((await t.call('GET', '/')).status, 404);
    assert.equal((await t.call('GET', '/app.js')).status, 404);
  } finally {
    await t.close();
  }
});

test('without a built page the service serves the API only, and says how to build the page', async () => {
  const t = await startTestService();
  const warnings: string[] = [];
  const warn = t.service.app.log.warn.bind(t.service.app.log);
  t.service.app.log.warn = ((message: unknown) => {
    warnings.push(String(message));
  }) as typeof t.service.app.log.warn;
  try {
    const page = registerStandalonePageRoutes(t.service.app, {
      pageDir: t.dataDir,
      authMode: 'dev',
      apiAudience: 'api://atrium-lms',
      graphBaseUrl: 'https://graph.microsoft.com/',
    });
    assert.equal(page.mode, 'not-built');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /npm run build/);
    assert.equal((await t.call('GET', '/')).status, 404);
    assert.equal((await t.call('GET', '/healthz')).status, 200);
  } finally {
    t.service.app.log.warn = warn;
    await t.close();
  }
});
