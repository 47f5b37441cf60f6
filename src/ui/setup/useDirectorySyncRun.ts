import * as React from 'react';
import { LmsApiError } from '../../client/lmsApiError';
import type { DirectorySyncStatusView, ITenantSetupApi } from '../../client/tenantSetupApi';
import type { CommonStrings } from '../common/commonStrings';
import { failureText } from '../common/failureKind';
import { pollUntil } from './pollUntil';

export type SyncRun =
  | { status: 'idle' }
  | { status: 'running'; progress: DirectorySyncStatusView['progress'] }
  | { status: 'finished'; result: DirectorySyncStatusView }
  | { status: 'failed'; error: unknown };

/** Starts a directory sync and follows it to its end, polling its progress. */
export function useDirectorySyncRun(api: ITenantSetupApi, pollIntervalMs: number): { run: SyncRun; start: () => void } {
  const [run, setRun] = React.useState<SyncRun>({ status: 'idle' });
  const generation = React.useRef(0);
  React.useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );
  const start = React.useCallback(() => {
    const mine = ++generation.current;
    const cancelled = (): boolean => generation.current !== mine;
    setRun({ status: 'running', progress: null });
    (async () => {
      const started = await api.startDirectorySync(false);
      if (cancelled()) return;
      const last = started.running
        ? await pollUntil(
            async () => {
              const status = await api.getDirectorySync();
              if (!cancelled() && status.running) setRun({ status: 'running', progress: status.progress });
              return status;
            },
            (status) => !status.running,
            pollIntervalMs,
            cancelled,
          )
        : started;
      if (!last || cancelled()) return;
      if (last.lastError && !last.lastResult) setRun({ status: 'failed', error: new Error(last.lastError) });
      else setRun({ status: 'finished', result: last });
    })().catch((error: unknown) => {
      if (!cancelled()) setRun({ status: 'failed', error });
    });
  }, [api, pollIntervalMs]);
  return { run, start };
}

/** Why a sync run failed: a refused or unreachable call in the person's language, else the sync's own recorded error. */
export function syncFailureReason(error: unknown, common: CommonStrings): string {
  if (error instanceof LmsApiError) return failureText(error, common);
  return error instanceof Error ? error.message : common.unexpected;
}
