/**
 * Purge of one learner with 10,000 records from a catalog of 100,000 and of 1,000,000 rows, on the embedded store
 * (a SQLite file, WAL, secure_delete, synchronous FULL, as the service opens it). Goal: under one second, growing
 * with the learner's records and not with the catalog's size (1M within 1.5x of 100k).
 *
 *   npx tsx bench/purgeBench.ts            # both sizes
 *   npx tsx bench/purgeBench.ts 100000     # one size
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { executePurgeJob } from '../src/server/privacy/purgeExecution';
import { requestPurge } from '../src/server/privacy/purgeJobs';
import { migrateToLatest } from '../src/server/store/migrations/migrateToLatest';
import { tenantMigrationProvider } from '../src/server/store/migrations/tenantMigrations';
import { makeTraceless } from '../src/server/store/sqlite/tracelessCheckpoint';
import type { TenantDatabase } from '../src/server/store/tenantSchema';

const COURSES = 100;
const LESSONS = 10;
const LEARNER_RECORDS = 10_000;

function open(file: string): { raw: Database.Database; db: Kysely<TenantDatabase> } {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('secure_delete = ON');
  return { raw, db: new Kysely<TenantDatabase>({ dialect: new SqliteDialect({ database: raw }) }) };
}

/** A catalog of `catalogRows` enrolment and lesson-progress rows of other people, and the learner's 10,000 records. */
function seed(raw: Database.Database, tenantId: string, catalogId: string, learnerId: string, catalogRows: number): void {
  const at = new Date().toISOString();
  raw.prepare('insert into catalogs (id, tenant_id, name, description, site_url, created_at) values (?, ?, ?, ?, null, ?)').run(catalogId, tenantId, 'Bench', 'bench', at);
  const courses: Array<{ id: string; lessons: string[] }> = [];
  const insertCourse = raw.prepare(
    "insert into courses (id, tenant_id, catalog_id, title, summary, format, tags_json, duration_minutes, sequential_lessons, status, quiz_json, created_at, updated_at) values (?, ?, ?, 'c', 's', 'e-learning', '[]', 5, 0, 'published', null, ?, ?)",
  );
  const insertLesson = raw.prepare("insert into lessons (id, tenant_id, course_id, position, title, material_url, duration_minutes) values (?, ?, ?, ?, 'l', 'https://x.example', 1)");
  const insertEnrolment = raw.prepare(
    "insert into enrolments (id, tenant_id, learner_id, catalog_id, course_id, plan_enrolment_id, source, assigned_by, due_at, enrolled_at, started_at, completed_at, progress_percent, certificate_id) values (?, ?, ?, ?, ?, null, 'self', null, null, ?, ?, null, 50, null)",
  );
  const insertProgress = raw.prepare('insert into lesson_progress (tenant_id, learner_id, enrolment_id, lesson_id, completed_at) values (?, ?, ?, ?, ?)');
  const insertAttempt = raw.prepare("insert into quiz_attempts (id, tenant_id, learner_id, enrolment_id, score_percent, passed, answers_json, submitted_at) values (?, ?, ?, ?, 50, 0, '[1,2,3]', ?)");
  raw.transaction(() => {
    for (let c = 0; c < COURSES; c += 1) {
      const course = { id: randomUUID(), lessons: Array.from({ length: LESSONS }, () => randomUUID()) };
      insertCourse.run(course.id, tenantId, catalogId, at, at);
      course.lessons.forEach((lessonId, position) => insertLesson.run(lessonId, tenantId, course.id, position));
      courses.push(course);
    }
  })();
  // Other people: one enrolment and four lessons done per course they take, a hundred courses each.
  const enrolAll = raw.transaction((learners: string[]) => {
    for (const learner of learners) {
      for (const course of courses) {
        const enrolmentId = randomUUID();
        insertEnrolment.run(enrolmentId, tenantId, learner, catalogId, course.id, at, at);
        for (let l = 0; l < 4; l += 1) insertProgress.run(tenantId, learner, enrolmentId, course.lessons[l], at);
      }
    }
  });
  const peopleNeeded = Math.ceil(catalogRows / (COURSES * 5));
  for (let start = 0; start < peopleNeeded; start += 100) enrolAll(Array.from({ length: Math.min(100, peopleNeeded - start) }, () => randomUUID()));
  // The learner: 100 enrolments, 1,000 lessons done, 8,900 quiz attempts: 10,000 records.
  raw.transaction(() => {
    let records = 0;
    const enrolments: string[] = [];
    for (const course of courses) {
      const enrolmentId = randomUUID();
      enrolments.push(enrolmentId);
      insertEnrolment.run(enrolmentId, tenantId, learnerId, catalogId, course.id, at, at);
      for (const lesson of course.lessons) insertProgress.run(tenantId, learnerId, enrolmentId, lesson, at);
      records += 1 + course.lessons.length;
    }
    for (let i = 0; records < LEARNER_RECORDS; i += 1, records += 1) insertAttempt.run(randomUUID(), tenantId, learnerId, enrolments[i % enrolments.length], at);
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
}

async function benchOne(catalogRows: number): Promise<{ catalogRows: number; removed: number; purgeMs: number; tracelessMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-purge-bench-'));
  try {
    const { raw, db } = open(path.join(dir, 'tenant.sqlite'));
    await migrateToLatest(db as Kysely<any>, tenantMigrationProvider('sqlite'));
    const tenantId = randomUUID();
    const catalogId = randomUUID();
    const learnerId = randomUUID();
    const seedStart = performance.now();
    seed(raw, tenantId, catalogId, learnerId, catalogRows);
    const total = (raw.prepare('select (select count(*) from enrolments) + (select count(*) from lesson_progress) + (select count(*) from quiz_attempts) as n').get() as { n: number }).n;
    console.error(`seeded ${total.toLocaleString('en')} rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const started = performance.now();
    const job = await requestPurge(db, { tenantId, actorId: randomUUID(), learnerId, scope: { kind: 'catalog', catalogId }, reason: 'admin', now: new Date() });
    const done = await executePurgeJob(db, job.id, { batchSize: 500, now: () => new Date() });
    const purgeMs = performance.now() - started;
    const tracelessStart = performance.now();
    await makeTraceless(db as Kysely<any>, 'purge');
    const tracelessMs = performance.now() - tracelessStart;
    if (done.status !== 'done' || done.progress.done !== LEARNER_RECORDS) throw new Error(`purge ended ${done.status} with ${done.progress.done} records`);
    await db.destroy();
    return { catalogRows: total, removed: done.progress.done, purgeMs, tracelessMs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const results = [];
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    const result = await benchOne(size);
    results.push(result);
    console.log(
      `catalog of ${result.catalogRows.toLocaleString('en')} rows: purged ${result.removed.toLocaleString('en')} records in ${result.purgeMs.toFixed(0)} ms` +
        ` (+ WAL checkpoint ${result.tracelessMs.toFixed(0)} ms)`,
    );
  }
  if (results.length === 2) {
    const ratio = results[1].purgeMs / results[0].purgeMs;
    console.log(`1M / 100k: ${ratio.toFixed(2)}x (goal: within 1.5x); under one second: ${results.every((r) => r.purgeMs < 1000) ? 'yes' : 'no'}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
