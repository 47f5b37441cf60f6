import assert from '../support/assert';
import { test } from '@jest/globals';
import { DEMO_TENANT_ID } from '../../src/server/devstack/demo/demoSeed';
import { focused, tabTo, watchForTrouble } from './browserSession';
import { onDemoStackInChromium } from './demoStack';

/**
 * Purge in Chromium against the real stack, by keyboard only: the training manager finds the demo learner among
 * the catalog's people, reads what a purge removes, types the confirmation, follows the progress to the counts;
 * then the service holds nothing of the learner in that catalog. axe-core checks every screen on the way.
 */

const env = onDemoStackInChromium('purge-screens');

test('a training manager purges a learner from the catalog by keyboard only, and nothing of the learner is left there', async () => {
  const { learner, trainingManager } = env.stack.cast;
  const managerToken = await env.stack.t.token(DEMO_TENANT_ID, trainingManager.id, ['Catalog.Manage']);
  const learnerToken = await env.stack.t.token(DEMO_TENANT_ID, learner.id);
  const [catalog] = (await env.stack.t.call('GET', '/api/catalogs', { token: managerToken })).body as Array<{ id: string; name: string }>;
  const before = await env.stack.t.call('GET', '/api/me/training', { token: learnerToken });
  assert.ok(before.body.items.some((item: { catalogId: string }) => item.catalogId === catalog.id), 'the demo learner has training in the catalog');

  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const trouble = watchForTrouble(page);
  await page.goto(`${env.baseUrl}/`);

  await tabTo(page, `- button "Sign in as ${trainingManager.displayName}`);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Atrium' }).waitFor();
  await tabTo(page, '- link "Manage people"');
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: `People with records in ${catalog.name}` }).waitFor();
  await env.album.shoot(page, '01-catalog-people');

  await tabTo(page, '- searchbox "Search people in this catalog"');
  await page.keyboard.type(learner.displayName as string);
  const purgeButton = `- button "Purge ${learner.displayName} from this catalog"`;
  await page.waitForFunction(() => document.querySelectorAll('tbody th[scope="row"]').length === 1);
  assert.deepEqual(await page.getByRole('rowheader').allTextContents(), [learner.displayName], 'the search finds the one learner');
  await tabTo(page, purgeButton);
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('alertdialog', { name: `Purge ${learner.displayName}` });
  await dialog.getByText(/records? in all\./).waitFor();
  assert.match(await focused(page), new RegExp(`^- textbox "Type ${(learner.mail as string).replace(/[.]/g, '\\.')} to confirm"`), 'the confirmation field has the focus');
  await env.album.shoot(page, '02-purge-preview');
  const previewCounts = await dialog.getByRole('listitem').allTextContents();
  assert.ok(previewCounts.some((text) => /^Course enrolments: [1-9]/.test(text)), `the preview counts enrolments: ${previewCounts.join('; ')}`);

  await page.keyboard.type('not the right address');
  await page.keyboard.press('Enter');
  assert.equal(await dialog.getByText(/Purging|Purged/).count(), 0, 'a wrong confirmation starts nothing');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(learner.mail as string);
  await page.keyboard.press('Enter');

  await dialog.getByText(/^Purged: \d+ records? removed\.$/).waitFor();
  await env.album.shoot(page, '03-purge-done');
  await tabTo(page, '- button "Close"');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Nobody in this catalog matches “${learner.displayName}”.`).waitFor();
  await env.album.shoot(page, '04-after-purge');
  assert.deepEqual(trouble, []);
  await context.close();

  const after = await env.stack.t.call('GET', '/api/me/training', { token: learnerToken });
  assert.deepEqual(after.body.items.filter((item: { catalogId: string }) => item.catalogId === catalog.id), []);
  const listed = await env.stack.t.call('GET', `/api/catalogs/${catalog.id}/learners?search=${encodeURIComponent(learner.mail as string)}`, { token: managerToken });
  assert.deepEqual(listed.body.learners, []);
  const audit = await env.stack.t.call('GET', `/api/tenant/audit?subject=${learner.id}`, { token: await env.stack.t.token(DEMO_TENANT_ID, env.stack.cast.admin.id, ['Tenant.Admin']) });
  assert.ok(audit.body.events.length >= 1, 'the purge is in the audit trail, found by the subject');
  assert.doesNotMatch(JSON.stringify(audit.body), new RegExp(`${learner.id}|${learner.mail}|${learner.displayName}`), 'and the trail names nobody');
});
