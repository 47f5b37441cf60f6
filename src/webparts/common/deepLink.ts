import { parseRoute, routeHash } from '../../app/appRoutes';

/**
 * Where a deep link points, in the standalone page's convention (src/app/appRoutes.ts, reused here): `#/course/{id}`
 * in the hash, or `?course={id}` for links whose hash a mail client dropped. Teams passes what a deep link puts in
 * `context={"subEntityId": …}` as `page.subPageId`; the web parts put the same `#/course/{id}` there.
 */
export type DeepLinkTarget = { kind: 'course'; courseId: string } | { kind: 'none' };

export function deepLinkTarget(link: string | undefined | null, search: string = ''): DeepLinkTarget {
  const route = parseRoute((link ?? '').trim(), search);
  return route?.screen === 'course' ? { kind: 'course', courseId: route.courseId } : { kind: 'none' };
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
  return routeHash({ screen: 'course', courseId });
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
