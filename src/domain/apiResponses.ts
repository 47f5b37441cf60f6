import { z } from 'zod';
import { ruleApplicationSchema } from './assignmentRules';
import { ENROLMENT_SOURCES, myTrainingSchema } from './myTraining';
import { countSchema, percentSchema, recordIdSchema, timestampSchema } from './responseFields';

/**
 * What the LMS API answers, as zod schemas: the server serialises every JSON reply through them (so no field
 * outside them ever leaves), the OpenAPI document is generated from them, and the browser client parses with them.
 * Schemas that belong to a domain concept live with it (course.ts, myTraining.ts, reports.ts, assignmentRules.ts).
 */

// --- tenant ------------------------------------------------------------------------------------------------

export const regionSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  geography: z.string(),
  country: z.string(),
});
export const regionListSchema = z.array(regionSummarySchema).describe('The data-center regions a tenant can choose');
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const TENANT_STATUSES = ['provisioning', 'active', 'offboarding'] as const;

export const tenantSchema = z
  .object({
    tenantId: recordIdSchema,
    displayName: z.string(),
    region: z.string().describe('the region id, e.g. westeurope'),
    regionName: z.string(),
    status: z.enum(TENANT_STATUSES).describe('provisioning until the tenant database is ready; offboarding while its data is being removed'),
    createdAt: timestampSchema,
  })
  .describe("The caller's organisation and where its data lives");
export type TenantView = z.infer<typeof tenantSchema>;

const syncProgressSchema = z.object({ pages: countSchema, changed: countSchema, departed: countSchema });

export const directorySyncResultSchema = z.object({
  mode: z.enum(['full', 'delta']),
  startedAt: timestampSchema,
  finishedAt: timestampSchema,
  pages: countSchema,
  changed: countSchema,
  inserted: countSchema,
  departed: countSchema,
  rules: ruleApplicationSchema,
  groups: countSchema,
  groupMembers: countSchema,
  missingGroups: z.array(z.string()),
});

export const directorySyncStatusSchema = z
  .object({
    running: z.boolean(),
    progress: syncProgressSchema.nullable(),
    lastSyncAt: timestampSchema.nullable(),
    lastFullSyncAt: timestampSchema.nullable(),
    lastResult: directorySyncResultSchema.nullable(),
    lastError: z.string().nullable(),
  })
  .describe('Whether a directory sync runs now, its progress, and the last result');
export type DirectorySyncStatusView = z.infer<typeof directorySyncStatusSchema>;

// --- me ----------------------------------------------------------------------------------------------------

const optionalText = z.string().nullable();

/** Everything Atrium stores about a person: the minimum identity set from Graph, and when it last heard of them. */
export const learnerProfileSchema = z.object({
  id: recordIdSchema,
  userPrincipalName: optionalText,
  displayName: optionalText,
  mail: optionalText,
  department: optionalText,
  jobTitle: optionalText,
  officeLocation: optionalText,
  country: optionalText,
  city: optionalText,
  managerId: recordIdSchema.nullable(),
  departedAt: timestampSchema.nullable(),
  syncedAt: timestampSchema.nullable(),
});
export type LearnerProfileView = z.infer<typeof learnerProfileSchema>;

export const meSchema = z
  .object({ profile: learnerProfileSchema, roles: z.array(z.string()), tenant: tenantSchema })
  .describe('Who you are to Atrium, your app roles, and exactly what it stores about you');
export type MeView = z.infer<typeof meSchema>;

export const teamMemberTrainingSchema = z.object({
  person: learnerProfileSchema.pick({ id: true, displayName: true, jobTitle: true, department: true, officeLocation: true }),
  training: myTrainingSchema,
});
export const myTeamSchema = z.array(teamMemberTrainingSchema).describe("Your direct reports' training, one entry per person");
export type TeamMemberTraining = z.infer<typeof teamMemberTrainingSchema>;

// --- catalogs ----------------------------------------------------------------------------------------------

export const catalogSchema = z
  .object({
    id: recordIdSchema,
    name: z.string(),
    description: z.string(),
    siteUrl: z.string().nullable(),
    createdAt: timestampSchema,
    canManage: z.boolean().describe('whether the caller manages this catalog'),
  })
  .describe('A course catalog');
export type CatalogView = z.infer<typeof catalogSchema>;
export const catalogListSchema = z.array(catalogSchema).describe('The catalogs the caller can see');

export const audienceGroupSchema = z.object({ id: recordIdSchema, displayName: z.string().nullable() });
export type AudienceGroup = z.infer<typeof audienceGroupSchema>;
export const catalogAudienceSchema = z.array(audienceGroupSchema).describe('The Entra ID groups whose members see the catalog; empty: everyone');

export const PLAN_STATUSES = ['draft', 'published'] as const;

export const planSchema = z
  .object({
    id: recordIdSchema,
    catalogId: recordIdSchema,
    title: z.string(),
    summary: z.string(),
    status: z.enum(PLAN_STATUSES),
    courseIds: z.array(recordIdSchema).describe('in the order the plan takes them'),
  })
  .describe('A training plan: courses taken together');
export type PlanView = z.infer<typeof planSchema>;
export const planListSchema = z.array(planSchema).describe('The training plans of the catalog the caller can see');

// --- enrolments and progress -------------------------------------------------------------------------------

export const enrolmentSchema = z
  .object({
    id: recordIdSchema,
    learnerId: recordIdSchema,
    courseId: recordIdSchema,
    catalogId: recordIdSchema,
    source: z.enum(ENROLMENT_SOURCES),
    dueAt: timestampSchema.nullable(),
    enrolledAt: timestampSchema,
    startedAt: timestampSchema.nullable(),
    completedAt: timestampSchema.nullable(),
  })
  .describe("A person's enrolment in a course");
export type EnrolmentView = z.infer<typeof enrolmentSchema>;
export const enrolmentListSchema = z.array(enrolmentSchema).describe('The enrolments the assignment created or updated, one per person');

export const quizAttemptSchema = z.object({ id: recordIdSchema, scorePercent: percentSchema, passed: z.boolean(), submittedAt: timestampSchema });

export const enrolmentDetailSchema = enrolmentSchema
  .extend({
    completedLessonIds: z.array(recordIdSchema),
    quizAttempts: z.array(quizAttemptSchema),
    progressPercent: percentSchema,
    certificateId: recordIdSchema.nullable(),
  })
  .describe('An enrolment with its progress: lessons done, quiz attempts, certificate');
export type EnrolmentDetail = z.infer<typeof enrolmentDetailSchema>;

export const quizResultSchema = z.object({ scorePercent: percentSchema, passed: z.boolean(), correctCount: countSchema, questionCount: countSchema });

export const progressOutcomeSchema = z
  .object({
    enrolment: enrolmentSchema,
    completedLessonIds: z.array(recordIdSchema),
    progressPercent: percentSchema,
    quizResult: quizResultSchema.nullable().describe('the score of this attempt; null for a lesson'),
    certificateId: recordIdSchema.nullable().describe('set once the course is complete'),
  })
  .describe('The enrolment after recording the step, and the certificate once the course is complete');
export type ProgressOutcome = z.infer<typeof progressOutcomeSchema>;

export const planEnrolmentSchema = z
  .object({ planEnrolmentId: recordIdSchema, enrolmentIds: z.array(recordIdSchema).describe("one per course of the plan, in the plan's order") })
  .describe('Your enrolment in the plan and in each of its courses');
export type PlanEnrolment = z.infer<typeof planEnrolmentSchema>;
