/* eslint-disable @typescript-eslint/no-explicit-any -- the tables are named at run time, from the personal-data registry */
import type { Kysely, Transaction } from 'kysely';
import type { PurgeJobsTable, TenantDatabase } from '../store/tenantSchema';
import { recordAudit, type RecordCounts } from './auditTrail';
import { purgeCounts, sumCounts, targetOf, toPurgeJobView, type PurgeJobView, type PurgeScope } from './purgeJobs';
import { applyStep, purgeSteps, stepKeys, type PurgeStep, type PurgeTarget } from './purgeSteps';
import { subjectHasher } from './subjectHash';

export interface PurgeExecutionOptions {
  /** Rows per table per transaction. */
  batchSize: number;
  now: () => Date;
  /** After each committed batch: the runner renews its lease here. */
  afterBatch?: () => Promise<void>;
  /**
   * The caller removes the traces of the rows from the database's files afterwards (the runner: once per round,
   * `DatabaseEngine.makeErasureTraceless`), and only then marks the job done (`markTracesRemoved`). The job's last
   * transaction then leaves it `running`, its learner forgotten. Without it (an engine with nothing to remove) the
   * last transaction marks the job done.
   */
  tracesRemovedLater?: boolean;
}

type AnyDb = Kysely<any> | Transaction<any>;

function scopeOf(job: PurgeJobsTable): PurgeScope {
  return job.scope === 'erasure' ? { kind: 'erasure' } : { kind: 'catalog', catalogId: job.catalog_id as string };
}

function addCounts(into: RecordCounts, more: RecordCounts): void {
  for (const [kind, n] of Object.entries(more)) into[kind] = (into[kind] ?? 0) + n;
}

/** The keys a step still has to touch; the running job's own row is never a pointer to clear before it is done. */
async function remainingKeys(db: AnyDb, step: PurgeStep, target: PurgeTarget, jobId: string): Promise<Array<Record<string, unknown>>> {
  const keys = await stepKeys(db, step, target);
  return step.table === 'purge_jobs' ? keys.filter((k) => k.id !== jobId) : keys;
}

/** One batch in one transaction: the rows, and the job's counts, so a crash never leaves counts and rows apart. */
async function runBatch(db: Kysely<TenantDatabase>, job: PurgeJobsTable, step: PurgeStep, target: PurgeTarget, keys: Record<string, unknown>[], hashOf: (id: string) => string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const touched = await applyStep(trx as AnyDb, step, target, keys, hashOf);
    const n = sumCounts(touched);
    if (n > 0) {
      const current = await trx.selectFrom('purge_jobs').select(['counts_json', 'done']).where('id', '=', job.id).executeTakeFirstOrThrow();
      const counts = JSON.parse(current.counts_json) as RecordCounts;
      addCounts(counts, touched);
      await trx.updateTable('purge_jobs').set({ counts_json: JSON.stringify(counts), done: current.done + n }).where('id', '=', job.id).execute();
    }
    return n;
  });
}

/**
 * Carries out a recorded purge or erasure: step by step (registry order), in batches of bounded transactions, each
 * recording its progress with the rows it removed. Idempotent: every batch re-reads what is left, so a job resumed
 * after a crash simply carries on. The last transaction sweeps every step once more (whatever the learner added
 * meanwhile), writes the audit entry (counts, keyed hash), for erasure the directory-sync suppression, and forgets
 * whom the job purged; it marks the job done, or, when the caller still removes the traces (`tracesRemovedLater`),
 * leaves it running with its final counts until then. Nothing personal is written after this transaction.
 */
