import { z } from 'zod';
import { guidSchema } from './ids';
import { timestampSchema } from './responseFields';

/**
 * The data-subject rights besides purge: export (access and portability), restriction, the privacy notice and
 * consent, erasure requests, retention and tenant offboarding. Request and response schemas, shared by the
 * server (validation, OpenAPI) and the browser client.
 */

const timestamp = timestampSchema;
const optionalNote = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

// ---------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------

/** One kind of record in an export: which table, what it is, why it is kept, and the rows. */
export const exportedKindSchema = z.object({
  kind: z.string().describe('the table the records come from'),
  description: z.string(),
  purpose: z.string().describe('why Atrium keeps this'),
  rows: z.array(z.record(z.unknown())),
});
export type ExportedKind = z.infer<typeof exportedKindSchema>;

export const personalDataExportSchema = z.object({
  format: z.literal('atrium-personal-data-export/1'),
  generatedAt: timestamp,
  tenantId: z.string(),
  learnerId: z.string(),
  about: z.string(),
  totalRecords: z.number().int(),
  kinds: z.array(exportedKindSchema),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

// ---------------------------------------------------------------------------------------------------------
// Restriction
// ---------------------------------------------------------------------------------------------------------

export const learnerParamsSchema = z.object({ learnerId: guidSchema }).strict();

export const restrictionBodySchema = z
  .object({ reason: optionalNote(500).describe('why processing is restricted, e.g. "contested accuracy"') })
  .strict();
export type RestrictionBody = z.infer<typeof restrictionBodySchema>;

export const restrictionViewSchema = z.object({
  learnerId: z.string(),
  restricted: z.boolean(),
  restrictedAt: timestamp.nullable(),
  reason: z.string().nullable(),
});
export type RestrictionView = z.infer<typeof restrictionViewSchema>;

// ---------------------------------------------------------------------------------------------------------
// Privacy notice and consent
// ---------------------------------------------------------------------------------------------------------

export const privacyNoticeBodySchema = z
  .object({ text: z.string().trim().min(1, 'the notice cannot be empty').max(50_000) })
  .strict();
export type PrivacyNoticeBody = z.infer<typeof privacyNoticeBodySchema>;

export const privacyNoticeSchema = z.object({ version: z.number().int(), text: z.string(), publishedAt: timestamp });
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export const currentPrivacyNoticeSchema = z.object({ notice: privacyNoticeSchema.nullable() });

export const noticeAcceptanceBodySchema = z.object({ version: z.number().int().min(1) }).strict();
export type NoticeAcceptanceBody = z.infer<typeof noticeAcceptanceBodySchema>;

export const noticeAcceptanceSchema = z.object({ version: z.number().int(), acceptedAt: timestamp });

export const erasureRequestStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type ErasureRequestStatus = z.infer<typeof erasureRequestStatusSchema>;
export const erasureRequestSourceSchema = z.enum(['learner', 'notice-withdrawn']);
export type ErasureRequestSource = z.infer<typeof erasureRequestSourceSchema>;

export const erasureRequestViewSchema = z.object({
  id: z.string(),
  source: erasureRequestSourceSchema,
  note: z.string().nullable(),
  status: erasureRequestStatusSchema,
  requestedAt: timestamp,
  decidedAt: timestamp.nullable(),
  decisionReason: z.string().nullable(),
  purgeJobId: z.string().nullable(),
});
export type ErasureRequestView = z.infer<typeof erasureRequestViewSchema>;

/** What a learner sees about their privacy: the notice, whether they accepted it, restriction, erasure. */
export const myPrivacySchema = z.object({
  notice: privacyNoticeSchema.nullable(),
  acceptance: noticeAcceptanceSchema.nullable().describe('the latest acceptance not withdrawn'),
  /** True when a notice is published and its current version is not accepted: show it before anything else. */
  mustAccept: z.boolean(),
  restricted: z.boolean(),
  erasureRequest: erasureRequestViewSchema.nullable(),
});
export type MyPrivacy = z.infer<typeof myPrivacySchema>;

export const noticeWithdrawalSchema = z.object({ withdrawnVersions: z.number().int(), erasureRequest: erasureRequestViewSchema });
export type NoticeWithdrawal = z.infer<typeof noticeWithdrawalSchema>;

// ---------------------------------------------------------------------------------------------------------
// Erasure requests
// ---------------------------------------------------------------------------------------------------------

export const erasureRequestBodySchema = z.object({ note: optionalNote(1000).describe('anything the learner wants the admin to know') }).strict();
export type ErasureRequestBody = z.infer<typeof erasureRequestBodySchema>;

export const myErasureRequestSchema = z.object({ request: erasureRequestViewSchema.nullable() });

export const erasureRequestListQuerySchema = z.object({ status: erasureRequestStatusSchema.optional() }).strict();

export const tenantErasureRequestSchema = erasureRequestViewSchema.extend({
  learnerId: z.string(),
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
});
export const tenantErasureRequestListSchema = z.object({ requests: z.array(tenantErasureRequestSchema) });
export type TenantErasureRequestList = z.infer<typeof tenantErasureRequestListSchema>;

export const erasureRequestParamsSchema = z.object({ requestId: guidSchema }).strict();

export const erasureDecisionBodySchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, 'say why the request is rejected').max(1000) }).strict(),
  ])
  .describe('approve (the learner is erased) or reject with a reason the learner sees');
