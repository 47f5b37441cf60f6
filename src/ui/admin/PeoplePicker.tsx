import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, SearchBox, Stack, mergeStyleSets } from '@fluentui/react';
import type { CatalogLearner, ITrainingAdminApi } from '../../client/trainingAdminApi';
import { errorText } from '../common/errorText';
import { adminStrings as s } from './adminStrings';

export interface PeoplePickerProps {
  api: ITrainingAdminApi;
  catalogId: string;
  /** The action on a found person, e.g. "Add Ada Lovelace". */
  actionLabel: (name: string) => string;
  onPick: (person: CatalogLearner) => void;
  label?: string;
}

const classes = mergeStyleSets({ list: { listStyle: 'none', margin: '8px 0', padding: 0 }, item: { display: 'flex', alignItems: 'center', gap: 12, padding: '4px 0' }, who: { flexGrow: 1 } });

/** Finds people among the catalog's learners (the only people search the API offers) and picks one. */
export function PeoplePicker({ api, catalogId, actionLabel, onPick, label = s.assignSearch }: PeoplePickerProps): React.ReactElement {
  const [query, setQuery] = React.useState('');
  const [found, setFound] = React.useState<CatalogLearner[] | null>(null);
  const [failure, setFailure] = React.useState<unknown>(null);
  const search = (text: string): void => {
    setFailure(null);
    api.searchPeople(catalogId, text).then(setFound, (error: unknown) => {
      setFound(null);
      setFailure(error);
    });
  };
  return (
    <div>
      <Stack horizontal={true} tokens={{ childrenGap: 8 }} verticalAlign="end">
        <SearchBox ariaLabel={label} placeholder={label} value={query} onChange={(_e, v) => setQuery(v ?? '')} onSearch={search} styles={{ root: { minWidth: 260 } }} />
        <DefaultButton text={s.searchButton} onClick={() => search(query)} />
      </Stack>
      {failure !== null && <MessageBar messageBarType={MessageBarType.error}>{errorText(failure, s.saveFailed)}</MessageBar>}
      <div role="status" aria-live="polite">
        {found && found.length === 0 && <p>{s.noPeopleFound}</p>}
      </div>
      {found && found.length > 0 && (
        <ul className={classes.list} aria-label={label}>
          {found.map((person) => {
            const name = person.displayName ?? person.mail ?? person.id;
            return (
              <li key={person.id} className={classes.item}>
                <span className={classes.who}>
                  {name}
                  {person.department ? ` · ${person.department}` : ''}
                </span>
                <DefaultButton text={actionLabel(name)} onClick={() => onPick(person)} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
