import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarButton, MessageBarType, mergeStyleSets, useTheme } from '@fluentui/react';
import { CourseCatalog } from '../ui/catalog/CourseCatalog';
import { LoadFailure } from '../ui/common/LoadFailure';
import { LoadingShimmer } from '../ui/common/LoadingShimmer';
import { visuallyHidden } from '../ui/common/visuallyHidden';
import { SignedInPersonHeader } from '../ui/identity/SignedInPersonHeader';
import { MyTraining } from '../ui/myTraining/MyTraining';
import { CoursePlayer } from '../ui/player/CoursePlayer';
import { MyDataAndPrivacy } from '../ui/privacy/MyDataAndPrivacy';
import { TeamTraining } from '../ui/team/TeamTraining';
import { TrainingAdmin } from '../ui/admin/TrainingAdmin';
import { failureKind } from '../ui/common/failureKind';
import { OrganisationPage } from '../ui/setup/OrganisationPage';
import { TenantSetup } from '../ui/setup/TenantSetup';
import { hasRole } from '../domain/roles';
import { AppNavigation } from './AppNavigation';
import { routeHash, screenOf, type AppRoute } from './appRoutes';
import { appStrings } from './appStrings';
import { ManagePeople } from './ManagePeople';
import { PrivacyAdministration } from './PrivacyAdministration';
import { screensFor } from './screenAccess';
import type { SignedInServices } from './signedInServices';
import { useHashRoute } from './useHashRoute';
import { useSignedInContext, type SignedInContext } from './useSignedInContext';
import { useScreenFocus } from './useScreenFocus';

export interface SignedInAppProps {
  services: SignedInServices;
  onSignOut: () => void;
  /** After an interactive sign-in, focus moves to the page heading so keyboard and screen reader users land on the new page. */
  focusHeading?: boolean;
  locale?: string;
}

const MAIN_ID = 'atrium-main';

