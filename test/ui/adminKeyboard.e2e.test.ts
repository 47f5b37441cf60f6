import assert from '../support/assert';
import { test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_ID } from '../../src/server/devstack/demo/demoSeed';
import { focused, tabTo, watchForTrouble } from './browserSession';
import { onDemoStackInChromium } from './demoStack';

/**
 * Training admin in Chromium against the real stack, by keyboard only (Tab, Shift+Tab, Enter, Space, arrows,
 * typing): the demo training manager builds a course with a lesson and a quiz (one true/false question, one multiple
 * choice question, a pass mark), publishes it, assigns it to the demo learner, edits it again through the "published
 * course" confirmation, and finds it in the report. Focus never falls back to the page after a save or a dialog, the
 * dialog keeps the focus inside it, and axe-core checks every screen on the way.
 */

const env = onDemoStackInChromium('admin-keyboard-screens');

const TITLE = 'Ladder safety';
const NEW_TITLE = 'Ladder safety at work';
const LESSON_URL = 'https://contoso.sharepoint.com/sites/learning/ladders.pdf';
const TRUE_FALSE = 'A ladder may stand on a pallet to reach higher.';
const MULTIPLE_CHOICE = 'How far from the wall does the foot of a 4 m ladder stand?';

/** The focused element's first snapshot line: role and name, e.g. `- button "Save course"`. */
async function focusedControl(page: Page): Promise<string> {
  return (await focused(page)).split('\n')[0];
}

/** Waits (frame by frame, 5 s at most) for the focus to be on a control whose snapshot starts with `start`. */
async function assertFocusOn(page: Page, start: string, why: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  let now = await focusedControl(page);
  while (!now.startsWith(start) && Date.now() < deadline) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    now = await focusedControl(page);
  }
  assert.ok(now.startsWith(start), `${why}: focus is on ${now || 'the page itself (lost)'}, expected ${start}`);
}

/** Shift+Tab until the focused control's snapshot starts with `target`. */
async function shiftTabTo(page: Page, target: string, most = 40): Promise<void> {
  let now = '';
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press('Shift+Tab');
    now = await focusedControl(page);
    if (now.startsWith(target)) return;
  }
  throw new Error(`Shift+Tab never reached ${target}; last focus: ${now}`);
}

