import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react';
import type { ITenantPrivacyApi } from '../client/tenantPrivacyApi';
import { AuditTrail } from '../ui/privacy/admin/AuditTrail';
import { ErasureRequests } from '../ui/privacy/admin/ErasureRequests';
import { RetentionPolicyEditor } from '../ui/privacy/admin/RetentionPolicyEditor';
import { appStrings } from './appStrings';

export interface PrivacyAdministrationProps {
  api: ITenantPrivacyApi;
  locale?: string;
}

const classes = mergeStyleSets({
  title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 16px' },
  part: { marginBottom: 32 },
});

/** Tenant admins: erasure requests, the retention policy and the audit trail, on one page. */
export function PrivacyAdministration({ api, locale }: PrivacyAdministrationProps): React.ReactElement {
  return (
    <section aria-label={appStrings.adminTitle}>
      <h2 className={classes.title} tabIndex={-1}>
        {appStrings.adminTitle}
      </h2>
      <p className={classes.intro}>{appStrings.adminIntro}</p>
      <div className={classes.part}>
        <ErasureRequests api={api} locale={locale} />
      </div>
      <div className={classes.part}>
        <RetentionPolicyEditor api={api} locale={locale} />
      </div>
      <div className={classes.part}>
        <AuditTrail api={api} locale={locale} />
      </div>
    </section>
  );
}
