import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Kysely } from 'kysely';
import type { LearnerIdentity } from '../../src/domain/identity';
import { executePurgeJob } from '../../src/server/privacy/purgeExecution';
import { requestPurge, type PurgeScope } from '../../src/server/privacy/purgeJobs';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import type { TenantDatabase } from '../../src/server/store/tenantSchema';
import { courseBody, makeDataDir, startTestService, type TestService } from '../support/testService';
import { TsqlRecorder, tsqlRecordingEngine } from '../support/tsqlRecorder';
import { TestDirectory } from './privacyFixtures';

/**
 * The purge runner removes traces once per round: every job of the round, then one `makeErasureTraceless` of the
 * strongest kind owed, then all of them done. A job a crash left with its rows gone but its traces not removed
 * answers `running` and is finished (file rewritten, then done) when the runner resumes.
 */

const dataDir = makeDataDir();
const tenantId = randomUUID();
const directory = new TestDirectory();
/** Every trace removal the runner asked of the engine, in order. */
const tracelessCalls: Array<'purge' | 'erasure'> = [];
let t: TestService;
let adminToken: string;
let catalogId: string;
let course: { id: string; lessons: Array<{ id: string }> };

/** The SQLite engine the service runs on, counting its trace removals. */
function countingEngine(): DatabaseEngine {
  const engine = tsqlRecordingEngine(new SqliteEngine(dataDir), new TsqlRecorder());
  return {
    ...engine,
    async makeErasureTraceless(db, after) {
      tracelessCalls.push(after);
      await engine.makeErasureTraceless!(db, after);
    },
  };
}

const tenantDb = <T>(work: (db: Kysely<TenantDatabase>) => Promise<T>): Promise<T> => t.service.tenancy.withTenantDatabase(tenantId, work);

/** Every encoding an identifier could be stored in. */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

function identifiersOf(person: LearnerIdentity): string[] {
  return [person.id, person.userPrincipalName, person.mail, person.displayName].filter((value): value is string => !!value);
}

/** The identifiers of these people found in the raw bytes of every database file (with -wal and -shm). */
function tracesOf(people: LearnerIdentity[]): string[] {
  const files = [dataDir, path.join(dataDir, 'regions', 'westeurope')].flatMap((folder) =>
    fs.readdirSync(folder).filter((name) => /\.sqlite(-wal|-shm)?$/.test(name)).map((name) => path.join(folder, name)),
  );
  const found: string[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const person of people) {
      for (const identifier of identifiersOf(person)) {
        if (encodings(identifier).some((encoded) => bytes.includes(encoded))) found.push(`${identifier} in ${path.basename(file)}`);
      }
    }
  }
  return found;
}

/** A person who signs in, enrols and completes every lesson: a profile and records to erase. */
async function learnerWithRecords(name: string): Promise<LearnerIdentity> {
  const person = directory.add(name);
  const token = await t.token(tenantId, person.id);
  const enrolment = await t.call('POST', `/api/courses/${course.id}/enrolments`, { token });
  expect(enrolment.status).toBe(201);
  for (const lesson of course.lessons) {
    expect((await t.call('POST', `/api/enrolments/${enrolment.body.id}/progress`, { token, body: { type: 'lesson-completed', lessonId: lesson.id } })).status).toBe(200);
  }
  return person;
}

function requestJob(learnerId: string, scope: PurgeScope) {
  return tenantDb((db) => requestPurge(db, { tenantId, actorId: randomUUID(), learnerId, scope, reason: 'retention', now: new Date() }));
}

async function statusOf(purgeId: string) {
  const answer = await t.call('GET', `/api/purges/${purgeId}`, { token: adminToken });
  expect(answer.status).toBe(200);
  return answer.body;
}

