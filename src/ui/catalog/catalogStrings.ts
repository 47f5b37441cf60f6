import type { CourseFormat } from '../../domain/course';
import type { TrainingState } from '../../domain/myTraining';
import { englishCommonStrings, type CommonStrings } from '../common/commonStrings';
import type { DurationBucket } from './courseFilters';

/** Every text the course catalog shows; hosts pass a translation, English is the default. */
export interface CatalogStrings {
  common: CommonStrings;
  title: string;
  loadingCatalogs: string;
  loadingCourses: string;
  noCatalogsTitle: string;
  noCatalogsHint: string;
  catalogPicker: string;
  search: string;
  formatFilter: string;
  tagFilter: string;
  durationFilter: string;
  anyFormat: string;
  anyTag: string;
  clearFilters: string;
  formats: Record<CourseFormat, string>;
  durations: Record<DurationBucket, string>;
  resultCount: (shown: number, total: number) => string;
  coursesHeading: string;
  noCoursesTitle: string;
  noCoursesHint: string;
  noMatchesTitle: string;
  noMatchesHint: string;
  lessonCount: (count: number) => string;
  hasQuiz: string;
  tagsLabel: string;
  openCourse: (title: string) => string;
  plansHeading: string;
  planCourses: (count: number) => string;
  enrolInPlan: string;
  enrollingInPlan: string;
  enrolledInPlan: (title: string, courses: number) => string;
  enrolPlanFailed: (reason: string) => string;
  unknownCourse: string;
  /** The person's own status in a course they are enrolled in. */
  yourStatus: Record<TrainingState, string>;
}

export const englishCatalogStrings: CatalogStrings = {
  common: englishCommonStrings,
  title: 'Course catalog',
  loadingCatalogs: 'Loading the catalogs…',
  loadingCourses: 'Loading the courses…',
  noCatalogsTitle: 'No catalog is open to you yet',
  noCatalogsHint: 'Catalogs appear here once your training team publishes one for you. Ask your training manager which training is planned.',
  catalogPicker: 'Catalog',
  search: 'Search courses by title, summary or tag',
  formatFilter: 'Format',
  tagFilter: 'Tag',
  durationFilter: 'Duration',
  anyFormat: 'Any format',
  anyTag: 'Any tag',
  clearFilters: 'Clear search and filters',
  formats: { 'e-learning': 'E-learning', classroom: 'Classroom', document: 'Document', video: 'Video', link: 'Link' },
  durations: { any: 'Any duration', short: 'Up to 30 min', medium: '31 min to 1 h', long: 'Over 1 h' },
  resultCount: (shown, total) => (shown === total ? `${total} course${total === 1 ? '' : 's'}` : `${shown} of ${total} courses match`),
  coursesHeading: 'Courses',
  noCoursesTitle: 'No courses published yet',
  noCoursesHint: 'This catalog has no published courses. Check back later, or try another catalog.',
  noMatchesTitle: 'No course matches',
  noMatchesHint: 'Try other words, or clear the search and filters.',
  lessonCount: (count) => `${count} lesson${count === 1 ? '' : 's'}`,
  hasQuiz: 'Quiz',
  tagsLabel: 'Tags',
  openCourse: (title) => `Open ${title}`,
  plansHeading: 'Training plans',
  planCourses: (count) => `${count} course${count === 1 ? '' : 's'}, taken in this order:`,
  enrolInPlan: 'Enrol in this plan',
  enrollingInPlan: 'Enrolling…',
  enrolledInPlan: (title, courses) => `You are enrolled in ${title} and its ${courses} course${courses === 1 ? '' : 's'}. They are in My training.`,
  enrolPlanFailed: (reason) => `You could not be enrolled: ${reason}`,
  unknownCourse: 'A course not shown in this catalog',
  yourStatus: {
    overdue: 'Enrolled: overdue',
    'due-soon': 'Enrolled: due soon',
    'in-progress': 'Enrolled: in progress',
    'not-started': 'Enrolled: not started',
    completed: 'Completed',
  },
};
