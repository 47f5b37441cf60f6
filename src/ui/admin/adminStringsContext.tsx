import * as React from 'react';
import { englishPlayerStrings, type PlayerStrings } from '../player/playerStrings';
import { englishAdminStrings, type AdminStrings } from './adminStrings';

interface AdminTexts {
  strings: AdminStrings;
  /** The learner's course page as a course preview shows it: in the same language as the rest. */
  playerStrings: PlayerStrings;
}

// Training admin is a deep tree of screens, forms and pickers: a context spares every one a `strings` prop.
const AdminStringsContext = React.createContext<AdminTexts>({ strings: englishAdminStrings, playerStrings: englishPlayerStrings });

export interface AdminStringsProviderProps {
  strings: AdminStrings;
  playerStrings?: PlayerStrings;
  children?: React.ReactNode;
}

/** Training admin in the host's language; without the provider, the screens speak English. */
export function AdminStringsProvider({ strings, playerStrings = englishPlayerStrings, children }: AdminStringsProviderProps): React.ReactElement {
  const value = React.useMemo(() => ({ strings, playerStrings }), [strings, playerStrings]);
  return <AdminStringsContext.Provider value={value}>{children}</AdminStringsContext.Provider>;
}

export function useAdminStrings(): AdminStrings {
  return React.useContext(AdminStringsContext).strings;
}

export function useAdminPlayerStrings(): PlayerStrings {
  return React.useContext(AdminStringsContext).playerStrings;
}
