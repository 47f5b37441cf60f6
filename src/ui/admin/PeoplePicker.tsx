import * as React from 'react';
import type { DirectoryPerson, ITrainingAdminApi } from '../../client/trainingAdminApi';
import type { AdminStrings } from './adminStrings';
import { useAdminStrings } from './adminStringsContext';
import { DirectoryPicker, type DirectoryPickerTexts } from './DirectoryPicker';

export interface PeoplePickerProps {
  api: Pick<ITrainingAdminApi, 'searchDirectoryPeople'>;
  selected: readonly DirectoryPerson[];
  onChange: (people: DirectoryPerson[]) => void;
  label?: string;
  /** One person at most (e.g. a manager to appoint). */
  single?: boolean;
  disabled?: boolean;
  debounceMs?: number;
}

export const personName = (person: DirectoryPerson, s: AdminStrings): string => person.displayName ?? person.mail ?? s.pickerObjectId(person.id);
const personDetails = (person: DirectoryPerson): string => [person.displayName ? person.mail : null, person.department].filter(Boolean).join(' · ');
const pastedPerson = (id: string): DirectoryPerson => ({ id, displayName: null, mail: null, department: null, jobTitle: null });

/** Finds current people across the whole directory by the start of their name or mail, or takes a pasted object id. */
export function PeoplePicker({ api, selected, onChange, label, single, disabled, debounceMs }: PeoplePickerProps): React.ReactElement {
  const s = useAdminStrings();
  const texts: DirectoryPickerTexts = {
    label: label ?? s.findPeople,
    hint: s.findPeopleHint,
    chosenLabel: s.chosenPeople,
    found: s.peopleFound,
    none: s.noPeopleFound,
  };
  return (
    <DirectoryPicker
      texts={texts}
      search={(text) => api.searchDirectoryPeople(text)}
      selected={selected}
      onChange={onChange}
      nameOf={(person) => personName(person, s)}
      detailsOf={personDetails}
      fromObjectId={pastedPerson}
      single={single}
      disabled={disabled}
      debounceMs={debounceMs}
    />
  );
}
