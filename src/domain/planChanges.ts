/** What a plan edit changes for the people enrolled in the plan. */
export interface PlanCourses {
  status: 'draft' | 'published';
  courseIds: readonly string[];
}

/**
 * The courses the plan's open participants are to be enrolled in after an edit: the courses it gains, once it is
 * published. A draft plan may hold draft courses, which no one is enrolled in; so courses added while it is a draft
 * reach its participants when it is published again (all its courses then: enrolling in a course one already has
 * changes nothing).
 */
export function coursesForParticipants(before: PlanCourses, after: PlanCourses): string[] {
  if (after.status !== 'published') return [];
  if (before.status !== 'published') return [...after.courseIds];
  const had = new Set(before.courseIds);
  return after.courseIds.filter((id) => !had.has(id));
}

/** Whether the edit adds or removes a course (the order aside): only then may an open plan enrolment become complete. */
export function planCoursesChanged(before: PlanCourses, after: PlanCourses): boolean {
  const had = new Set(before.courseIds);
  return before.courseIds.length !== after.courseIds.length || after.courseIds.some((id) => !had.has(id));
}
