/**
 * Training admin's report screen with 50,000 enrolments, against the real stack (the one `npm start` runs, in process,
 * on a fresh data dir) in Chromium. One catalog of 40 courses, 10,000 learners across departments and offices, 5
 * enrolments each (2 mandatory by rule, 3 optional), every state represented. Measured:
 *  (a) `GET /api/catalogs/{id}/reports` inside the service (the use case, and the whole HTTP pipeline through inject),
 *      median of N, and the size of its JSON; the CSV export of every enrolment for comparison;
 *  (b) in Chromium, signed in as the catalog manager on the standalone page: from the click on the Reports tab to the
 *      three charts and tables being in the DOM, and to the next frame, median of 5 after one warm-up;
 *  (c) the page's JS heap after a garbage collection.
 * Not a test: it asserts nothing about time.
 *
 *   npx tsx bench/reportRenderBench.ts
 */
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { courseInputSchema } from '../src/domain/course';
import { toLearnerIdentity } from '../src/domain/identity';
import type { CatalogReport } from '../src/domain/reports';
import { DEMO_TENANT_ID } from '../src/server/devstack/demo/demoSeed';
import { generateDirectoryUsers } from '../src/server/devstack/directory/directoryGenerator';
import { SqliteEngine } from '../src/server/store/sqlite/sqliteEngine';
import { createCatalog } from '../src/server/training/catalogs';
import { createCourse } from '../src/server/training/courses';
import { catalogReport } from '../src/server/training/reports';
import type { UseCaseContext } from '../src/server/training/useCaseContext';
import { launchBenchChromium, median, startBenchStack, type BenchStack } from './benchBrowserStack';
import { fillReportRows, type ReportRowCounts } from './reportEnrolmentRows';

const COURSES = 40;
const LEARNERS = 10_000;
const ENROLMENTS_PER_LEARNER = 5;
const MANDATORY_COURSES = 2;
const RESTRICTED_LEARNERS = 10;
const SERVER_RUNS = 11;
const BROWSER_RUNS = 5;
const CATALOG_NAME = 'Report bench catalog';

const TOPICS = ['Code of conduct', 'Information security essentials', 'Working at heights', 'Negotiation', 'Data literacy', 'Leadership for new managers', 'Customer care', 'Fire safety', 'Privacy by design', 'Presenting with confidence'];

interface Seeded {
  catalogId: string;
  counts: ReportRowCounts;
  seconds: number;
}

async function seed(stack: BenchStack): Promise<Seeded> {
  const started = performance.now();
  const now = new Date();
  const managerId = stack.cast.trainingManager.id;
  const { catalogId, courseIds } = await stack.service.tenancy.withTenantDatabase(DEMO_TENANT_ID, async (db) => {
    const manager: UseCaseContext = { db, now, principal: { tenantId: DEMO_TENANT_ID, userId: managerId, roles: ['Catalog.Manage'] } };
    const catalog = await createCatalog(manager, { name: CATALOG_NAME, description: `${COURSES} courses, ${LEARNERS * ENROLMENTS_PER_LEARNER} enrolments.`, siteUrl: 'https://contoso.sharepoint.com/sites/reportbench' });
    const ids: string[] = [];
    for (let i = 1; i <= COURSES; i++) {
      const input = courseInputSchema.parse({
        title: `${TOPICS[(i - 1) % TOPICS.length]}${i > TOPICS.length ? ` (part ${Math.ceil(i / TOPICS.length)})` : ''}`,
        summary: 'A course made for the report benchmark.',
        format: 'e-learning',
        tags: ['bench'],
        durationMinutes: 20,
        lessons: [{ title: 'Part one', materialUrl: `https://contoso.sharepoint.com/sites/reportbench/${i}.aspx`, durationMinutes: 20 }],
        status: 'published',
      });
      ids.push((await createCourse(manager, catalog.id, input)).id);
    }
    return { catalogId: catalog.id, courseIds: ids };
  });

  const record = await stack.service.tenancy.tenantRecord(DEMO_TENANT_ID);
  if (!record) throw new Error('the demo tenant is not onboarded');
  const file = new SqliteEngine(stack.dataDir).tenantDatabaseFile(stack.service.tenancy.regions.get(record.region), record.databaseName);
  const people = [...generateDirectoryUsers({ seed: 'atrium-report-bench', size: LEARNERS, domain: 'reportbench.example.com' })].map((u) => toLearnerIdentity(u, u.managerId));
  const counts = fillReportRows({
    file,
    tenantId: DEMO_TENANT_ID,
    catalogId,
    courseIds,
    mandatoryCourses: MANDATORY_COURSES,
    people,
    enrolmentsPerLearner: ENROLMENTS_PER_LEARNER,
    restrictedLearners: RESTRICTED_LEARNERS,
    assignedBy: managerId,
    seed: 'atrium-report-bench',
    now,
  });
  return { catalogId, counts, seconds: (performance.now() - started) / 1000 };
}

