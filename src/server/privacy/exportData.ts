import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import type { ExportedKind, PersonalDataExport } from '../../domain/dataRights';
import { csvCell } from '../../domain/reports';
import type { TenantDatabase } from '../store/tenantSchema';
import type { UseCaseContext } from '../training/useCaseContext';
import { recordAudit } from './auditTrail';
import { knownLearner, requireTenantAdmin } from './dataSubjects';
import { registeredTables } from './personalDataRegistry';
import { subjectHash } from './subjectHash';

const ABOUT =
  'Everything Atrium stores about you in your organisation\'s database, one entry per kind of record: what it is, ' +
  'why it is kept, and every row. Your identity comes from Microsoft Entra ID (your organisation\'s directory); ' +
  'your training records come from what you and your training managers did in Atrium. The audit trail refers to you ' +
  'only by a keyed hash, so it holds nothing about you to export.';

/** Why each kind of record is kept, in the words an export shows; a kind not listed gets the general reason. */
const WHY_KEPT: Record<string, string> = {
  profile: 'to know who you are in your organisation and which mandatory training applies to you (from Microsoft Entra ID)',
  enrolments: 'to show your training, its due dates and progress, to you, your line manager and the catalog managers',
  planEnrolments: 'to show your progress through training plans',
  lessonProgress: 'to resume a course where you left it and to know when it is complete',
  quizAttempts: 'to score quizzes and record whether you passed',
  certificates: 'to let you download a certificate and anyone verify it',
  ruleAssignments: 'to know which mandatory-training rule assigned a course to you, and when you stopped matching it',
  catalogManager: 'to let you manage the catalogs you were made a manager of',
  groupMemberships: 'to show you the catalogs published to your groups',
  restriction: 'to keep your records out of assignments, reports and retention while processing is restricted',
  privacyNoticeAcceptances: 'to prove which privacy notice you accepted, and when',
  erasureRequests: 'to handle your request to be forgotten and tell you the decision',
};
const GENERAL_REASON = 'to provide the training service of your organisation; kept until you are erased or the organisation leaves Atrium';

interface KindToExport extends ExportedKind {
  columns: readonly string[];
}

/**
 * Reads every row about one person, table by table, as the personal-data registry declares them: a table added
 * to the registry is exported without a change here.
 */
async function collect(db: Kysely<TenantDatabase>, tenantId: string, learnerId: string): Promise<KindToExport[]> {
  const kinds: KindToExport[] = [];
  // Tables and columns come from the registry, so the query is built by name.
  const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const { table, registration } of registeredTables()) {
    if (!registration.subject || registration.export.kind !== 'rows') continue;
    const columns = registration.export.columns;
    const rows = await anyDb
      .selectFrom(table)
      .select([...columns])
      .where('tenant_id', '=', tenantId)
      .where(registration.subject, '=', learnerId)
      .orderBy(columns[0])
      .execute();
    const kind = registration.kind ?? table;
    kinds.push({ kind, description: registration.purpose, purpose: WHY_KEPT[kind] ?? GENERAL_REASON, columns, rows });
  }
  return kinds;
}

export interface BuiltExport {
  data: PersonalDataExport;
  /** The columns of each kind, in the registry's order: the CSV header. */
  columns: Map<string, readonly string[]>;
}

/** `auditAs`: the audit action, or null when the export is not audited. */
async function buildExport(ctx: UseCaseContext, learnerId: string, auditAs: string | null): Promise<BuiltExport> {
  const tenantId = ctx.principal.tenantId;
  const kinds = await collect(ctx.db, tenantId, learnerId);
  const counts = Object.fromEntries(kinds.map((k) => [k.kind, k.rows.length]));
  if (auditAs) await recordAudit(ctx.db, { tenantId, actorId: ctx.principal.userId, action: auditAs, subjectHash: await subjectHash(ctx.db, tenantId, learnerId), counts, at: ctx.now });
  return {
    data: {
      format: 'atrium-personal-data-export/1',
      generatedAt: ctx.now.toISOString(),
      tenantId,
      learnerId,
      about: ABOUT,
      totalRecords: kinds.reduce((sum, k) => sum + k.rows.length, 0),
      kinds: kinds.map(({ columns: _columns, ...kind }) => kind),
    },
    columns: new Map(kinds.map((k) => [k.kind, k.columns])),
  };
}

/**
 * The caller's own data (right of access). Not audited: a person reading their own records is no event about
 * them for anyone else, and "My data & privacy" reads it on every visit.
 */
export async function exportMyData(ctx: UseCaseContext): Promise<BuiltExport> {
  return buildExport(ctx, ctx.principal.userId, null);
}

/** A tenant admin answering a person's request for their data. */
export async function exportLearnerData(ctx: UseCaseContext, learnerId: string): Promise<BuiltExport> {
  await knownLearner(ctx, learnerId);
  requireTenantAdmin(ctx.principal, "export another person's data");
  return buildExport(ctx, learnerId, 'data-export.admin');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

/** RFC 4180 CSV, CRLF line ends, a UTF-8 byte-order mark for Excel, and cells a spreadsheet would run as formulas neutralised. */
export function kindCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(cellText(row[c]))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The export as a zip archive, streamed: `export.json` (everything), and per kind of record a JSON and a CSV file. */
export function exportZip(data: PersonalDataExport, columns: Map<string, readonly string[]>): NodeJS.ReadableStream {
  const zip = new ZipFile();
  const mtime = new Date(data.generatedAt);
  zip.addBuffer(Buffer.from(`${data.about}\r\n\r\nGenerated ${data.generatedAt}. ${data.totalRecords} records.\r\n`, 'utf8'), 'README.txt', { mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), 'export.json', { mtime });
  for (const kind of data.kinds) {
    const { rows, ...about } = kind;
    zip.addBuffer(Buffer.from(JSON.stringify({ ...about, rows }, null, 2), 'utf8'), `${kind.kind}.json`, { mtime });
    zip.addBuffer(Buffer.from(kindCsv(columns.get(kind.kind) ?? [], rows), 'utf8'), `${kind.kind}.csv`, { mtime });
  }
  zip.end();
  return zip.outputStream;
}