beforeAll(async () => {
  t = await startTestService({ identitySource: directory, dataDir, engine: countingEngine() });
  const adminId = await t.onboard(tenantId);
  directory.people.set(adminId, { ...directory.add('Ada Roundadmin'), id: adminId });
  adminToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
  catalogId = (await t.call('POST', '/api/catalogs', { token: adminToken, body: { name: 'Rounds', description: 'erasures in rounds' } })).body.id;
  const created = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: adminToken, body: courseBody() });
  expect(created.status).toBe(201);
  course = created.body;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('erasures queued together: one trace removal, of the erasure kind, then every job done and none of them left on disk', async () => {
  const erased = [await learnerWithRecords('Wilhelmina Roundone'), await learnerWithRecords('Bartholomew Roundtwo'), await learnerWithRecords('Cornelia Roundthree')];
  const purgedFromCatalog = await learnerWithRecords('Desmond Catalogonly');
  // The scan below is meaningful: before the erasures, every one of them is in the files in plain bytes.
  expect(new Set(tracesOf(erased).map((hit) => hit.split(' in ')[0]))).toEqual(new Set(erased.flatMap(identifiersOf)));

  const jobs = [];
  for (const person of erased) jobs.push(await requestJob(person.id, { kind: 'erasure' }));
  jobs.push(await requestJob(purgedFromCatalog.id, { kind: 'catalog', catalogId }));
  tracelessCalls.length = 0;
  t.service.purges.kick(tenantId);
  await t.service.purges.idle();

  expect(tracelessCalls).toEqual(['erasure']);
  for (const job of jobs) {
    const status = await statusOf(job.id);
    expect(status).toMatchObject({ status: 'done', finishedAt: expect.any(String) });
    expect(status.progress.done).toBe(status.progress.total);
  }
  expect(tracesOf(erased)).toEqual([]);
  // A catalog purge leaves the profile by design; its records are gone.
  const left = await tenantDb((db) => db.selectFrom('enrolments').select('id').where('learner_id', '=', purgedFromCatalog.id).execute());
  expect(left).toEqual([]);
});

test('catalog purges alone: one trace removal of the purge kind (the WAL only), not a rewrite of the file', async () => {
  const people = [await learnerWithRecords('Ephraim Purgeone'), await learnerWithRecords('Filippa Purgetwo')];
  const jobs = [];
  for (const person of people) jobs.push(await requestJob(person.id, { kind: 'catalog', catalogId }));
  tracelessCalls.length = 0;
  t.service.purges.kick(tenantId);
  await t.service.purges.idle();
  expect(tracelessCalls).toEqual(['purge']);
  for (const job of jobs) expect((await statusOf(job.id)).status).toBe('done');
});

test('a job whose rows went but whose traces were not removed (a crash between the two) answers running, and is finished at start-up', async () => {
  const person = await learnerWithRecords('Evangelina Crashpending');
  const job = await requestJob(person.id, { kind: 'erasure' });
  // The job's own work, as the runner does it, and then the process dies before the round's trace removal.
  await tenantDb((db) => executePurgeJob(db, job.id, { batchSize: 2, now: () => new Date(), tracesRemovedLater: true }));

  // The rows are gone, and the job forgot whom it erased...
  expect(await tenantDb((db) => db.selectFrom('learners').select('learner_id').where('learner_id', '=', person.id).execute())).toEqual([]);
  const row = await tenantDb((db) => db.selectFrom('purge_jobs').select(['learner_id', 'status']).where('id', '=', job.id).executeTakeFirstOrThrow());
  expect(row).toEqual({ learner_id: null, status: 'running' });
  // ...but old copies of the pages are still in the files: the status says running, with its final counts.
  expect(tracesOf([person])).not.toEqual([]);
  const pending = await statusOf(job.id);
  const records = 1 + 1 + course.lessons.length;
  expect(pending).toMatchObject({ status: 'running', finishedAt: null, progress: { done: records, total: records } });
  expect(pending.counts).toMatchObject({ profile: 1, enrolments: 1, lessonProgress: course.lessons.length });

  tracelessCalls.length = 0;
  await t.service.purges.resumeAll();
  await t.service.purges.idle();

  expect(tracelessCalls).toEqual(['erasure']);
  expect(await statusOf(job.id)).toMatchObject({ status: 'done', finishedAt: expect.any(String), progress: { done: records, total: records } });
  expect(tracesOf([person])).toEqual([]);
});
