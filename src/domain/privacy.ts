import { z } from 'zod';
import { guidSchema } from './ids';

/** Request and response schemas of purge, erasure and the audit trail, shared by the server and the browser client. */

const cursorSchema = z.string().trim().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, 'not a cursor this list gave out').describe('opaque: the nextCursor of the previous page');

export const catalogLearnersQuerySchema = z
  .object({
    search: z.string().trim().max(200).optional().describe('part of the name, mail, user principal name or department'),
    cursor: cursorSchema.optional(),
  })
  .strict();
export type CatalogLearnersQuery = z.infer<typeof catalogLearnersQuerySchema>;

export const catalogLearnerSchema = z.object({
  id: guidSchema,
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  department: z.string().nullable(),
  /** Rows that refer to the person in this catalog. */
  records: z.number().int().nonnegative(),
  lastActivityAt: z.string().nullable(),
});
export type CatalogLearner = z.infer<typeof catalogLearnerSchema>;

export const catalogLearnerPageSchema = z.object({
  learners: z.array(catalogLearnerSchema),
  nextCursor: z.string().nullable(),
});
export type CatalogLearnerPage = z.infer<typeof catalogLearnerPageSchema>;

/** Counts by kind of record (`enrolments`, `lessonProgress`, ...: the kinds come from the personal-data registry). */
export const recordCountsSchema = z.record(z.string(), z.number().int().nonnegative());

export const purgePreviewSchema = z.object({
  counts: recordCountsSchema,
  total: z.number().int().nonnegative(),
  confirmation: z.string().describe("what must be typed to confirm: the person's mail, else their user principal name (case and surrounding spaces ignored)"),
});
export type PurgePreview = z.infer<typeof purgePreviewSchema>;

export const purgeBodySchema = z
  .object({
    learnerId: guidSchema,
    confirmation: z.string().max(320).describe('the confirmation of the purge preview, typed'),
  })
  .strict();
export type PurgeBody = z.infer<typeof purgeBodySchema>;

export const erasureBodySchema = z
  .object({ confirmation: z.string().max(320).describe("the person's mail (else user principal name), typed") })
  .strict();
export type ErasureBody = z.infer<typeof erasureBodySchema>;

export const purgeStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

/** A purge's status resource: no personal data. */
export const purgeJobSchema = z.object({
  id: guidSchema,
  status: purgeStatusSchema,
  scope: z.enum(['catalog', 'erasure']),
  catalogId: guidSchema.nullable(),
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).describe('records removed or cleared so far, of those to go'),
  counts: recordCountsSchema.describe('records removed (or pointers cleared) so far, by kind'),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PurgeJob = z.infer<typeof purgeJobSchema>;

export const auditQuerySchema = z
  .object({
    cursor: cursorSchema.optional(),
    subject: guidSchema.optional().describe("only events about this person (object id): hashed on the server, never stored"),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  id: guidSchema,
  at: z.string(),
  actorId: guidSchema.nullable().describe('who acted; null when the service did, or when the actor has since been erased'),
  actorHash: z.string().nullable().describe("the erased actor's keyed hash"),
  action: z.string(),
  catalogId: guidSchema.nullable(),
  subjectHash: z.string().nullable().describe('the person acted upon, as a keyed hash (HMAC-SHA-256 with a key of your organisation)'),
  counts: recordCountsSchema.nullable(),
});

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
