import * as React from 'react';
import { englishSetupStrings, type SetupStrings } from './setupStrings';

// The wizard, the Organisation page and their parts read their texts here instead of each taking a `strings` prop.
const SetupStringsContext = React.createContext<SetupStrings>(englishSetupStrings);

export interface SetupStringsProviderProps {
  strings: SetupStrings;
  children?: React.ReactNode;
}

/** Set-up and the Organisation page in the host's language; without the provider, they speak English. */
export function SetupStringsProvider({ strings, children }: SetupStringsProviderProps): React.ReactElement {
  return <SetupStringsContext.Provider value={strings}>{children}</SetupStringsContext.Provider>;
}

export function useSetupStrings(): SetupStrings {
  return React.useContext(SetupStringsContext);
}
