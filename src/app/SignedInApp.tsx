import * as React from 'react';
import { DefaultButton, mergeStyleSets, useTheme } from '@fluentui/react';
import { MyTraining } from '../ui/myTraining/MyTraining';
import { SignedInPersonHeader } from '../ui/identity/SignedInPersonHeader';
import { appStrings } from './appStrings';
import type { SignedInServices } from './signedInServices';

export interface SignedInAppProps {
  services: SignedInServices;
  onSignOut: () => void;
  /** After an interactive sign-in, focus moves to the page heading so keyboard and screen reader users land on the new page. */
  focusHeading?: boolean;
  locale?: string;
}

/** The page once someone is signed in: who they are, a way out, and their training. */
export function SignedInApp({ services, onSignOut, focusHeading, locale }: SignedInAppProps): React.ReactElement {
  const theme = useTheme();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  React.useEffect(() => {
    if (focusHeading && headingRef.current) headingRef.current.focus();
  }, [focusHeading]);
  const classes = mergeStyleSets({
    banner: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: 16,
      padding: '12px 24px',
      borderBottom: `1px solid ${theme.palette.neutralLight}`,
      backgroundColor: theme.palette.white,
    },
    brand: { margin: 0, fontSize: 20, fontWeight: 600, color: theme.palette.themePrimary, outline: 'none' },
    person: { flexGrow: 1 },
    main: { maxWidth: 960, margin: '0 auto', padding: '24px' },
  });
  return (
    <>
      <header className={classes.banner}>
        <h1 className={classes.brand} ref={headingRef} tabIndex={-1}>
          {appStrings.brand}
        </h1>
        <div className={classes.person}>
          <SignedInPersonHeader identity={services.identity} />
        </div>
        <DefaultButton text={appStrings.signOut} onClick={onSignOut} />
      </header>
      <main className={classes.main}>
        <MyTraining api={services.api} locale={locale} />
      </main>
    </>
  );
}
