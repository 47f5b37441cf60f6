import * as React from 'react';
import type { IPurgeApi, PurgeJob } from '../../client/privacyApi';

export type PurgeRun = { phase: 'idle' } | { phase: 'starting' } | { phase: 'tracking'; job: PurgeJob } | { phase: 'failed'; error: unknown };

const FINISHED: ReadonlyArray<PurgeJob['status']> = ['done', 'failed'];

/** Starts a purge and follows its status resource until it is done or failed. */
export function usePurgeJob(api: IPurgeApi, pollIntervalMs: number): { run: PurgeRun; start: (catalogId: string, learnerId: string, confirmation: string) => void } {
  const [run, setRun] = React.useState<PurgeRun>({ phase: 'idle' });
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const follow = React.useCallback(
    async (job: PurgeJob): Promise<void> => {
      let current = job;
      while (mounted.current && FINISHED.indexOf(current.status) < 0) {
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
        current = await api.getPurge(current.id);
        if (mounted.current) setRun({ phase: 'tracking', job: current });
      }
    },
    [api, pollIntervalMs],
  );

  const start = React.useCallback(
    (catalogId: string, learnerId: string, confirmation: string) => {
      setRun({ phase: 'starting' });
      api
        .startPurge(catalogId, learnerId, confirmation)
        .then((job) => {
          if (!mounted.current) return;
          setRun({ phase: 'tracking', job });
          return follow(job);
        })
        .catch((error: unknown) => {
          if (mounted.current) setRun({ phase: 'failed', error });
        });
    },
    [api, follow],
  );

  return { run, start };
}
