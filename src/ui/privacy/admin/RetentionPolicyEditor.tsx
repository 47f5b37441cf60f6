import * as React from 'react';
import { Checkbox, DefaultButton, MessageBar, MessageBarType, PrimaryButton, Spinner, SpinnerSize, TextField, getId, mergeStyleSets, useTheme } from '@fluentui/react';
import type { RetentionCriterion } from '../../../domain/dataRights';
import type { ITenantPrivacyApi, RetentionPolicy, RetentionPolicyBody, RetentionPreview } from '../../../client/tenantPrivacyApi';
import { ConfirmDialog } from '../../common/ConfirmDialog';
import { errorText } from '../../common/errorText';
import { LoadFailure } from '../../common/LoadFailure';
import { useLoad } from '../../common/useLoad';
import { visuallyHidden } from '../../common/visuallyHidden';
import { formatDay } from '../../myTraining/formatDay';
import { englishTenantPrivacyStrings, type TenantPrivacyStrings } from './tenantPrivacyStrings';

export interface RetentionPolicyEditorProps {
  api: ITenantPrivacyApi;
  strings?: TenantPrivacyStrings;
  locale?: string;
}

const FIELDS: ReadonlyArray<{ criterion: RetentionCriterion; key: 'inactiveDays' | 'departedDays' | 'noticeNotAcceptedDays' }> = [
  { criterion: 'inactive', key: 'inactiveDays' },
  { criterion: 'departed', key: 'departedDays' },
  { criterion: 'notice-not-accepted', key: 'noticeNotAcceptedDays' },
];

type Draft = Record<(typeof FIELDS)[number]['key'], string> & { dryRunFirst: boolean };

function toDraft(policy: RetentionPolicy): Draft {
  const days = (value: number | null): string => (value === null ? '' : String(value));
  return { inactiveDays: days(policy.inactiveDays), departedDays: days(policy.departedDays), noticeNotAcceptedDays: days(policy.noticeNotAcceptedDays), dryRunFirst: policy.dryRunFirst };
}

/** Empty means never; otherwise a whole number of days, else undefined (invalid). */
export function parseDays(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,5}$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 && value <= 36_500 ? value : undefined;
}

/** The tenant's retention policy, its dry run (who would go now, with a sample), and the purge it leads to. */
export function RetentionPolicyEditor({ api, strings = englishTenantPrivacyStrings, locale }: RetentionPolicyEditorProps): React.ReactElement {
  const theme = useTheme();
  const [headingId] = React.useState(() => getId('atrium-retention-'));
  const { load, reload } = useLoad(() => api.getRetentionPolicy(), [api]);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [preview, setPreview] = React.useState<RetentionPreview | null>(null);
  const [message, setMessage] = React.useState<{ kind: MessageBarType; text: string } | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [confirming, setConfirming] = React.useState(false);
  const classes = mergeStyleSets({
    title: { margin: '0 0 8px', fontSize: 18, fontWeight: 600 },
    fields: { display: 'grid', gap: 12, maxWidth: 420, margin: '12px 0' },
    actions: { display: 'flex', gap: 8, flexWrap: 'wrap', margin: '12px 0' },
    table: { width: '100%', borderCollapse: 'collapse', marginTop: 8 },
    caption: visuallyHidden,
    cell: { textAlign: 'left', padding: '6px 8px 6px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
  });

  React.useEffect(() => {
    if (load.status === 'loaded') setDraft(toDraft(load.value));
  }, [load]);

  const work = <T,>(task: () => Promise<T>, done: (value: T) => void): void => {
    setBusy(true);
    setMessage(null);
    task().then(
      (value) => {
        setBusy(false);
        done(value);
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(false);
        setMessage({ kind: MessageBarType.error, text: errorText(error, strings.actionFailed) });
      },
    );
  };

  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} />;
  // The draft follows the loaded policy one render later.
  if (!draft) return <Spinner size={SpinnerSize.medium} label={strings.loading} ariaLive="polite" labelPosition="right" />;

  const parsed = FIELDS.map(({ key }) => parseDays(draft[key]));
  const valid = parsed.every((value) => value !== undefined);
  const body: RetentionPolicyBody = { inactiveDays: parsed[0] ?? null, departedDays: parsed[1] ?? null, noticeNotAcceptedDays: parsed[2] ?? null, dryRunFirst: draft.dryRunFirst };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classes.title}>
        {strings.retentionTitle}
      </h3>
      <p>{strings.retentionIntro}</p>
      {message && (
        <MessageBar messageBarType={message.kind} onDismiss={() => setMessage(null)}>
          {message.text}
        </MessageBar>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) work(() => api.saveRetentionPolicy(body), (saved) => {
            setDraft(toDraft(saved));
            setPreview(null);
            setMessage({ kind: MessageBarType.success, text: strings.saved });
          });
        }}
      >
        <div className={classes.fields}>
          {FIELDS.map(({ criterion, key }, index) => (
            <TextField
              key={key}
              label={strings.daysLabel(strings.criteria[criterion])}
              description={strings.daysHint}
              inputMode="numeric"
              value={draft[key]}
              onChange={(_, value) => setDraft({ ...draft, [key]: value ?? '' })}
              errorMessage={parsed[index] === undefined ? strings.daysInvalid : undefined}
            />
          ))}
          <Checkbox label={strings.dryRunFirst} checked={draft.dryRunFirst} onChange={(_, checked) => setDraft({ ...draft, dryRunFirst: !!checked })} />
        </div>
        <div className={classes.actions}>
          <PrimaryButton type="submit" text={strings.save} disabled={busy || !valid} />
          <DefaultButton text={strings.dryRun} disabled={busy} onClick={() => work(() => api.previewRetention(), setPreview)} />
        </div>
      </form>
      {preview && (
        <div role="status" aria-live="polite">
          <p>{strings.dryRunResult(preview.total)}</p>
          {preview.sample.length > 0 && (
            <table className={classes.table}>
              <caption className={classes.caption}>{strings.sampleCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" className={classes.cell}>{strings.sampleColumns.person}</th>
                  <th scope="col" className={classes.cell}>{strings.sampleColumns.why}</th>
                  <th scope="col" className={classes.cell}>{strings.sampleColumns.lastActivity}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((candidate) => (
                  <tr key={candidate.learnerId}>
                    <th scope="row" className={classes.cell}>{candidate.displayName ?? candidate.learnerId}</th>
                    <td className={classes.cell}>{candidate.criteria.map((c) => strings.criteria[c]).join(', ')}</td>
                    <td className={classes.cell}>{candidate.lastActivityAt ? formatDay(candidate.lastActivityAt, locale) : strings.never}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.total > 0 && (
            <div className={classes.actions}>
              <DefaultButton text={strings.purgeNow(preview.total)} disabled={busy} onClick={() => setConfirming(true)} />
            </div>
          )}
        </div>
      )}
      {confirming && preview && (
        <ConfirmDialog
          title={strings.purgeTitle(preview.total)}
          text={strings.purgeText}
          confirm={strings.purgeNow(preview.total).replace(/…$/, '')}
          cancel={strings.cancel}
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            work(() => api.runRetention(preview.total), (run) => {
              setConfirming(false);
              setPreview(null);
              setMessage({ kind: MessageBarType.success, text: strings.purgeStarted(run.purgesRequested) });
            })
          }
        />
      )}
    </section>
  );
}
