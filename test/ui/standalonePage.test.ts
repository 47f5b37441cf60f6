import assert from '../support/assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TRAINING_STATES, type MyTraining } from '../../src/domain/myTraining';
import { DEMO_TENANT_ID } from '../../src/server/devstack/demo/demoSeed';
import { englishMyTrainingStrings } from '../../src/ui/myTraining/myTrainingStrings';
import { startDemoStack, type DemoStack } from './demoStack';

/** Debian's chromium: .ci/run installs it (apt-get install -y chromium). */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The size `npm start` seeds. */
const DEMO_DIRECTORY_SIZE = 2000;
/** Roles that take part in keyboard interaction and so must have a name. */
const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'checkbox', 'radio', 'switch', 'combobox', 'listbox', 'option', 'menuitem', 'tab', 'slider', 'spinbutton']);
/**
 * Focusable but not controls: the document, and landmarks the page moves focus to after a screen change (`<main
 * tabindex="-1">`), which ARIA does not require to be named (region and form landmarks do, so they are not here).
 */
const FOCUS_TARGET_ROLES = new Set(['RootWebArea', 'main', 'navigation', 'banner', 'contentinfo', 'complementary']);

let stack: DemoStack;
let browser: Browser;
let baseUrl: string;
const timings: Record<string, number> = {};
const screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-ui-'));

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

beforeAll(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `The browser test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  stack = await timed('demo stack up (Graph stand-in, sync, seed)', () => startDemoStack(DEMO_DIRECTORY_SIZE));
  baseUrl = await stack.t.service.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await timed('chromium launched', () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }));
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (!process.env.ATRIUM_KEEP_SCREENSHOTS) fs.rmSync(screenshotDir, { recursive: true, force: true });
});

/** Everything that went wrong in the page: script errors, console errors (CSP violations among them), failed or foreign requests. */
function watchForTrouble(page: Page): string[] {
  const trouble: string[] = [];
  const origins = new Set([new URL(baseUrl).origin, new URL(stack.graph.standIn.url).origin]);
  page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') trouble.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => trouble.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('request', (request) => {
    if (!origins.has(new URL(request.url()).origin)) trouble.push(`request outside the service and Graph: ${request.url()}`);
  });
  return trouble;
}

/** The accessible name of the focused element, from Chromium's accessibility tree. */
async function focusedElement(page: Page): Promise<string> {
  return (await page.locator(':focus').ariaSnapshot()).trim();
}

/** Interactive or focusable nodes of the accessibility tree that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }>;
    };
    return nodes
      .filter((node) => !node.ignored)
      .filter((node) => {
        const role = node.role?.value ?? '';
        const focusable = node.properties?.some((p) => p.name === 'focusable' && p.value.value === true) ?? false;
        return INTERACTIVE_ROLES.has(role) || (focusable && !FOCUS_TARGET_ROLES.has(role));
      })
      .filter((node) => !String(node.name?.value ?? '').trim())
      .map((node) => node.role?.value ?? '(no role)');
  } finally {
    await cdp.detach();
  }
}

async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotDir, name);
  await page.screenshot({ path: file, fullPage: true });
  const png = fs.readFileSync(file);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return file;
}

test('sign in as the demo learner with the keyboard only, see who you are and your training', async () => {
  const learner = stack.cast.learner;
  const expected = (await stack.t.call('GET', '/api/me/training', { token: await stack.t.token(DEMO_TENANT_ID, learner.id) })).body as MyTraining;
  assert.ok(expected.items.length > 0, 'the demo learner has training to show');

  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const trouble = watchForTrouble(page);
  // A timeout alone says little: say what the page went through.
  const see = (what: string, work: () => Promise<unknown>) =>
    timed(what, work).catch((error: unknown) => {
      throw new Error(`${what}: ${error instanceof Error ? error.message.split('\n')[0] : error}\nin the page: ${JSON.stringify(trouble, null, 2)}`);
    });

  await see('picker shown (first load)', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to the Atrium demo' }).waitFor();
    await page.getByRole('button', { name: `Sign in as ${learner.displayName}` }).waitFor();
  });
  assert.deepEqual(await page.getByRole('list', { name: 'Demo people' }).getByRole('button').allTextContents(), [
    `Sign in as ${stack.cast.learner.displayName}`,
    `Sign in as ${stack.cast.lineManager.displayName}`,
    `Sign in as ${stack.cast.trainingManager.displayName}`,
    `Sign in as ${stack.cast.admin.displayName}`,
  ]);
  assert.deepEqual(await unnamedControls(page), [], 'every control of the picker has an accessible name');
  console.log(`picker screenshot: ${await screenshot(page, 'picker.png')}`);

  // Keyboard only: Tab to the learner's button, Enter.
  const target = `- button "Sign in as ${learner.displayName}"`;
  let focused = '';
  for (let presses = 0; presses < 10 && focused !== target; presses++) {
    await page.keyboard.press('Tab');
    focused = await focusedElement(page);
  }
  assert.equal(focused, target, 'Tab reaches the sign-in button');
  const headline = `Signed in as ${learner.displayName}, ${learner.jobTitle}`;
  await see('signed in: identity and training shown', async () => {
    await page.keyboard.press('Enter');
    await page.getByText(headline, { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Training summary' }).waitFor();
  });
  assert.equal(await focusedElement(page), '- heading "Atrium" [level=1]', 'focus moves to the new page');

  // The page shows exactly what the API says about the learner's training.
  const tiles = await page.getByRole('list', { name: 'Training summary' }).getByRole('listitem').allInnerTexts();
  assert.deepEqual(
    tiles.map((tile) => tile.replace(/\s+/g, ' ').trim()),
    TRAINING_STATES.map((state) => `${expected.counts[state]} ${englishMyTrainingStrings.states[state]}`),
  );
  assert.deepEqual(await page.getByRole('heading', { level: 4 }).allTextContents(), expected.items.map((item) => item.title));
  const progressBars = await page.getByRole('progressbar').count();
  assert.equal(progressBars, expected.items.filter((item) => item.state !== 'completed').length);
  await page.getByText(`${learner.department} · ${learner.officeLocation}`, { exact: true }).waitFor();
  assert.deepEqual(
    await page.evaluate(() => [window.localStorage.length, Object.keys(window.sessionStorage)]),
    [0, ['atrium.devSession']],
    'the tokens are kept for this tab only',
  );

  assert.deepEqual(await unnamedControls(page), [], 'every control of the signed-in page has an accessible name');
  console.log(`signed-in screenshot: ${await screenshot(page, 'signed-in.png')}`);

  // The session lives in the tab: a reload stays signed in; signing out (by keyboard) ends it.
  await page.reload();
  await see('still signed in after a reload', () => page.getByText(headline, { exact: true }).waitFor());
  focused = '';
  for (let presses = 0; presses < 10 && focused !== '- button "Sign out"'; presses++) {
    await page.keyboard.press('Tab');
    focused = await focusedElement(page);
  }
  assert.equal(focused, '- button "Sign out"');
  await page.keyboard.press('Enter');
  await see('signed out', () => page.getByRole('heading', { name: 'Sign in to the Atrium demo' }).waitFor());
  assert.equal(await page.evaluate(() => window.sessionStorage.length), 0, 'no token left behind');

  assert.deepEqual(trouble, [], 'no script errors, CSP violations, failed or foreign requests');
  await context.close();
  console.log(`timings (ms): ${JSON.stringify(timings)}`);
});