export type ErasureDecisionBody = z.infer<typeof erasureDecisionBodySchema>;

// ---------------------------------------------------------------------------------------------------------
// Retention
// ---------------------------------------------------------------------------------------------------------

const days = z.number().int().min(1).max(36_500).nullable();

export const retentionPolicyBodySchema = z
  .object({
    inactiveDays: days.describe('purge learners with no activity for this many days; null: never'),
    departedDays: days.describe('purge learners gone from Entra ID for this many days; null: never'),
    noticeNotAcceptedDays: days.describe('purge learners who have not accepted the privacy notice within this many days; null: never'),
    dryRunFirst: z.boolean().describe('the daily job only reports who would go; an admin starts the purge'),
  })
  .strict();
export type RetentionPolicyBody = z.infer<typeof retentionPolicyBodySchema>;

export const retentionPolicySchema = retentionPolicyBodySchema.extend({ updatedAt: timestamp.nullable() });
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const retentionCriterionSchema = z.enum(['inactive', 'departed', 'notice-not-accepted']);
export type RetentionCriterion = z.infer<typeof retentionCriterionSchema>;

export const retentionCountsSchema = z.object({ inactive: z.number().int(), departed: z.number().int(), noticeNotAccepted: z.number().int() });
export type RetentionCounts = z.infer<typeof retentionCountsSchema>;

export const retentionPreviewBodySchema = z.object({ sampleSize: z.number().int().min(0).max(100).default(20) }).strict();

export const retentionCandidateSchema = z.object({
  learnerId: z.string(),
  displayName: z.string().nullable(),
  criteria: z.array(retentionCriterionSchema),
  lastActivityAt: timestamp.nullable(),
  departedAt: timestamp.nullable(),
});
export type RetentionCandidate = z.infer<typeof retentionCandidateSchema>;

export const retentionRunSchema = z.object({
  id: z.string(),
  kind: z.enum(['dry-run', 'purge']),
  startedBy: z.enum(['admin', 'schedule']),
  policy: retentionPolicyBodySchema,
  counts: retentionCountsSchema,
  total: z.number().int(),
  purgesRequested: z.number().int(),
  ranAt: timestamp,
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionPreviewSchema = retentionRunSchema.extend({ sample: z.array(retentionCandidateSchema) });
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const retentionRunBodySchema = z
  .object({ expectedTotal: z.number().int().min(1).describe('the total of the preview: refused if the set has changed since') })
  .strict();

export const retentionRunListSchema = z.object({ runs: z.array(retentionRunSchema) });

// ---------------------------------------------------------------------------------------------------------
// Offboarding
// ---------------------------------------------------------------------------------------------------------

export const offboardingBodySchema = z
  .object({ confirmation: z.string().max(256).describe("the organisation's display name in Atrium, typed exactly") })
  .strict();

export const offboardingReceiptSchema = z.object({
  tenantId: z.string(),
  region: z.string(),
  regionName: z.string(),
  databaseName: z.string(),
  deletedAt: timestamp,
  /** Rows per table in the database when it was dropped: counts only. */
  deletedRecords: z.record(z.number().int()),
  statement: z.string(),
});
export type OffboardingReceipt = z.infer<typeof offboardingReceiptSchema>;
