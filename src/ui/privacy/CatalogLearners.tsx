import * as React from 'react';
import { DefaultButton, SearchBox, Spinner, SpinnerSize, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CatalogLearner, CatalogLearnerPage, IPurgeApi } from '../../client/privacyApi';
import { LoadFailure } from '../common/LoadFailure';
import { visuallyHidden } from '../common/visuallyHidden';
import { formatDay } from '../myTraining/formatDay';
import { PurgeLearnerDialog } from './PurgeLearnerDialog';
import { englishPurgeStrings, type PurgeStrings } from './purgeStrings';

export interface CatalogLearnersProps {
  api: IPurgeApi;
  catalogId: string;
  catalogName: string;
  strings?: PurgeStrings;
  locale?: string;
  /** How long typing pauses before the list is searched. */
  searchDelayMs?: number;
  pollIntervalMs?: number;
}

type ListState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; learners: CatalogLearner[]; nextCursor: string | null; loadingMore: boolean };

/** The people with records in a catalog, searchable, each with a way to purge them: for catalog managers and tenant admins. */
export function CatalogLearners(props: CatalogLearnersProps): React.ReactElement {
  const { api, catalogId, catalogName, strings = englishPurgeStrings, locale, searchDelayMs = 300, pollIntervalMs } = props;
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-catalog-learners-'));
  const [search, setSearch] = React.useState('');
  const [query, setQuery] = React.useState('');
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<ListState>({ status: 'loading' });
  const [purging, setPurging] = React.useState<CatalogLearner | null>(null);
  const generation = React.useRef(0);
  const classes = mergeStyleSets({
    title: { margin: '0 0 12px', fontSize: 20, fontWeight: 600 },
    search: { maxWidth: 420, marginBottom: 12 },
    table: { width: '100%', borderCollapse: 'collapse' },
    caption: visuallyHidden,
    cell: { textAlign: 'left', padding: '8px 8px 8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'middle' },
    number: { textAlign: 'right', padding: '8px 16px 8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    more: { marginTop: 12 },
  });

  React.useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, searchDelayMs]);

  const fetchPage = React.useCallback(
    (cursor: string | null): Promise<CatalogLearnerPage> => api.listCatalogLearners(catalogId, { search: query || undefined, cursor }),
    [api, catalogId, query],
  );

  React.useEffect(() => {
    const mine = ++generation.current;
    setState({ status: 'loading' });
    fetchPage(null).then(
      (page) => {
        if (generation.current === mine) setState({ status: 'loaded', learners: page.learners, nextCursor: page.nextCursor, loadingMore: false });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ status: 'failed', error });
      },
    );
  }, [fetchPage, attempt]);

  const loadMore = (): void => {
    if (state.status !== 'loaded' || !state.nextCursor) return;
    const mine = generation.current;
    setState({ ...state, loadingMore: true });
    fetchPage(state.nextCursor).then(
      (page) => {
        if (generation.current === mine) setState({ status: 'loaded', learners: [...state.learners, ...page.learners], nextCursor: page.nextCursor, loadingMore: false });
      },
      (error: unknown) => {
        if (generation.current === mine) setState({ status: 'failed', error });
      },
    );
  };

  let body: React.ReactNode;
  if (state.status === 'loading') {
    body = <Spinner size={SpinnerSize.medium} label={strings.loading} ariaLive="polite" labelPosition="right" />;
  } else if (state.status === 'failed') {
    body = <LoadFailure error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (state.learners.length === 0) {
    body = <p role="status">{query ? strings.noMatches(query) : strings.noLearners}</p>;
  } else {
    body = (
      <>
        <table className={classes.table}>
          <caption className={classes.caption}>{strings.tableCaption(catalogName)}</caption>
          <thead>
            <tr>
              <th scope="col" className={classes.cell}>{strings.columns.name}</th>
              <th scope="col" className={classes.cell}>{strings.columns.mail}</th>
              <th scope="col" className={classes.cell}>{strings.columns.department}</th>
              <th scope="col" className={classes.number}>{strings.columns.records}</th>
              <th scope="col" className={classes.cell}>{strings.columns.lastActivity}</th>
              <th scope="col" className={classes.cell}>{strings.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {state.learners.map((learner) => {
              const name = learner.displayName ?? learner.mail ?? strings.unnamed;
              return (
                <tr key={learner.id}>
                  <th scope="row" className={classes.cell}>{name}</th>
                  <td className={classes.cell}>{learner.mail ?? strings.never}</td>
                  <td className={classes.cell}>{learner.department ?? strings.never}</td>
                  <td className={classes.number}>{learner.records}</td>
                  <td className={classes.cell}>{learner.lastActivityAt ? formatDay(learner.lastActivityAt, locale) : strings.never}</td>
                  <td className={classes.cell}>
                    <DefaultButton text={strings.purgeButton} ariaLabel={strings.purgeButtonLabel(name)} onClick={() => setPurging(learner)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {state.nextCursor && <DefaultButton className={classes.more} text={strings.loadMore} onClick={loadMore} disabled={state.loadingMore} />}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={classes.title}>
        {strings.learnersTitle(catalogName)}
      </h2>
      <SearchBox
        className={classes.search}
        ariaLabel={strings.searchLabel}
        placeholder={strings.searchPlaceholder}
        value={search}
        onChange={(_, value) => setSearch(value ?? '')}
        onSearch={(value) => setQuery(value.trim())}
      />
      {body}
      {purging && (
        <PurgeLearnerDialog
          api={api}
          catalogId={catalogId}
          catalogName={catalogName}
          learner={purging}
          strings={strings}
          pollIntervalMs={pollIntervalMs}
          onClose={(purged) => {
            setPurging(null);
            if (purged) setAttempt((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
