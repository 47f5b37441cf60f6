/*
 * Data-subject rights at scale, in-process against real SQLite files:
 *   1. the export of one learner with 10,000 records (GET /api/me/data and GET /api/me/data.zip): time and peak memory;
 *   2. a retention mass purge of 1,000 learners: preview, the run (one erasure job each), and until every job is done.
 *
 *   npx tsx bench/exportBench.ts [--records 10000] [--learners 1000] [--runs 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { readConfig } from '../src/server/config';
import { runRetention } from '../src/server/privacy/retention';
import { createService, type Service } from '../src/server/service';
import type { TenantDatabase } from '../src/server/store/tenantSchema';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const RECORDS = option('records', 10_000);
const LEARNERS = option('learners', 1_000);
const RUNS = option('runs', 5);
const DAY = 86_400_000;

const at = (msAgo = 0) => new Date(Date.now() - msAgo).toISOString();

async function insertAll<T extends keyof TenantDatabase>(db: Kysely<TenantDatabase>, table: T, rows: Array<Record<string, unknown>>): Promise<void> {
  const any = db as unknown as Kysely<any>;
  for (let i = 0; i < rows.length; i += 200) await any.insertInto(table).values(rows.slice(i, i + 200)).execute();
}

interface Catalog {
  catalogId: string;
  courses: Array<{ id: string; lessonIds: string[] }>;
}

/** One catalog of `courses` courses, five lessons each. */
async function seedCatalog(db: Kysely<TenantDatabase>, tenantId: string, courses: number): Promise<Catalog> {
  const catalogId = randomUUID();
  await db.insertInto('catalogs').values({ id: catalogId, tenant_id: tenantId, name: 'Bench', description: '', site_url: null, created_at: at() }).execute();
  const list = Array.from({ length: courses }, () => ({ id: randomUUID(), lessonIds: Array.from({ length: 5 }, () => randomUUID()) }));
  await insertAll(db, 'courses', list.map((c, i) => ({
    id: c.id, tenant_id: tenantId, catalog_id: catalogId, title: `Course ${i}`, summary: 'A course', format: 'e-learning', tags_json: '[]',
    duration_minutes: 30, sequential_lessons: 0, status: 'published', quiz_json: null, created_at: at(), updated_at: at(),
  })));
  await insertAll(db, 'lessons', list.flatMap((c) => c.lessonIds.map((id, position) => ({
    id, tenant_id: tenantId, course_id: c.id, position, title: `Lesson ${position}`, material_url: 'https://contoso.sharepoint.com/x', duration_minutes: 5,
  }))));
  return { catalogId, courses: list };
}

/** A learner's records over `courses` courses: an enrolment, five lessons, two quiz attempts, a certificate each (9 rows). */
async function seedLearnerRecords(db: Kysely<TenantDatabase>, tenantId: string, learnerId: string, catalog: Catalog, courses: number, createdMsAgo = 0): Promise<number> {
  await db.insertInto('learners').values({
    tenant_id: tenantId, learner_id: learnerId, user_principal_name: `${learnerId}@contoso.example`, display_name: 'Bench Learner', mail: null,
    department: 'Sales', job_title: null, office_location: null, country: null, city: null, manager_id: null, departed_at: null, synced_at: at(createdMsAgo), created_at: at(createdMsAgo),
  }).execute();
  const picked = catalog.courses.slice(0, courses);
  const enrolments = picked.map((c) => ({ id: randomUUID(), course: c }));
  await insertAll(db, 'enrolments', enrolments.map((e) => ({
    id: e.id, tenant_id: tenantId, learner_id: learnerId, catalog_id: catalog.catalogId, course_id: e.course.id, plan_enrolment_id: null, source: 'self',
    assigned_by: null, due_at: null, enrolled_at: at(createdMsAgo), started_at: at(createdMsAgo), completed_at: at(createdMsAgo), progress_percent: 100, certificate_id: null,
  })));
  await insertAll(db, 'lesson_progress', enrolments.flatMap((e) => e.course.lessonIds.map((lessonId) => ({ tenant_id: tenantId, learner_id: learnerId, enrolment_id: e.id, lesson_id: lessonId, completed_at: at(createdMsAgo) }))));
  await insertAll(db, 'quiz_attempts', enrolments.flatMap((e) => [0, 1].map((n) => ({
    id: randomUUID(), tenant_id: tenantId, learner_id: learnerId, enrolment_id: e.id, score_percent: 50 + n * 50, passed: n, answers_json: '[0,true,[1]]', submitted_at: at(createdMsAgo),
  }))));
  await insertAll(db, 'certificates', enrolments.map((e) => ({
    id: randomUUID(), tenant_id: tenantId, learner_id: learnerId, enrolment_id: e.id, course_id: e.course.id, verification_code: `ATR-${randomUUID().slice(0, 14).toUpperCase()}`, issued_at: at(createdMsAgo),
  })));
  return 1 + enrolments.length * 9;
}

