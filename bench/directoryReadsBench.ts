/**
 * Training Admin's two reads that scan a tenant's learners, at 50,000 learners (and 10,000 for scale), in process
 * on a fresh data dir: `GET /api/directory/people?search=` (a word-start match no index can serve) and
 * `POST /api/catalogs/{id}/rules/preview` (every current learner read in batches of 1,000 and matched in JavaScript).
 * Each request goes through the whole HTTP pipeline (`app.inject` with a catalog manager's dev token): median and
 * p95 of RUNS after WARM_UP. Beside the times: how many learners each read scans, how many rows it answers with, and
 * what the SQL does (its query plan, the statements it runs and the rows they return). Not a test: it asserts
 * nothing about time.
 *
 *   npx tsx bench/directoryReadsBench.ts [--learners=50000,10000] [--runs=30]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely, KyselyPlugin, QueryResult, UnknownRow } from 'kysely';
import type { RuleCriteria } from '../src/domain/assignmentRules';
import { toLearnerIdentity, type LearnerIdentity } from '../src/domain/identity';
import type { DirectoryPerson, RulePreview } from '../src/domain/trainingAdmin';
import { readConfig } from '../src/server/config';
import { generateDirectoryUsers } from '../src/server/devstack/directory/directoryGenerator';
import { deterministicGuid } from '../src/server/devstack/directory/seededRandom';
import { createService, type Service } from '../src/server/service';
import type { TenantDatabase } from '../src/server/store/tenantSchema';
import { SqliteEngine } from '../src/server/store/sqlite/sqliteEngine';
import { createCatalog } from '../src/server/training/catalogs';
import { createCourse } from '../src/server/training/courses';
import { searchDirectoryPeople } from '../src/server/training/directorySearch';
import { previewAssignmentRule } from '../src/server/training/rulePreview';
import type { UseCaseContext } from '../src/server/training/useCaseContext';
import { benchCourses } from './benchCatalog';
import { summariseLatencies } from './latencySummary';
import { fillReportRows } from './reportEnrolmentRows';
import { benchServiceEnvironment } from './seedTenants';

const COURSES = 8;
const MANDATORY_COURSES = 1;
const ENROLMENTS_PER_LEARNER = 3;
const RESTRICTED_LEARNERS = 50;
const WARM_UP = 3;

function option(name: string, fallback: string): string {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3) : fallback;
}

interface BenchTenant {
  service: Service;
  /** The API audience tokens must carry. */
  audience: string;
  tenantId: string;
  file: string;
  managerId: string;
  catalogId: string;
  courseId: string;
  people: LearnerIdentity[];
  seconds: number;
  close(): Promise<void>;
}

