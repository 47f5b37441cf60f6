import { forbidden } from '../../domain/errors';
import type { GroupAssignmentBody, GroupAssignmentResult } from '../../domain/trainingAdmin';
import type { GraphDirectory } from '../graph/graphDirectory';
import { currentLearnerIds } from '../privacy/restrictedLearners';
import { canManageCatalog } from './catalogAccess';
import { loadCourse, requireVisibleCourse } from './courses';
import { requireGraph } from './directorySearch';
import { assignCourse, requireAssignable } from './enrolments';
import type { UseCaseContext } from './useCaseContext';

/** People assigned in one transaction: a large group is assigned batch after batch, never in one huge transaction. */
export const GROUP_ASSIGNMENT_BATCH_SIZE = 500;

/**
 * Assigns a published course with a due date to every member of an Entra ID group (nested groups included), as
 * assigning them by name would. Members Atrium does not know yet (not synced), departed or restricted are skipped
 * and counted; members who already finished the course keep their enrolment as it is and are in neither count.
 * The whole membership is read from Graph before anything is written, so a Graph failure or an unknown group
 * (`GraphGroupNotFound`) changes nothing.
 */
export async function assignCourseToGroup(
  ctx: UseCaseContext,
  directory: GraphDirectory | null,
  courseId: string,
  body: GroupAssignmentBody,
): Promise<GroupAssignmentResult> {
  const course = await loadCourse(ctx, courseId);
  if (!(await canManageCatalog(ctx.db, ctx.principal, course.catalogId))) {
    // As everywhere: a course the caller may not even see is not found, rather than forbidden.
    await requireVisibleCourse(ctx, course);
    throw forbidden('only a manager of this catalog (or a tenant admin) can assign a course to a group');
  }
  // assignCourse's own rules, checked before Graph is asked, and even when no member turns out to be assignable.
  requireAssignable(course, body.dueAt, ctx.now);

  const members = new Set<string>();
  for await (const page of requireGraph(directory).groupMembers(body.groupId)) page.forEach((id) => members.add(id));

  const result: GroupAssignmentResult = { assigned: 0, skipped: 0 };
  const ids = [...members];
  for (let start = 0; start < ids.length; start += GROUP_ASSIGNMENT_BATCH_SIZE) {
    const batch = ids.slice(start, start + GROUP_ASSIGNMENT_BATCH_SIZE);
    const assignable = await currentLearnerIds(ctx.db, ctx.principal.tenantId, batch);
    result.skipped += batch.length - assignable.length;
    if (assignable.length === 0) continue;
    // A finished enrolment is left as it is (assignCourse's rule): such a member is not counted as assigned.
    const enrolments = await assignCourse(ctx, courseId, assignable, body.dueAt);
    result.assigned += enrolments.filter((e) => e.dueAt === body.dueAt).length;
  }
  return result;
}
