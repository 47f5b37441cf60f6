import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, ProgressIndicator, Stack, TextField, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CatalogManager, CatalogView, ITrainingAdminApi } from '../../client/trainingAdminApi';
import type { ApiConnectionDetails, DirectorySyncStatusView, ITenantSetupApi, RegionSummary, TenantView } from '../../client/tenantSetupApi';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import type { SetupStrings } from './setupStrings';
import { useSetupStrings } from './setupStringsContext';
import { syncFailureReason, useDirectorySyncRun } from './useDirectorySyncRun';

export interface OrganisationPageProps {
  api: ITenantSetupApi;
  /** The catalogs of the organisation (tenant admins see them all) and their managers. */
  catalogs: CatalogsApi;
  onOpenTrainingAdmin: () => void;
  pollIntervalMs?: number;
  locale?: string;
  onSignInAgain?: () => void;
}

type CatalogsApi = Pick<ITrainingAdminApi, 'listCatalogs' | 'listCatalogManagers'>;

interface Organisation {
  tenant: TenantView;
  region: RegionSummary | null;
  sync: DirectorySyncStatusView;
  catalogs: Array<CatalogView & { managers: CatalogManager[] }>;
  connection: ApiConnectionDetails;
}

async function catalogsWithManagers(catalogsApi: CatalogsApi): Promise<Organisation['catalogs']> {
  const catalogs = await catalogsApi.listCatalogs();
  return Promise.all(catalogs.map(async (catalog) => ({ ...catalog, managers: await catalogsApi.listCatalogManagers(catalog.id) })));
}

async function loadOrganisation(api: ITenantSetupApi, catalogsApi: CatalogsApi): Promise<Organisation> {
  const [tenant, regions, sync, catalogs, connection] = await Promise.all([api.getTenant(), api.listRegions(), api.getDirectorySync(), catalogsWithManagers(catalogsApi), api.apiConnection()]);
  return { tenant, region: regions.filter((r) => r.id === tenant.region)[0] ?? null, sync, catalogs, connection };
}

function formatWhen(value: string | null, locale: string | undefined, s: SetupStrings): string {
  if (!value) return s.syncNever;
  return new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Tenant admins: where the organisation's data lives, the directory sync, catalogs, and the web parts' connection. */
export function OrganisationPage({ api, catalogs: catalogsApi, onOpenTrainingAdmin, pollIntervalMs = 1000, locale, onSignInAgain }: OrganisationPageProps): React.ReactElement {
  const s = useSetupStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(() => loadOrganisation(api, catalogsApi), [api, catalogsApi]);
  const { run, start } = useDirectorySyncRun(api, pollIntervalMs);
  const classes = mergeStyleSets({
    title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
    part: { margin: '24px 0 0' },
    partTitle: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
    facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: 0 },
    term: { fontWeight: 600 },
    detail: { margin: 0 },
    hint: { color: theme.palette.neutralSecondary, margin: '0 0 8px' },
    field: { maxWidth: 560 },
  });
  const lastRun = run.status === 'finished' ? run.result : null;

  let content: React.ReactNode;
  if (load.status === 'loading') content = <LoadingShimmer label={s.loadingOrganisation} />;
  else if (load.status === 'failed') content = <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={s.common} />;
  else {
    const { tenant, region, catalogs, connection } = load.value;
    const sync = lastRun ?? load.value.sync;
    content = (
      <>
        <section className={classes.part} aria-labelledby="org-data">
          <h3 id="org-data" className={classes.partTitle}>
            {s.dataTitle}
          </h3>
          <dl className={classes.facts}>
            <dt className={classes.term}>{s.dataRegion}</dt>
            <dd className={classes.detail}>{region ? s.regionOption(region) : tenant.regionName}</dd>
            <dt className={classes.term}>{s.dataCountry}</dt>
            <dd className={classes.detail}>{region?.country ?? '—'}</dd>
            <dt className={classes.term}>{s.dataDatabase}</dt>
            <dd className={classes.detail}>{s.dataDatabaseValue(tenant.regionName)}</dd>
            <dt className={classes.term}>{s.dataStatus}</dt>
            <dd className={classes.detail}>{s.statuses[tenant.status] ?? tenant.status}</dd>
            <dt className={classes.term}>{s.dataSince}</dt>
            <dd className={classes.detail}>{formatWhen(tenant.createdAt, locale, s)}</dd>
          </dl>
        </section>
        <section className={classes.part} aria-labelledby="org-sync">
          <h3 id="org-sync" className={classes.partTitle}>
            {s.syncTitle}
          </h3>
          <p className={classes.hint}>{s.syncIntro}</p>
          <dl className={classes.facts}>
            <dt className={classes.term}>{s.syncLast}</dt>
            <dd className={classes.detail}>{formatWhen(sync.lastSyncAt, locale, s)}</dd>
            <dt className={classes.term}>{s.syncLastFull}</dt>
            <dd className={classes.detail}>{formatWhen(sync.lastFullSyncAt, locale, s)}</dd>
          </dl>
          {sync.lastResult && (
            <p>{s.syncLastResult(sync.lastResult.changed, sync.lastResult.inserted, sync.lastResult.departed, sync.lastResult.rules.assigned)}</p>
          )}
          {sync.lastError && run.status !== 'running' && <MessageBar messageBarType={MessageBarType.warning}>{s.syncLastError(sync.lastError)}</MessageBar>}
          <div role="status" aria-live="polite">
            {run.status === 'running' && (
              <ProgressIndicator label={s.syncRunning} description={run.progress ? s.syncProgress(run.progress.pages, run.progress.changed) : undefined} />
            )}
            {run.status === 'finished' && <MessageBar messageBarType={MessageBarType.success}>{s.syncDone}</MessageBar>}
          </div>
          {run.status === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{s.syncFailed(syncFailureReason(run.error, s.common))}</MessageBar>}
          <PrimaryButton text={run.status === 'running' ? s.syncRunning : s.syncNow} disabled={run.status === 'running'} onClick={start} styles={{ root: { marginTop: 8 } }} />
        </section>
        <section className={classes.part} aria-labelledby="org-managers">
          <h3 id="org-managers" className={classes.partTitle}>
            {s.managersTitle}
          </h3>
          <p className={classes.hint}>{s.managersIntro}</p>
          {catalogs.length === 0 ? (
            <p>{s.noCatalogs}</p>
          ) : (
            <ul>
              {catalogs.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>: {c.managers.length === 0 ? s.noManagers : c.managers.map((m) => m.displayName ?? m.mail ?? m.id).join(', ')}
                </li>
              ))}
            </ul>
          )}
          <DefaultButton text={s.openInTrainingAdmin} onClick={onOpenTrainingAdmin} />
        </section>
        <section className={classes.part} aria-labelledby="org-connection">
          <h3 id="org-connection" className={classes.partTitle}>
            {s.connectionTitle}
          </h3>
          <p className={classes.hint}>{s.connectionIntro}</p>
          <Stack tokens={{ childrenGap: 8 }}>
            <TextField className={classes.field} label={s.connectionAddress} readOnly={true} value={connection.apiBaseUrl} />
            <TextField className={classes.field} label={s.connectionAudience} readOnly={true} value={connection.audience ?? s.connectionUnknown} />
          </Stack>
        </section>
      </>
    );
  }

  return (
    <section aria-labelledby="org-title">
      <h2 id="org-title" className={classes.title} tabIndex={-1}>
        {s.organisationTitle}
      </h2>
      <p>{s.organisationIntro}</p>
      {content}
    </section>
  );
}
