import assert from '../support/assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../src/server/devstack/demo/demoSeed';
import { focused, tabTo, watchForTrouble } from './browserSession';
import { onDemoStackInChromium } from './demoStack';

/**
 * The learner screens in Chromium against the real stack: a learner finds a course in the catalog, enrols, takes
 * its lesson and its quiz (failing once) and downloads the certificate; a line manager sees a report's training;
 * one journey by keyboard only; axe-core finds no serious or critical violation on any screen.
 */

const env = onDemoStackInChromium('learner-screens');
const screen = (page: Page, name: string): Promise<void> => env.album.shoot(page, name);

async function signedIn(displayName: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page; trouble: string[] }> {
  // Axe is injected as an inline script, which the page's Content-Security-Policy rightly refuses.
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', bypassCSP: true, acceptDownloads: true, colorScheme });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const trouble = watchForTrouble(page);
  await page.goto(`${env.baseUrl}/`);
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
  await page.getByRole('navigation', { name: 'Atrium' }).waitFor();
  return { context, page, trouble };
}

test('a learner finds a course in the catalog, enrols, takes the lesson and the quiz (failing once) and downloads the certificate', async () => {
  const { context, page, trouble } = await signedIn(env.stack.cast.learner.displayName as string);
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  await page.getByRole('list', { name: 'Training summary' }).waitFor();
  await screen(page, '01-my-training');

  await page.getByRole('navigation', { name: 'Atrium' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('heading', { name: 'Course catalog', level: 2 }).waitFor();
  await page.getByRole('link', { name: 'Code of Conduct 2026' }).waitFor();
  await screen(page, '02-catalog');
  await page.getByRole('searchbox', { name: /Search courses/ }).fill('bribery');
  await page.getByRole('status').filter({ hasText: '1 of' }).waitFor();
  await page.getByRole('combobox', { name: 'Format' }).click();
  await page.getByRole('option', { name: 'Video' }).click();
  await screen(page, '03-catalog-filtered');
  await page.getByRole('link', { name: 'Anti-Bribery and Corruption' }).click();

  await page.getByRole('heading', { name: 'Anti-Bribery and Corruption', level: 2 }).waitFor();
  assert.match(page.url(), /#\/course\/[0-9a-f-]{36}$/);
  await page.getByText('Quiz: 1 question, pass mark 100%').first().waitFor();
  await screen(page, '04-course-not-enrolled');
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await page.getByText('You are enrolled. Start with the first lesson.').waitFor();

  const material = page.getByRole('link', { name: /Open Anti-bribery in practice/ });
  assert.equal(await material.getAttribute('target'), '_blank');
  assert.match((await material.getAttribute('href')) ?? '', /^https:\/\/contoso\.sharepoint\.com\//);
  await page.getByRole('button', { name: /Mark .Anti-bribery in practice \(video\). as done/ }).click();
  await page.getByText('“Anti-bribery in practice (video)” is done.').waitFor();

  // A wrong answer first: the score and the pass mark, then another try.
  await page.getByRole('radio', { name: 'True' }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByText(/Not passed: you scored 0%.*The pass mark is 100%/).waitFor();
  await screen(page, '05-quiz-failed');
  await page.getByRole('button', { name: 'Try the quiz again' }).click();
  await page.getByRole('radio', { name: 'False' }).check();
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await page.getByText(/Passed: you scored 100%/).waitFor();

  await page.getByRole('heading', { name: 'Certificate', level: 3 }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download certificate (PDF)' }).click()]);
  const saved = path.join(env.album.dir, download.suggestedFilename());
  await download.saveAs(saved);
  assert.equal(fs.readFileSync(saved).subarray(0, 5).toString('latin1'), '%PDF-');
  const verify = page.getByRole('link', { name: /^Verify certificate ATR-/ });
  await verify.waitFor();
  await screen(page, '06-course-completed');
  const verification = await page.request.get((await verify.getAttribute('href')) as string);
  assert.equal(verification.status(), 200);
  assert.equal(((await verification.json()) as { courseTitle: string }).courseTitle, 'Anti-Bribery and Corruption');

  // Back to My training with the browser's back button: the certificate is listed there.
  await page.goBack();
  await page.goBack();
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Download the certificate for Anti-Bribery and Corruption' }).waitFor();
  await screen(page, '07-my-training-with-certificate');

  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});

test('by keyboard only: from My training to a sequential course, its lessons in order, the quiz once they are done, and the certificate', async () => {
  const { context, page, trouble } = await signedIn(env.stack.cast.learner.displayName as string);
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();

  // On a fresh load the skip link is the first stop, and takes focus to the main content.
  await page.waitForLoadState('networkidle');
  await page.reload();
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  await page.keyboard.press('Tab');
  assert.match(await focused(page), /^- link "Skip to main content"/);
  await page.keyboard.press('Enter');
  assert.match(await focused(page), /^- main/);

  await tabTo(page, '- link "Code of Conduct 2026"');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Code of Conduct 2026', level: 2 }).waitFor();
  assert.match(await focused(page), /^- heading "Code of Conduct 2026" \[level=2\]/, 'focus moves to the new screen');
  await page.getByText(/The quiz opens when every lesson is done: 3 to go/).waitFor();
  await screen(page, '08-sequential-course');

  // Each lesson marked done by keyboard; focus stays on the lesson just done, so Tab goes on to the next one.
  for (const [lesson, remaining] of [['Why a code of conduct', 2], ['Respect at work', 1], ['Speaking up', 0]] as const) {
    await tabTo(page, `- button "Mark “${lesson}” as done"`);
    await page.keyboard.press('Enter');
    await page.getByText(`“${lesson}” is done.`).waitFor();
    if (remaining > 0) await page.getByText(`The quiz opens when every lesson is done: ${remaining} to go.`).waitFor();
    assert.match(await focused(page), new RegExp(`^- link "Open ${lesson}`));
  }

  // The quiz by keyboard: arrows choose in a radio group, Space ticks a checkbox, Enter submits.
  await tabTo(page, '- radio "Only with HR"');
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(page), /^- radio "The Speak Up line" \[checked\]/);
  await tabTo(page, '- radio "True"');
  await page.keyboard.press('Space');
  await tabTo(page, '- checkbox "A gift worth 150 EUR"');
  await page.keyboard.press('Space');
  await tabTo(page, '- checkbox "A family member working for a bidder"');
  await page.keyboard.press('Space');
  await tabTo(page, '- button "Submit answers"');
  await page.keyboard.press('Enter');
  await page.getByText(/Passed: you scored 100%.*The pass mark is 80%/).waitFor();
  await tabTo(page, '- button "Download certificate (PDF)"', 60);
  await screen(page, '09-sequential-course-completed-by-keyboard');

  await page.goBack();
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});

test('a line manager sees a direct report’s overdue course and assigns another with a due date', async () => {
  const { context, page, trouble } = await signedIn(env.stack.cast.lineManager.displayName as string);
  const nav = page.getByRole('navigation', { name: 'Atrium' });
  assert.deepEqual(await nav.getByRole('link').allTextContents(), ['My training', 'Catalog', 'Team', 'My data & privacy']);
  await nav.getByRole('link', { name: 'Team' }).click();
  await page.getByRole('heading', { name: 'My team', level: 2 }).waitFor();
  const learnerName = env.stack.cast.learner.displayName as string;
  await page.getByRole('heading', { name: learnerName, level: 3 }).waitFor();
  const table = page.getByRole('table', { name: `Training of ${learnerName}` });
  await table.getByRole('rowheader', { name: 'Code of Conduct 2026' }).waitFor();
  await screen(page, '10-team');
  await page.getByRole('button', { name: `Assign a course to ${learnerName}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Assign a course to ${learnerName}` });
  await dialog.getByRole('combobox', { name: 'Course' }).click();
  await page.getByRole('option', { name: 'Fire Safety and Evacuation' }).click();
  await dialog.getByLabel('Due date').fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await page.getByText(`Fire Safety and Evacuation is assigned to ${learnerName}`, { exact: false }).waitFor();
  await table.getByRole('rowheader', { name: 'Fire Safety and Evacuation' }).waitFor();

  await nav.getByRole('link', { name: 'My data & privacy' }).click();
  await page.getByRole('heading', { name: 'My data & privacy', level: 2 }).waitFor();
  await screen(page, '11-my-data-and-privacy');
  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});

test('a tenant admin who is also a line manager assigns a course to a report, and manages people and privacy', async () => {
  const { context, page, trouble } = await signedIn(env.stack.cast.admin.displayName as string);
  const nav = page.getByRole('navigation', { name: 'Atrium' });
  // Tenant admins manage every catalog, so the API lets them assign: the team view offers it.
  await nav.getByRole('link', { name: 'Team' }).click();
  await page.getByRole('heading', { name: 'My team', level: 2 }).waitFor();
  const assign = page.getByRole('button', { name: /^Assign a course to / }).first();
  const report = ((await assign.textContent()) ?? '').replace(/^.*Assign a course to /, '');
  await assign.click();
  const dialog = page.getByRole('alertdialog', { name: `Assign a course to ${report}` });
  await dialog.getByRole('combobox', { name: 'Course' }).click();
  await page.getByRole('option', { name: 'Workstation Ergonomics' }).click();
  const due = new Date(Date.now() + 21 * 86_400_000);
  await dialog.getByLabel('Due date').fill(due.toISOString().slice(0, 10));
  await screen(page, '12-team-assign');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await page.getByText(`Workstation Ergonomics is assigned to ${report}`, { exact: false }).waitFor();
  await page.getByRole('table', { name: `Training of ${report}` }).getByRole('rowheader', { name: 'Workstation Ergonomics' }).waitFor();

  await nav.getByRole('link', { name: 'Manage people' }).click();
  await page.getByRole('heading', { name: 'Manage people', level: 2 }).waitFor();
  await page.getByRole('table').first().waitFor();
  await screen(page, '13-manage-people');
  await nav.getByRole('link', { name: 'Privacy administration' }).click();
  await page.getByRole('heading', { name: 'Privacy administration', level: 2 }).waitFor();
  await page.getByRole('heading', { level: 3 }).first().waitFor();
  await screen(page, '14-privacy-administration');
  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});

test('with the browser set to dark, the page is dark, and axe finds no serious or critical violation on the main screens', async () => {
  // A line manager opens every learner screen and Team.
  const { context, page, trouble } = await signedIn(env.stack.cast.lineManager.displayName as string, 'dark');
  const nav = page.getByRole('navigation', { name: 'Atrium' });
  const bodyBackground = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  await page.getByRole('list', { name: 'Training summary' }).waitFor();
  assert.equal(await bodyBackground(), 'rgb(31, 31, 31)', 'the body takes the dark theme’s background');
  await screen(page, '20-dark-my-training');

  await nav.getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('heading', { name: 'Course catalog', level: 2 }).waitFor();
  await page.getByRole('link', { name: 'Code of Conduct 2026' }).waitFor();
  await screen(page, '21-dark-catalog');
  await page.getByRole('link', { name: 'Code of Conduct 2026' }).click();
  await page.getByRole('heading', { name: 'Code of Conduct 2026', level: 2 }).waitFor();
  await page.getByText(/Quiz: /).first().waitFor();
  await screen(page, '22-dark-course');

  await nav.getByRole('link', { name: 'Team' }).click();
  await page.getByRole('heading', { name: 'My team', level: 2 }).waitFor();
  await page.getByRole('table', { name: `Training of ${env.stack.cast.learner.displayName as string}` }).waitFor();
  await screen(page, '23-dark-team');

  await nav.getByRole('link', { name: 'My data & privacy' }).click();
  await page.getByRole('heading', { name: 'My data & privacy', level: 2 }).waitFor();
  await screen(page, '24-dark-my-data-and-privacy');

  // Signing out shows the dev sign-in picker, dark too.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('list', { name: /./ }).getByRole('button', { name: /^Sign in as / }).first().waitFor();
  await screen(page, '25-dark-sign-in');

  // The page follows the setting when it changes.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)');
  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});

// Last: once a notice is published, everyone is asked to accept it.
test('a learner who must accept a new privacy notice sees it first, accepts it, and carries on', async () => {
  const adminToken = await env.stack.t.token(DEMO_TENANT_ID, env.stack.cast.admin.id, ['Tenant.Admin']);
  const published = await env.stack.t.call('PUT', '/api/tenant/privacy-notice', { token: adminToken, body: { text: 'Contoso keeps your training records while you work here.' } });
  assert.equal(published.status, 200);

  const { context, page, trouble } = await signedIn(env.stack.cast.learner.displayName as string);
  await page.getByText(/privacy notice you have not accepted yet/).waitFor();
  await page.getByRole('heading', { name: 'My data & privacy', level: 2 }).waitFor();
  await page.getByText('Contoso keeps your training records while you work here.').waitFor();
  await screen(page, '15-privacy-notice-first');
  await page.getByRole('button', { name: /^Accept/ }).click();
  await page.getByText(/privacy notice you have not accepted yet/).waitFor({ state: 'detached' });
  await page.getByRole('navigation', { name: 'Atrium' }).getByRole('link', { name: 'My training' }).click();
  await page.getByRole('heading', { name: 'My training', level: 2 }).waitFor();
  assert.deepEqual(trouble, [], 'no script errors or failed requests');
  await context.close();
});
