import * as React from 'react';
import { ThemeProvider, type PartialTheme } from '@fluentui/react';
import { fluentThemeForTeams } from '../ui/theme/teamsTheme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the browser asks for a dark scheme now; follows the setting when it changes. */
export function usePrefersDark(): boolean {
  const query = React.useMemo(() => (typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(DARK_QUERY) : null), []);
  const [dark, setDark] = React.useState(() => query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return undefined;
    const changed = (event: MediaQueryListEvent): void => setDark(event.matches);
    setDark(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, [query]);
  return dark;
}

/**
 * The standalone page's theme: Fluent's default, or, when the browser prefers a dark scheme, the same dark theme the
 * web parts use in Teams. It is applied to the body too, so the whole page (not only the React tree) is dark, and
 * `color-scheme` tells the browser to draw its own parts (scrollbars, native controls) to match.
 */
export function PageTheme({ children }: { children?: React.ReactNode }): React.ReactElement {
  const dark = usePrefersDark();
  const theme = React.useMemo<PartialTheme | undefined>(() => (dark ? fluentThemeForTeams('dark') : undefined), [dark]);
  React.useEffect(() => {
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return (
    <ThemeProvider theme={theme} applyTo="body">
      {children}
    </ThemeProvider>
  );
}