/** Peak resident set and heap while `work` runs, sampled every 2 ms, above what they were before. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 2);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    const end = process.memoryUsage();
    peakRss = Math.max(peakRss, end.rss);
    peakHeap = Math.max(peakHeap, end.heapUsed);
    return { value, ms, peakRssMb: (peakRss - base.rss) / 2 ** 20, peakHeapMb: (peakHeap - base.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function call(service: Service, method: 'GET' | 'POST' | 'PUT', url: string, token: string, body?: unknown) {
  const response = await service.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, payload: body ? JSON.stringify(body) : undefined });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return response;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-export-bench-'));
  const config = readConfig({ ATRIUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ATRIUM_SEED_DEMO: 'false' });
  const service = await createService(config, { graph: null, identitySource: null });
  try {
    const tenantId = randomUUID();
    await service.tenancy.onboard({ tenantId, displayName: 'Bench', regionId: 'westeurope' }, () => new Date());
    const token = (userId: string, roles: string[] = []) => service.devIssuer!.issueToken({ tenantId, userId, roles, audience: config.auth.audience });

    // --- 1. export of one learner with RECORDS records --------------------------------------------------
    const learnerId = randomUUID();
    const courses = Math.ceil((RECORDS - 1) / 9);
    const seeded = await service.tenancy.withTenantDatabase(tenantId, async (db) => {
      const catalog = await seedCatalog(db, tenantId, courses);
      return { catalog, rows: await seedLearnerRecords(db, tenantId, learnerId, catalog, courses) };
    });
    const learnerToken = await token(learnerId);
    await call(service, 'GET', '/api/me/data', learnerToken); // warm-up: opens the database, caches statements
    const json: Array<Awaited<ReturnType<typeof measured>>> = [];
    const zip: Array<Awaited<ReturnType<typeof measured>>> = [];
    let jsonBytes = 0;
    let zipBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      json.push(await measured(async () => (jsonBytes = (await call(service, 'GET', '/api/me/data', learnerToken)).rawPayload.length)));
      zip.push(await measured(async () => (zipBytes = (await call(service, 'GET', '/api/me/data.zip', learnerToken)).rawPayload.length)));
    }

    // --- 2. retention mass purge of LEARNERS learners ----------------------------------------------------
    const adminToken = await token(randomUUID(), ['Tenant.Admin']);
    const leavers = Array.from({ length: LEARNERS }, () => randomUUID());
    await service.tenancy.withTenantDatabase(tenantId, async (db) => {
      for (const id of leavers) await seedLearnerRecords(db, tenantId, id, seeded.catalog, 2, 400 * DAY);
      await db.updateTable('learners').set({ departed_at: at(100 * DAY) }).where('learner_id', 'in', leavers.slice(0, 500)).execute();
      await db.updateTable('learners').set({ departed_at: at(100 * DAY) }).where('learner_id', 'in', leavers.slice(500)).execute();
    });
    await call(service, 'PUT', '/api/tenant/retention-policy', adminToken, { inactiveDays: null, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true });
    const preview = await measured(async () => JSON.parse((await call(service, 'POST', '/api/tenant/retention/preview', adminToken, { sampleSize: 20 })).body));
    // The run's use case on its own (the route then kicks the purge runner): on SQLite the runner's synchronous
    // queries would hold the event loop until it is done, so the HTTP call would time the runner too.
    const admin = { tenantId, userId: randomUUID(), roles: ['Tenant.Admin'] };
    const run = await measured(() =>
      service.tenancy.withTenantDatabase(tenantId, (db) => runRetention({ principal: admin, db, now: new Date() }, (preview.value as { total: number }).total)),
    );
    const drained = await measured(async () => {
      service.purges.kick(tenantId);
      await service.purges.idle();
    });
    const left = await service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('learners').select((eb) => eb.fn.countAll<number>().as('n')).where('learner_id', 'in', leavers.slice(0, 500)).executeTakeFirstOrThrow());

    const lines = [
      `Export of one learner with ${fmt(seeded.rows)} records (${RUNS} runs, median; peak = above the level before the request):`,
      '',
      '| request | time | response | peak RSS | peak heap |',
      '|---|---|---|---|---|',
      `| GET /api/me/data | ${fmt(median(json.map((r) => r.ms)))} ms | ${fmt(jsonBytes / 2 ** 20, 1)} MB JSON | +${fmt(median(json.map((r) => r.peakRssMb)))} MB | +${fmt(median(json.map((r) => r.peakHeapMb)))} MB |`,
      `| GET /api/me/data.zip | ${fmt(median(zip.map((r) => r.ms)))} ms | ${fmt(zipBytes / 2 ** 20, 1)} MB zip | +${fmt(median(zip.map((r) => r.peakRssMb)))} MB | +${fmt(median(zip.map((r) => r.peakHeapMb)))} MB |`,
      '',
      `Retention mass purge of ${fmt(LEARNERS)} departed learners (each with ${fmt(2 * 9 + 1)} records):`,
      '',
      '| step | time |',
      '|---|---|',
      `| POST /api/tenant/retention/preview (${fmt((preview.value as { total: number }).total)} selected) | ${fmt(preview.ms)} ms |`,
      `| the run: ${fmt(run.value.purgesRequested)} erasure jobs recorded through requestPurge | ${fmt(run.ms / 1000, 1)} s |`,
      `| purge runner until every job is done | ${fmt(drained.ms / 1000, 1)} s |`,
      `| total | ${fmt((preview.ms + run.ms + drained.ms) / 1000, 1)} s |`,
      '',
      `Leavers left after the run (sample of 500): ${Number(left.n)}. Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}).`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
