import { z } from 'zod';
import { countSchema, percentSchema, recordIdSchema, timestampSchema } from './responseFields';

export const COURSE_FORMATS = ['e-learning', 'classroom', 'document', 'video', 'link'] as const;
export type CourseFormat = (typeof COURSE_FORMATS)[number];

export const COURSE_STATUSES = ['draft', 'published'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

const httpsUrl = z
  .string()
  .max(2048)
  .url('must be an absolute URL')
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

export const lessonInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    materialUrl: httpsUrl,
    durationMinutes: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();

const optionText = z.string().trim().min(1).max(500);

export const quizQuestionSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('multiple-choice'),
        prompt: z.string().trim().min(1).max(1000),
        options: z.array(optionText).min(2).max(10),
        correct: z.number().int().min(0),
      })
      .strict(),
    z
      .object({
        kind: z.literal('multiple-answer'),
        prompt: z.string().trim().min(1).max(1000),
        options: z.array(optionText).min(2).max(10),
        correct: z.array(z.number().int().min(0)).min(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('true-false'),
        prompt: z.string().trim().min(1).max(1000),
        correct: z.boolean(),
      })
      .strict(),
  ])
  .superRefine((q, ctx) => {
    if (q.kind === 'true-false') return;
    const folded = q.options.map((o) => o.trim().toLowerCase());
    if (new Set(folded).size !== folded.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['options'], message: 'options must differ from each other' });
    }
    const indexes = typeof q.correct === 'number' ? [q.correct] : q.correct;
    if (indexes.some((i) => i >= q.options.length)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['correct'], message: 'correct must index one of the options' });
    }
    if (new Set(indexes).size !== indexes.length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['correct'], message: 'correct must not repeat an option' });
    }
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizSchema = z
  .object({
    passMarkPercent: z.number().int().min(1).max(100),
    questions: z.array(quizQuestionSchema).min(1).max(100),
  })
  .strict();
export type Quiz = z.infer<typeof quizSchema>;

export const courseInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    summary: z.string().trim().max(4000).default(''),
    format: z.enum(COURSE_FORMATS),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    durationMinutes: z.number().int().min(0).max(100_000),
    sequentialLessons: z.boolean().default(false),
    lessons: z.array(lessonInputSchema).max(200).default([]),
    quiz: quizSchema.nullable().default(null),
    status: z.enum(COURSE_STATUSES).default('draft'),
  })
  .strict()
  .refine((c) => c.lessons.length > 0 || c.quiz !== null, 'a course needs at least one lesson or a quiz');
export type CourseInput = z.infer<typeof courseInputSchema>;

export const lessonSchema = z.object({
  id: recordIdSchema,
  position: z.number().int().min(1),
  title: z.string(),
  materialUrl: z.string(),
  durationMinutes: countSchema.nullable(),
});
export type Lesson = z.infer<typeof lessonSchema>;

const courseHeaderSchema = z.object({
  id: recordIdSchema,
  catalogId: recordIdSchema,
  title: z.string(),
  summary: z.string(),
  format: z.enum(COURSE_FORMATS),
  tags: z.array(z.string()),
  durationMinutes: countSchema,
  sequentialLessons: z.boolean(),
  status: z.enum(COURSE_STATUSES),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A course as its catalog's managers see it: the quiz with its answers. */
export const courseSchema = courseHeaderSchema
  .extend({ lessons: z.array(lessonSchema), quiz: quizSchema.nullable() })
  .describe('A course, as its catalog managers see it (quiz answers included)');
export type Course = z.infer<typeof courseSchema>;

/** What a learner may see of a quiz: the questions without their answers. */
export const quizForLearnerSchema = z.object({
  passMarkPercent: percentSchema,
  questions: z.array(
    z.object({
      kind: z.enum(['multiple-choice', 'multiple-answer', 'true-false']),
      prompt: z.string(),
      options: z.array(z.string()).optional(),
    }),
  ),
});
export type QuizForLearner = z.infer<typeof quizForLearnerSchema>;

/** A course as a learner sees it: the quiz without its answers. */
export const courseForLearnerSchema = courseHeaderSchema
  .extend({ lessons: z.array(lessonSchema), quiz: quizForLearnerSchema.nullable() })
  .describe('A published course, as a learner sees it (quiz without answers)');
export type CourseForLearner = z.infer<typeof courseForLearnerSchema>;

/** A course in a catalog's list: no lessons or quiz, just how many. */
export const courseSummarySchema = courseHeaderSchema.extend({ lessonCount: countSchema, hasQuiz: z.boolean() });
export type CourseSummary = z.infer<typeof courseSummarySchema>;

export function quizForLearner(quiz: Quiz): QuizForLearner {
  return {
    passMarkPercent: quiz.passMarkPercent,
    questions: quiz.questions.map((q) =>
      q.kind === 'true-false' ? { kind: q.kind, prompt: q.prompt } : { kind: q.kind, prompt: q.prompt, options: q.options },
    ),
  };
}