interface ServerFigures {
  useCaseMs: number;
  httpMs: number;
  csvMs: number;
  jsonBytes: number;
  gzipBytes: number;
  csvBytes: number;
  report: CatalogReport;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

/**
 * Medians of SERVER_RUNS after one warm-up: the use case alone, the whole request through inject, and, for
 * comparison, the CSV export of every enrolment (the one report that still reads row by row).
 */
async function measureServer(stack: BenchStack, catalogId: string): Promise<ServerFigures> {
  const managerId = stack.cast.trainingManager.id;
  const token = await stack.token(managerId, ['Catalog.Manage']);
  const request = (path: string) => stack.service.app.inject({ method: 'GET', url: `/api/catalogs/${catalogId}/${path}`, headers: { authorization: `Bearer ${token}` } });
  const useCase = () =>
    stack.service.tenancy.withTenantDatabase(DEMO_TENANT_ID, (db) => catalogReport({ db, now: new Date(), principal: { tenantId: DEMO_TENANT_ID, userId: managerId, roles: ['Catalog.Manage'] } }, catalogId));

  const samples = { useCase: [] as number[], http: [] as number[], csv: [] as number[] };
  let answer: Awaited<ReturnType<typeof request>> | undefined;
  let csv: Awaited<ReturnType<typeof request>> | undefined;
  for (let run = 0; run <= SERVER_RUNS; run++) {
    const direct = await timed(useCase);
    const http = await timed(() => request('reports'));
    const csvRun = run % 4 === 1 ? await timed(() => request('reports/enrolments.csv')) : undefined;
    if (run === 0) continue; // warm-up
    samples.useCase.push(direct.ms);
    samples.http.push(http.ms);
    answer = http.value;
    if (csvRun) {
      samples.csv.push(csvRun.ms);
      csv = csvRun.value;
    }
  }
  if (answer?.statusCode !== 200) throw new Error(`GET reports answered ${answer?.statusCode}: ${answer?.body}`);
  if (csv?.statusCode !== 200) throw new Error(`GET reports/enrolments.csv answered ${csv?.statusCode}`);
  return {
    useCaseMs: median(samples.useCase),
    httpMs: median(samples.http),
    csvMs: median(samples.csv),
    jsonBytes: answer.rawPayload.length,
    // The API answers uncompressed (only the page's own files are compressed): what gzip would make of it.
    gzipBytes: gzipSync(answer.rawPayload).length,
    csvBytes: csv.rawPayload.length,
    report: answer.json<CatalogReport>(),
  };
}

/**
 * Runs in the page before its own scripts. A click on the Reports tab starts a run (at the click event's time stamp);
 * the run's `dom` mark is the moment the three tables hold every bucket and the three charts are drawn, `frame` the
 * next frame after it. A string, not a function: tsx would add its own helpers to a function's source.
 */
function reportWatcher(expectedRows: number[]): string {
  return `(() => {
    const expected = ${JSON.stringify(expectedRows)};
    const runs = [];
    window.__atriumReportRuns = runs;
    let current = null;
    const check = () => {
      if (!current || current.dom !== undefined) return;
      const tables = document.querySelectorAll('main table');
      const charts = document.querySelectorAll('main svg[role="img"]');
      if (tables.length < expected.length || charts.length < expected.length) return;
      for (let i = 0; i < expected.length; i++) if (!tables[i].tBodies[0] || tables[i].tBodies[0].rows.length !== expected[i]) return;
      const mark = current;
      mark.dom = performance.now();
      requestAnimationFrame(() => setTimeout(() => { mark.frame = performance.now(); }, 0));
    };
    addEventListener('click', (event) => {
      const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
      if (!tab || !/Reports/.test(tab.textContent || '')) return;
      current = { click: event.timeStamp };
      runs.push(current);
      check();
    }, true);
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

interface BrowserRun {
  dom: number;
  frame: number;
  /** From the click to the report's answer fully received, as the page's resource timing saw it. */
  responseEnd: number;
  transferBytes: number;
  heapMb: number;
}

async function measureBrowserRun(page: Page, lastCourseTitle: string): Promise<BrowserRun> {
  // Leave the tab and come back: the Reports tab mounts again and fetches the report again.
  await page.getByRole('tab', { name: 'Courses' }).click();
  await page.getByRole('heading', { level: 4, name: lastCourseTitle, exact: true }).waitFor();
  await page.evaluate(() => performance.clearResourceTimings());
  const before = await page.evaluate(() => (window as unknown as { __atriumReportRuns: unknown[] }).__atriumReportRuns.length);
  await page.getByRole('tab', { name: 'Reports' }).click();
  const handle = await page.waitForFunction(
    (index) => {
      const run = (window as unknown as { __atriumReportRuns: Array<{ click: number; dom?: number; frame?: number }> }).__atriumReportRuns[index];
      return run && run.frame !== undefined ? run : null;
    },
    before,
    { timeout: 60_000 },
  );
  const run = (await handle.jsonValue()) as { click: number; dom: number; frame: number };
  const resource = await page.evaluate(() => {
    const entry = performance.getEntriesByType('resource').filter((e) => /\/reports$/.test(e.name)).pop() as PerformanceResourceTiming | undefined;
    return entry ? { responseEnd: entry.responseEnd, transferSize: entry.transferSize, encodedBodySize: entry.encodedBodySize } : null;
  });
  if (!resource) throw new Error('the page did not fetch the report');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return {
    dom: run.dom - run.click,
    frame: run.frame - run.click,
    responseEnd: resource.responseEnd - run.click,
    transferBytes: resource.encodedBodySize,
    heapMb: heap.usedSize / 1024 / 1024,
  };
}

async function measureBrowser(stack: BenchStack, url: string, report: CatalogReport, lastCourseTitle: string): Promise<{ runs: BrowserRun[]; version: string }> {
  const browser = await launchBenchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    await context.addInitScript({ content: reportWatcher([report.byCourse.length, report.byDepartment.length, report.byOffice.length]) });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: `Sign in as ${stack.cast.trainingManager.displayName as string}` }).click();
    await page.getByRole('link', { name: 'Training admin' }).click();
    await page.getByRole('heading', { level: 2, name: 'Training admin' }).waitFor();
    await page.getByRole('combobox', { name: 'Catalog' }).click();
    await page.getByRole('option', { name: CATALOG_NAME }).click();
    await measureBrowserRun(page, lastCourseTitle); // warm-up: caches, the service's first queries
    const runs: BrowserRun[] = [];
    for (let run = 0; run < BROWSER_RUNS; run++) runs.push(await measureBrowserRun(page, lastCourseTitle));
    await context.close();
    return { runs, version: browser.version() };
  } finally {
    await browser.close();
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const stack = await startBenchStack('report-render-bench');
  try {
    const url = await stack.service.app.listen({ port: 0, host: '127.0.0.1' });
    const seeded = await seed(stack);
    const { counts } = seeded;
    console.log(
      `Seeded in ${seeded.seconds.toFixed(1)} s: ${counts.enrolments.toLocaleString('en')} enrolments of ${counts.learners.toLocaleString('en')} learners in ${COURSES} courses, ` +
        `${counts.ruleAssignments.toLocaleString('en')} rule assignments, ${counts.restricted} restricted learners (${counts.restrictedEnrolments} enrolments left out of the report).`,
    );

    const server = await measureServer(stack, seeded.catalogId);
    const { report } = server;
    const counted = report.byCourse.reduce((sum, b) => sum + b.total, 0);
    const states = (['completed', 'inProgress', 'notStarted', 'dueSoon', 'overdue'] as const).map((k) => `${k} ${report.byCourse.reduce((sum, b) => sum + b[k], 0).toLocaleString('en')}`);
    console.log(`Report: ${counted.toLocaleString('en')} enrolments counted (${states.join(', ')}); buckets: ${report.byCourse.length} courses, ${report.byDepartment.length} departments, ${report.byOffice.length} offices.`);

    const lastCourseTitle = `${TOPICS[(COURSES - 1) % TOPICS.length]} (part ${Math.ceil(COURSES / TOPICS.length)})`;
    const browser = await measureBrowser(stack, url, report, lastCourseTitle);
    const { runs } = browser;
    const doms = runs.map((r) => r.dom);

    console.log(`\nNode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; Chromium ${browser.version}\n`);
    console.log(`(a) GET /api/catalogs/{id}/reports in the service, median of ${SERVER_RUNS} after one warm-up\n`);
    console.log('| what | median |');
    console.log('|---|---|');
    console.log(`| the use case (\`catalogReport\`: checks, the counts in SQL, the buckets) | ${ms(server.useCaseMs)} |`);
    console.log(`| the whole request through inject (auth, tenant, use case, response check and serialisation) | ${ms(server.httpMs)} |`);
    console.log(`| for comparison: \`reports/enrolments.csv\`, every enrolment (${kb(server.csvBytes)}), median of ${Math.ceil(SERVER_RUNS / 4)} | ${ms(server.csvMs)} |`);
    console.log(`\nResponse: ${kb(server.jsonBytes)} of JSON, sent uncompressed (${kb(server.gzipBytes)} gzipped).\n`);
    console.log(`(b, c) Reports tab in Chromium, median of ${BROWSER_RUNS} after one warm-up\n`);
    console.log('| from the click on Reports | median | range |');
    console.log('|---|---|---|');
    console.log(`| the report's answer received (resource timing) | ${ms(median(runs.map((r) => r.responseEnd)))} | ${ms(Math.min(...runs.map((r) => r.responseEnd)))}–${ms(Math.max(...runs.map((r) => r.responseEnd)))} |`);
    console.log(`| charts and tables in the DOM | ${ms(median(doms))} | ${ms(Math.min(...doms))}–${ms(Math.max(...doms))} |`);
    console.log(`| the next frame | ${ms(median(runs.map((r) => r.frame)))} | ${ms(Math.min(...runs.map((r) => r.frame)))}–${ms(Math.max(...runs.map((r) => r.frame)))} |`);
    console.log(`\nJS heap after GC: ${median(runs.map((r) => r.heapMb)).toFixed(1)} MB (median); report body over the wire: ${kb(median(runs.map((r) => r.transferBytes)))}.`);
  } finally {
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
