import { z } from 'zod';
import { COURSE_FORMATS } from './course';
import { countSchema, percentSchema, recordIdSchema, timestampSchema } from './responseFields';

/** How a learner's enrolment reads on "my training". */
export const TRAINING_STATES = ['overdue', 'due-soon', 'in-progress', 'not-started', 'completed'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];

export const ENROLMENT_SOURCES = ['self', 'assigned', 'rule'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

/** Assigned training due within this many days shows as "due soon". */
export const DUE_SOON_DAYS = 14;

export interface EnrolmentFacts {
  dueAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
}

export function trainingState(enrolment: EnrolmentFacts, now: Date): TrainingState {
  if (enrolment.completedAt) return 'completed';
  if (enrolment.dueAt) {
    const due = Date.parse(enrolment.dueAt);
    if (due < now.getTime()) return 'overdue';
    if (due - now.getTime() <= DUE_SOON_DAYS * 86_400_000) return 'due-soon';
  }
  return enrolment.startedAt ? 'in-progress' : 'not-started';
}

export const myTrainingItemSchema = z.object({
  enrolmentId: recordIdSchema,
  courseId: recordIdSchema,
  catalogId: recordIdSchema,
  title: z.string(),
  format: z.enum(COURSE_FORMATS),
  durationMinutes: countSchema,
  source: z.enum(ENROLMENT_SOURCES),
  state: z.enum(TRAINING_STATES),
  dueAt: timestampSchema.nullable(),
  enrolledAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  progressPercent: percentSchema,
  certificateId: recordIdSchema.nullable(),
});
export type MyTrainingItem = z.infer<typeof myTrainingItemSchema>;

export const trainingCountsSchema = z.object({
  overdue: countSchema,
  'due-soon': countSchema,
  'in-progress': countSchema,
  'not-started': countSchema,
  completed: countSchema,
});

export const myTrainingSchema = z
  .object({ counts: trainingCountsSchema, items: z.array(myTrainingItemSchema) })
  .describe('Your training, most urgent first, with counts by state');
export type MyTraining = z.infer<typeof myTrainingSchema>;

const STATE_ORDER: Record<TrainingState, number> = { overdue: 0, 'due-soon': 1, 'in-progress': 2, 'not-started': 3, completed: 4 };

/** Most urgent first: overdue, then due soon (earliest due first), then the rest. */
export function summariseMyTraining(items: MyTrainingItem[]): MyTraining {
  const sorted = [...items].sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.title.localeCompare(b.title),
  );
  const counts = { overdue: 0, 'due-soon': 0, 'in-progress': 0, 'not-started': 0, completed: 0 };
  for (const item of items) counts[item.state] += 1;
  return { counts, items: sorted };
}
