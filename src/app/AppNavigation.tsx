import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import { routeHash, type AppRoute, type Screen } from './appRoutes';
import { appStrings } from './appStrings';

export interface AppNavigationProps {
  screens: readonly Screen[];
  current: Screen;
  onNavigate: (route: AppRoute) => void;
}

function routeOf(screen: Screen): AppRoute {
  return screen === 'manage' ? { screen, catalogId: null } : ({ screen } as AppRoute);
}

/** The screens the person may use, as links (so they can be opened in a new tab), the current one marked. */
export function AppNavigation({ screens, current, onNavigate }: AppNavigationProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    nav: { borderBottom: `1px solid ${theme.palette.neutralLight}`, backgroundColor: theme.palette.white, padding: '0 16px' },
    list: { display: 'flex', flexWrap: 'wrap', margin: 0, padding: 0, listStyle: 'none' },
    link: {
      display: 'block',
      padding: '10px 12px',
      color: theme.palette.neutralPrimary,
      textDecoration: 'none',
      borderBottom: '3px solid transparent',
      selectors: {
        ':hover': { backgroundColor: theme.palette.neutralLighter },
        ':focus-visible': { outline: `2px solid ${theme.palette.neutralPrimary}`, outlineOffset: -2 },
      },
    },
    current: { borderBottomColor: theme.palette.themePrimary, fontWeight: 600, color: theme.palette.themeDarker },
  });
  return (
    <nav className={classes.nav} aria-label={appStrings.navLabel}>
      <ul className={classes.list}>
        {screens.map((screen) => {
          const route = routeOf(screen);
          const isCurrent = screen === current;
          return (
            <li key={screen}>
              <a
                className={isCurrent ? `${classes.link} ${classes.current}` : classes.link}
                href={routeHash(route)}
                aria-current={isCurrent ? 'page' : undefined}
                onClick={(event) => {
                  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  onNavigate(route);
                }}
              >
                {appStrings.screens[screen]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
