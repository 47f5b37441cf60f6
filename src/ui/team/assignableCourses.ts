import type { ILearningApi } from '../../client/learningApi';
import type { CourseSummary } from '../../domain/course';

/**
 * The published courses of the catalogs the person may see: a line manager assigns any of them to their direct
 * reports (the API checks who reports to whom). Failing to list them leaves the team view usable.
 */
export async function assignableCourses(api: Pick<ILearningApi, 'listCatalogs' | 'listCourses'>): Promise<CourseSummary[]> {
  try {
    const catalogs = await api.listCatalogs();
    const lists = await Promise.all(catalogs.map((catalog) => api.listCourses(catalog.id)));
    const courses: CourseSummary[] = [];
    for (const list of lists) for (const course of list) if (course.status === 'published') courses.push(course);
    return courses.sort((a, b) => a.title.localeCompare(b.title));
  } catch {
    return [];
  }
}

/** A due date picked as a day: the end of that working day in the person's time zone, as the API's ISO instant. */
export function dueAtFromDay(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const due = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 17, 0, 0);
  return Number.isNaN(due.getTime()) ? null : due.toISOString();
}
