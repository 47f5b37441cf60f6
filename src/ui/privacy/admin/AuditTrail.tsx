import * as React from 'react';
import { DefaultButton, Spinner, SpinnerSize, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { AuditEvent, ITenantPrivacyApi } from '../../../client/tenantPrivacyApi';
import { LoadFailure } from '../../common/LoadFailure';
import { TableHeading } from '../../common/TableHeading';
import { visuallyHidden } from '../../common/visuallyHidden';
import { englishTenantPrivacyStrings, type TenantPrivacyStrings } from './tenantPrivacyStrings';

export interface AuditTrailProps {
  api: ITenantPrivacyApi;
  strings?: TenantPrivacyStrings;
  locale?: string;
}

type TrailState = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; events: AuditEvent[]; nextCursor: string | null; more: boolean };

function formatMoment(iso: string, locale: string | undefined): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

function countsText(counts: Record<string, number> | null, none: string): string {
  if (!counts) return none;
  const total = Object.keys(counts).reduce((sum, kind) => sum + counts[kind], 0);
  return String(total);
}

/** The tenant's audit trail, newest first: who acted, on what, with subjects as keyed hashes only. */
export function AuditTrail({ api, strings = englishTenantPrivacyStrings, locale }: AuditTrailProps): React.ReactElement {
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-audit-'));
  const [state, setState] = React.useState<TrailState>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const classes = mergeStyleSets({
    title: { margin: '0 0 8px', fontSize: 18, fontWeight: 600 },
    table: { width: '100%', borderCollapse: 'collapse' },
    caption: visuallyHidden,
    cell: { textAlign: 'left', padding: '6px 8px 6px 0', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'top' },
    hash: { fontFamily: 'Consolas, monospace', fontSize: 12 },
    more: { marginTop: 12 },
  });

  React.useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.listAudit(null).then(
      (page) => current && setState({ status: 'loaded', events: page.events, nextCursor: page.nextCursor, more: false }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const loadMore = (): void => {
    if (state.status !== 'loaded' || !state.nextCursor) return;
    setState({ ...state, more: true });
    api.listAudit(state.nextCursor).then(
      (page) => setState({ status: 'loaded', events: [...state.events, ...page.events], nextCursor: page.nextCursor, more: false }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  };

  let body: React.ReactNode;
  if (state.status === 'loading') body = <Spinner size={SpinnerSize.medium} label={strings.loading} ariaLive="polite" labelPosition="right" />;
  else if (state.status === 'failed') {
    body = <LoadFailure error={state.error} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (state.events.length === 0) body = <p>{strings.auditEmpty}</p>;
  else {
    const c = strings.auditColumns;
    body = (
      <>
        <table className={classes.table}>
          <TableHeading caption={strings.auditCaption} columns={[c.when, c.action, c.actor, c.catalog, c.subject, c.counts]} captionClassName={classes.caption} cellClassName={classes.cell} />
          <tbody>
            {state.events.map((event) => (
              <tr key={event.id}>
                <th scope="row" className={classes.cell}>{formatMoment(event.at, locale)}</th>
                <td className={classes.cell}>{event.action}</td>
                <td className={`${classes.cell} ${classes.hash}`}>{event.actorId ?? (event.actorHash ? strings.actorErased : strings.actorService)}</td>
                <td className={`${classes.cell} ${classes.hash}`}>{event.catalogId ?? strings.never}</td>
                <td className={`${classes.cell} ${classes.hash}`} title={event.subjectHash ?? undefined}>
                  {event.subjectHash ? `${event.subjectHash.slice(0, 12)}…` : strings.never}
                </td>
                <td className={classes.cell}>{countsText(event.counts, strings.never)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {state.nextCursor && <DefaultButton className={classes.more} text={strings.loadMore} onClick={loadMore} disabled={state.more} />}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classes.title}>
        {strings.auditTitle}
      </h3>
      <p>{strings.auditIntro}</p>
      {body}
    </section>
  );
}
