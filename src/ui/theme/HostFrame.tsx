import * as React from 'react';
import { type PartialTheme, ThemeProvider } from '@fluentui/react';

export interface HostFrameProps {
  /** The host's theme: SharePoint's section theme, or the Teams theme through fluentThemeForTeams. */
  theme?: PartialTheme;
  /** Writing direction of the user's language; 'rtl' for Arabic, Hebrew, … */
  dir: 'ltr' | 'rtl';
  children?: React.ReactNode;
}

/**
 * What every host puts around a screen: the theme, and the writing direction both in the DOM (`dir`, for the
 * browser's own layout) and in the Fluent theme (`rtl`, so Fluent flips its margins, icons and callouts).
 * The host also calls Fluent's `setRTL` once, for styles created outside this tree (layers, callouts).
 */
export function HostFrame({ theme, dir, children }: HostFrameProps): React.ReactElement {
  const themed = React.useMemo<PartialTheme>(() => ({ ...theme, rtl: dir === 'rtl' }), [theme, dir]);
  return (
    <ThemeProvider theme={themed} dir={dir}>
      {children}
    </ThemeProvider>
  );
}
