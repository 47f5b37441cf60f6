import assert from '../support/assert';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { chromium, type Browser } from 'playwright-core';
import { loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { generateDirectoryUsers } from '../../src/server/devstack/directory/directoryGenerator';
import { localDirectoryOptions, signInPeopleOf } from '../../src/server/devstack/localDirectories';
import { startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import { makeDataDir, startTestService, type TestService } from '../support/testService';

// A web part on a tenant's SharePoint calls the API from another origin. Here the browser is Chromium, the
// "SharePoint" pages are tiny servers on other loopback ports, and the browser itself enforces CORS.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page server standing in for a SharePoint site: one empty page whose script is what the test evaluates. */
async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>SharePoint (stand-in)</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let allowedSite: Awaited<ReturnType<typeof startPageServer>>;
let otherSite: Awaited<ReturnType<typeof startPageServer>>;
let t: TestService;
let graph: LocalGraph;
let apiUrl: string;
let browser: Browser;
let adminToken: string;
let tenantId: string;
/** What reached the API: method, path and the page's origin. */
const arrived: Array<{ method: string; url: string; origin: string | undefined }> = [];

beforeAll(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `The browser test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  allowedSite = await startPageServer();
  otherSite = await startPageServer();
  // A Graph stand-in, so the directory sync starts (202 with a Location to poll).
  const dataDir = makeDataDir();
  graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir));
  t = await startTestService({ dataDir, graph: graph.access, env: { ATRIUM_ALLOWED_ORIGINS: allowedSite.origin } });
  t.service.app.addHook('onRequest', async (request) => {
    arrived.push({ method: request.method, url: request.url, origin: request.headers.origin });
  });
  apiUrl = await t.service.app.listen({ port: 0, host: '127.0.0.1' });
  tenantId = randomUUID();
  // The tenant admin of the directory the stand-in generates for this tenant.
  const admin = signInPeopleOf([...generateDirectoryUsers(localDirectoryOptions(tenantId))]).find((person) => person.roles.includes('Tenant.Admin'));
  assert.ok(admin, 'the generated directory has a tenant admin');
  adminToken = await t.token(tenantId, admin.id, admin.roles);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await graph?.standIn.close();
  await allowedSite?.close();
  await otherSite?.close();
});

interface FetchOutcome {
  ok: boolean;
  status?: number;
  location?: string | null;
  body?: unknown;
  error?: string;
}

/** Opens the site's page and runs, in it, what a web part does: fetch with a bearer token (and a JSON body). */
async function callFromPage(siteOrigin: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<FetchOutcome> {
  const page = await browser.newPage();
  try {
    await page.goto(`${siteOrigin}/`);
    return await page.evaluate(
      async ({ url, method, token, body }) => {
        try {
          const response = await fetch(url, {
            method,
            headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { ok: true, status: response.status, location: response.headers.get('Location'), body: await response.json() };
        } catch (error) {
          return { ok: false, error: String(error) };
        }
      },
      { url: `${apiUrl}${path}`, method, token: adminToken, body },
    );
  } finally {
    await page.close();
  }
}

test('a page on an allowed origin calls the API with a bearer token and a JSON body, and reads the answer and its Location', async () => {
  const onboarding = await callFromPage(allowedSite.origin, 'POST', '/api/tenant/onboarding', { region: 'westeurope', displayName: 'Contoso' });
  assert.equal(onboarding.ok, true, onboarding.error);
  assert.equal(onboarding.status, 201, JSON.stringify(onboarding.body));
  assert.equal((onboarding.body as { tenantId: string }).tenantId, tenantId);

  const tenant = await callFromPage(allowedSite.origin, 'GET', '/api/tenant');
  assert.equal(tenant.ok, true, tenant.error);
  assert.equal(tenant.status, 200);
  assert.equal((tenant.body as { displayName: string }).displayName, 'Contoso');

  const sync = await callFromPage(allowedSite.origin, 'POST', '/api/tenant/directory-sync', {});
  assert.equal(sync.ok, true, sync.error);
  assert.equal(sync.status, 202, JSON.stringify(sync.body));
  assert.equal(sync.location, '/api/tenant/directory-sync', 'the exposed Location header is readable');
});

test('a page on another origin is stopped by the browser: its preflight gets no permission and the call itself never reaches the API', async () => {
  arrived.length = 0;
  const outcome = await callFromPage(otherSite.origin, 'GET', '/api/tenant');
  assert.equal(outcome.ok, false);
  assert.match(String(outcome.error), /Failed to fetch/);
  assert.deepEqual(
    arrived.map(({ method, url, origin }) => [method, url, origin]),
    [['OPTIONS', '/api/tenant', otherSite.origin]],
    'only the preflight arrived; the bearer token never left the browser',
  );
});
