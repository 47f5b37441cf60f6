import { randomUUID } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import type { DeltaPage, GraphDirectory } from '../../src/server/graph/graphDirectory';
import { syncDirectory } from '../../src/server/jobs/directorySync';
import { executePurgeJob } from '../../src/server/privacy/purgeExecution';
import { refuseWhilePurging, requestPurge } from '../../src/server/privacy/purgeJobs';
import { subjectHash } from '../../src/server/privacy/subjectHash';
import { liftSyncSuppression } from '../../src/server/privacy/syncSuppression';
import { fillEveryTable, mentionsOf, migratedTenantDatabase } from './registryFixture';

/** A directory that answers every full round with the same people, all of them in one audience group. */
function directoryOf(people: LearnerIdentity[]): GraphDirectory {
  return {
    getUser: async (id) => people.find((p) => p.id === id) ?? null,
    async *deltaUsers(): AsyncIterable<DeltaPage> {
      yield { changed: people.map(({ managerId: _manager, ...rest }) => ({ ...rest, managerId: null })), removed: [], deltaLink: 'delta-1' };
    },
    async *groupMembers(): AsyncIterable<string[]> {
      yield people.map((p) => p.id);
    },
    searchGroups: async () => [],
  } as GraphDirectory;
}

function identity(id: string, name: string): LearnerIdentity {
  return { id, userPrincipalName: `${name}@contoso.example`, displayName: name, mail: `${name}@contoso.example`, department: 'Sales', jobTitle: null, officeLocation: null, country: null, city: 'Oslo', managerId: null };
}

const now = () => new Date('2026-03-01T09:00:00.000Z');

describe('erasure and the directory sync', () => {
  test('a current employee who was erased is not re-imported by the sync, nor put back in groups, until they sign in again', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const f = await fillEveryTable(db);
    const groupId = randomUUID();
    await db.insertInto('catalog_audiences').values({ tenant_id: f.tenantId, catalog_id: f.catalogA, group_id: groupId, display_name: 'All' }).execute();
    const directory = directoryOf([identity(f.learnerId, 'erased-person'), identity(f.otherId, 'other-person')]);

    const job = await requestPurge(db, { tenantId: f.tenantId, actorId: f.otherId, learnerId: f.learnerId, scope: { kind: 'erasure' }, reason: 'erasure-request', now: now() });
    await executePurgeJob(db, job.id, { batchSize: 50, now });
    const suppression = await db.selectFrom('sync_suppressions').selectAll().execute();
    expect(suppression).toEqual([{ tenant_id: f.tenantId, subject_hash: await subjectHash(db, f.tenantId, f.learnerId), created_at: now().toISOString() }]);

    const result = await syncDirectory({ db, tenantId: f.tenantId, directory, now, forceFull: true });
    expect(result.inserted).toBe(0);
    expect(mentionsOf(raw, f.learnerId)).toEqual([]);
    expect(mentionsOf(raw, 'erased-person')).toEqual([]);
    const members = await db.selectFrom('group_members').select('learner_id').where('group_id', '=', groupId).execute();
    expect(members).toEqual([{ learner_id: f.otherId }]);

    // They sign in themselves (LearnerRegistry.ensure lifts the suppression): the sync keeps them in step again.
    await liftSyncSuppression(db, f.tenantId, f.learnerId);
    await syncDirectory({ db, tenantId: f.tenantId, directory, now, forceFull: true });
    expect(await db.selectFrom('learners').select('display_name').where('learner_id', '=', f.learnerId).executeTakeFirst()).toEqual({ display_name: 'erased-person' });
    await db.destroy();
  });
});

describe('purges and concurrent work', () => {
  test('asking twice for the same purge returns the one unfinished job; a different scope is a job of its own', async () => {
    const { db } = await migratedTenantDatabase();
    const f = await fillEveryTable(db);
    const request = { tenantId: f.tenantId, actorId: f.otherId, learnerId: f.learnerId, reason: 'admin' as const, now: now() };
    const first = await requestPurge(db, { ...request, scope: { kind: 'catalog', catalogId: f.catalogA } });
    const [second, third] = await Promise.all([
      requestPurge(db, { ...request, scope: { kind: 'catalog', catalogId: f.catalogA } }),
      requestPurge(db, { ...request, scope: { kind: 'catalog', catalogId: f.catalogA } }),
    ]);
    expect([second.id, third.id]).toEqual([first.id, first.id]);
    const other = await requestPurge(db, { ...request, scope: { kind: 'catalog', catalogId: f.catalogB } });
    expect(other.id).not.toBe(first.id);
    expect(await db.selectFrom('purge_jobs').select('id').execute()).toHaveLength(2);
    // Run both at once: they touch different rows and both finish.
    const done = await Promise.all([executePurgeJob(db, first.id, { batchSize: 1, now }), executePurgeJob(db, other.id, { batchSize: 1, now })]);
    expect(done.map((d) => d.status)).toEqual(['done', 'done']);
    await db.destroy();
  });

  test('while a purge is unfinished, new records of the learner in that catalog are refused; whatever slips in is swept before done', async () => {
    const { db } = await migratedTenantDatabase();
    const f = await fillEveryTable(db);
    const job = await requestPurge(db, { tenantId: f.tenantId, actorId: f.otherId, learnerId: f.learnerId, scope: { kind: 'catalog', catalogId: f.catalogA }, reason: 'admin', now: now() });
    await expect(refuseWhilePurging(db, f.tenantId, f.learnerId, f.catalogA)).rejects.toThrow(/being purged/);
    await expect(refuseWhilePurging(db, f.tenantId, f.learnerId, f.catalogB)).resolves.toBeUndefined();
    await expect(refuseWhilePurging(db, f.tenantId, f.otherId, f.catalogA)).resolves.toBeUndefined();

    // Progress recorded between two batches (as a request already past the check would): gone by the time it is done.
    const enrolment = await db.selectFrom('enrolments').select(['id']).where('learner_id', '=', f.learnerId).where('catalog_id', '=', f.catalogA).executeTakeFirstOrThrow();
    const lesson = await db.selectFrom('lessons').innerJoin('courses', 'courses.id', 'lessons.course_id').select('lessons.id').where('courses.catalog_id', '=', f.catalogA).executeTakeFirstOrThrow();
    let slipped = false;
    const finished = await executePurgeJob(db, job.id, {
      batchSize: 1,
      now,
      afterBatch: async () => {
        if (slipped) return;
        slipped = true;
        await db.insertInto('quiz_attempts').values({ id: randomUUID(), tenant_id: f.tenantId, learner_id: f.learnerId, enrolment_id: enrolment.id, score_percent: 10, passed: 0, answers_json: '[]', submitted_at: now().toISOString() }).execute();
        await db.deleteFrom('lesson_progress').where('enrolment_id', '=', enrolment.id).execute();
        await db.insertInto('lesson_progress').values({ tenant_id: f.tenantId, learner_id: f.learnerId, enrolment_id: enrolment.id, lesson_id: lesson.id, completed_at: now().toISOString() }).execute();
      },
    });
    expect(finished.status).toBe('done');
    const left = await db.selectFrom('enrolments').select('id').where('learner_id', '=', f.learnerId).where('catalog_id', '=', f.catalogA).execute();
    expect(left).toEqual([]);
    expect(await db.selectFrom('quiz_attempts').select('id').where('enrolment_id', '=', enrolment.id).execute()).toEqual([]);
    await expect(refuseWhilePurging(db, f.tenantId, f.learnerId, f.catalogA)).resolves.toBeUndefined();
    await db.destroy();
  });
});
