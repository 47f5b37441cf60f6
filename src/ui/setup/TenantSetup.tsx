import * as React from 'react';
import { MessageBar, MessageBarType, mergeStyleSets } from '@fluentui/react';
import type { ITenantSetupApi } from '../../client/tenantSetupApi';
import { hasRole } from '../../domain/roles';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { useSetupStrings } from './setupStringsContext';
import { TenantSetupWizard } from './TenantSetupWizard';

export interface TenantSetupProps {
  api: ITenantSetupApi;
  onFinished: () => void;
  pollIntervalMs?: number;
  onSignInAgain?: () => void;
}

const classes = mergeStyleSets({ title: { margin: '0 0 8px', fontSize: 20, fontWeight: 600, outline: 'none' } });

/** An organisation not set up yet: its tenant admin gets the set-up wizard; anyone else is told who has to act. */
export function TenantSetup({ api, onFinished, pollIntervalMs, onSignInAgain }: TenantSetupProps): React.ReactElement {
  const s = useSetupStrings();
  const { load } = useLoad(() => api.callerRoles(), [api]);
  if (load.status === 'loading') return <LoadingShimmer label={s.checkingRole} rows={1} />;
  if (load.status === 'loaded' && hasRole(load.value, 'Tenant.Admin')) {
    return <TenantSetupWizard api={api} onFinished={onFinished} pollIntervalMs={pollIntervalMs} onSignInAgain={onSignInAgain} />;
  }
  return (
    <section aria-labelledby="atrium-not-set-up">
      <h2 id="atrium-not-set-up" className={classes.title} tabIndex={-1}>
        {s.notAdminTitle}
      </h2>
      <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>
        {s.notAdminText}
      </MessageBar>
    </section>
  );
}
