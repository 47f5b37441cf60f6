import * as React from 'react';
import {
  DefaultButton,
  Dialog,
  DialogFooter,
  DialogType,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  ProgressIndicator,
  Spinner,
  SpinnerSize,
  TextField,
  mergeStyleSets,
} from '@fluentui/react';
import type { CatalogLearner, IPurgeApi, PurgeJob } from '../../client/privacyApi';
import { errorText } from '../common/errorText';
import { useLoad } from '../common/useLoad';
import { englishPurgeStrings, kindLabel, type PurgeStrings } from './purgeStrings';
import { usePurgeJob } from './usePurgeJob';

export interface PurgeLearnerDialogProps {
  api: IPurgeApi;
  catalogId: string;
  catalogName: string;
  learner: CatalogLearner;
  /** `purged` is true once the purge is done, so the list can refresh. */
  onClose: (purged: boolean) => void;
  strings?: PurgeStrings;
  pollIntervalMs?: number;
}

const classes = mergeStyleSets({
  counts: { margin: '8px 0', paddingLeft: 20 },
  total: { fontWeight: 600, margin: '8px 0' },
  warning: { margin: '12px 0' },
});

/** Typed confirmation matches the expected text regardless of case and surrounding spaces, as people type mail. */
export function confirmationMatches(typed: string, expected: string): boolean {
  return typed.trim().toLowerCase() === expected.trim().toLowerCase();
}

function CountList({ counts, strings }: { counts: Record<string, number>; strings: PurgeStrings }): React.ReactElement {
  const kinds = Object.keys(counts).filter((kind) => counts[kind] > 0);
  return (
    <ul className={classes.counts}>
      {kinds.map((kind) => (
        <li key={kind}>
          {kindLabel(strings, kind)}: {counts[kind]}
        </li>
      ))}
    </ul>
  );
}

function sum(counts: Record<string, number>): number {
  return Object.keys(counts).reduce((total, kind) => total + counts[kind], 0);
}

function JobProgress({ job, strings }: { job: PurgeJob; strings: PurgeStrings }): React.ReactElement {
  if (job.status === 'done') {
    return (
      <>
        <MessageBar messageBarType={MessageBarType.success}>{strings.doneSummary(sum(job.counts))}</MessageBar>
        <CountList counts={job.counts} strings={strings} />
      </>
    );
  }
  if (job.status === 'failed') return <MessageBar messageBarType={MessageBarType.error}>{strings.failed}</MessageBar>;
  const { done, total } = job.progress;
  return (
    <ProgressIndicator
      label={strings.status[job.status]}
      description={strings.progress(done, total)}
      percentComplete={total > 0 ? done / total : undefined}
      ariaValueText={strings.progress(done, total)}
    />
  );
}

/** Purge one person from a catalog: what goes, a typed confirmation, progress, and the counts when done. */
export function PurgeLearnerDialog(props: PurgeLearnerDialogProps): React.ReactElement {
  const { api, catalogId, catalogName, learner, onClose, strings = englishPurgeStrings, pollIntervalMs = 500 } = props;
  const name = learner.displayName ?? learner.mail ?? strings.unnamed;
  const { load: preview } = useLoad(() => api.getPurgePreview(catalogId, learner.id), [api, catalogId, learner.id]);
  const { run, start } = usePurgeJob(api, pollIntervalMs);
  const [typed, setTyped] = React.useState('');
  const [touched, setTouched] = React.useState(false);

  const purged = run.phase === 'tracking' && run.job.status === 'done';
  const busy = run.phase === 'starting' || (run.phase === 'tracking' && run.job.status !== 'done' && run.job.status !== 'failed');
  const close = (): void => {
    if (!busy) onClose(purged);
  };

  let body: React.ReactNode;
  let footer: React.ReactNode;
  if (run.phase === 'tracking') {
    body = (
      <div role="status" aria-live="polite">
        <JobProgress job={run.job} strings={strings} />
      </div>
    );
    footer = <PrimaryButton text={strings.close} onClick={close} disabled={busy} />;
  } else if (preview.status === 'loading') {
    body = <Spinner size={SpinnerSize.medium} label={strings.previewLoading} ariaLive="polite" />;
    footer = <DefaultButton text={strings.cancel} onClick={close} />;
  } else if (preview.status === 'failed') {
    body = <MessageBar messageBarType={MessageBarType.error}>{errorText(preview.error, strings.previewFailed)}</MessageBar>;
    footer = <DefaultButton text={strings.close} onClick={close} />;
  } else {
    const expected = preview.value.confirmation;
    const matches = confirmationMatches(typed, expected);
    const submit = (): void => {
      setTouched(true);
      if (matches && run.phase !== 'starting') start(catalogId, learner.id, typed.trim());
    };
    body = (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p>{strings.previewIntro(catalogName)}</p>
        <CountList counts={preview.value.counts} strings={strings} />
        <p className={classes.total}>{strings.total(preview.value.total)}</p>
        <MessageBar className={classes.warning} messageBarType={MessageBarType.warning}>
          {strings.irreversible}
        </MessageBar>
        {run.phase === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{errorText(run.error, strings.failed)}</MessageBar>}
        <TextField
          label={strings.confirmLabel(expected)}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(_, value) => setTyped(value ?? '')}
          onBlur={() => setTouched(true)}
          errorMessage={touched && typed !== '' && !matches ? strings.confirmMismatch : undefined}
          autoFocus
        />
      </form>
    );
    footer = (
      <>
        <PrimaryButton text={strings.confirm} onClick={submit} disabled={!matches || run.phase === 'starting'} />
        <DefaultButton text={strings.cancel} onClick={close} />
      </>
    );
  }

  return (
    <Dialog
      hidden={false}
      onDismiss={close}
      dialogContentProps={{ type: DialogType.normal, title: strings.dialogTitle(name), showCloseButton: false }}
      modalProps={{ isBlocking: true }}
      minWidth={420}
    >
      {body}
      <DialogFooter>{footer}</DialogFooter>
    </Dialog>
  );
}
