import type { Kysely, SelectQueryBuilder } from 'kysely';
import type {
  RetentionCandidate,
  RetentionCounts,
  RetentionCriterion,
  RetentionPolicy,
  RetentionPolicyBody,
  RetentionPreview,
  RetentionRun,
} from '../../domain/dataRights';
import { conflict } from '../../domain/errors';
import type { LearnersTable, RetentionRunsTable, TenantDatabase } from '../store/tenantSchema';
import { newId, type UseCaseContext } from '../training/useCaseContext';
import { recordAudit } from './auditTrail';
import { requireTenantAdmin } from './dataSubjects';
import { requestPurge, UNFINISHED } from './purgeJobs';

const DAY_MS = 86_400_000;

/** The actor recorded for purges the daily retention job requests: no person, the service itself. */
export const RETENTION_SERVICE_ACTOR = '00000000-0000-0000-0000-000000000000';

const NO_POLICY: RetentionPolicy = { inactiveDays: null, departedDays: null, noticeNotAcceptedDays: null, dryRunFirst: true, updatedAt: null };

export async function loadRetentionPolicy(db: Kysely<TenantDatabase>, tenantId: string): Promise<RetentionPolicy> {
  const row = await db.selectFrom('retention_policies').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return NO_POLICY;
  return {
    inactiveDays: row.inactive_days,
    departedDays: row.departed_days,
    noticeNotAcceptedDays: row.notice_not_accepted_days,
    dryRunFirst: row.dry_run_first === 1,
    updatedAt: row.updated_at,
  };
}

export async function getRetentionPolicy(ctx: UseCaseContext): Promise<RetentionPolicy> {
  requireTenantAdmin(ctx.principal, 'see the retention policy');
  return loadRetentionPolicy(ctx.db, ctx.principal.tenantId);
}

export async function setRetentionPolicy(ctx: UseCaseContext, body: RetentionPolicyBody): Promise<RetentionPolicy> {
  requireTenantAdmin(ctx.principal, 'set the retention policy');
  const tenantId = ctx.principal.tenantId;
  const values = {
    inactive_days: body.inactiveDays,
    departed_days: body.departedDays,
    notice_not_accepted_days: body.noticeNotAcceptedDays,
    dry_run_first: body.dryRunFirst ? 1 : 0,
    updated_at: ctx.now.toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('retention_policies').set(values).where('tenant_id', '=', tenantId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('retention_policies').values({ tenant_id: tenantId, ...values }).execute();
    await recordAudit(trx, { tenantId, actorId: ctx.principal.userId, action: 'retention.policy-set', at: ctx.now });
  });
  return loadRetentionPolicy(ctx.db, tenantId);
}

/**
 * Who the policy would purge now, by criterion. Left out: people whose processing is restricted, and people
 * whose erasure is already under way. Activity is anything the person did in Atrium: enrolling, starting or
 * finishing a course, a lesson, a quiz attempt, accepting the notice; or their first sign-in.
 */