/** The page once someone is signed in: who they are, a way out, the screens their roles open, and the current one. */
export function SignedInApp({ services, onSignOut, focusHeading, locale }: SignedInAppProps): React.ReactElement {
  const theme = useTheme();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const mainRef = React.useRef<HTMLElement>(null);
  const { route, named, navigate } = useHashRoute();
  const context = useSignedInContext(services);
  useScreenFocus(mainRef, routeHash(route));
  React.useEffect(() => {
    if (focusHeading && headingRef.current) headingRef.current.focus();
  }, [focusHeading]);
  const classes = mergeStyleSets({
    skip: {
      ...visuallyHidden,
      selectors: {
        ':focus': { position: 'static', width: 'auto', height: 'auto', clip: 'auto', display: 'inline-block', padding: 8, margin: 4, backgroundColor: theme.palette.white, color: theme.palette.themeDarker },
      },
    },
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
    main: { maxWidth: 960, margin: '0 auto', padding: '24px', outline: 'none' },
    prompt: { maxWidth: 960, margin: '12px auto 0', padding: '0 24px' },
  });

  let content: React.ReactNode;
  let navigation: React.ReactNode = null;
  let prompt: React.ReactNode = null;
  if (context.load.status === 'loading') content = <LoadingShimmer label={appStrings.loadingPage} />;
  else if (context.load.status === 'failed' && failureKind(context.load.error) === 'not-onboarded') {
    // The organisation is not set up: its tenant admin sets it up here, anyone else is told who has to.
    content = (
      <TenantSetup
        api={services.tenantSetup}
        onSignInAgain={onSignOut}
        onFinished={() => {
          navigate({ screen: 'trainingAdmin' });
          context.reload();
        }}
      />
    );
  } else if (context.load.status === 'failed') content = <LoadFailure error={context.load.error} onRetry={context.reload} onSignInAgain={onSignOut} />;
  else {
    const facts = context.load.value;
    const screens = screensFor({ me: facts.me, managedCatalogs: facts.managedCatalogs, teamSize: facts.teamSize });
    // Someone who must accept a new privacy notice lands on it, unless a link asked for a particular screen.
    const shown: AppRoute = facts.mustAcceptNotice && !named ? { screen: 'privacy' } : route;
    navigation = <AppNavigation screens={screens} current={screenOf(shown)} onNavigate={navigate} />;
    if (facts.mustAcceptNotice) {
      prompt = (
        <div className={classes.prompt}>
          <MessageBar
            messageBarType={MessageBarType.warning}
            isMultiline={true}
            actions={
              <div>
                {shown.screen !== 'privacy' && <MessageBarButton onClick={() => navigate({ screen: 'privacy' })}>{appStrings.noticePromptAction}</MessageBarButton>}
              </div>
            }
          >
            {appStrings.noticePrompt}
          </MessageBar>
        </div>
      );
    }
    content =
      // Training admin itself tells a learner who opens it that it is for managers.
      screens.indexOf(screenOf(shown)) >= 0 || shown.screen === 'trainingAdmin' ? (
        <ScreenView route={shown} facts={facts} services={services} navigate={navigate} onSignInAgain={onSignOut} onPrivacyChanged={context.recheckNotice} locale={locale} />
      ) : (
        <MessageBar messageBarType={MessageBarType.warning}>{appStrings.notAvailable}</MessageBar>
      );
  }

  return (
    <>
      <a
        className={classes.skip}
        href={`#${MAIN_ID}`}
        onClick={(event) => {
          // The hash names screens here: move focus without touching it.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {appStrings.skipToMain}
      </a>
      <header className={classes.banner}>
        <h1 className={classes.brand} ref={headingRef} tabIndex={-1}>
          {appStrings.brand}
        </h1>
        <div className={classes.person}>
          <SignedInPersonHeader identity={services.identity} />
        </div>
        <DefaultButton text={appStrings.signOut} onClick={onSignOut} />
      </header>
      {navigation}
      {prompt}
      <main id={MAIN_ID} className={classes.main} ref={mainRef} tabIndex={-1} aria-busy={context.load.status === 'loading'}>
        {content}
      </main>
    </>
  );
}

interface ScreenViewProps {
  route: AppRoute;
  facts: SignedInContext;
  services: SignedInServices;
  navigate: (route: AppRoute) => void;
  onSignInAgain: () => void;
  onPrivacyChanged: () => void;
  locale?: string;
}

function ScreenView({ route, facts, services, navigate, onSignInAgain, onPrivacyChanged, locale }: ScreenViewProps): React.ReactElement {
  const openCourse = (courseId: string): void => navigate({ screen: 'course', courseId });
  const courseHref = (courseId: string): string => routeHash({ screen: 'course', courseId });
  switch (route.screen) {
    case 'catalog':
      return <CourseCatalog api={services.learning} onOpenCourse={openCourse} courseHref={courseHref} onSignInAgain={onSignInAgain} locale={locale} />;
    case 'course':
      return (
        <CoursePlayer
          key={route.courseId}
          api={services.learning}
          courseId={route.courseId}
          verificationUrl={(code) => services.certificateVerificationUrl(facts.me.tenant.tenantId, code)}
          onBackToCatalog={() => navigate({ screen: 'catalog' })}
          onSignInAgain={onSignInAgain}
          locale={locale}
        />
      );
    case 'team':
      return <TeamTraining teamApi={services.team} learningApi={services.learning} onSignInAgain={onSignInAgain} locale={locale} />;
    case 'privacy':
      return <MyDataAndPrivacy api={services.myDataRights} locale={locale} onPrivacyChanged={onPrivacyChanged} />;
    case 'manage':
      return (
        <ManagePeople
          catalogs={facts.managedCatalogs}
          catalogId={route.catalogId}
          onChooseCatalog={(catalogId) => navigate({ screen: 'manage', catalogId })}
          api={services.purge}
          locale={locale}
        />
      );
    case 'trainingAdmin':
      return (
        <TrainingAdmin
          api={services.trainingAdmin}
          isTenantAdmin={hasRole(facts.me.roles, 'Tenant.Admin')}
          canCreateCatalogs={hasRole(facts.me.roles, 'Tenant.Admin') || hasRole(facts.me.roles, 'Catalog.Manage')}
          onSignInAgain={onSignInAgain}
          locale={locale}
        />
      );
    case 'organisation':
      return (
        <OrganisationPage
          api={services.tenantSetup}
          catalogs={services.trainingAdmin}
          onOpenTrainingAdmin={() => navigate({ screen: 'trainingAdmin' })}
          onSignInAgain={onSignInAgain}
          locale={locale}
        />
      );
    case 'admin':
      return <PrivacyAdministration api={services.tenantPrivacy} locale={locale} />;
    default:
      return <MyTraining api={services.api} locale={locale} onOpenCourse={openCourse} courseHref={courseHref} certificates={services.learning} />;
  }
}
