import type { Kysely, Transaction } from 'kysely';
import { conflict } from '../../domain/errors';
import type { AnyKysely } from '../store/engine';
import type { PurgeJobsTable, TenantDatabase } from '../store/tenantSchema';
import { recordAudit, type RecordCounts } from './auditTrail';
import { countStep, purgeSteps, type PurgeTarget } from './purgeSteps';
import { subjectHash } from './subjectHash';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

export type PurgeScope = { kind: 'catalog'; catalogId: string } | { kind: 'erasure' };
export type PurgeReason = 'admin' | 'erasure-request' | 'retention' | 'notice-withdrawn';
export type PurgeStatus = 'queued' | 'running' | 'done' | 'failed';

/** The status resource of a purge: no personal data, only where it stands and what it removed. */
export interface PurgeJobView {
  id: string;
  status: PurgeStatus;
  scope: 'catalog' | 'erasure';
  catalogId: string | null;
  progress: { done: number; total: number };
  /** Rows removed (or pointers cleared) so far, by kind of record. */
  counts: RecordCounts;
  requestedAt: string;
  finishedAt: string | null;
}

export interface PurgeRequest {
  tenantId: string;
  actorId: string;
  learnerId: string;
  scope: PurgeScope;
  reason: PurgeReason;
  now: Date;
}

export const UNFINISHED: readonly PurgeStatus[] = ['queued', 'running'];

export function toPurgeJobView(row: PurgeJobsTable): PurgeJobView {
  return {
    id: row.id,
    status: row.status as PurgeStatus,
    scope: row.scope as PurgeJobView['scope'],
    catalogId: row.catalog_id,
    progress: { done: row.done, total: Math.max(row.total, row.done) },
    counts: JSON.parse(row.counts_json) as RecordCounts,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
  };
}

export function targetOf(tenantId: string, learnerId: string, scope: PurgeScope): PurgeTarget {
  return { tenantId, learnerId, catalogId: scope.kind === 'catalog' ? scope.catalogId : null };
}

/** Counts by kind of record that a purge (or erasure) of the learner would remove or clear now. */
export async function purgeCounts(db: Db, target: PurgeTarget): Promise<RecordCounts> {
  const counts: RecordCounts = {};
  for (const step of purgeSteps(target.catalogId === null)) {
    counts[step.kind] = (counts[step.kind] ?? 0) + (await countStep(db as unknown as AnyKysely, step, target));
  }
  return counts;
}

export function sumCounts(counts: RecordCounts): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}

