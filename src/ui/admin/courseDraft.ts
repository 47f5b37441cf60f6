import { courseInputSchema, type Course, type CourseFormat, type CourseInput, type CourseStatus, type QuizQuestion } from '../../domain/course';
import type { AdminStrings } from './adminStrings';

export type QuestionKind = QuizQuestion['kind'];

export interface LessonDraft {
  key: number;
  title: string;
  materialUrl: string;
  minutes: string;
}

export interface QuestionDraft {
  key: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  /** Multiple choice: one index; multiple answer: several. */
  correct: number[];
  correctTrue: boolean;
}

export interface CourseDraft {
  title: string;
  summary: string;
  format: CourseFormat;
  tags: string;
  durationMinutes: string;
  sequentialLessons: boolean;
  status: CourseStatus;
  lessons: LessonDraft[];
  quiz: { passMarkPercent: string; questions: QuestionDraft[] } | null;
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

export function emptyLesson(): LessonDraft {
  return { key: newKey(), title: '', materialUrl: '', minutes: '' };
}

export function emptyQuestion(kind: QuestionKind = 'multiple-choice'): QuestionDraft {
  return { key: newKey(), kind, prompt: '', options: kind === 'true-false' ? [] : ['', ''], correct: [], correctTrue: true };
}

export function emptyCourse(): CourseDraft {
  return { title: '', summary: '', format: 'e-learning', tags: '', durationMinutes: '', sequentialLessons: false, status: 'draft', lessons: [emptyLesson()], quiz: null };
}

export function draftOf(course: Course): CourseDraft {
  return {
    title: course.title,
    summary: course.summary,
    format: course.format,
    tags: course.tags.join(', '),
    durationMinutes: String(course.durationMinutes),
    sequentialLessons: course.sequentialLessons,
    status: course.status,
    lessons: course.lessons.map((l) => ({ key: newKey(), title: l.title, materialUrl: l.materialUrl, minutes: l.durationMinutes === null ? '' : String(l.durationMinutes) })),
    quiz: course.quiz
      ? {
          passMarkPercent: String(course.quiz.passMarkPercent),
          questions: course.quiz.questions.map((q) => ({
            key: newKey(),
            kind: q.kind,
            prompt: q.prompt,
            options: q.kind === 'true-false' ? [] : [...q.options],
            correct: q.kind === 'multiple-choice' ? [q.correct] : q.kind === 'multiple-answer' ? [...q.correct] : [],
            correctTrue: q.kind === 'true-false' ? q.correct : true,
          })),
        }
      : null,
  };
}

function whole(text: string): number {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function questionInput(q: QuestionDraft): unknown {
  if (q.kind === 'true-false') return { kind: q.kind, prompt: q.prompt, correct: q.correctTrue };
  if (q.kind === 'multiple-choice') return { kind: q.kind, prompt: q.prompt, options: q.options, correct: q.correct.length === 1 ? q.correct[0] : -1 };
  return { kind: q.kind, prompt: q.prompt, options: q.options, correct: [...q.correct].sort((a, b) => a - b) };
}

/** Where a schema issue is, in the editor's words: "Lesson 2, material link". */
function placeOf(path: ReadonlyArray<string | number>, s: AdminStrings): string {
  const [head, index, field, sub] = path;
  const names: Record<string, string> = s.problemFields;
  if (head === 'lessons' && typeof index === 'number') return `${s.lessonN(index + 1)}${field ? `, ${names[String(field)] ?? field}` : ''}`;
  if (head === 'quiz' && index === 'questions' && typeof field === 'number') return `${s.questionN(field + 1)}${sub !== undefined ? `, ${names[String(sub)] ?? sub}` : ''}`;
  if (head === 'quiz' && index !== undefined) return `${s.problemPlaces.quiz}, ${names[String(index)] ?? index}`;
  if (head === 'durationMinutes') return s.problemPlaces.duration;
  if (head === 'title') return s.problemPlaces.title;
  return head === undefined ? s.problemPlaces.course : String(head);
}

/** The course to send, or what stops it, checked with the very schema the service validates with. */
export function courseInputOf(draft: CourseDraft, s: AdminStrings): { input: CourseInput; problems: [] } | { input: null; problems: string[] } {
  const candidate = {
    title: draft.title,
    summary: draft.summary,
    format: draft.format,
    tags: draft.tags
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== ''),
    durationMinutes: whole(draft.durationMinutes),
    sequentialLessons: draft.sequentialLessons,
    lessons: draft.lessons.map((l) => ({ title: l.title, materialUrl: l.materialUrl.trim(), ...(l.minutes.trim() ? { durationMinutes: whole(l.minutes) } : {}) })),
    quiz: draft.quiz ? { passMarkPercent: whole(draft.quiz.passMarkPercent), questions: draft.quiz.questions.map(questionInput) } : null,
    status: draft.status,
  };
  const parsed = courseInputSchema.safeParse(candidate);
  if (parsed.success) return { input: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) => {
    const last = issue.path[issue.path.length - 1];
    const message =
      issue.code === 'invalid_type' && issue.received === 'nan'
        ? s.problemWholeNumber
        : (last === 'correct' || issue.path[issue.path.length - 2] === 'correct') && issue.code === 'too_small'
          ? s.problemMarkCorrect
          : issue.code === 'too_small' && issue.type === 'string'
            ? s.problemNotEmpty
            : issue.message;
    return `${placeOf(issue.path, s)}: ${message}`;
  });
  return { input: null, problems: Array.from(new Set(problems)) };
}
