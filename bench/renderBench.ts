/**
 * First render of the learner screens in Chromium, against the real stack (the one `npm start` runs, in process, on
 * a fresh data dir): My training with 200 enrolments and the Course catalog with 500 published courses in one
 * catalog (plus the demo's dozen). For each screen, the time from navigation start to the moment its list is in the
 * DOM (every row or card) and to the next frame after it, median of 5 runs after one warm-up, and the page's JS heap
 * (after a garbage collection) once it is shown. Not a test: it asserts nothing about time.
 *
 *   npx tsx bench/renderBench.ts
 */
import os from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import { courseInputSchema, type Course } from '../src/domain/course';
import { DEMO_TENANT_ID } from '../src/server/devstack/demo/demoSeed';
import { createCatalog } from '../src/server/training/catalogs';
import { createCourse } from '../src/server/training/courses';
import { assignCourse } from '../src/server/training/enrolments';
import { myTraining } from '../src/server/training/myTraining';
import type { UseCaseContext } from '../src/server/training/useCaseContext';
import { launchBenchChromium, median, startBenchStack, type BenchStack } from './benchBrowserStack';

const ENROLMENTS = 200;
const COURSES = 500;
const RUNS = 5;

/** The screens measured: address, the h2 that names it, and how many course links its list must hold. */
const SCREENS = [
  { name: 'My training', hash: '#/training', heading: 'My training', links: ENROLMENTS },
  { name: 'Course catalog', hash: '#/catalog', heading: 'Course catalog', links: COURSES },
] as const;

/**
 * Runs in the page before its own scripts: watches the DOM and records, per screen heading, when the main content
 * first holds the expected number of course links (`dom`), and the next frame after that (`frame`). A string, not a
 * function: tsx would add its own helpers to a function's source, which the page does not have.
 */
function renderWatcher(expected: Record<string, number>): string {
  return `(() => {
    const expected = ${JSON.stringify(expected)};
    const marks = {};
    window.__atriumRender = marks;
    const check = () => {
      const heading = document.querySelector('main h2')?.textContent ?? '';
      const need = expected[heading];
      if (need === undefined || marks[heading]) return;
      if (document.querySelectorAll('main a[href^="#/course/"]').length < need) return;
      const mark = { dom: performance.now() };
      marks[heading] = mark;
      requestAnimationFrame(() => setTimeout(() => { mark.frame = performance.now(); }, 0));
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function seed(stack: BenchStack): Promise<{ enrolments: number; visibleCourses: number }> {
  const now = new Date();
  return stack.service.tenancy.withTenantDatabase(DEMO_TENANT_ID, async (db) => {
    const as = (userId: string, roles: string[]): UseCaseContext => ({ db, now, principal: { tenantId: DEMO_TENANT_ID, userId, roles } });
    const manager = as(stack.cast.trainingManager.id, ['Catalog.Manage']);
    const catalog = await createCatalog(manager, { name: 'Bench catalog', description: `${COURSES} published courses.`, siteUrl: 'https://contoso.sharepoint.com/sites/bench' });
    const formats = ['e-learning', 'video', 'classroom', 'document'] as const;
    const courses: Course[] = [];
    for (let i = 1; i <= COURSES; i++) {
      const input = courseInputSchema.parse({
        title: `Bench course ${String(i).padStart(3, '0')}: ${['Negotiation', 'Safety', 'Data literacy', 'Leadership', 'Customer care'][i % 5]}`,
        summary: 'A course made for the render benchmark, with a summary of a realistic length to lay out on its card.',
        format: formats[i % formats.length],
        tags: ['bench', ['skills', 'compliance', 'leadership'][i % 3]],
        durationMinutes: 10 + (i % 50),
        lessons: [
          { title: 'Part one', materialUrl: `https://contoso.sharepoint.com/sites/bench/${i}/1.aspx`, durationMinutes: 5 },
          { title: 'Part two', materialUrl: `https://contoso.sharepoint.com/sites/bench/${i}/2.aspx`, durationMinutes: 5 },
        ],
        status: 'published',
      });
      courses.push(await createCourse(manager, catalog.id, input));
    }
    const learner = as(stack.cast.learner.id, []);
    const already = (await myTraining(learner)).items.length;
    // Due dates spread from last month over the next ones, so every group (overdue, due soon, not started) is filled:
    // the overdue ones were assigned 90 days ago, when their due date was still ahead.
    const earlier = { ...manager, now: new Date(now.getTime() - 90 * 86_400_000) };
    for (let i = 0; i < ENROLMENTS - already; i++) {
      const due = new Date(now.getTime() + (i - 20) * 3 * 86_400_000 + 3_600_000).toISOString();
      await assignCourse(i < 20 ? earlier : manager, courses[i].id, [stack.cast.learner.id], due);
    }
    return { enrolments: (await myTraining(learner)).items.length, visibleCourses: courses.length };
  });
}

async function measure(context: BrowserContext, page: Page, url: string, screen: (typeof SCREENS)[number]): Promise<{ dom: number; frame: number; heapMb: number }> {
  await page.goto('about:blank');
  await page.goto(`${url}/${screen.hash}`);
  // A function (the page's CSP refuses strings to evaluate), with no function inside it for tsx to name.
  const mark = await page.waitForFunction(
    (heading) => {
      const found = (window as unknown as { __atriumRender?: Record<string, { dom: number; frame?: number }> }).__atriumRender?.[heading];
      return found && found.frame !== undefined ? found : null;
    },
    screen.heading,
    { timeout: 60_000 },
  );
  const { dom, frame } = (await mark.jsonValue()) as { dom: number; frame: number };
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { dom, frame, heapMb: heap.usedSize / 1024 / 1024 };
}

async function main(): Promise<void> {
  const stack = await startBenchStack('render-bench');
  const browser = await launchBenchChromium();
  try {
    const url = await stack.service.app.listen({ port: 0, host: '127.0.0.1' });
    const seeded = await seed(stack);
    console.log(`Seeded: ${seeded.enrolments} enrolments for the learner, ${seeded.visibleCourses} published courses in the bench catalog.`);

    const expected = Object.fromEntries(SCREENS.map((s) => [s.heading, s.links]));
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    await context.addInitScript({ content: renderWatcher(expected) });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    // Sign in through the dev picker once; the session stays in this tab's sessionStorage for every run.
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: `Sign in as ${stack.cast.learner.displayName as string}` }).click();
    await page.getByRole('navigation', { name: 'Atrium' }).waitFor();

    const rows: string[] = [];
    for (const screen of SCREENS) {
      await measure(context, page, url, screen); // warm-up: caches, the service's first queries
      const runs: Array<{ dom: number; frame: number; heapMb: number }> = [];
      for (let run = 0; run < RUNS; run++) runs.push(await measure(context, page, url, screen));
      const doms = runs.map((r) => r.dom);
      rows.push(
        `| ${screen.name} (${screen.links} ${screen.name === 'My training' ? 'enrolments' : 'courses'}) | ${median(doms).toFixed(0)} ms | ${Math.min(...doms).toFixed(0)}–${Math.max(...doms).toFixed(0)} ms | ${median(runs.map((r) => r.frame)).toFixed(0)} ms | ${median(runs.map((r) => r.heapMb)).toFixed(1)} MB |`,
      );
    }
    await context.close();
    console.log(`\nChromium ${browser.version()}, ${os.cpus().length} cores, Node ${process.version}; median of ${RUNS} runs after one warm-up\n`);
    console.log('| screen | list in the DOM (median) | range | next frame (median) | JS heap after GC |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
