import type { CourseFormat, CourseSummary } from '../../domain/course';

export const DURATION_BUCKETS = ['any', 'short', 'medium', 'long'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export interface CourseFilter {
  search: string;
  format: CourseFormat | null;
  tag: string | null;
  duration: DurationBucket;
}

export const NO_FILTER: CourseFilter = { search: '', format: null, tag: null, duration: 'any' };

function inBucket(minutes: number, bucket: DurationBucket): boolean {
  switch (bucket) {
    case 'short':
      return minutes <= 30;
    case 'medium':
      return minutes > 30 && minutes <= 60;
    case 'long':
      return minutes > 60;
    default:
      return true;
  }
}

/** Every word of the search must appear in the title, the summary or a tag (case-insensitive). */
function matchesSearch(course: CourseSummary, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  const haystack = [course.title, course.summary, ...course.tags].join(' ').toLowerCase();
  return words.every((word) => haystack.indexOf(word) >= 0);
}

export function filterCourses(courses: readonly CourseSummary[], filter: CourseFilter): CourseSummary[] {
  return courses.filter(
    (course) =>
      matchesSearch(course, filter.search) &&
      (filter.format === null || course.format === filter.format) &&
      (filter.tag === null || course.tags.indexOf(filter.tag) >= 0) &&
      inBucket(course.durationMinutes, filter.duration),
  );
}

/** The tags and formats the catalog's courses use, sorted, so the filters offer only what can match. */
export function filterChoices(courses: readonly CourseSummary[]): { formats: CourseFormat[]; tags: string[] } {
  const formats: CourseFormat[] = [];
  const tags: string[] = [];
  for (const course of courses) {
    if (formats.indexOf(course.format) < 0) formats.push(course.format);
    for (const tag of course.tags) if (tags.indexOf(tag) < 0) tags.push(tag);
  }
  return { formats: formats.sort(), tags: tags.sort() };
}

export function isFiltered(filter: CourseFilter): boolean {
  return filter.search.trim() !== '' || filter.format !== null || filter.tag !== null || filter.duration !== 'any';
}
