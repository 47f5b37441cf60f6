import * as React from 'react';
import type { IIdentityService, SignedInPerson } from '../../client/identity/identityService';

export type SignedInPersonLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'loaded'; person: SignedInPerson };

/** Reads the signed-in person once per identity service; late answers after unmount are ignored. */
export function useSignedInPerson(identity: IIdentityService): SignedInPersonLoad {
  const [load, setLoad] = React.useState<SignedInPersonLoad>({ status: 'loading' });

  React.useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    identity.getMe().then(
      (person) => {
        if (current) setLoad({ status: 'loaded', person });
      },
      (error: unknown) => {
        if (current) setLoad({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [identity]);

  return load;
}
