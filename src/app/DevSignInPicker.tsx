import * as React from 'react';
import {
  MessageBar,
  MessageBarButton,
  MessageBarType,
  mergeStyleSets,
  PersonaCoin,
  PersonaSize,
  PrimaryButton,
  Spinner,
  SpinnerSize,
  useTheme,
} from '@fluentui/react';
import type { DevSession, DevSignInClient, DevSignInOffer } from '../client/identity/devSignIn';
import { appStrings } from './appStrings';

export interface DevSignInPickerProps {
  client: DevSignInClient;
  onSignedIn: (session: DevSession) => void;
}

type OfferLoad = { status: 'loading' } | { status: 'failed'; reason: string } | { status: 'loaded'; offer: DevSignInOffer };

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/** Local demo only: pick one of the demo people and sign in with tokens from the service's dev issuer. */
export function DevSignInPicker({ client, onSignedIn }: DevSignInPickerProps): React.ReactElement {
  const theme = useTheme();
  const [load, setLoad] = React.useState<OfferLoad>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const [signingIn, setSigningIn] = React.useState<string | null>(null);
  const [signInError, setSignInError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    client.listPeople().then(
      (offer) => {
        if (current) setLoad({ status: 'loaded', offer });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'failed', reason: reasonOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const signIn = (userId: string): void => {
    setSigningIn(userId);
    setSignInError(null);
    client.signIn(userId).then(onSignedIn, (error: unknown) => {
      setSigningIn(null);
      setSignInError(reasonOf(error));
    });
  };

  const classes = mergeStyleSets({
    main: { maxWidth: 720, margin: '0 auto', padding: '32px 24px', color: theme.semanticColors.bodyText },
    title: { margin: '0 0 8px', fontSize: 24, fontWeight: 600 },
    intro: { margin: '0 0 24px', color: theme.palette.neutralSecondary },
    list: { margin: 0, padding: 0, listStyle: 'none' },
    person: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: 12,
      padding: '12px 0',
      borderBottom: `1px solid ${theme.palette.neutralLight}`,
    },
    who: { flexGrow: 1, minWidth: 200 },
    name: { margin: 0, fontSize: 16, fontWeight: 600 },
    facts: { margin: '2px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
  });

  let body: React.ReactNode;
  if (load.status === 'loading') {
    body = <Spinner size={SpinnerSize.medium} label={appStrings.pickerLoading} ariaLive="polite" labelPosition="right" />;
  } else if (load.status === 'failed') {
    body = (
      <MessageBar
        messageBarType={MessageBarType.error}
        isMultiline={false}
        actions={<MessageBarButton onClick={() => setAttempt((n) => n + 1)}>{appStrings.retry}</MessageBarButton>}
      >
        {appStrings.pickerLoadFailed(load.reason)}
      </MessageBar>
    );
  } else {
    body = (
      <>
        <p className={classes.intro}>{appStrings.pickerIntro(load.offer.tenantName)}</p>
        {signInError && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
            {appStrings.signInFailed(signInError)}
          </MessageBar>
        )}
        <ul className={classes.list} aria-label={appStrings.pickerListLabel}>
          {load.offer.people.map((person) => (
            <li key={person.id} className={classes.person}>
              <PersonaCoin text={person.displayName} size={PersonaSize.size40} initialsTextColor="#ffffff" />
              <div className={classes.who}>
                <p className={classes.name}>{person.displayName}</p>
                <p className={classes.facts}>{[person.tenantId && person.tenantId !== load.offer.tenantId ? appStrings.pickerNewOrganisation : null, person.role, person.jobTitle].filter((part) => !!part).join(' · ')}</p>
              </div>
              <PrimaryButton
                text={signingIn === person.id ? appStrings.signingIn : appStrings.signInAs(person.displayName)}
                disabled={signingIn !== null}
                onClick={() => signIn(person.id)}
              />
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <main className={classes.main} aria-busy={load.status === 'loading' || signingIn !== null}>
      <h1 className={classes.title}>{appStrings.pickerTitle}</h1>
      {body}
    </main>
  );
}
