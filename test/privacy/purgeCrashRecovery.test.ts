import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import type { Kysely } from 'kysely';
import { readConfig } from '../../src/server/config';
import { createService } from '../../src/server/service';
import type { TenantDatabase } from '../../src/server/store/tenantSchema';

/**
 * A purge survives the death of its process: the service runs as a child process, an erasure of a learner with
 * many records starts (a few rows per transaction, so it is mid-way when it dies), the child is killed with
 * SIGKILL, a new child on the same data folder resumes and finishes it, and everyone else's records are intact.
 * Then no trace: the database files (with -wal and -shm) and everything either child logged hold none of the
 * learner's identifiers, in UTF-8 or UTF-16.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const COURSES = 120;
const LESSONS_PER_COURSE = 4;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-purge-crash-'));
const tenantId = randomUUID();
const children: ChildProcess[] = [];
let output = '';

const learner = {
  id: randomUUID(),
  userPrincipalName: 'quintessa.vandermolen@contoso.example',
  mail: 'q.vandermolen.mail@contoso.example',
  displayName: 'Quintessa Vandermolen-Purgeworthy',
};
const keeperId = randomUUID();

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
  if (process.env.ATRIUM_KEEP_TEST_DATA) process.stdout.write(`data kept in ${dataDir}\n`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
});

const env = {
  ATRIUM_DATA_DIR: dataDir,
  ATRIUM_PURGE_BATCH_SIZE: '5',
  // A pause after each batch keeps the purge running long enough to be killed mid-way.
  ATRIUM_PURGE_BATCH_PAUSE_MS: '5',
  ATRIUM_PURGE_LEASE_MS: '1000',
  ATRIUM_DIRECTORY_SYNC_INTERVAL_MS: '0',
};

function startChild(): Promise<{ child: ChildProcess; port: number }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a child of its own, which SIGKILL would orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'support', 'serviceProcess.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      const match = /LISTENING (\d+)/.exec(text);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once('exit', (code, signal) => reject(new Error(`the service exited before listening (${code ?? signal}): ${output.slice(-2000)}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One request on a connection of its own (no keep-alive socket outlives the test). */
function api(port: number, method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: any }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path: url, agent: false, headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json' } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

async function seed(db: Kysely<TenantDatabase>, catalogId: string): Promise<void> {
  const at = new Date().toISOString();
  const person = (id: string, upn: string, name: string, mail: string) => ({
    tenant_id: tenantId,
    learner_id: id,
    user_principal_name: upn,
    display_name: name,
    mail,
    department: 'Research',
    job_title: 'Analyst',
    office_location: 'Utrecht',
    country: 'Netherlands',
    city: 'Utrecht',
    manager_id: null,
    departed_at: null,
    synced_at: at,
    created_at: at,
  });
  await db.insertInto('learners').values([person(learner.id, learner.userPrincipalName, learner.displayName, learner.mail), person(keeperId, 'keeper@contoso.example', 'Kees Keeper', 'kees@contoso.example')]).execute();
  await db.transaction().execute(async (trx) => {
    for (let c = 0; c < COURSES; c += 1) {
      const courseId = randomUUID();
      await trx
        .insertInto('courses')
        .values({ id: courseId, tenant_id: tenantId, catalog_id: catalogId, title: `Course ${c}`, summary: 's', format: 'e-learning', tags_json: '[]', duration_minutes: 5, sequential_lessons: 0, status: 'published', quiz_json: null, created_at: at, updated_at: at })
        .execute();
      const lessonIds = Array.from({ length: LESSONS_PER_COURSE }, () => randomUUID());
      await trx
        .insertInto('lessons')
        .values(lessonIds.map((id, position) => ({ id, tenant_id: tenantId, course_id: courseId, position, title: 'L', material_url: 'https://x.example/l', duration_minutes: 1 })))
        .execute();
      for (const learnerId of [learner.id, keeperId]) {
        const enrolmentId = randomUUID();
        const certificateId = randomUUID();
        await trx
          .insertInto('enrolments')
          .values({ id: enrolmentId, tenant_id: tenantId, learner_id: learnerId, catalog_id: catalogId, course_id: courseId, plan_enrolment_id: null, source: 'self', assigned_by: null, due_at: null, enrolled_at: at, started_at: at, completed_at: at, progress_percent: 100, certificate_id: certificateId })
          .execute();
        await trx
          .insertInto('lesson_progress')
          .values(lessonIds.map((lessonId) => ({ tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, lesson_id: lessonId, completed_at: at })))
          .execute();
        await trx.insertInto('quiz_attempts').values({ id: randomUUID(), tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, score_percent: 80, passed: 1, answers_json: '[]', submitted_at: at }).execute();
        await trx
          .insertInto('certificates')
          .values({ id: certificateId, tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, course_id: courseId, verification_code: `ATR-${randomUUID().slice(0, 4)}-${c}`.toUpperCase(), issued_at: at })
          .execute();
      }
    }
  });
}