export async function retentionCandidates(db: Kysely<TenantDatabase>, tenantId: string, policy: RetentionPolicyBody, now: Date): Promise<Map<string, RetentionCriterion[]>> {
  const cutoff = (days: number): string => new Date(now.getTime() - days * DAY_MS).toISOString();
  const candidates = new Map<string, RetentionCriterion[]>();
  const add = (ids: string[], criterion: RetentionCriterion): void => {
    for (const id of ids) candidates.set(id, [...(candidates.get(id) ?? []), criterion]);
  };
  const learners = (): SelectQueryBuilder<TenantDatabase & { l: LearnersTable }, 'l', { learner_id: string }> =>
    db
      .selectFrom('learners as l')
      .select('l.learner_id')
      .where('l.tenant_id', '=', tenantId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('learner_restrictions as r').select('r.learner_id').whereRef('r.tenant_id', '=', 'l.tenant_id').whereRef('r.learner_id', '=', 'l.learner_id'))),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('purge_jobs as p')
              .select('p.id')
              .whereRef('p.tenant_id', '=', 'l.tenant_id')
              .whereRef('p.learner_id', '=', 'l.learner_id')
              .where('p.scope', '=', 'erasure')
              .where('p.status', 'in', [...UNFINISHED]),
          ),
        ),
      );
  const ids = (rows: Array<{ learner_id: string }>): string[] => rows.map((r) => r.learner_id);

  if (policy.departedDays !== null) {
    add(ids(await learners().where('l.departed_at', 'is not', null).where('l.departed_at', '<=', cutoff(policy.departedDays)).execute()), 'departed');
  }
  if (policy.inactiveDays !== null) {
    const since = cutoff(policy.inactiveDays);
    const rows = await learners()
      .where('l.created_at', '<=', since)
      .where(({ not, exists, selectFrom, or }) =>
        not(
          or([
            exists(
              selectFrom('enrolments as e')
                .select('e.id')
                .whereRef('e.tenant_id', '=', 'l.tenant_id')
                .whereRef('e.learner_id', '=', 'l.learner_id')
                .where((x) => x.or([x('e.enrolled_at', '>', since), x('e.started_at', '>', since), x('e.completed_at', '>', since)])),
            ),
            exists(selectFrom('lesson_progress as lp').select('lp.lesson_id').whereRef('lp.tenant_id', '=', 'l.tenant_id').whereRef('lp.learner_id', '=', 'l.learner_id').where('lp.completed_at', '>', since)),
            exists(selectFrom('quiz_attempts as q').select('q.id').whereRef('q.tenant_id', '=', 'l.tenant_id').whereRef('q.learner_id', '=', 'l.learner_id').where('q.submitted_at', '>', since)),
            exists(
              selectFrom('privacy_notice_acceptances as a').select('a.version').whereRef('a.tenant_id', '=', 'l.tenant_id').whereRef('a.learner_id', '=', 'l.learner_id').where('a.accepted_at', '>', since),
            ),
          ]),
        ),
      )
      .execute();
    add(ids(rows), 'inactive');
  }
  if (policy.noticeNotAcceptedDays !== null) {
    const since = cutoff(policy.noticeNotAcceptedDays);
    const first = await db.selectFrom('privacy_notices').select((eb) => eb.fn.min('published_at').as('published_at')).where('tenant_id', '=', tenantId).executeTakeFirst();
    // The clock starts when there is a notice to accept, or when the person arrived, whichever is later.
    if (first?.published_at && first.published_at <= since) {
      const rows = await learners()
        .where('l.created_at', '<=', since)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('privacy_notice_acceptances as a')
                .select('a.version')
                .whereRef('a.tenant_id', '=', 'l.tenant_id')
                .whereRef('a.learner_id', '=', 'l.learner_id')
                .where('a.withdrawn_at', 'is', null),
            ),
          ),
        )
        .execute();
      add(ids(rows), 'notice-not-accepted');
    }
  }
  return candidates;
}

function countsOf(candidates: Map<string, RetentionCriterion[]>): RetentionCounts {
  const counts: RetentionCounts = { inactive: 0, departed: 0, noticeNotAccepted: 0 };
  for (const criteria of candidates.values()) {
    if (criteria.includes('inactive')) counts.inactive += 1;
    if (criteria.includes('departed')) counts.departed += 1;
    if (criteria.includes('notice-not-accepted')) counts.noticeNotAccepted += 1;
  }
  return counts;
}

function policyBody(policy: RetentionPolicy): RetentionPolicyBody {
  return { inactiveDays: policy.inactiveDays, departedDays: policy.departedDays, noticeNotAcceptedDays: policy.noticeNotAcceptedDays, dryRunFirst: policy.dryRunFirst };
}

function hasCriteria(policy: RetentionPolicyBody): boolean {
  return policy.inactiveDays !== null || policy.departedDays !== null || policy.noticeNotAcceptedDays !== null;
}

