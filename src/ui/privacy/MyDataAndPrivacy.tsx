import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, TextField, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { IMyDataRightsApi, MyPrivacy, PersonalDataExport } from '../../client/dataRightsApi';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { downloadJson } from '../common/downloadJson';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { useLoad } from '../common/useLoad';
import { formatDay } from '../myTraining/formatDay';
import { englishMyDataStrings, type MyDataStrings } from './myDataStrings';

export interface MyDataAndPrivacyProps {
  api: IMyDataRightsApi;
  strings?: MyDataStrings;
  locale?: string;
  /** Saves the export; the browser download by default. */
  saveExport?: (data: PersonalDataExport) => void;
  /** After the person accepted or withdrew the notice, or asked to be forgotten: the host may depend on it. */
  onPrivacyChanged?: () => void;
}

type Pending = null | 'withdraw' | 'forget';

/** What Atrium stores about me and why, my data to download, the privacy notice, and asking to be forgotten. */
export function MyDataAndPrivacy({ api, strings = englishMyDataStrings, locale, saveExport, onPrivacyChanged }: MyDataAndPrivacyProps): React.ReactElement {
  const theme = useTheme();
  const [ids] = React.useState(() => ({ title: getId('atrium-my-data-'), stored: getId('atrium-stored-'), notice: getId('atrium-notice-'), forget: getId('atrium-forget-') }));
  const { load, reload } = useLoad(() => Promise.all([api.getMyPrivacy(), api.getMyData()]), [api]);
  const [pending, setPending] = React.useState<Pending>(null);
  const [busy, setBusy] = React.useState(false);
  const [actionError, setActionError] = React.useState<string | null>(null);
  const [note, setNote] = React.useState('');
  const on = (iso: string): string => formatDay(iso, locale);
  const classes = mergeStyleSets({
    title: { margin: '0 0 12px', fontSize: 20, fontWeight: 600 },
    section: { margin: '0 0 24px' },
    heading: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
    kinds: { margin: '8px 0', paddingLeft: 20 },
    purpose: { color: theme.palette.neutralSecondary, fontSize: 12 },
    notice: { whiteSpace: 'pre-wrap', padding: 12, border: `1px solid ${theme.palette.neutralLight}`, maxHeight: 320, overflowY: 'auto', margin: '8px 0' },
    actions: { display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 },
  });

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setActionError(null);
    work().then(
      () => {
        setBusy(false);
        setPending(null);
        reload();
        onPrivacyChanged?.();
      },
      (error: unknown) => {
        setBusy(false);
        setPending(null);
        setActionError(errorText(error, strings.actionFailed));
      },
    );
  };

  if (load.status === 'loading') return <Spinner size={SpinnerSize.medium} label={strings.loading} ariaLive="polite" labelPosition="right" />;
  if (load.status === 'failed') {
    return <LoadFailure error={load.error} onRetry={reload} />;
  }
  const [privacy, data]: [MyPrivacy, PersonalDataExport] = load.value;
  const request = privacy.erasureRequest;
  const canAskToBeForgotten = !request || request.status === 'rejected';

  return (
    <section aria-labelledby={ids.title}>
      <h2 id={ids.title} className={classes.title}>
        {strings.title}
      </h2>
      {actionError && (
        <MessageBar messageBarType={MessageBarType.error} onDismiss={() => setActionError(null)}>
          {actionError}
        </MessageBar>
      )}
      {privacy.restricted && <MessageBar messageBarType={MessageBarType.info}>{strings.restricted}</MessageBar>}

      <section className={classes.section} aria-labelledby={ids.notice}>
        <h3 id={ids.notice} className={classes.heading}>
          {strings.noticeTitle}
        </h3>
        {privacy.notice ? (
          <>
            <p>{strings.noticeVersion(privacy.notice.version, on(privacy.notice.publishedAt))}</p>
            <div className={classes.notice} tabIndex={0} role="document" aria-label={strings.noticeTitle}>
              {privacy.notice.text}
            </div>
            <p role="status">{privacy.acceptance && !privacy.mustAccept ? strings.acceptedOn(privacy.acceptance.version, on(privacy.acceptance.acceptedAt)) : strings.notAccepted}</p>
            <div className={classes.actions}>
              {privacy.mustAccept && <PrimaryButton text={strings.accept} disabled={busy} onClick={() => act(() => api.acceptPrivacyNotice(privacy.notice?.version ?? 0))} />}
              {privacy.acceptance && <DefaultButton text={strings.withdraw} disabled={busy} onClick={() => setPending('withdraw')} />}
            </div>
          </>
        ) : (
          <p>{strings.noNotice}</p>
        )}
      </section>

      <section className={classes.section} aria-labelledby={ids.stored}>
        <h3 id={ids.stored} className={classes.heading}>
          {strings.storedTitle}
        </h3>
        <p>{strings.storedIntro}</p>
        <ul className={classes.kinds}>
          {data.kinds.map((kind) => (
            <li key={kind.kind}>
              {kind.description}: {kind.rows.length > 0 ? strings.recordCount(kind.rows.length) : strings.storedEmpty}
              <br />
              <span className={classes.purpose}>{kind.purpose}</span>
            </li>
          ))}
        </ul>
        <DefaultButton
          text={strings.download}
          secondaryText={strings.downloadHint}
          iconProps={{ iconName: 'Download' }}
          onClick={() => (saveExport ?? ((value) => downloadJson(value, 'atrium-my-data.json')))(data)}
        />
      </section>

      <section className={classes.section} aria-labelledby={ids.forget}>
        <h3 id={ids.forget} className={classes.heading}>
          {strings.forgetTitle}
        </h3>
        {request && <p role="status">{strings.requestState(request, on)}</p>}
        {canAskToBeForgotten && (
          <>
            <p>{strings.forgetIntro}</p>
            <DefaultButton text={strings.forgetButton} disabled={busy} onClick={() => setPending('forget')} />
          </>
        )}
      </section>

      {pending === 'withdraw' && (
        <ConfirmDialog
          title={strings.withdrawTitle}
          text={strings.withdrawText}
          confirm={strings.withdrawConfirm}
          cancel={strings.cancel}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => act(() => api.withdrawPrivacyNoticeAcceptance())}
        />
      )}
      {pending === 'forget' && (
        <ConfirmDialog
          title={strings.forgetConfirmTitle}
          text={strings.forgetConfirmText}
          confirm={strings.forgetConfirm}
          cancel={strings.cancel}
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => act(() => api.requestErasure(note))}
        >
          <TextField label={strings.forgetNoteLabel} multiline rows={3} maxLength={1000} value={note} onChange={(_, value) => setNote(value ?? '')} />
        </ConfirmDialog>
      )}
    </section>
  );
}
