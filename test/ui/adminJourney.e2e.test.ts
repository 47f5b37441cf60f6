import assert from '../support/assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../src/server/devstack/demo/demoSeed';
import { newOrganisationAdmin, NEW_ORGANISATION_TENANT_ID } from '../../src/server/devstack/devSignInPeople';
import { generateDirectoryUsers } from '../../src/server/devstack/directory/directoryGenerator';
import { localDirectoryOptions } from '../../src/server/devstack/localDirectories';
import { watchForTrouble } from './browserSession';
import { onDemoStackInChromium } from './demoStack';

/**
 * Training admin in Chromium against the real env.stack. The admin of a new organisation picks a region in the set-up
 * wizard, follows provisioning and the first directory sync, and its database appears in that region's folder; a
 * training manager of the demo tenant builds a course with a quiz, publishes it, adds a rule for a department and
 * finds the rule's assignments in the report. axe-core checks every screen on the way.
 */

const newAdmin = newOrganisationAdmin([...generateDirectoryUsers(localDirectoryOptions(NEW_ORGANISATION_TENANT_ID))]);
const env = onDemoStackInChromium('admin-screens', [newAdmin]);

async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.goto(`${env.baseUrl}/`);
  await page.getByRole('button', { name: `Sign in as ${displayName}` }).click();
}

function sqliteFiles(region: string): string[] {
  const folder = path.join(env.stack.t.dataDir, 'regions', region);
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite')) : [];
}

