import type { Kysely, Transaction } from 'kysely';
import type {
  ErasureDecisionBody,
  ErasureRequestSource,
  ErasureRequestStatus,
  ErasureRequestView,
  TenantErasureRequestList,
} from '../../domain/dataRights';
import { conflict, notFound } from '../../domain/errors';
import type { ErasureRequestsTable, TenantDatabase } from '../store/tenantSchema';
import { newId, type UseCaseContext } from '../training/useCaseContext';
import { recordAudit } from './auditTrail';
import { requireTenantAdmin } from './dataSubjects';
import { requestPurge } from './purgeJobs';
import { subjectHash } from './subjectHash';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

function toView(row: ErasureRequestsTable): ErasureRequestView {
  return {
    id: row.id,
    source: row.source as ErasureRequestSource,
    note: row.note,
    status: row.status as ErasureRequestStatus,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    decisionReason: row.decision_reason,
    purgeJobId: row.purge_job_id,
  };
}

export async function latestErasureRequest(db: Db, tenantId: string, learnerId: string): Promise<ErasureRequestView | null> {
  // A person has a handful of requests at most: read them all, newest first.
  const rows = await db
    .selectFrom('erasure_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows[0] ? toView(rows[0]) : null;
}

/**
 * The caller asks to be forgotten (or withdrew their acceptance of the notice). A pending request is not
 * duplicated: the existing one is returned. Runs in the caller's transaction when given one.
 */
export async function openErasureRequest(
  ctx: UseCaseContext,
  input: { source: ErasureRequestSource; note: string | null },
): Promise<{ request: ErasureRequestView; created: boolean }> {
  const { tenantId, userId } = ctx.principal;
  const pending = await ctx.db
    .selectFrom('erasure_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) return { request: toView(pending), created: false };
  const row: ErasureRequestsTable = {
    id: newId(),
    tenant_id: tenantId,
    learner_id: userId,
    source: input.source,
    note: input.note,
    status: 'pending',
    requested_at: ctx.now.toISOString(),
    decided_at: null,
    decision_reason: null,
    purge_job_id: null,
  };
  await ctx.db.insertInto('erasure_requests').values(row).execute();
  await recordAudit(ctx.db, { tenantId, actorId: userId, action: `erasure-request.opened.${input.source}`, subjectHash: await subjectHash(ctx.db, tenantId, userId), at: ctx.now });
  return { request: toView(row), created: true };
}

export async function listErasureRequests(ctx: UseCaseContext, status: ErasureRequestStatus | undefined): Promise<TenantErasureRequestList> {
  requireTenantAdmin(ctx.principal, 'see erasure requests');
  let query = ctx.db
    .selectFrom('erasure_requests as r')
    .leftJoin('learners as l', (j) => j.onRef('l.tenant_id', '=', 'r.tenant_id').onRef('l.learner_id', '=', 'r.learner_id'))
    .selectAll('r')
    .select(['l.display_name', 'l.mail'])
    .where('r.tenant_id', '=', ctx.principal.tenantId);
  if (status) query = query.where('r.status', '=', status);
  const rows = await query.orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').execute();
  return { requests: rows.map((r) => ({ ...toView(r), learnerId: r.learner_id, displayName: r.display_name, mail: r.mail })) };
}

/**
 * A tenant admin approves (the person is erased by a purge job, reason 'erasure-request', or 'notice-withdrawn'
 * when withdrawing consent started it) or rejects with a reason the learner sees. Audited by keyed hash only.
 */
export async function decideErasureRequest(ctx: UseCaseContext, requestId: string, body: ErasureDecisionBody): Promise<ErasureRequestView> {
  const tenantId = ctx.principal.tenantId;
  const request = await ctx.db.selectFrom('erasure_requests').selectAll().where('tenant_id', '=', tenantId).where('id', '=', requestId).executeTakeFirst();
  if (!request) throw notFound('erasure request');
  requireTenantAdmin(ctx.principal, 'decide erasure requests');
  if (request.status !== 'pending') throw conflict(`this request was already ${request.status} on ${request.decided_at ?? 'an earlier date'}`);
  const at = ctx.now.toISOString();
  const hash = await subjectHash(ctx.db, tenantId, request.learner_id);
  const claimed = await ctx.db
    .updateTable('erasure_requests')
    .set({ status: body.decision === 'approve' ? 'approved' : 'rejected', decided_at: at, decision_reason: body.decision === 'reject' ? body.reason : null })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict('another admin decided this request at the same moment');

  if (body.decision === 'reject') {
    await recordAudit(ctx.db, { tenantId, actorId: ctx.principal.userId, action: 'erasure-request.rejected', subjectHash: hash, at: ctx.now });
    return toView({ ...request, status: 'rejected', decided_at: at, decision_reason: body.reason });
  }
  let purgeJobId: string;
  try {
    const job = await requestPurge(ctx.db, {
      tenantId,
      actorId: ctx.principal.userId,
      learnerId: request.learner_id,
      scope: { kind: 'erasure' },
      reason: request.source === 'notice-withdrawn' ? 'notice-withdrawn' : 'erasure-request',
      now: ctx.now,
    });
    purgeJobId = job.id;
  } catch (error) {
    // Nothing was started: the request is pending again, to be decided once more.
    await ctx.db.updateTable('erasure_requests').set({ status: 'pending', decided_at: null }).where('tenant_id', '=', tenantId).where('id', '=', requestId).execute();
    throw error;
  }
  await ctx.db.updateTable('erasure_requests').set({ purge_job_id: purgeJobId }).where('tenant_id', '=', tenantId).where('id', '=', requestId).execute();
  await recordAudit(ctx.db, { tenantId, actorId: ctx.principal.userId, action: 'erasure-request.approved', subjectHash: hash, at: ctx.now });
  return toView({ ...request, status: 'approved', decided_at: at, purge_job_id: purgeJobId });
}