export async function executePurgeJob(db: Kysely<TenantDatabase>, jobId: string, options: PurgeExecutionOptions): Promise<PurgeJobView> {
  let job = await db.selectFrom('purge_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  if (job.status === 'done' || job.status === 'failed' || job.learner_id === null) return toPurgeJobView(job);
  const learnerId = job.learner_id;
  const scope = scopeOf(job);
  const target = targetOf(job.tenant_id, learnerId, scope);
  const erasure = scope.kind === 'erasure';
  const steps = purgeSteps(erasure);
  const hashOf = await subjectHasher(db, job.tenant_id);

  const remaining = sumCounts(await purgeCounts(db, target));
  await db
    .updateTable('purge_jobs')
    .set({ status: 'running', started_at: job.started_at ?? options.now().toISOString(), total: job.done + remaining, attempts: job.attempts + 1 })
    .where('id', '=', job.id)
    .execute();

  for (const step of steps) {
    for (;;) {
      const keys = await remainingKeys(db, step, target, job.id);
      if (keys.length === 0) break;
      let touched = 0;
      for (let start = 0; start < keys.length; start += options.batchSize) {
        touched += await runBatch(db, job, step, target, keys.slice(start, start + options.batchSize), hashOf);
        await options.afterBatch?.();
      }
      // Keys that were there but touched nothing are rows someone else removed meanwhile: nothing more to do.
      if (touched === 0) break;
    }
  }

  await db.transaction().execute(async (trx) => {
    const swept: RecordCounts = {};
    for (const step of steps) {
      const keys = await remainingKeys(trx as AnyDb, step, target, job.id);
      for (let start = 0; start < keys.length; start += options.batchSize) {
        addCounts(swept, await applyStep(trx as AnyDb, step, target, keys.slice(start, start + options.batchSize), hashOf));
      }
    }
    const current = await trx.selectFrom('purge_jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    const counts = JSON.parse(current.counts_json) as RecordCounts;
    addCounts(counts, swept);
    const done = current.done + sumCounts(swept);
    const now = options.now();
    const subject = hashOf(learnerId);
    const actorIsSubject = current.requested_by === learnerId;
    if (erasure) {
      const suppressed = await trx.selectFrom('sync_suppressions').select('subject_hash').where('tenant_id', '=', job.tenant_id).where('subject_hash', '=', subject).executeTakeFirst();
      if (!suppressed) await trx.insertInto('sync_suppressions').values({ tenant_id: job.tenant_id, subject_hash: subject, created_at: now.toISOString() }).execute();
    }
    await recordAudit(trx, {
      tenantId: job.tenant_id,
      actorId: actorIsSubject && erasure ? null : current.requested_by,
      actorHash: actorIsSubject && erasure ? subject : null,
      action: erasure ? 'erasure.completed' : 'purge.completed',
      catalogId: current.catalog_id,
      subjectHash: subject,
      counts,
      at: now,
    });
    await trx
      .updateTable('purge_jobs')
      .set({
        status: options.tracesRemovedLater ? 'running' : 'done',
        learner_id: null,
        requested_by: actorIsSubject && erasure ? null : current.requested_by,
        counts_json: JSON.stringify(counts),
        done,
        total: done,
        error: null,
        finished_at: options.tracesRemovedLater ? null : now.toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
  });
  job = await db.selectFrom('purge_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
  return toPurgeJobView(job);
}

/** Records a failed attempt: the job stays running (and is retried) until it has failed `maxAttempts` times. */
export async function recordPurgeFailure(db: Kysely<TenantDatabase>, jobId: string, error: unknown, maxAttempts: number, now: Date): Promise<void> {
  const job = await db.selectFrom('purge_jobs').select(['attempts']).where('id', '=', jobId).executeTakeFirst();
  if (!job) return;
  // Only the error's class and code: a database error message may quote the values it choked on.
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const what = `${error instanceof Error ? error.name : 'Error'}${code ? ` ${code}` : ''}`.slice(0, 400);
  const failed = job.attempts >= maxAttempts;
  await db
    .updateTable('purge_jobs')
    .set({ error: what, ...(failed ? { status: 'failed', finished_at: now.toISOString() } : {}) })
    .where('id', '=', jobId)
    .execute();
}
