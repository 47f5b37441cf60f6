import * as React from 'react';
import { Dropdown, MessageBar, MessageBarType, Pivot, PivotItem, PrimaryButton, Stack, getId, mergeStyleSets } from '@fluentui/react';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import type { CatalogView, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { EmptyState } from '../common/EmptyState';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useFocusAfterRender } from '../common/useFocusAfterRender';
import { useLoad } from '../common/useLoad';
import type { AdminStrings } from './adminStrings';
import { Outcome, succeeded } from '../common/Outcome';
import { useAdminStrings } from './adminStringsContext';
import { CatalogForm } from './CatalogForm';
import { CatalogSettingsTab } from './CatalogSettingsTab';
import { CoursesTab } from './CoursesTab';
import { PlansTab } from './PlansTab';
import { ReportsTab } from './ReportsTab';
import { RulesTab } from './RulesTab';

export interface TrainingAdminProps {
  api: ITrainingAdminApi;
  /** Tenant.Admin: manages every catalog and appoints managers. */
  isTenantAdmin: boolean;
  /** Tenant.Admin or Catalog.Manage: may create catalogs. */
  canCreateCatalogs: boolean;
  locale?: string;
  onSignInAgain?: () => void;
  /**
   * SharePoint content of the catalogs' sites: the course editor then picks lesson material with the SharePoint
   * material picker. The SPFx web part passes it; the standalone page (no SharePoint) does not.
   */
  sharePointContent?: ISharePointContentService;
}

type Tab = keyof AdminStrings['tabs'];

const classes = mergeStyleSets({
  title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 12px' },
  bar: { margin: '0 0 12px' },
});

/** Training managers and tenant admins: catalogs, courses (with quizzes), plans, assignment rules, reports. */
export function TrainingAdmin({ api, isTenantAdmin, canCreateCatalogs, locale, onSignInAgain, sharePointContent }: TrainingAdminProps): React.ReactElement {
  const s = useAdminStrings();
  const { load, reload } = useLoad(() => api.listCatalogs(), [api]);
  const [catalogId, setCatalogId] = React.useState<string | null>(null);
  const [tab, setTab] = React.useState<Tab>('courses');
  const [creating, setCreating] = React.useState(false);
  const [created, setCreated] = React.useState<string | null>(null);
  // Where the focus goes when the catalog form closes (it would otherwise fall to the page).
  const [focusIds] = React.useState(() => ({ newCatalog: getId('new-catalog'), created: getId('catalog-created') }));
  const focusAfterRender = useFocusAfterRender();
  // Catalogs saved in Catalog settings, shown (e.g. renamed in the catalog picker) without reloading the list.
  const [savedCatalogs, setSavedCatalogs] = React.useState<Record<string, CatalogView>>({});
  const onCatalogSaved = React.useCallback((saved: CatalogView) => setSavedCatalogs((all) => ({ ...all, [saved.id]: saved })), []);

  let content: React.ReactNode;
  if (load.status === 'loading') content = <LoadingShimmer label={s.loading} />;
  else if (load.status === 'failed') content = <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={s.common} />;
  else {
    const managed = load.value.map((c) => savedCatalogs[c.id] ?? c).filter((c) => c.canManage);
    const catalog: CatalogView | undefined = managed.filter((c) => c.id === catalogId)[0] ?? managed[0];
    if (managed.length === 0 && !canCreateCatalogs) {
      content = <MessageBar messageBarType={MessageBarType.info} isMultiline={true}>{s.forManagersOnly}</MessageBar>;
    } else if (creating) {
      content = (
        <CatalogForm
          api={api}
          onSaved={(c) => {
            focusAfterRender(focusIds.created);
            setCreating(false);
            setCreated(s.catalogCreated(c.name));
            setCatalogId(c.id);
            reload();
          }}
          onCancel={() => {
            focusAfterRender(focusIds.newCatalog);
            setCreating(false);
          }}
        />
      );
    } else {
      content = (
        <>
          <Stack horizontal={true} wrap={true} verticalAlign="end" tokens={{ childrenGap: 12 }} className={classes.bar}>
            {managed.length > 0 && catalog && (
              <Dropdown
                label={s.catalogPicker}
                selectedKey={catalog.id}
                options={managed.map((c) => ({ key: c.id, text: c.name }))}
                onChange={(_e, option) => option && setCatalogId(String(option.key))}
                styles={{ root: { minWidth: 280 } }}
              />
            )}
            {canCreateCatalogs && <PrimaryButton id={focusIds.newCatalog} iconProps={{ iconName: 'Add' }} text={s.newCatalog} onClick={() => setCreating(true)} />}
          </Stack>
          <Outcome message={succeeded(created)} id={focusIds.created} />
          {!catalog ? (
            <EmptyState title={s.noCatalogTitle} hint={s.noCatalogHint} />
          ) : (
            <Pivot selectedKey={tab} onLinkClick={(item) => item?.props.itemKey && setTab(item.props.itemKey as Tab)}>
              <PivotItem itemKey="courses" headerText={s.tabs.courses}>
                <CoursesTab
                  key={catalog.id}
                  api={api}
                  catalogId={catalog.id}
                  locale={locale}
                  sharePointMaterial={sharePointContent ? { service: sharePointContent, siteUrl: catalog.siteUrl } : undefined}
                />
              </PivotItem>
              <PivotItem itemKey="plans" headerText={s.tabs.plans}>
                <PlansTab key={catalog.id} api={api} catalogId={catalog.id} />
              </PivotItem>
              <PivotItem itemKey="rules" headerText={s.tabs.rules}>
                <RulesTab key={catalog.id} api={api} catalogId={catalog.id} onShowReport={() => setTab('reports')} />
              </PivotItem>
              <PivotItem itemKey="reports" headerText={s.tabs.reports}>
                <ReportsTab key={catalog.id} api={api} catalogId={catalog.id} locale={locale} />
              </PivotItem>
              <PivotItem itemKey="settings" headerText={s.tabs.settings}>
                <CatalogSettingsTab key={catalog.id} api={api} catalog={catalog} isTenantAdmin={isTenantAdmin} onCatalogSaved={onCatalogSaved} />
              </PivotItem>
            </Pivot>
          )}
        </>
      );
    }
  }

  return (
    <section aria-labelledby="training-admin-title">
      <h2 id="training-admin-title" className={classes.title} tabIndex={-1}>
        {s.title}
      </h2>
      <p className={classes.intro}>{s.intro}</p>
      {content}
    </section>
  );
}
