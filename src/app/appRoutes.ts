/** The screens of the signed-in page, in the order the navigation lists them. */
export const SCREENS = ['training', 'catalog', 'team', 'privacy', 'manage', 'trainingAdmin', 'admin', 'organisation'] as const;
export type Screen = (typeof SCREENS)[number];

export type AppRoute =
  | { screen: 'training' }
  | { screen: 'catalog' }
  | { screen: 'course'; courseId: string }
  | { screen: 'team' }
  | { screen: 'privacy' }
  | { screen: 'manage'; catalogId: string | null }
  | { screen: 'admin' }
  | { screen: 'trainingAdmin' }
  | { screen: 'organisation' };

export const HOME: AppRoute = { screen: 'training' };

const PATHS: Record<Screen, string> = {
  training: 'training',
  catalog: 'catalog',
  team: 'team',
  privacy: 'privacy',
  manage: 'manage',
  admin: 'admin',
  trainingAdmin: 'training-admin',
  organisation: 'organisation',
};

function decoded(part: string): string | null {
  try {
    const value = decodeURIComponent(part);
    return value.trim() ? value : null;
  } catch {
    return null;
  }
}

/**
 * The screen a URL asks for: the hash (`#/course/{courseId}`, `#/catalog`, `#/manage/{catalogId}`, …) or, for links
 * that cannot carry a hash (some mail and chat clients drop it), the query (`?course={courseId}`, `?screen=team`).
 * Null when the URL names none.
 */
export function parseRoute(hash: string, search: string): AppRoute | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  if (parts.length > 0) {
    const [head, second] = parts;
    if (head === 'course' && second) {
      const courseId = decoded(second);
      return courseId ? { screen: 'course', courseId } : null;
    }
    if (head === 'manage') return { screen: 'manage', catalogId: second ? decoded(second) : null };
    const screen = SCREENS.filter((s) => PATHS[s] === head)[0];
    if (screen && screen !== 'manage') return { screen } as AppRoute;
    return null;
  }
  const query = new URLSearchParams(search);
  const course = query.get('course');
  if (course && course.trim()) return { screen: 'course', courseId: course.trim() };
  const named = query.get('screen');
  const screen = SCREENS.filter((s) => s === named)[0];
  if (screen) return screen === 'manage' ? { screen, catalogId: null } : ({ screen } as AppRoute);
  return null;
}

export function routeHash(route: AppRoute): string {
  switch (route.screen) {
    case 'course':
      return `#/course/${encodeURIComponent(route.courseId)}`;
    case 'manage':
      return route.catalogId ? `#/manage/${encodeURIComponent(route.catalogId)}` : '#/manage';
    default:
      return `#/${PATHS[route.screen]}`;
  }
}

/** The navigation entry a route belongs to: a course page belongs to the catalog. */
export function screenOf(route: AppRoute): Screen {
  return route.screen === 'course' ? 'catalog' : route.screen;
}
