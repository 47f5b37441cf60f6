import * as React from 'react';
import { ActionButton } from '@fluentui/react';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import type { ITenantSetupApi } from '../../client/tenantSetupApi';
import type { ITrainingAdminApi } from '../../client/trainingAdminApi';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { OrganisationPage } from '../setup/OrganisationPage';
import { useSetupStrings } from '../setup/setupStringsContext';
import { TrainingAdmin } from './TrainingAdmin';

export interface TrainingAdminHomeProps {
  api: ITrainingAdminApi;
  /** Tenant.Admin: manages every catalog and appoints managers; with `organisation`, also sees the Organisation page. */
  isTenantAdmin: boolean;
  canCreateCatalogs: boolean;
  /** The organisation's set-up (region, directory sync, connection); without it there is no Organisation page. */
  organisation?: ITenantSetupApi;
  locale?: string;
  onSignInAgain?: () => void;
  sharePointContent?: ISharePointContentService;
}

// The headings Training admin and the Organisation page render; focus moves there when the view changes.
const TRAINING_ADMIN_HEADING = 'training-admin-title';
const ORGANISATION_HEADING = 'org-title';

/**
 * Training admin for a host without its own navigation (the SharePoint web part): a tenant admin switches between it
 * and the Organisation page; everyone else sees Training admin alone.
 */
export function TrainingAdminHome({ api, isTenantAdmin, canCreateCatalogs, organisation, locale, onSignInAgain, sharePointContent }: TrainingAdminHomeProps): React.ReactElement {
  const s = useSetupStrings();
  const [view, setView] = React.useState<'trainingAdmin' | 'organisation'>('trainingAdmin');
  const focusAfterRender = useFocusAfterRender();
  const show = (next: typeof view): void => {
    focusAfterRender(next === 'organisation' ? ORGANISATION_HEADING : TRAINING_ADMIN_HEADING);
    setView(next);
  };

  const trainingAdmin = (
    <TrainingAdmin api={api} isTenantAdmin={isTenantAdmin} canCreateCatalogs={canCreateCatalogs} locale={locale} onSignInAgain={onSignInAgain} sharePointContent={sharePointContent} />
  );
  if (!isTenantAdmin || !organisation) return trainingAdmin;
  if (view === 'organisation') {
    return (
      <>
        <ActionButton iconProps={{ iconName: 'Back' }} text={s.backToTrainingAdmin} onClick={() => show('trainingAdmin')} />
        <OrganisationPage api={organisation} catalogs={api} onOpenTrainingAdmin={() => show('trainingAdmin')} locale={locale} onSignInAgain={onSignInAgain} />
      </>
    );
  }
  return (
    <>
      <ActionButton iconProps={{ iconName: 'CityNext' }} text={s.openOrganisation} onClick={() => show('organisation')} />
      {trainingAdmin}
    </>
  );
}
