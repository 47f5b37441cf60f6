import { z } from 'zod';
import { courseInputSchema } from './course';
import { guidSchema } from './ids';
import { quizAnswersSchema } from './quiz';
import { regionIdSchema } from './regions';

/** Request schemas of the LMS API, shared by the server (validation, OpenAPI) and the browser client. */

export const onboardingBodySchema = z
  .object({
    region: regionIdSchema,
    displayName: z.string().trim().min(1).max(256),
  })
  .strict();
export type OnboardingBody = z.infer<typeof onboardingBodySchema>;

const httpsUrl = z.string().max(2048).url().refine((v) => /^https:\/\//i.test(v), 'must be an https URL');

export const catalogBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    siteUrl: httpsUrl.nullable().default(null),
  })
  .strict();
export type CatalogBody = z.infer<typeof catalogBodySchema>;

export const catalogManagerBodySchema = z.object({ learnerId: guidSchema }).strict();

export const courseBodySchema = courseInputSchema;

export const planBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(4000).default(''),
    courseIds: z.array(guidSchema).min(1).max(50).refine((ids) => new Set(ids).size === ids.length, 'a course appears once in a plan'),
    status: z.enum(['draft', 'published']).default('draft'),
  })
  .strict();
export type PlanBody = z.infer<typeof planBodySchema>;

export const dueAtSchema = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-12-31T17:00:00Z' })
  .transform((v) => new Date(v).toISOString());

export const assignmentBodySchema = z
  .object({
    learnerIds: z.array(guidSchema).min(1).max(500),
    dueAt: dueAtSchema,
  })
  .strict();
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;

export const progressBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lesson-completed'), lessonId: guidSchema }).strict(),
  z.object({ type: z.literal('quiz-attempt'), answers: quizAnswersSchema }).strict(),
]);
export type ProgressBody = z.infer<typeof progressBodySchema>;

/** For actions that take no input: an empty object, or no body at all. */
export const emptyBodySchema = z.object({}).strict().nullish();

export const idParams = <K extends string>(...names: K[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, guidSchema])) as Record<K, typeof guidSchema>).strict();

export const directorySyncBodySchema = z
  .object({ full: z.boolean().default(false) })
  .strict()
  .default({});

export const catalogAudienceBodySchema = z
  .object({
    groups: z
      .array(z.object({ id: guidSchema, displayName: z.string().trim().min(1).max(256).optional() }).strict())
      .max(50)
      .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, 'a group appears once'),
  })
  .strict();
export type CatalogAudienceBody = z.infer<typeof catalogAudienceBodySchema>;
