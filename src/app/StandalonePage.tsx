import * as React from 'react';
import { MessageBar, MessageBarType, mergeStyleSets, PrimaryButton, Spinner, SpinnerSize } from '@fluentui/react';
import { DevAccessTokenProvider, type DevSession, DevSessionStore, DevSignInClient } from '../client/identity/devSignIn';
import { type MsalSignIn, startMsalSignIn } from '../client/identity/msalSignIn';
import { appStrings } from './appStrings';
import { DevSignInPicker } from './DevSignInPicker';
import type { DevPageConfig, EntraPageConfig } from './pageConfig';
import { createSignedInServices } from './signedInServices';
import { SignedInApp } from './SignedInApp';

const classes = mergeStyleSets({
  centred: { maxWidth: 720, margin: '0 auto', padding: '32px 24px' },
  title: { margin: '0 0 8px', fontSize: 24, fontWeight: 600 },
  intro: { margin: '0 0 16px' },
});

function reasonOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

export interface PageProps<TConfig> {
  config: TConfig;
  locale?: string;
}

/** Local runs: the demo sign-in picker, then the signed-in page; the session lives in this tab's sessionStorage. */
export function DevStandalonePage({ config, locale }: PageProps<DevPageConfig>): React.ReactElement {
  const store = React.useMemo(() => new DevSessionStore(window.sessionStorage), []);
  const client = React.useMemo(() => new DevSignInClient({ baseUrl: config.apiBaseUrl }), [config]);
  const [session, setSession] = React.useState<DevSession | null>(() => store.load());
  const [justSignedIn, setJustSignedIn] = React.useState(false);
  const services = React.useMemo(
    () => (session ? createSignedInServices(config, new DevAccessTokenProvider(session)) : null),
    [config, session],
  );

  if (!services) {
    return (
      <DevSignInPicker
        client={client}
        onSignedIn={(signedIn) => {
          store.save(signedIn);
          setJustSignedIn(true);
          setSession(signedIn);
        }}
      />
    );
  }
  return (
    <SignedInApp
      services={services}
      locale={locale}
      focusHeading={justSignedIn}
      onSignOut={() => {
        store.clear();
        setJustSignedIn(false);
        setSession(null);
      }}
    />
  );
}

type MsalState = { status: 'starting' } | { status: 'failed'; reason: string } | { status: 'ready'; msal: MsalSignIn };

/** Production: MSAL sign-in with Microsoft Entra ID, then the signed-in page. */
export function EntraStandalonePage({ config, locale }: PageProps<EntraPageConfig>): React.ReactElement {
  const [state, setState] = React.useState<MsalState>({ status: 'starting' });
  React.useEffect(() => {
    let current = true;
    startMsalSignIn({
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: `${window.location.origin}/`,
      scopes: { lmsApi: [config.apiScope], graph: config.graphScopes },
    }).then(
      (msal) => {
        if (current) setState({ status: 'ready', msal });
      },
      (error: unknown) => {
        if (current) setState({ status: 'failed', reason: reasonOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [config]);
  const tokens = state.status === 'ready' ? state.msal.tokens : null;
  const services = React.useMemo(() => (tokens ? createSignedInServices(config, tokens) : null), [config, tokens]);

  if (state.status === 'starting') return <Spinner className={classes.centred} size={SpinnerSize.large} />;
  if (state.status === 'failed') {
    return (
      <main className={classes.centred}>
        <MessageBar messageBarType={MessageBarType.error}>{appStrings.startFailed(state.reason)}</MessageBar>
      </main>
    );
  }
  const { msal } = state;
  if (!services) {
    return (
      <main className={classes.centred}>
        <h1 className={classes.title}>{appStrings.entraTitle}</h1>
        <p className={classes.intro}>{appStrings.entraIntro}</p>
        <PrimaryButton
          text={appStrings.entraSignIn}
          onClick={() => {
            msal.signIn().catch((error: unknown) => setState({ status: 'failed', reason: reasonOf(error) }));
          }}
        />
      </main>
    );
  }
  return (
    <SignedInApp
      services={services}
      locale={locale}
      onSignOut={() => {
        msal.signOut().catch((error: unknown) => setState({ status: 'failed', reason: reasonOf(error) }));
      }}
    />
  );
}
