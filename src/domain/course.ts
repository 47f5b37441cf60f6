import { z } from 'zod';

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

export interface Lesson {
  id: string;
  position: number;
  title: string;
  materialUrl: string;
  durationMinutes: number | null;
}

export interface Course {
  id: string;
  catalogId: string;
  title: string;
  summary: string;
  format: CourseFormat;
  tags: string[];
  durationMinutes: number;
  sequentialLessons: boolean;
  status: CourseStatus;
  lessons: Lesson[];
  quiz: Quiz | null;
  createdAt: string;
  updatedAt: string;
}

/** What a learner may see of a quiz: the questions without their answers. */
export type QuizForLearner = {
  passMarkPercent: number;
  questions: Array<{ kind: QuizQuestion['kind']; prompt: string; options?: string[] }>;
};

export function quizForLearner(quiz: Quiz): QuizForLearner {
  return {
    passMarkPercent: quiz.passMarkPercent,
    questions: quiz.questions.map((q) =>
      q.kind === 'true-false' ? { kind: q.kind, prompt: q.prompt } : { kind: q.kind, prompt: q.prompt, options: q.options },
    ),
  };
}
