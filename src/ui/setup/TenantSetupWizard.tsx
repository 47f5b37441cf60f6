import * as React from 'react';
import {
  ChoiceGroup,
  DefaultButton,
  MessageBar,
  MessageBarType,
  PrimaryButton,
  ProgressIndicator,
  Stack,
  TextField,
  mergeStyleSets,
  useTheme,
  type IChoiceGroupOption,
} from '@fluentui/react';
import { LmsApiError } from '../../client/lmsApiError';
import type { ITenantSetupApi, RegionSummary, TenantView } from '../../client/tenantSetupApi';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { useLoad } from '../common/useLoad';
import { pollUntil } from './pollUntil';
import { useSetupStrings } from './setupStringsContext';
import { syncFailureReason, useDirectorySyncRun } from './useDirectorySyncRun';

export interface TenantSetupWizardProps {
  api: ITenantSetupApi;
  /** Everything is set up and the first sync is done: move on (to Training admin). */
  onFinished: () => void;
  /** How often provisioning and sync progress are asked for; tests pass 0. */
  pollIntervalMs?: number;
  onSignInAgain?: () => void;
}

type Step = 'region' | 'confirm' | 'provisioning' | 'sync';

interface Start {
  regions: RegionSummary[];
  /** Set when onboarding was started earlier (provisioning) or has finished. */
  tenant: TenantView | null;
}

async function loadStart(api: ITenantSetupApi): Promise<Start> {
  const [regions, tenant] = await Promise.all([
    api.listRegions(),
    api.getTenant().catch((error: unknown) => {
      if (error instanceof LmsApiError && error.code === 'tenant_not_onboarded') return null;
      throw error;
    }),
  ]);
  return { regions, tenant };
}

const classes = mergeStyleSets({
  title: { margin: '0 0 4px', fontSize: 20, fontWeight: 600, outline: 'none' },
  stepTitle: { margin: '16px 0 8px', fontSize: 16, fontWeight: 600 },
  steps: { display: 'flex', gap: 16, margin: '8px 0 16px', padding: 0, listStyle: 'none', flexWrap: 'wrap' },
  points: { margin: '8px 0 16px', paddingLeft: 20 },
  field: { maxWidth: 420 },
});

