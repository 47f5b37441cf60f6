/**
 * Where a deep link points. Teams passes what follows `context={"subEntityId": …}` in a deep link as
 * `page.subPageId`; SharePoint pages and the standalone page carry it in the hash. Both use the standalone
 * page's convention: `#/course/{courseId}` (the leading `#` and `/` are optional in a subEntityId).
 */
export type DeepLinkTarget = { kind: 'course'; courseId: string } | { kind: 'none' };

const COURSE_LINK = /^#?\/?course\/([^/?#]+)\/?$/;

export function deepLinkTarget(link: string | undefined | null): DeepLinkTarget {
  const match = COURSE_LINK.exec((link ?? '').trim());
  if (!match) return { kind: 'none' };
  try {
    return { kind: 'course', courseId: decodeURIComponent(match[1]) };
  } catch {
    return { kind: 'none' };
  }
}

/** The first of the links (Teams sub-entity first, then the page hash) that names a target. */
export function firstDeepLinkTarget(...links: Array<string | undefined | null>): DeepLinkTarget {
  for (const link of links) {
    const target = deepLinkTarget(link);
    if (target.kind !== 'none') return target;
  }
  return { kind: 'none' };
}

export function courseLink(courseId: string): string {
  return `#/course/${encodeURIComponent(courseId)}`;
}

/** The Teams app of teams/manifest.json; a test keeps these in step with it. */
export const TEAMS_APP = {
  id: 'cb9dccaf-ab91-4238-9ae2-5edbd5028780',
  myTrainingEntityId: 'atrium-my-training',
  catalogEntityId: 'atrium-catalog',
} as const;

/** A Teams deep link that opens the personal app's tab at a course (what reminders and "share" use inside Teams). */
export function teamsCourseDeepLink(entityId: string, courseId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: courseLink(courseId) }));
  return `https://teams.microsoft.com/l/entity/${TEAMS_APP.id}/${entityId}?context=${context}`;
}

/** A link to this page at a course, for a new tab or to share. */
export function pageCourseLink(location: Pick<Location, 'origin' | 'pathname' | 'search'>, courseId: string): string {
  return `${location.origin}${location.pathname}${location.search}${courseLink(courseId)}`;
}
