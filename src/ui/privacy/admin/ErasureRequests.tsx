import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, TextField, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { ITenantPrivacyApi, TenantErasureRequest } from '../../../client/tenantPrivacyApi';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { errorText } from '../../common/errorText';
import { LoadFailure } from '../../common/LoadFailure';
import { TableHeading } from '../../common/TableHeading';
import { useLoad } from '../../common/useLoad';
import { visuallyHidden } from '../../common/visuallyHidden';
import { formatDay } from '../../myTraining/formatDay';
import { englishTenantPrivacyStrings, type TenantPrivacyStrings } from './tenantPrivacyStrings';

export interface ErasureRequestsProps {
  api: ITenantPrivacyApi;
  strings?: TenantPrivacyStrings;
  locale?: string;
}

type Deciding = { request: TenantErasureRequest; decision: 'approve' | 'reject' } | null;

/** A tenant admin decides requests to be forgotten: approve (the person is erased) or reject with a reason. */
export function ErasureRequests({ api, strings = englishTenantPrivacyStrings, locale }: ErasureRequestsProps): React.ReactElement {
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-erasure-requests-'));
  const { load, reload } = useLoad(() => api.listErasureRequests(), [api]);
  const [deciding, setDeciding] = React.useState<Deciding>(null);
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const classes = mergeStyleSets({
    title: { margin: '0 0 12px', fontSize: 18, fontWeight: 600 },
    table: { width: '100%', borderCollapse: 'collapse' },
    caption: visuallyHidden,
    cell: { textAlign: 'left', padding: '8px 8px 8px 0', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'top' },
    buttons: { display: 'flex', gap: 8 },
  });

  const decide = (): void => {
    if (!deciding) return;
    const body = deciding.decision === 'approve' ? ({ decision: 'approve' } as const) : ({ decision: 'reject', reason: reason.trim() } as const);
    setBusy(true);
    setError(null);
    api.decideErasureRequest(deciding.request.id, body).then(
      () => {
        setBusy(false);
        setDeciding(null);
        setReason('');
        reload();
      },
      (failure: unknown) => {
        setBusy(false);
        setDeciding(null);
        setError(errorText(failure, strings.actionFailed));
      },
    );
  };

  let body: React.ReactNode;
  if (load.status === 'loading') body = <Spinner size={SpinnerSize.medium} label={strings.loading} ariaLive="polite" labelPosition="right" />;
  else if (load.status === 'failed') {
    body = <LoadFailure error={load.error} onRetry={reload} />;
  } else if (load.value.length === 0) body = <p>{strings.requestsEmpty}</p>;
  else {
    const c = strings.requestColumns;
    body = (
      <table className={classes.table}>
        <TableHeading caption={strings.requestsCaption} columns={[c.person, c.requested, c.source, c.note, c.status, c.decision]} captionClassName={classes.caption} cellClassName={classes.cell} />
        <tbody>
          {load.value.map((request) => {
            const name = request.displayName ?? request.mail ?? request.learnerId;
            return (
              <tr key={request.id}>
                <th scope="row" className={classes.cell}>
                  {name}
                  {request.mail && request.displayName ? <div>{request.mail}</div> : null}
                </th>
                <td className={classes.cell}>{formatDay(request.requestedAt, locale)}</td>
                <td className={classes.cell}>{strings.sources[request.source]}</td>
                <td className={classes.cell}>{request.note ?? strings.never}</td>
                <td className={classes.cell}>
                  {strings.statuses[request.status]}
                  {request.decisionReason ? <div>{request.decisionReason}</div> : null}
                </td>
                <td className={classes.cell}>
                  {request.status === 'pending' ? (
                    <div className={classes.buttons}>
                      <PrimaryButton text={strings.approve} ariaLabel={strings.approveLabel(name)} onClick={() => setDeciding({ request, decision: 'approve' })} />
                      <DefaultButton text={strings.reject} ariaLabel={strings.rejectLabel(name)} onClick={() => setDeciding({ request, decision: 'reject' })} />
                    </div>
                  ) : (
                    strings.never
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }

  const name = deciding ? deciding.request.displayName ?? deciding.request.mail ?? deciding.request.learnerId : '';
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classes.title}>
        {strings.requestsTitle}
      </h3>
      {error && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setError(null)}>
          {error}
        </MessageBar>
      )}
      {body}
      {deciding?.decision === 'approve' && (
        <ConfirmDialog title={strings.approveTitle(name)} text={strings.approveText} confirm={strings.approve} cancel={strings.cancel} busy={busy} onConfirm={decide} onCancel={() => setDeciding(null)} />
      )}
      {deciding?.decision === 'reject' && (
        <ConfirmDialog
          title={strings.rejectTitle(name)}
          text=""
          confirm={strings.rejectConfirm}
          cancel={strings.cancel}
          busy={busy}
          confirmDisabled={reason.trim() === ''}
          onConfirm={decide}
          onCancel={() => setDeciding(null)}
        >
          <TextField label={strings.rejectReasonLabel} required multiline rows={3} maxLength={1000} value={reason} onChange={(_, value) => setReason(value ?? '')} />
        </ConfirmDialog>
      )}
    </section>
  );
}