/** First sign-in of a tenant admin whose organisation is not set up: region, confirmation, provisioning, first sync. */
export function TenantSetupWizard({ api, onFinished, pollIntervalMs = 1000, onSignInAgain }: TenantSetupWizardProps): React.ReactElement {
  const s = useSetupStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(() => loadStart(api), [api]);
  const [step, setStep] = React.useState<Step>('region');
  const [name, setName] = React.useState('');
  const [regionId, setRegionId] = React.useState<string | null>(null);
  const [touched, setTouched] = React.useState(false);
  const [tenant, setTenant] = React.useState<TenantView | null>(null);
  const [failure, setFailure] = React.useState<unknown>(null);
  const [busy, setBusy] = React.useState(false);
  const { run: sync, start: startSync } = useDirectorySyncRun(api, pollIntervalMs);
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const alive = React.useRef(true);
  React.useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const followProvisioning = React.useCallback(
    (current: TenantView) => {
      setTenant(current);
      setStep('provisioning');
      pollUntil(() => api.getTenant(), (t) => t.status !== 'provisioning', pollIntervalMs, () => !alive.current).then(
        (ready) => {
          if (!ready) return;
          setTenant(ready);
          setStep('sync');
          startSync();
        },
        (error: unknown) => {
          if (alive.current) setFailure(error);
        },
      );
    },
    [api, pollIntervalMs, startSync],
  );

  // Onboarding was started before (a reload mid-provisioning) or is done: carry on from there.
  React.useEffect(() => {
    if (load.status !== 'loaded' || !load.value.tenant) return;
    const existing = load.value.tenant;
    if (existing.status === 'provisioning') followProvisioning(existing);
    else {
      setTenant(existing);
      setStep('sync');
      startSync();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load.status]);

  React.useEffect(() => {
    headingRef.current?.focus();
  }, [step]);

  if (load.status === 'loading') return <LoadingShimmer label={s.loading} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} onSignInAgain={onSignInAgain} strings={s.common} />;
  const regions = load.value.regions;
  const region = regions.filter((r) => r.id === regionId)[0] ?? null;
  const regionName = tenant?.regionName ?? region?.displayName ?? '';
  const stepIndex = { region: 0, confirm: 1, provisioning: 2, sync: 3 }[step];

  const submitRegion = (): void => {
    setTouched(true);
    if (name.trim() && region) setStep('confirm');
  };

  const confirm = (): void => {
    if (!region) return;
    setBusy(true);
    setFailure(null);
    api.onboard(region.id, name.trim()).then(
      (onboarded) => {
        setBusy(false);
        if (onboarded.status === 'provisioning') followProvisioning(onboarded);
        else {
          setTenant(onboarded);
          setStep('sync');
          startSync();
        }
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  const options: IChoiceGroupOption[] = regions.map((r) => ({
    key: r.id,
    text: s.regionOption(r),
    'aria-describedby': `region-detail-${r.id}`,
    onRenderField: (props, render) => (
      <div>
        {render?.(props)}
        <div id={`region-detail-${r.id}`} style={{ marginLeft: 26, fontSize: 12, color: theme.palette.neutralSecondary }}>
          {s.regionDetail(r)}
        </div>
      </div>
    ),
  }));

  let body: React.ReactNode;
  if (step === 'region') {
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        <TextField
          className={classes.field}
          label={s.organisationName}
          description={s.organisationNameHint}
          required={true}
          value={name}
          onChange={(_e, value) => setName(value ?? '')}
          errorMessage={touched && !name.trim() ? s.organisationNameRequired : undefined}
        />
        <ChoiceGroup
          label={s.regionLegend}
          required={true}
          options={options}
          selectedKey={regionId ?? undefined}
          onChange={(_e, option) => option && setRegionId(String(option.key))}
        />
        {touched && !region && (
          <MessageBar messageBarType={MessageBarType.error} role="alert">
            {s.regionRequired}
          </MessageBar>
        )}
        <section aria-labelledby="atrium-residency">
          <h4 id="atrium-residency" className={classes.stepTitle}>
            {s.residencyTitle}
          </h4>
          <ul className={classes.points}>
            {s.residencyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </section>
        <Stack horizontal={true}>
          <PrimaryButton text={s.continue} onClick={submitRegion} />
        </Stack>
      </Stack>
    );
  } else if (step === 'confirm' && region) {
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        <p>{s.confirmText(name.trim(), region)}</p>
        {failure !== null && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>
            {errorText(failure, s.onboardingFailed)}
          </MessageBar>
        )}
        <Stack horizontal={true} tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={s.confirm(region)} onClick={confirm} disabled={busy} />
          <DefaultButton text={s.back} onClick={() => setStep('region')} disabled={busy} />
        </Stack>
        {busy && <ProgressIndicator label={s.provisioning(region.displayName)} />}
      </Stack>
    );
  } else if (step === 'provisioning') {
    body =
      failure !== null ? (
        <LoadFailure error={failure} onRetry={() => tenant && followProvisioning(tenant)} onSignInAgain={onSignInAgain} strings={s.common} />
      ) : (
        <div role="status">
          <ProgressIndicator label={s.provisioning(regionName)} description={s.provisioningHint} />
        </div>
      );
  } else {
    body = (
      <Stack tokens={{ childrenGap: 12 }}>
        <MessageBar messageBarType={MessageBarType.success}>{s.provisioned(regionName)}</MessageBar>
        <div role="status" aria-live="polite">
          {(sync.status === 'running' || sync.status === 'idle') && (
            <ProgressIndicator
              label={s.syncing}
              description={sync.status === 'running' && sync.progress ? s.syncProgress(sync.progress.pages, sync.progress.changed) : undefined}
            />
          )}
          {sync.status === 'finished' && (
            <>
              <h4 className={classes.stepTitle}>{s.doneTitle}</h4>
              <p>{s.doneText(sync.result.lastResult?.changed ?? 0, regionName)}</p>
            </>
          )}
        </div>
        {sync.status === 'failed' && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline={true} actions={<DefaultButton text={s.syncRetry} onClick={startSync} />}>
            {s.syncFailed(syncFailureReason(sync.error, s.common))}
          </MessageBar>
        )}
        {sync.status === 'finished' && (
          <Stack horizontal={true}>
            <PrimaryButton text={s.openTrainingAdmin} onClick={onFinished} />
          </Stack>
        )}
      </Stack>
    );
  }

  return (
    <section aria-labelledby="atrium-setup-title">
      <h2 id="atrium-setup-title" className={classes.title}>
        {s.wizardTitle}
      </h2>
      <p>{s.wizardIntro}</p>
      <ol className={classes.steps} aria-label={s.wizardTitle}>
        {s.steps.map((label, index) => (
          <li key={label} aria-current={index === stepIndex ? 'step' : undefined} style={{ fontWeight: index === stepIndex ? 600 : 400, color: index <= stepIndex ? theme.palette.neutralPrimary : theme.palette.neutralSecondary }}>
            {`${index + 1}. ${label}`}
          </li>
        ))}
      </ol>
      <h3 className={classes.stepTitle} ref={headingRef} tabIndex={-1}>
        {s.stepLabel(stepIndex + 1, s.steps.length, s.steps[stepIndex])}
      </h3>
      {body}
    </section>
  );
}