async function typeInto(page: Page, target: string, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Opens the focused Fluent dropdown with Enter, arrows down to `option` and picks it with Enter. */
async function pickFromDropdown(page: Page, option: string): Promise<void> {
  await page.keyboard.press('Enter');
  // The list takes the focus once it is placed on the screen, a moment after it appears.
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'option');
  for (let presses = 0; presses < 10 && !(await focusedControl(page)).startsWith(`- option "${option}"`); presses++) await page.keyboard.press('ArrowDown');
  await assertFocusOn(page, `- option "${option}"`, 'the option is reached with the arrow keys');
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

async function ariaChecked(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-checked') ?? (document.activeElement as HTMLInputElement | null)?.checked?.toString() ?? null);
}

test('a training manager builds, publishes, assigns, edits and finds a course in the report by keyboard only', async () => {
  const { learner, trainingManager } = env.stack.cast;
  const token = await env.stack.t.token(DEMO_TENANT_ID, trainingManager.id, ['Catalog.Manage']);
  const [catalog] = (await env.stack.t.call('GET', '/api/catalogs', { token })).body as Array<{ id: string; name: string }>;

  const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const trouble = watchForTrouble(page);
  await page.goto(`${env.baseUrl}/`);

  await tabTo(page, `- button "Sign in as ${trainingManager.displayName}`);
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Atrium' }).waitFor();
  await tabTo(page, '- link "Training admin"');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'New course' }).waitFor();
  await assertFocusOn(page, '- heading "Training admin"', 'the opened screen takes the focus');

  // The catalog: the picker is a dropdown, worked with Enter and the arrows.
  await tabTo(page, '- combobox "Catalog');
  await pickFromDropdown(page, catalog.name);
  await assertFocusOn(page, `- combobox "Catalog ${catalog.name}"`, 'the picked catalog shows, and the picker keeps the focus');

  // The course: details, published, one lesson with its link.
  await tabTo(page, '- button "New course"');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: 'New course' }).waitFor();
  await assertFocusOn(page, '- heading "New course"', 'the editor takes the focus on its heading');
  await typeInto(page, '- textbox "Title', TITLE);
  await typeInto(page, '- textbox "Summary"', 'Choosing, placing and climbing a ladder safely.');
  await typeInto(page, '- spinbutton "Duration (minutes)', '15');
  await tabTo(page, '- switch "Published');
  await page.keyboard.press('Space');
  assert.equal(await ariaChecked(page), 'true', 'Space turns the published switch on');
  await typeInto(page, '- textbox "Lesson title"', 'The 4-to-1 rule');
  await typeInto(page, '- textbox "Material link"', LESSON_URL);
  await env.album.shoot(page, '01-course-editor');

  // The quiz: a pass mark, a true/false question and a multiple choice question.
  await tabTo(page, '- button "Add a quiz"');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Question 1' }).waitFor();
  await assertFocusOn(page, '- spinbutton "Pass mark (%)"', 'adding the quiz moves the focus to its first field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('75');
  await tabTo(page, '- combobox "Kind');
  await pickFromDropdown(page, 'True or false');
  await assertFocusOn(page, '- combobox "Kind True or false"', 'the kind picker keeps the focus');
  await typeInto(page, '- textbox "Question"', TRUE_FALSE);
  await tabTo(page, '- radio "True"');
  await page.keyboard.press('ArrowDown');
  await assertFocusOn(page, '- radio "False" [checked]', 'the arrow moves to False and checks it');

  await tabTo(page, '- button "Add question"');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: 'Question 2' }).waitFor();
  await assertFocusOn(page, '- combobox "Kind Multiple choice (one answer)"', 'a new question takes the focus on its first field');
  await typeInto(page, '- textbox "Question"', MULTIPLE_CHOICE);
  await typeInto(page, '- textbox "Option 1"', 'Half a metre');
  await typeInto(page, '- textbox "Option 2"', 'One metre');
  await tabTo(page, '- button "Save course"');
  await page.keyboard.press('Enter');
  const problem = 'Question 2, correct answer: mark the correct option';
  await page.getByText(problem).waitFor();
  // A save that cannot be done moves the focus to what stops it.
  await page.waitForFunction((text) => document.activeElement?.textContent?.includes(text), problem, { timeout: 5_000 });
  await env.album.shoot(page, '02-quiz-problem');
  await shiftTabTo(page, '- checkbox "Option 2 is correct"');
  await page.keyboard.press('Space');
  assert.equal(await ariaChecked(page), 'true', 'Space marks option 2 as the correct one');
  await env.album.shoot(page, '03-quiz-builder');

  await tabTo(page, '- button "Save course"');
  await page.keyboard.press('Enter');
  await page.getByText(`“${TITLE}” saved.`).waitFor();
  await assertFocusOn(page, `- status: “${TITLE}” saved.`, 'after the save the focus is on what the save did');
  await page.getByRole('heading', { level: 4, name: TITLE, exact: true }).waitFor();
  await env.album.shoot(page, '04-course-saved');

  // Assign it to the demo learner, so that the report has it.
  await tabTo(page, `- button "Assign ${TITLE}"`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: `Assign ${TITLE}` }).waitFor();
  await assertFocusOn(page, `- heading "Assign ${TITLE}"`, 'the assign form takes the focus on its heading');
  await typeInto(page, '- combobox "Find people"', learner.displayName as string);
  await page.getByRole('option', { name: new RegExp(`^${learner.displayName}`) }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('list', { name: 'Chosen people' }).getByText(new RegExp(`^${learner.displayName}`)).waitFor();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await typeInto(page, '- combobox "Due date', due);
  await tabTo(page, '- button "Assign"');
  await page.keyboard.press('Enter');
  await page.getByText(/^Assigned to 1 person, due /).waitFor();
  await assertFocusOn(page, '- button "Assign"', 'the Assign button keeps the focus while and after it saves');
  await env.album.shoot(page, '05-assigned');
  await tabTo(page, '- button "Close"');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 4, name: TITLE, exact: true }).waitFor();
  await assertFocusOn(page, `- button "Assign ${TITLE}"`, 'closing the assign form returns the focus to where it was opened');

  // Edit the published course: the confirmation dialog keeps the focus, Escape returns it, then save for real.
  await shiftTabTo(page, `- button "Edit ${TITLE}"`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 3, name: `Editing ${TITLE}` }).waitFor();
  await assertFocusOn(page, `- heading "Editing ${TITLE}"`, 'the editor takes the focus on its heading');
  await typeInto(page, '- textbox "Title', NEW_TITLE);
  await tabTo(page, '- button "Save course"');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Save changes to a published course?' });
  await dialog.getByText(/keep their progress/).waitFor();
  const inDialog = (): Promise<boolean> => page.evaluate(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')));
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="alertdialog"]')));
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    assert.ok(await inDialog(), `${key} keeps the focus inside the dialog (now on ${await focusedControl(page)})`);
  }
  await env.album.shoot(page, '06-edit-published-course');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await assertFocusOn(page, '- button "Save course"', 'Escape closes the dialog and returns the focus to the button that opened it');
  await page.keyboard.press('Enter');
  await dialog.getByText(/keep their progress/).waitFor();
  await tabTo(page, '- button "Save changes"', 4);
  await page.keyboard.press('Enter');
  await page.getByText(`“${NEW_TITLE}” saved.`).waitFor();
  await dialog.waitFor({ state: 'detached' });
  await assertFocusOn(page, `- status: “${NEW_TITLE}” saved.`, 'after the dialog and the save the focus is on what the save did');

  // The report, on its tab: the tabs are one stop, the arrows move between them.
  await shiftTabTo(page, '- tab "Courses" [selected]');
  for (let presses = 0; presses < 5 && !(await focusedControl(page)).startsWith('- tab "Reports"'); presses++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const byCourse = page.getByRole('table', { name: 'Enrolments by course' });
  await byCourse.waitFor();
  await assertFocusOn(page, '- tab "Reports" [selected]', 'the chosen tab keeps the focus');
  const row = byCourse.getByRole('row', { name: new RegExp(NEW_TITLE) });
  assert.equal((await row.getByRole('cell').first().textContent())?.trim(), '1', 'the report counts the one assignment of the new course');
  await env.album.shoot(page, '07-reports');

  assert.deepEqual(trouble, []);
  await context.close();

  const courses = (await env.stack.t.call('GET', `/api/catalogs/${catalog.id}/courses`, { token })).body as Array<{ id: string; title: string; status: string }>;
  const created = courses.filter((c) => c.title === NEW_TITLE);
  assert.equal(created.length, 1, 'the course is in the catalog, once, with its new title');
  const course = (await env.stack.t.call('GET', `/api/courses/${created[0].id}`, { token })).body;
  assert.equal(course.status, 'published');
  assert.deepEqual(
    course.lessons.map((l: { title: string; materialUrl: string }) => [l.title, l.materialUrl]),
    [['The 4-to-1 rule', LESSON_URL]],
  );
  assert.deepEqual(course.quiz, {
    passMarkPercent: 75,
    questions: [
      { kind: 'true-false', prompt: TRUE_FALSE, correct: false },
      { kind: 'multiple-choice', prompt: MULTIPLE_CHOICE, options: ['Half a metre', 'One metre'], correct: 1 },
    ],
  });
});
