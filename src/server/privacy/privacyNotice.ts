import type { Kysely, Transaction } from 'kysely';
import type { MyPrivacy, NoticeAcceptanceBody, NoticeWithdrawal, PrivacyNotice, PrivacyNoticeBody } from '../../domain/dataRights';
import { conflict } from '../../domain/errors';
import type { TenantDatabase } from '../store/tenantSchema';
import type { UseCaseContext } from '../training/useCaseContext';
import { recordAudit } from './auditTrail';
import { requireTenantAdmin } from './dataSubjects';
import { latestErasureRequest, openErasureRequest } from './erasureRequests';
import { restrictionOf } from './restriction';
import { subjectHash } from './subjectHash';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/** The current (newest) version of the organisation's privacy notice, if one is published. */
export async function currentNotice(db: Db, tenantId: string): Promise<PrivacyNotice | null> {
  const row = await db
    .selectFrom('privacy_notices')
    .select(['version', 'notice_text', 'published_at'])
    .where('tenant_id', '=', tenantId)
    .where('version', '=', (eb) => eb.selectFrom('privacy_notices').select((x) => x.fn.max('version').as('v')).where('tenant_id', '=', tenantId))
    .executeTakeFirst();
  return row ? { version: row.version, text: row.notice_text, publishedAt: row.published_at } : null;
}

/** Publishes a new version; earlier versions and their acceptances stay on record. */
export async function publishNotice(ctx: UseCaseContext, body: PrivacyNoticeBody): Promise<PrivacyNotice> {
  requireTenantAdmin(ctx.principal, 'write the privacy notice');
  const tenantId = ctx.principal.tenantId;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentNotice(trx, tenantId);
    const notice: PrivacyNotice = { version: (current?.version ?? 0) + 1, text: body.text, publishedAt: ctx.now.toISOString() };
    await trx.insertInto('privacy_notices').values({ tenant_id: tenantId, version: notice.version, notice_text: notice.text, published_at: notice.publishedAt }).execute();
    await recordAudit(trx, { tenantId, actorId: ctx.principal.userId, action: 'privacy-notice.published', counts: { version: notice.version }, at: ctx.now });
    return notice;
  });
}

async function activeAcceptance(db: Db, tenantId: string, learnerId: string): Promise<{ version: number; acceptedAt: string } | null> {
  const rows = await db
    .selectFrom('privacy_notice_acceptances')
    .select(['version', 'accepted_at'])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('withdrawn_at', 'is', null)
    .orderBy('version', 'desc')
    .execute();
  return rows[0] ? { version: rows[0].version, acceptedAt: rows[0].accepted_at } : null;
}

/** Logs the caller's acceptance of a version, which must be the current one (they read what is in force). */
export async function acceptNotice(ctx: UseCaseContext, body: NoticeAcceptanceBody): Promise<{ version: number; acceptedAt: string }> {
  const { tenantId, userId } = ctx.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentNotice(trx, tenantId);
    if (!current) throw conflict('your organisation has not published a privacy notice yet, so there is nothing to accept');
    if (body.version !== current.version) {
      throw conflict(`version ${body.version} is not the privacy notice in force: read version ${current.version} and accept that one`);
    }
    const at = ctx.now.toISOString();
    const existing = await trx
      .selectFrom('privacy_notice_acceptances')
      .select(['accepted_at', 'withdrawn_at'])
      .where('tenant_id', '=', tenantId)
      .where('learner_id', '=', userId)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (existing && existing.withdrawn_at === null) return { version: current.version, acceptedAt: existing.accepted_at };
    if (existing) {
      await trx
        .updateTable('privacy_notice_acceptances')
        .set({ accepted_at: at, withdrawn_at: null })
        .where('tenant_id', '=', tenantId)
        .where('learner_id', '=', userId)
        .where('version', '=', current.version)
        .execute();
    } else {
      await trx.insertInto('privacy_notice_acceptances').values({ tenant_id: tenantId, learner_id: userId, version: current.version, accepted_at: at, withdrawn_at: null }).execute();
    }
    return { version: current.version, acceptedAt: at };
  });
}

/** Withdraws every acceptance of the caller and opens an erasure request, which a tenant admin decides. */
export async function withdrawAcceptance(ctx: UseCaseContext): Promise<NoticeWithdrawal> {
  const { tenantId, userId } = ctx.principal;
  return ctx.db.transaction().execute(async (trx) => {
    const withdrawn = await trx
      .updateTable('privacy_notice_acceptances')
      .set({ withdrawn_at: ctx.now.toISOString() })
      .where('tenant_id', '=', tenantId)
      .where('learner_id', '=', userId)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    const withdrawnVersions = Number(withdrawn.numUpdatedRows);
    if (withdrawnVersions > 0) {
      await recordAudit(trx, { tenantId, actorId: userId, action: 'privacy-notice.withdrawn', subjectHash: await subjectHash(trx, tenantId, userId), at: ctx.now });
    }
    const erasureRequest = await openErasureRequest({ ...ctx, db: trx }, { source: 'notice-withdrawn', note: null });
    return { withdrawnVersions, erasureRequest: erasureRequest.request };
  });
}

export async function myPrivacy(ctx: UseCaseContext): Promise<MyPrivacy> {
  const { tenantId, userId } = ctx.principal;
  const notice = await currentNotice(ctx.db, tenantId);
  const acceptance = await activeAcceptance(ctx.db, tenantId, userId);
  return {
    notice,
    acceptance,
    mustAccept: notice !== null && acceptance?.version !== notice.version,
    restricted: (await restrictionOf(ctx, userId)).restricted,
    erasureRequest: await latestErasureRequest(ctx.db, tenantId, userId),
  };
}
