import * as React from 'react';
import type { MyTraining } from '../../domain/myTraining';
import type { ILmsApi } from '../../client/lmsApi';

export type MyTrainingLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'loaded'; training: MyTraining };

/** Loads "my training" from the API; `reload` starts a fresh attempt. Late answers after unmount are ignored. */
export function useMyTraining(api: ILmsApi): { load: MyTrainingLoad; reload: () => void } {
  const [load, setLoad] = React.useState<MyTrainingLoad>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    api.getMyTraining().then(
      (training) => {
        if (current) setLoad({ status: 'loaded', training });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [api, attempt]);

  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { load, reload };
}
