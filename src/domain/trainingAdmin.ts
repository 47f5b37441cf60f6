import { z } from 'zod';
import { dueAtSchema } from './api';
import { guidSchema } from './ids';
import { countSchema, recordIdSchema, timestampSchema } from './responseFields';

/**
 * What Training Admin asks of the API beyond catalogs, courses and reports: finding people and Entra ID groups in
 * the directory, a catalog's managers, a rule's preview and the assignments it made, assigning a course to a group.
 */

// --- the directory: people (the tenant's synced learners) and Entra ID groups (Microsoft Graph) -------------------

/** `?search=`: two characters at least, matched against the start of names (and mail for people). */
export const directorySearchQuerySchema = z
  .object({ search: z.string().trim().min(2, 'type two characters or more').max(100) })
  .strict();

export const directoryPersonSchema = z.object({
  id: recordIdSchema,
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
});
export type DirectoryPerson = z.infer<typeof directoryPersonSchema>;
export const directoryPeopleSchema = z
  .object({ people: z.array(directoryPersonSchema).max(25) })
  .describe('Current people of the directory (not departed, not restricted) whose name or mail starts with the search, at most 25');

export const directoryGroupSchema = z.object({
  id: recordIdSchema,
  displayName: z.string().nullable(),
  description: z.string().nullable(),
});
export type DirectoryGroup = z.infer<typeof directoryGroupSchema>;
export const directoryGroupsSchema = z
  .object({ groups: z.array(directoryGroupSchema).max(25) })
  .describe("Entra ID groups whose display name starts with the search, at most 25, read from Microsoft Graph");

// --- a catalog's managers ------------------------------------------------------------------------------------

export const catalogManagerSchema = z.object({
  id: recordIdSchema,
  displayName: z.string().nullable(),
  mail: z.string().nullable(),
  department: z.string().nullable(),
});
export type CatalogManager = z.infer<typeof catalogManagerSchema>;
export const catalogManagersSchema = z.object({ managers: z.array(catalogManagerSchema) }).describe("The catalog's managers, by display name");

// --- assignment rules: preview before saving, assignments after ----------------------------------------------

export const rulePreviewPersonSchema = z.object({
  id: recordIdSchema,
  displayName: z.string().nullable(),
  department: z.string().nullable(),
  jobTitle: z.string().nullable(),
  officeLocation: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
});
export type RulePreviewPerson = z.infer<typeof rulePreviewPersonSchema>;

export const rulePreviewSchema = z
  .object({
    matching: countSchema.describe('current people (not departed, not restricted) the rule matches now'),
    alreadyEnrolled: countSchema.describe('of them, people already enrolled in the course: saving assigns the others'),
    sample: z.array(rulePreviewPersonSchema).max(10).describe('up to 10 of the matching people, by display name'),
  })
  .describe('Who a rule would assign if it were saved now; nothing is written');
export type RulePreview = z.infer<typeof rulePreviewSchema>;

export const RULE_ASSIGNMENT_STATUSES = ['not-started', 'in-progress', 'completed', 'overdue'] as const;

export const ruleAssignmentSchema = z.object({
  enrolmentId: recordIdSchema,
  learnerId: recordIdSchema,
  displayName: z.string().nullable(),
  department: z.string().nullable(),
  status: z.enum(RULE_ASSIGNMENT_STATUSES),
  dueAt: timestampSchema.nullable(),
  assignedAt: timestampSchema,
  unmatchedAt: timestampSchema.nullable().describe('when the person stopped matching the rule (their records stay)'),
});
export type RuleAssignment = z.infer<typeof ruleAssignmentSchema>;

export const ruleAssignmentPageSchema = z
  .object({ assignments: z.array(ruleAssignmentSchema), total: countSchema, nextCursor: z.string().nullable() })
  .describe('The enrolments a rule made, 100 a page by display name; `total` counts them all');
export type RuleAssignmentPage = z.infer<typeof ruleAssignmentPageSchema>;

/** The cursor carries the last row's display name (up to 256 characters), hence room for a few KB. */
export const ruleAssignmentQuerySchema = z
  .object({ cursor: z.string().max(4096).optional().describe('opaque: the nextCursor of the previous page') })
  .strict();

// --- assigning a course to an Entra ID group -------------------------------------------------------------------

export const groupAssignmentBodySchema = z.object({ groupId: guidSchema, dueAt: dueAtSchema }).strict();
export type GroupAssignmentBody = z.infer<typeof groupAssignmentBodySchema>;

export const groupAssignmentResultSchema = z
  .object({
    assigned: countSchema.describe('members enrolled with this due date (as assigning them one by one would: new or updated)'),
    skipped: countSchema.describe('members Atrium does not know (not synced yet), departed or restricted'),
  })
  .describe("What assigning the course to the group's members (nested groups included) did");
export type GroupAssignmentResult = z.infer<typeof groupAssignmentResultSchema>;
