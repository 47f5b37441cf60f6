import * as React from 'react';
import { type AppRoute, HOME, parseRoute, routeHash } from './appRoutes';

/**
 * The route in the page's address, followed as it changes (links, the back and forward buttons). `navigate` adds
 * a history entry, so the back button returns to the screen before.
 */
export function useHashRoute(): { route: AppRoute; named: boolean; navigate: (route: AppRoute) => void } {
  const read = (): AppRoute | null => parseRoute(window.location.hash, window.location.search);
  const [parsed, setParsed] = React.useState<AppRoute | null>(read);
  React.useEffect(() => {
    const follow = (): void => setParsed(read());
    window.addEventListener('hashchange', follow);
    window.addEventListener('popstate', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  const navigate = React.useCallback((route: AppRoute) => {
    const hash = routeHash(route);
    if (window.location.hash === hash) return;
    window.location.hash = hash;
  }, []);
  return { route: parsed ?? HOME, named: parsed !== null, navigate };
}