/** A fresh service with one tenant: catalog and courses through the use cases, learners bulk-inserted. */
async function seedTenant(learners: number): Promise<BenchTenant> {
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-directory-reads-bench-'));
  const config = readConfig({ ...benchServiceEnvironment(dataDir), LOG_LEVEL: 'silent' });
  const service = await createService(config);
  const close = async () => {
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const now = new Date();
    const tenantId = deterministicGuid('atrium-directory-reads-bench', `tenant:${learners}`);
    const region = service.tenancy.regions.regions[0];
    const record = await service.tenancy.onboard({ tenantId, displayName: 'Directory reads bench', regionId: region.id }, () => now);
    const people = [...generateDirectoryUsers({ seed: tenantId, size: learners, domain: 'directorybench.example.com' })].map((u) => toLearnerIdentity(u, u.managerId));
    const managerId = people[1].id;
    const { catalogId, courseIds } = await service.tenancy.withTenantDatabase(tenantId, async (db) => {
      const manager: UseCaseContext = { db, now, principal: { tenantId, userId: managerId, roles: ['Catalog.Manage'] } };
      const catalog = await createCatalog(manager, { name: 'Directory reads bench', description: 'Rule previews against a large directory.', siteUrl: 'https://contoso.sharepoint.com/sites/directorybench' });
      const ids: string[] = [];
      for (const course of benchCourses(tenantId, COURSES)) ids.push((await createCourse(manager, catalog.id, course)).id);
      return { catalogId: catalog.id, courseIds: ids };
    });
    const file = new SqliteEngine(dataDir).tenantDatabaseFile(region, record.databaseName);
    fillReportRows({
      file,
      tenantId,
      catalogId,
      courseIds,
      mandatoryCourses: MANDATORY_COURSES,
      people,
      enrolmentsPerLearner: ENROLMENTS_PER_LEARNER,
      restrictedLearners: RESTRICTED_LEARNERS,
      assignedBy: managerId,
      seed: 'atrium-directory-reads-bench',
      now,
    });
    // An optional course: some people are enrolled in it, most are not, so `alreadyEnrolled` counts something.
    const courseId = courseIds[MANDATORY_COURSES];
    return { service, audience: config.auth.audience, tenantId, file, managerId, catalogId, courseId, people, seconds: (performance.now() - started) / 1000, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// --- what to ask: chosen from the generated directory, the busiest cases first -----------------------------------

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
const words = (text: string | null) => (text === null ? [] : asciiLower(text).split(' ').filter(Boolean));

/** The search's own semantics: a word of the display name, or the mail, starts with the search (ASCII case folded). */
function matchesSearch(person: LearnerIdentity, search: string): boolean {
  const needle = ` ${asciiLower(search.trim())}`;
  return [person.displayName, person.mail].some((v) => v !== null && ` ${asciiLower(v)}`.includes(needle));
}

function mostCommon<T>(values: Iterable<T>): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

interface SearchCase {
  label: string;
  search: string;
}

function searchCases(people: readonly LearnerIdentity[]): SearchCase[] {
  const two = mostCommon(people.flatMap((p) => words(p.displayName).filter((w) => w.length >= 2).map((w) => w.slice(0, 2))));
  const four = mostCommon(people.flatMap((p) => words(p.displayName).filter((w) => w.length >= 4 && w.startsWith(two)).map((w) => w.slice(0, 4))));
  const named = people.find((p, i) => i >= people.length / 2 && p.displayName !== null && words(p.displayName)[0]?.startsWith(four)) ?? people[people.length - 1];
  const mailed = people.find((p, i) => i >= people.length / 3 && p.mail !== null) ?? people[0];
  const local = (mailed.mail as string).split('@')[0];
  return [
    { label: 'the most common 2-letter prefix', search: two },
    { label: 'the most common 4-letter prefix', search: four },
    { label: 'a full name', search: named.displayName as string },
    { label: 'a mail prefix', search: local.slice(0, Math.min(local.length, 8)) },
    { label: 'nobody', search: 'qzxv' },
  ];
}

interface RuleCase {
  label: string;
  criteria: RuleCriteria;
}

function ruleCases(people: readonly LearnerIdentity[]): RuleCase[] {
  const department = mostCommon(people.map((p) => p.department).filter((d): d is string => d !== null));
  const city = mostCommon(people.filter((p) => p.department === department).map((p) => p.city).filter((c): c is string => c !== null));
  return [
    { label: `department only (${department})`, criteria: { department: [department] } },
    { label: `department + city (${department}, ${city})`, criteria: { department: [department], city: [city] } },
    { label: 'matching nobody', criteria: { department: ['No such department'] } },
  ];
}

// --- what the SQL does ------------------------------------------------------------------------------------------

interface RanQuery {
  sql: string;
  parameters: readonly unknown[];
  rows: number;
}

/** Records every statement a use case runs on `db`, and how many rows each returned. */
function recording(db: Kysely<TenantDatabase>): { db: Kysely<TenantDatabase>; ran: RanQuery[] } {
  const ran: RanQuery[] = [];
  const pending = new Map<unknown, RanQuery>();
  const executor = db.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      // Subqueries pass through here too, but only statements that run get a result: those are recorded.
      const compiled = executor.compileQuery(args.node, args.queryId);
      pending.set(args.queryId, { sql: compiled.sql, parameters: compiled.parameters, rows: 0 });
      return args.node;
    },
    async transformResult(args): Promise<QueryResult<UnknownRow>> {
      const query = pending.get(args.queryId);
      if (query) ran.push({ ...query, rows: args.result.rows.length });
      pending.delete(args.queryId);
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), ran };
}

const fromLearners = (q: RanQuery) => /from "learners"/.test(q.sql);
/** A batch of the rule preview: people with whether they are enrolled, one range of ids. */
const isPreviewBatch = (q: RanQuery) => fromLearners(q) && /as "enrolled"/.test(q.sql);

function restrictedIds(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT learner_id FROM learner_restrictions').all() as Array<{ learner_id: string }>).map((r) => r.learner_id));
  } finally {
    db.close();
  }
}

function queryPlan(file: string, query: RanQuery): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as Array<{ detail: string }>;
    return plan.map((p) => p.detail).join('; ');
  } finally {
    db.close();
  }
}

/** Median time of one statement run alone with better-sqlite3 on the tenant file. */
function statementMs(file: string, query: RanQuery, runs = 5): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const statement = db.prepare(query.sql);
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      statement.all(...(query.parameters as unknown[]));
      if (i > 0) times.push(performance.now() - t0);
    }
    return summariseLatencies(times).p50Ms;
  } finally {
    db.close();
  }
}

// --- measuring ----------------------------------------------------------------------------------------------------

interface Timing {
  p50Ms: number;
  p95Ms: number;
}

