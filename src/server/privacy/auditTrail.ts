import { sql, type Kysely, type Transaction } from 'kysely';
import type { AnyKysely } from '../store/engine';
import type { AuditEventsTable, TenantDatabase } from '../store/tenantSchema';
import { decodeCursor, encodeCursor } from './keysetCursor';

type Db = Kysely<TenantDatabase> | Transaction<TenantDatabase>;

/** Counts by kind of record, e.g. `{ enrolments: 3, lessonProgress: 12 }`. */
export type RecordCounts = Record<string, number>;

export interface AuditEntry {
  tenantId: string;
  /** Who acted: their object id (the service itself: null). */
  actorId: string | null;
  /** The actor as a keyed hash instead, when the actor is the person being erased. */
  actorHash?: string | null;
  /** e.g. `purge.requested`, `purge.completed`, `erasure.completed`. */
  action: string;
  catalogId?: string | null;
  /** The person acted upon, as a keyed hash (subjectHash), never their id. */
  subjectHash?: string | null;
  counts?: RecordCounts | null;
  at: Date;
}

export interface AuditEventView {
  id: string;
  at: string;
  /** The actor's object id, or null when the service acted or the actor has since been erased (then `actorHash`). */
  actorId: string | null;
  actorHash: string | null;
  action: string;
  catalogId: string | null;
  subjectHash: string | null;
  counts: RecordCounts | null;
}

export interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}

/** Appends to the audit trail, inside the caller's transaction when given one. Holds no personal data. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('audit_events')
    .values({
      id,
      tenant_id: entry.tenantId,
      at: entry.at.toISOString(),
      actor_id: entry.actorId,
      actor_hash: entry.actorHash ?? null,
      action: entry.action,
      catalog_id: entry.catalogId ?? null,
      subject_hash: entry.subjectHash ?? null,
      counts_json: entry.counts ? JSON.stringify(entry.counts) : null,
    })
    .execute();
  return id;
}

function toView(row: AuditEventsTable): AuditEventView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorHash: row.actor_hash,
    action: row.action,
    catalogId: row.catalog_id,
    subjectHash: row.subject_hash,
    counts: row.counts_json ? (JSON.parse(row.counts_json) as RecordCounts) : null,
  };
}

/** The audit trail, newest first, keyset-paged; optionally only the events about one subject (by keyed hash). */
export async function listAudit(
  db: Db,
  cursor: { tenantId: string; cursor?: string | null; subjectHash?: string | null; limit?: number },
): Promise<AuditPage> {
  const limit = cursor.limit ?? 50;
  let query = db.selectFrom('audit_events').selectAll().where('tenant_id', '=', cursor.tenantId);
  if (cursor.subjectHash) query = query.where('subject_hash', '=', cursor.subjectHash);
  const after = cursor.cursor ? decodeCursor(cursor.cursor, ['at', 'id']) : null;
  if (after) {
    const [at, id] = after;
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  // row_number() rather than LIMIT/TOP: the one paging form SQLite and SQL Server share.
  const numbered = query.select(sql<number>`row_number() over (order by ${sql.ref('at')} desc, ${sql.ref('id')} desc)`.as('row_number'));
  const rows = await (db as unknown as AnyKysely)
    .selectFrom(numbered.as('page'))
    .selectAll()
    .where('page.row_number', '<=', limit + 1)
    .orderBy('page.row_number')
    .execute() as Array<AuditEventsTable & { row_number: number }>;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { events: page.map(toView), nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null };
}