function toRunView(row: RetentionRunsTable): RetentionRun {
  return {
    id: row.id,
    kind: row.kind as RetentionRun['kind'],
    startedBy: row.started_by as RetentionRun['startedBy'],
    policy: JSON.parse(row.policy_json) as RetentionPolicyBody,
    counts: JSON.parse(row.counts_json) as RetentionCounts,
    total: row.total,
    purgesRequested: row.purges_requested,
    ranAt: row.ran_at,
  };
}

async function recordRun(
  db: Kysely<TenantDatabase>,
  run: { tenantId: string; actorId: string | null; kind: RetentionRun['kind']; startedBy: RetentionRun['startedBy']; policy: RetentionPolicyBody; counts: RetentionCounts; total: number; purgesRequested: number; now: Date },
): Promise<RetentionRun> {
  const row: RetentionRunsTable = {
    id: newId(),
    tenant_id: run.tenantId,
    kind: run.kind,
    started_by: run.startedBy,
    policy_json: JSON.stringify(run.policy),
    counts_json: JSON.stringify(run.counts),
    total: run.total,
    purges_requested: run.purgesRequested,
    ran_at: run.now.toISOString(),
  };
  await db.insertInto('retention_runs').values(row).execute();
  await recordAudit(db, {
    tenantId: run.tenantId,
    actorId: run.actorId,
    action: run.kind === 'dry-run' ? 'retention.dry-run' : 'retention.purge',
    counts: { ...run.counts, total: run.total, purgesRequested: run.purgesRequested },
    at: run.now,
  });
  return toRunView(row);
}

async function sampleOf(db: Kysely<TenantDatabase>, tenantId: string, candidates: Map<string, RetentionCriterion[]>, size: number): Promise<RetentionCandidate[]> {
  const ids = [...candidates.keys()].sort().slice(0, size);
  if (ids.length === 0) return [];
  const people = await db.selectFrom('learners').select(['learner_id', 'display_name', 'departed_at', 'created_at']).where('tenant_id', '=', tenantId).where('learner_id', 'in', ids).execute();
  const latest = new Map<string, string>(people.map((p) => [p.learner_id, p.created_at]));
  const bump = (id: string, at: string | null): void => {
    if (at && at > (latest.get(id) ?? '')) latest.set(id, at);
  };
  for (const e of await db.selectFrom('enrolments').select(['learner_id', 'enrolled_at', 'started_at', 'completed_at']).where('tenant_id', '=', tenantId).where('learner_id', 'in', ids).execute()) {
    bump(e.learner_id, e.enrolled_at);
    bump(e.learner_id, e.started_at);
    bump(e.learner_id, e.completed_at);
  }
  for (const p of await db.selectFrom('lesson_progress').select(['learner_id', 'completed_at']).where('tenant_id', '=', tenantId).where('learner_id', 'in', ids).execute()) bump(p.learner_id, p.completed_at);
  for (const q of await db.selectFrom('quiz_attempts').select(['learner_id', 'submitted_at']).where('tenant_id', '=', tenantId).where('learner_id', 'in', ids).execute()) bump(q.learner_id, q.submitted_at);
  return people
    .map((p) => ({ learnerId: p.learner_id, displayName: p.display_name, criteria: candidates.get(p.learner_id) ?? [], lastActivityAt: latest.get(p.learner_id) ?? null, departedAt: p.departed_at }))
    .sort((a, b) => a.learnerId.localeCompare(b.learnerId));
}

/** Who the policy would purge now: counts and a sample. Recorded as a dry-run report. */
export async function previewRetention(ctx: UseCaseContext, sampleSize: number): Promise<RetentionPreview> {
  requireTenantAdmin(ctx.principal, 'preview a retention run');
  const tenantId = ctx.principal.tenantId;
  const policy = policyBody(await loadRetentionPolicy(ctx.db, tenantId));
  const candidates = await retentionCandidates(ctx.db, tenantId, policy, ctx.now);
  const run = await recordRun(ctx.db, { tenantId, actorId: ctx.principal.userId, kind: 'dry-run', startedBy: 'admin', policy, counts: countsOf(candidates), total: candidates.size, purgesRequested: 0, now: ctx.now });
  return { ...run, sample: await sampleOf(ctx.db, tenantId, candidates, sampleSize) };
}

