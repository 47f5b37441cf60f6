import type { Course } from './course';

/** With sequential lessons, a lesson opens only when every lesson before it is done. */
export function isLessonUnlocked(course: Pick<Course, 'lessons' | 'sequentialLessons'>, lessonId: string, doneLessonIds: ReadonlySet<string>): boolean {
  const index = course.lessons.findIndex((l) => l.id === lessonId);
  if (index < 0) return false;
  if (!course.sequentialLessons) return true;
  return course.lessons.slice(0, index).every((l) => doneLessonIds.has(l.id));
}

/** With sequential lessons, the quiz opens only when every lesson is done; otherwise it is open from the start. */
export function isQuizUnlocked(course: Pick<Course, 'lessons' | 'sequentialLessons'>, doneLessonIds: ReadonlySet<string>): boolean {
  return !course.sequentialLessons || course.lessons.every((l) => doneLessonIds.has(l.id));
}

/** A course is complete when every lesson is done and, if it has a quiz, a passing attempt exists. */
export function isCourseComplete(course: Pick<Course, 'lessons' | 'quiz'>, doneLessonIds: ReadonlySet<string>, quizPassed: boolean): boolean {
  const lessonsDone = course.lessons.every((l) => doneLessonIds.has(l.id));
  return lessonsDone && (course.quiz === null || quizPassed);
}

export function progressPercent(course: Pick<Course, 'lessons' | 'quiz'>, doneLessonIds: ReadonlySet<string>, quizPassed: boolean): number {
  const steps = course.lessons.length + (course.quiz ? 1 : 0);
  if (steps === 0) return 0;
  const done = course.lessons.filter((l) => doneLessonIds.has(l.id)).length + (course.quiz && quizPassed ? 1 : 0);
  return Math.round((done / steps) * 100);
}
