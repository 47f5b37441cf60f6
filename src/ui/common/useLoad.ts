import * as React from 'react';

export type Load<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; value: T };

/**
 * Runs `fetch` when a dependency changes and on `reload`; late answers from an earlier run or after unmount are
 * ignored, so a slow first answer never overwrites a newer one.
 */
export function useLoad<T>(fetch: () => Promise<T>, deps: React.DependencyList): { load: Load<T>; reload: () => void } {
  const [load, setLoad] = React.useState<Load<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    fetch().then(
      (value) => {
        if (current) setLoad({ status: 'loaded', value });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { load, reload };
}