test('the admin of a new organisation sets it up in a region of their choice, and its database lands in that region', async () => {
  const westEuropeBefore = sqliteFiles('westeurope');
  assert.deepEqual(sqliteFiles('switzerlandnorth'), []);
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const trouble = watchForTrouble(page);

  await page.goto(`${env.baseUrl}/`);
  await page.getByText('New organisation (not set up yet) · Tenant admin', { exact: false }).waitFor();
  await env.album.shoot(page, '01-picker');
  await signInAs(page, newAdmin.displayName);
  await page.getByRole('heading', { name: 'Set up Atrium for your organisation' }).waitFor();
  await page.getByRole('radio', { name: 'Switzerland North (Switzerland)' }).waitFor();
  await env.album.shoot(page, '02-setup-region');

  await page.getByRole('textbox', { name: 'Organisation name' }).fill('Fabrikam');
  await page.getByRole('radio', { name: 'Switzerland North (Switzerland)' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('Fabrikam will keep its training records in Switzerland North, Switzerland.', { exact: false }).waitFor();
  await env.album.shoot(page, '03-setup-confirm');
  await page.getByRole('button', { name: 'Set up in Switzerland North' }).click();

  await page.getByRole('heading', { name: 'Atrium is ready' }).waitFor();
  await page.getByText(/^\d+ people were read from your directory/).waitFor();
  await env.album.shoot(page, '04-setup-done');
  assert.equal(sqliteFiles('switzerlandnorth').length, 1, "the organisation's database is in the Switzerland North folder");
  assert.deepEqual(sqliteFiles('westeurope'), westEuropeBefore, 'and nowhere else');

  await page.getByRole('button', { name: 'Open Training admin' }).click();
  await page.getByRole('heading', { level: 2, name: 'Training admin' }).waitFor();
  await page.getByText('No catalog yet').waitFor();
  await env.album.shoot(page, '05-training-admin-empty');
  await page.getByRole('button', { name: 'New catalog' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill('Fabrikam Learning');
  await page.getByRole('textbox', { name: /^SharePoint site/ }).fill('https://fabrikam.sharepoint.com/sites/learning');
  await page.getByRole('button', { name: 'Create catalog' }).click();
  await page.getByText('Catalog “Fabrikam Learning” created.').waitFor();
  await page.getByRole('tab', { name: 'Catalog settings' }).click();
  await page.getByText('SharePoint site: https://fabrikam.sharepoint.com/sites/learning').waitFor();
  await page.getByRole('heading', { name: 'Managers' }).waitFor();
  await env.album.shoot(page, '05b-catalog-settings');

  await page.getByRole('link', { name: 'Organisation' }).click();
  await page.getByRole('heading', { level: 3, name: 'Region and database' }).waitFor();
  await page.getByText('Switzerland North (Switzerland)').waitFor();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText('The directory sync finished.').waitFor();
  await env.album.shoot(page, '06-organisation');

  // Before the set-up, /api/me and /api/tenant answer 403 tenant_not_onboarded: that is what opens the wizard.
  const unexpected = trouble.filter((line) => !/^HTTP 403: .*\/api\/(me|tenant)(\/privacy)?$/.test(line) && !/console error: Failed to load resource: .* 403/.test(line));
  assert.deepEqual(unexpected, []);
  await context.close();
});

test('a training manager builds a course with a quiz, publishes it, assigns it to a department by rule, and sees the assignments in the report', async () => {
  const { trainingManager } = env.stack.cast;
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const trouble = watchForTrouble(page);
  await signInAs(page, trainingManager.displayName as string);
  await page.getByRole('link', { name: 'Training admin' }).click();
  await page.getByRole('heading', { level: 2, name: 'Training admin' }).waitFor();
  await page.getByRole('button', { name: 'New course' }).waitFor();
  await env.album.shoot(page, '10-courses');

  await page.getByRole('button', { name: 'New course' }).click();
  await page.getByRole('textbox', { name: /^Title/ }).fill('Working at heights');
  await page.getByRole('spinbutton', { name: /^Duration \(minutes\)/ }).fill('20');
  const lesson = page.getByRole('group', { name: 'Lesson 1' });
  await lesson.getByRole('textbox', { name: 'Lesson title' }).fill('Exits and assembly points');
  await lesson.getByRole('textbox', { name: 'Material link' }).fill('https://contoso.sharepoint.com/sites/learning/fire-exits.pdf');
  await page.getByRole('button', { name: 'Add a quiz' }).click();
  const question = page.getByRole('group', { name: 'Question 1' });
  await question.getByRole('textbox', { name: 'Question' }).fill('Which extinguisher is for electrical fires?');
  await question.getByRole('textbox', { name: 'Option 1' }).fill('Water');
  await question.getByRole('textbox', { name: 'Option 2' }).fill('CO2');
  await question.getByText('Option 2 is correct').click();
  assert.equal(await question.getByRole('checkbox', { name: 'Option 2 is correct' }).isChecked(), true);
  await page.getByRole('switch', { name: 'Published (learners can see and take it)' }).click();
  await env.album.shoot(page, '11-course-editor');
  await page.getByRole('button', { name: 'Save course' }).click();
  await page.getByText('“Working at heights” saved.').waitFor();
  await page.getByRole('heading', { level: 4, name: 'Working at heights', exact: true }).waitFor();

  // The course as its learners see it; what the manager does in the preview is not recorded.
  await page.getByRole('button', { name: 'Preview Working at heights as a learner' }).click();
  await page.getByRole('button', { name: 'Enrol in this course' }).click();
  await page.getByRole('button', { name: 'Mark “Exits and assembly points” as done' }).click();
  await page.getByRole('group', { name: '1. Which extinguisher is for electrical fires?' }).waitFor();
  await env.album.shoot(page, '11b-course-preview');
  await page.getByRole('button', { name: 'Back to the courses' }).click();

  await page.getByRole('tab', { name: 'Training plans' }).click();
  await page.getByRole('button', { name: 'Edit New Manager Essentials' }).click();
  await page.getByRole('heading', { name: 'Editing New Manager Essentials' }).waitFor();
  await env.album.shoot(page, '11c-plan-editor');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Courses' }).click();

  await page.getByRole('tab', { name: 'Assignment rules' }).click();
  await page.getByRole('button', { name: 'New rule' }).click();
  await page.getByRole('textbox', { name: /^Rule name/ }).fill('Sales: Working at heights');
  await page.getByRole('combobox', { name: /^Course/ }).click();
  await page.getByRole('option', { name: 'Working at heights', exact: true }).click();
  await page.getByRole('textbox', { name: 'Department' }).fill('Sales');
  await page.getByRole('spinbutton', { name: /^Due within \(days\)/ }).fill('21');
  // Before saving, the form says who the rule assigns: a count of the people matching now, and a sample of them.
  const preview = page.getByText(/^\d+ (people match|person matches) now \(\d+ already enrolled\): saving assigns \d+\.$/);
  await preview.waitFor();
  const willAssign = Number(/saving assigns (\d+)/.exec((await preview.textContent()) ?? '')?.[1]);
  const sample = page.getByRole('table', { name: /people who match/ });
  const sampleDepartments = await sample.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.ok(sampleDepartments.length > 0 && sampleDepartments.every((d) => d === 'Sales'), `the sample is of Sales people: ${sampleDepartments.join(', ')}`);
  await env.album.shoot(page, '12-rule-editor');
  await page.getByRole('button', { name: 'Save rule' }).click();
  const applied = page.getByText(/Rule “Sales: Working at heights” saved and applied: \d+ (people were|person was) assigned/);
  await applied.waitFor();
  const assigned = Number(/applied: (\d+)/.exec((await applied.textContent()) ?? '')?.[1]);
  assert.ok(assigned > 0, 'the rule assigned the course to the Sales people');
  assert.equal(assigned, willAssign, 'saving assigned as many people as the preview said it would');
  await page.getByRole('rowheader', { name: 'Sales: Working at heights' }).waitFor();
  // After saving, the rule's assignments are listed below the rules, a page at a time.
  await page.getByRole('table', { name: 'People assigned by “Sales: Working at heights”' }).waitFor();
  await page.getByText(`Showing ${Math.min(assigned, 100)} of ${assigned} ${assigned === 1 ? 'assignment' : 'assignments'}.`).waitFor();
  await env.album.shoot(page, '13-rules');

  await page.getByRole('button', { name: 'Reports' }).click();
  const byCourse = page.getByRole('table', { name: 'Enrolments by course' });
  await byCourse.waitFor();
  const row = byCourse.getByRole('row', { name: /Working at heights/ });
  assert.equal((await row.getByRole('cell').first().textContent())?.trim(), String(assigned), 'the report counts the rule’s assignments');
  await page.getByRole('img', { name: /Completion by course/ }).waitFor();
  await env.album.shoot(page, '14-reports');

  await page.getByRole('tab', { name: 'Courses' }).click();
  await page.getByRole('button', { name: 'Edit Working at heights' }).click();
  await page.getByRole('textbox', { name: /^Title/ }).fill('Working at heights (2027)');
  await page.getByRole('button', { name: 'Save course' }).click();
  const keepProgress = page.getByRole('alertdialog', { name: 'Save changes to a published course?' });
  await keepProgress.getByText(/keep their progress/).waitFor();
  await env.album.shoot(page, '15-edit-published-course');
  await keepProgress.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('“Working at heights (2027)” saved.').waitFor();

  // Assign the course to an Entra ID group found by name (the Graph stand-in answers the search).
  await page.getByRole('button', { name: 'Assign Working at heights (2027)' }).click();
  await page.getByRole('radio', { name: 'The members of a group' }).check();
  await page.getByRole('combobox', { name: 'Find a group' }).fill('Oslo');
  await page.getByRole('option', { name: /^Oslo Office/ }).click();
  await page.getByRole('combobox', { name: /^Due date/ }).fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole('combobox', { name: /^Due date/ }).press('Enter');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  const groupAssigned = await page.getByText(/^Assigned to \d+ people in Oslo Office, due /).textContent();
  assert.ok(Number(/Assigned to (\d+)/.exec(groupAssigned ?? '')?.[1]) > 0, `the group's members are assigned: ${groupAssigned}`);
  await env.album.shoot(page, '16-assigned-to-a-group');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Reports' }).click();
  await byCourse.waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  assert.equal((await download).suggestedFilename(), 'enrolments.csv');

  assert.deepEqual(trouble, []);
  await context.close();

  const token = await env.stack.t.token(DEMO_TENANT_ID, trainingManager.id, ['Catalog.Manage']);
  const [catalog] = (await env.stack.t.call('GET', '/api/catalogs', { token })).body as Array<{ id: string }>;
  const rules = (await env.stack.t.call('GET', `/api/catalogs/${catalog.id}/rules`, { token })).body as Array<{ name: string; criteria: unknown; dueWithinDays: number }>;
  const managerTraining = (await env.stack.t.call('GET', '/api/me/training', { token })).body as { items: Array<{ title: string; source: string }> };
  assert.ok(!managerTraining.items.some((item) => item.title.startsWith('Working at heights') && item.source === 'self'), 'enrolling in the preview enrolled nobody');
  assert.deepEqual(rules.filter((r) => r.name === 'Sales: Working at heights').map((r) => [r.criteria, r.dueWithinDays]), [[{ department: ['Sales'] }, 21]]);
});