/** The unfinished job for this learner and scope, if any. */
async function unfinishedJob(db: Db, tenantId: string, learnerId: string, scope: PurgeScope): Promise<PurgeJobsTable | undefined> {
  let query = db
    .selectFrom('purge_jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('status', 'in', [...UNFINISHED])
    .where('scope', '=', scope.kind);
  query = scope.kind === 'catalog' ? query.where('catalog_id', '=', scope.catalogId) : query;
  return query.executeTakeFirst();
}

/**
 * Records a purge (or erasure) job before any of it runs, and the request in the audit trail; a runner carries it
 * out. Asking again while the same learner's purge of the same scope is unfinished returns that job: two purges
 * of one learner never run side by side, and a double click costs nothing.
 */
export async function requestPurge(db: Kysely<TenantDatabase>, request: PurgeRequest): Promise<PurgeJobView> {
  const { tenantId, learnerId, scope, now } = request;
  return db.transaction().execute(async (trx) => {
    const running = await unfinishedJob(trx, tenantId, learnerId, scope);
    if (running) return toPurgeJobView(running);
    const hash = await subjectHash(trx, tenantId, learnerId);
    const counts = await purgeCounts(trx, targetOf(tenantId, learnerId, scope));
    const row: PurgeJobsTable = {
      id: crypto.randomUUID(),
      tenant_id: tenantId,
      learner_id: learnerId,
      subject_hash: hash,
      scope: scope.kind,
      catalog_id: scope.kind === 'catalog' ? scope.catalogId : null,
      reason: request.reason,
      requested_by: request.actorId,
      status: 'queued',
      total: sumCounts(counts),
      done: 0,
      counts_json: '{}',
      attempts: 0,
      error: null,
      requested_at: now.toISOString(),
      started_at: null,
      finished_at: null,
    };
    await trx.insertInto('purge_jobs').values(row).execute();
    await recordAudit(trx, {
      tenantId,
      actorId: request.actorId,
      action: scope.kind === 'erasure' ? 'erasure.requested' : 'purge.requested',
      catalogId: row.catalog_id,
      subjectHash: hash,
      counts: null,
      at: now,
    });
    return toPurgeJobView(row);
  });
}

export async function getPurgeJob(db: Db, tenantId: string, purgeId: string): Promise<PurgeJobView | undefined> {
  const row = await db.selectFrom('purge_jobs').selectAll().where('tenant_id', '=', tenantId).where('id', '=', purgeId).executeTakeFirst();
  return row ? toPurgeJobView(row) : undefined;
}

/** Jobs the runner still has to finish (those whose traces are pending too), oldest first. */
export async function unfinishedJobs(db: Db, tenantId: string): Promise<PurgeJobsTable[]> {
  return db
    .selectFrom('purge_jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', [...UNFINISHED])
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

/**
 * Jobs whose rows are gone but whose traces in the database's files are not removed yet (a runner's round still
 * owes its one `makeErasureTraceless`, or a crash came between the two): status `running`, whom they purged already
 * forgotten (`learner_id` null). Oldest first.
 */
export async function tracesPendingJobs(db: Db, tenantId: string): Promise<PurgeJobsTable[]> {
  return db
    .selectFrom('purge_jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'running')
    .where('learner_id', 'is', null)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

/** The strongest trace removal the jobs owe: an erasure's (the file rewritten) if any of them is one. */
export function tracesOwedBy(jobs: readonly PurgeJobsTable[]): 'erasure' | 'purge' {
  return jobs.some((job) => job.scope === 'erasure') ? 'erasure' : 'purge';
}

/** Ids per statement: well under SQL Server's 2,100 parameters. */
const IDS_PER_STATEMENT = 500;

/** Once their traces are gone: the jobs are done, in one transaction. Writes no personal data. */
export async function markTracesRemoved(db: Kysely<TenantDatabase>, tenantId: string, jobIds: readonly string[], now: Date): Promise<void> {
  if (jobIds.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < jobIds.length; start += IDS_PER_STATEMENT) {
      await trx
        .updateTable('purge_jobs')
        .set({ status: 'done', finished_at: now.toISOString() })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', jobIds.slice(start, start + IDS_PER_STATEMENT))
        .where('status', '=', 'running')
        .where('learner_id', 'is', null)
        .execute();
    }
  });
}

/**
 * Refuses new records (enrolments, progress) for a learner whose purge from that catalog (or erasure) is
 * unfinished: what they would add now would be removed anyway, and the purge must end with nothing left.
 */
export async function refuseWhilePurging(db: Db, tenantId: string, learnerId: string, catalogId: string): Promise<void> {
  if ((await learnersBeingPurged(db, tenantId, catalogId, [learnerId])).size > 0) {
    throw conflict('these training records are being purged; nothing can be added to them until the purge has finished');
  }
}

/** Of these people, those with an unfinished purge from the catalog or an unfinished erasure. */
export async function learnersBeingPurged(db: Db, tenantId: string, catalogId: string, learnerIds: readonly string[]): Promise<Set<string>> {
  if (learnerIds.length === 0) return new Set();
  const jobs = await db
    .selectFrom('purge_jobs')
    .select('learner_id')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', 'in', [...learnerIds])
    .where('status', 'in', [...UNFINISHED])
    .where((eb) => eb.or([eb('scope', '=', 'erasure'), eb('catalog_id', '=', catalogId)]))
    .execute();
  return new Set(jobs.map((j) => j.learner_id as string));
}