async function timeRequests(runs: number, request: () => Promise<{ statusCode: number; body: string }>): Promise<Timing & { body: string }> {
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < WARM_UP + runs; i++) {
    const t0 = performance.now();
    const answer = await request();
    const ms = performance.now() - t0;
    if (answer.statusCode !== 200) throw new Error(`answered ${answer.statusCode}: ${answer.body}`);
    if (i >= WARM_UP) times.push(ms);
    body = answer.body;
  }
  const summary = summariseLatencies(times);
  return { p50Ms: summary.p50Ms, p95Ms: summary.p95Ms, body };
}

const ms = (value: number) => (value < 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(0)} ms`);
const count = (value: number) => value.toLocaleString('en');

async function measure(learners: number, runs: number): Promise<void> {
  const tenant = await seedTenant(learners);
  try {
    const { service, tenantId, managerId, file } = tenant;
    const restricted = restrictedIds(file);
    const current = tenant.people.filter((p) => !restricted.has(p.id));
    console.log(`\n## ${count(learners)} learners\n`);
    console.log(`Seeded in ${tenant.seconds.toFixed(1)} s: ${count(learners)} learners (${restricted.size} restricted, so ${count(current.length)} current), ${COURSES} courses, ${ENROLMENTS_PER_LEARNER} enrolments each.`);

    const roles = ['Catalog.Manage'];
    const token = await (service.devIssuer as NonNullable<Service['devIssuer']>).issueToken({ tenantId, userId: managerId, roles, audience: tenant.audience });
    const headers = { authorization: `Bearer ${token}` };
    const inUseCase = <T>(work: (ctx: UseCaseContext) => Promise<T>) =>
      service.tenancy.withTenantDatabase(tenantId, async (plain) => {
        const { db, ran } = recording(plain);
        const value = await work({ db, now: new Date(), principal: { tenantId, userId: managerId, roles } });
        return { value, ran };
      });

    console.log(`\n### GET /api/directory/people?search= (median and p95 of ${runs} requests after ${WARM_UP} warm-ups)\n`);
    console.log('| search | learners scanned | people matching | rows returned | median | p95 |');
    console.log('|---|---|---|---|---|---|');
    let plan = '';
    for (const c of searchCases(tenant.people)) {
      const url = `/api/directory/people?search=${encodeURIComponent(c.search)}`;
      const timing = await timeRequests(runs, () => service.app.inject({ method: 'GET', url, headers }));
      const returned = (JSON.parse(timing.body) as { people: DirectoryPerson[] }).people.length;
      const { ran } = await inUseCase((ctx) => searchDirectoryPeople(ctx, c.search));
      const search = ran.filter(fromLearners).pop() as RanQuery;
      const matching = current.filter((p) => matchesSearch(p, c.search)).length;
      console.log(`| ${c.label}: \`${c.search}\` | ${count(current.length)} (every current one) | ${count(matching)} | ${returned} | ${ms(timing.p50Ms)} | ${ms(timing.p95Ms)} |`);
      plan = queryPlan(file, search);
    }
    console.log(`\nThe search's query plan: ${plan}`);

    console.log(`\n### POST /api/catalogs/{id}/rules/preview (median and p95 of ${runs} requests after ${WARM_UP} warm-ups)\n`);
    console.log('| rule | learners read (batches) | matching / already enrolled / sample | median | p95 | first batch alone | last batch alone |');
    console.log('|---|---|---|---|---|---|---|');
    for (const c of ruleCases(tenant.people)) {
      const body = { name: 'Preview', courseId: tenant.courseId, criteria: c.criteria, dueWithinDays: 30 };
      const timing = await timeRequests(runs, () => service.app.inject({ method: 'POST', url: `/api/catalogs/${tenant.catalogId}/rules/preview`, headers, payload: body }));
      const preview = JSON.parse(timing.body) as RulePreview;
      const { ran } = await inUseCase((ctx) => previewAssignmentRule(ctx, tenant.catalogId, body));
      const batches = ran.filter(isPreviewBatch);
      const read = batches.reduce((sum, q) => sum + q.rows, 0);
      const first = statementMs(file, batches[0]);
      const last = statementMs(file, batches[batches.length - 1]);
      console.log(
        `| ${c.label} | ${count(read)} (${batches.length}) | ${count(preview.matching)} / ${count(preview.alreadyEnrolled)} / ${preview.sample.length} | ${ms(timing.p50Ms)} | ${ms(timing.p95Ms)} | ${ms(first)} | ${ms(last)} |`,
      );
    }
    console.log(`\nA batch's query plan: ${queryPlan(file, (await inUseCase((ctx) => previewAssignmentRule(ctx, tenant.catalogId, { name: 'Preview', courseId: tenant.courseId, criteria: ruleCases(tenant.people)[0].criteria, dueWithinDays: 30 }))).ran.filter(isPreviewBatch)[0])}`);
  } finally {
    await tenant.close();
  }
}

async function main(): Promise<void> {
  const sizes = option('learners', '50000,10000').split(',').map(Number);
  const runs = Number(option('runs', '30'));
  console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  for (const learners of sizes) await measure(learners, runs);
  console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
