import * as React from 'react';
import { Dropdown, mergeStyleSets } from '@fluentui/react';
import type { IPurgeApi } from '../client/privacyApi';
import type { CatalogView } from '../domain/apiResponses';
import { EmptyState } from '../ui/common/EmptyState';
import { CatalogLearners } from '../ui/privacy/CatalogLearners';
import { appStrings } from './appStrings';

export interface ManagePeopleProps {
  catalogs: CatalogView[];
  catalogId: string | null;
  onChooseCatalog: (catalogId: string) => void;
  api: IPurgeApi;
  locale?: string;
}

const classes = mergeStyleSets({
  title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
  intro: { margin: '0 0 12px' },
  picker: { maxWidth: 360, marginBottom: 16 },
});

/** Catalog managers and tenant admins: pick a catalog they manage, then its people. */
export function ManagePeople({ catalogs, catalogId, onChooseCatalog, api, locale }: ManagePeopleProps): React.ReactElement {
  const catalog = catalogs.filter((c) => c.id === catalogId)[0] ?? catalogs[0];
  return (
    <section aria-label={appStrings.manageTitle}>
      <h2 className={classes.title} tabIndex={-1}>
        {appStrings.manageTitle}
      </h2>
      <p className={classes.intro}>{appStrings.manageIntro}</p>
      {!catalog ? (
        <EmptyState title={appStrings.manageNoCatalogTitle} hint={appStrings.manageNoCatalogHint} />
      ) : (
        <>
          {catalogs.length > 1 && (
            <Dropdown
              className={classes.picker}
              label={appStrings.managePicker}
              selectedKey={catalog.id}
              options={catalogs.map((c) => ({ key: c.id, text: c.name }))}
              onChange={(_event, option) => option && onChooseCatalog(String(option.key))}
            />
          )}
          <CatalogLearners key={catalog.id} api={api} catalogId={catalog.id} catalogName={catalog.name} locale={locale} />
        </>
      )}
    </section>
  );
}