/** Every encoding a identifier could be stored or logged in. */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

test('a purge killed mid-way resumes in a new process and completes; nothing of the learner is left on disk or in the logs', async () => {
  // Set up in this process: the tenant, a catalog, and many records of the learner and of someone else.
  const setup = await createService(readConfig({ ...env, LOG_LEVEL: 'silent' }), { graph: null, identitySource: null });
  const adminId = randomUUID();
  const issue = (userId: string, roles: string[]) => setup.devIssuer!.issueToken({ tenantId, userId, roles, audience: readConfig(env).auth.audience });
  const adminToken = await issue(adminId, ['Tenant.Admin']);
  const inject = async (method: 'POST', url: string, body: unknown) => (await setup.app.inject({ method, url, headers: { authorization: `Bearer ${adminToken}` }, payload: body as object })).json();
  await inject('POST', '/api/tenant/onboarding', { region: 'westeurope', displayName: 'Crash test' });
  const catalog = await inject('POST', '/api/catalogs', { name: 'Big catalog', description: 'many records' });
  await setup.tenancy.withTenantDatabase(tenantId, (db) => seed(db, catalog.id));
  await setup.close();
  const tenantFiles = () => fs.readdirSync(path.join(dataDir, 'regions', 'westeurope')).map((name) => fs.readFileSync(path.join(dataDir, 'regions', 'westeurope', name)));
  // The scan below is meaningful: before the erasure, the learner is there in plain bytes.
  expect(tenantFiles().some((bytes) => bytes.includes(Buffer.from(learner.mail, 'utf8')))).toBe(true);
  const recordsEach = COURSES * (3 + LESSONS_PER_COURSE);

  // First process: start the erasure and kill the process once it is under way.
  const first = await startChild();
  const started = await api(first.port, 'POST', `/api/learners/${learner.id}/erasure`, adminToken, { confirmation: learner.mail });
  expect(started.status).toBe(202);
  let seen = started.body;
  while (seen.progress.done === 0 && seen.status !== 'done') seen = (await api(first.port, 'GET', `/api/purges/${started.body.id}`, adminToken)).body;
  process.kill(first.child.pid!, 'SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  expect(seen.status).toBe('running');
  expect(seen.progress.done).toBeLessThan(seen.progress.total);

  // Second process: resumes the job at start-up (once the dead holder's lease expires) and finishes it.
  const second = await startChild();
  let status = (await api(second.port, 'GET', `/api/purges/${started.body.id}`, adminToken)).body;
  const deadline = Date.now() + 60_000;
  while (status.status !== 'done' && status.status !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = (await api(second.port, 'GET', `/api/purges/${started.body.id}`, adminToken)).body;
  }
  expect(status.status).toBe('done');
  expect(status.counts).toMatchObject({ enrolments: COURSES, lessonProgress: COURSES * LESSONS_PER_COURSE, quizAttempts: COURSES, certificates: COURSES, profile: 1 });
  expect(status.progress).toEqual({ done: recordsEach + 1, total: recordsEach + 1 });

  const keeper = await api(second.port, 'GET', `/api/catalogs/${catalog.id}/learners`, adminToken);
  expect(keeper.body.learners).toEqual([expect.objectContaining({ id: keeperId, records: recordsEach })]);
  const audit = await api(second.port, 'GET', '/api/tenant/audit', adminToken);
  const actions = audit.body.events.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('erasure.'));
  expect(actions).toEqual(['erasure.completed', 'erasure.requested']);
  await stopChild(second.child);

  // No trace: the raw bytes of every database file and of everything both processes logged.
  const files = [dataDir, path.join(dataDir, 'regions', 'westeurope')].flatMap((folder) =>
    fs.readdirSync(folder).filter((name) => /\.sqlite(-wal|-shm)?$/.test(name)).map((name) => path.join(folder, name)),
  );
  expect(files.some((file) => file.includes('atrium_t_'))).toBe(true);
  const found: string[] = [];
  for (const [source, bytes] of [...files.map((file) => [path.basename(file), fs.readFileSync(file)] as const), ['logs', Buffer.from(output, 'utf8')] as const]) {
    for (const identifier of [learner.id, learner.userPrincipalName, learner.mail, learner.displayName]) {
      for (const encoded of encodings(identifier)) if (bytes.includes(encoded)) found.push(`${identifier} in ${source}`);
    }
  }
  expect(output).toContain('"statusCode":202');
  expect(found).toEqual([]);
}, 120_000);