/** Requests one erasure per person the policy selects (reason 'retention'); the purge runner carries them out. */
async function purgeCandidates(
  db: Kysely<TenantDatabase>,
  input: { tenantId: string; actorId: string; startedBy: RetentionRun['startedBy']; policy: RetentionPolicyBody; candidates: Map<string, RetentionCriterion[]>; now: Date },
): Promise<RetentionRun> {
  let requested = 0;
  for (const learnerId of input.candidates.keys()) {
    await requestPurge(db, { tenantId: input.tenantId, actorId: input.actorId, learnerId, scope: { kind: 'erasure' }, reason: 'retention', now: input.now });
    requested += 1;
  }
  return recordRun(db, {
    tenantId: input.tenantId,
    actorId: input.startedBy === 'admin' ? input.actorId : null,
    kind: 'purge',
    startedBy: input.startedBy,
    policy: input.policy,
    counts: countsOf(input.candidates),
    total: input.candidates.size,
    purgesRequested: requested,
    now: input.now,
  });
}

/** A tenant admin's mass purge by the policy; refused if the set is not the one the admin saw in the preview. */
export async function runRetention(ctx: UseCaseContext, expectedTotal: number): Promise<RetentionRun> {
  requireTenantAdmin(ctx.principal, 'purge learners by the retention policy');
  const tenantId = ctx.principal.tenantId;
  const policy = policyBody(await loadRetentionPolicy(ctx.db, tenantId));
  if (!hasCriteria(policy)) throw conflict('the retention policy selects no one: set at least one of inactiveDays, departedDays, noticeNotAcceptedDays');
  const candidates = await retentionCandidates(ctx.db, tenantId, policy, ctx.now);
  if (candidates.size !== expectedTotal) {
    throw conflict(`the policy now selects ${candidates.size} learners, not ${expectedTotal}: preview again and confirm the new total`);
  }
  return purgeCandidates(ctx.db, { tenantId, actorId: ctx.principal.userId, startedBy: 'admin', policy, candidates, now: ctx.now });
}

export async function listRetentionRuns(ctx: UseCaseContext): Promise<{ runs: RetentionRun[] }> {
  requireTenantAdmin(ctx.principal, 'see retention runs');
  // At most one scheduled run a day, plus the admin's: a year of them is a few hundred rows.
  const since = new Date(ctx.now.getTime() - 366 * DAY_MS).toISOString();
  const rows = await ctx.db
    .selectFrom('retention_runs')
    .selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('ran_at', '>', since)
    .orderBy('ran_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { runs: rows.map(toRunView) };
}

/**
 * The daily job for one tenant: nothing without a policy; a dry-run report when the policy asks for one first
 * (an admin then starts the purge); else the purge. At most one scheduled run a day, whatever the instance count.
 */
export async function applyRetentionPolicy(db: Kysely<TenantDatabase>, tenantId: string, now: Date): Promise<RetentionRun | null> {
  const policy = policyBody(await loadRetentionPolicy(db, tenantId));
  if (!hasCriteria(policy)) return null;
  const recent = await db
    .selectFrom('retention_runs')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('started_by', '=', 'schedule')
    .where('ran_at', '>', new Date(now.getTime() - 20 * 3_600_000).toISOString())
    .executeTakeFirst();
  if (recent) return null;
  const candidates = await retentionCandidates(db, tenantId, policy, now);
  if (policy.dryRunFirst) {
    return recordRun(db, { tenantId, actorId: null, kind: 'dry-run', startedBy: 'schedule', policy, counts: countsOf(candidates), total: candidates.size, purgesRequested: 0, now });
  }
  return purgeCandidates(db, { tenantId, actorId: RETENTION_SERVICE_ACTOR, startedBy: 'schedule', policy, candidates, now });
}
