import assert from '../support/assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** What every browser test shares: Debian's Chromium, trouble watching, axe, screenshots, keyboard moves. */

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), `The browser test needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Script errors, console errors and failed requests: none is expected on any screen. */
export function watchForTrouble(page: Page): string[] {
  const trouble: string[] = [];
  page.on('pageerror', (error) => trouble.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('requestfailed', (request) => trouble.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  return trouble;
}

/** Axe's serious and critical violations on the page as it is now (the context must bypass the page's CSP). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const axeInPage = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axeInPage.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.targets.join(', ')}`);
}

/** Screenshots kept after the run for people to look at, each with axe's verdict on the same screen. */
export class ScreenAlbum {
  readonly dir: string;
  readonly files: string[] = [];

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `atrium-${name}-`));
  }

  async shoot(page: Page, name: string): Promise<void> {
    const file = path.join(this.dir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    this.files.push(file);
    assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  }

  summary(title: string): string {
    return `${title} screenshots in ${this.dir}:\n${this.files.join('\n')}`;
  }
}

/**
 * The focused element's accessibility snapshot, e.g. `- button "Purge…"`; '' while focus is on the body or has left
 * the page (Tab past the last control moves it to the browser), where `:focus` matches nothing and would be waited for.
 */
export async function focused(page: Page): Promise<string> {
  const onAControl = await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);
  if (!onAControl) return '';
  return (await page.locator(':focus').ariaSnapshot()).trim();
}

/**
 * Presses Tab until the focused element's accessibility snapshot starts with `target`. Waits first for the page to
 * hold a control at all: the app renders after `load`, and a Tab pressed before that goes nowhere.
 */
export async function tabTo(page: Page, target: string, most = 40): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#atrium-root :is(button, a[href], input)') !== null);
  let now = '';
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Tab');
    now = await focused(page);
    if (now.startsWith(target)) return;
  }
  throw new Error(`Tab never reached ${target}; last focus: ${now}`);
}
