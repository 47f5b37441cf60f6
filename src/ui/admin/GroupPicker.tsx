import * as React from 'react';
import type { DirectoryGroup, ITrainingAdminApi } from '../../client/trainingAdminApi';
import type { AdminStrings } from './adminStrings';
import { useAdminStrings } from './adminStringsContext';
import { DirectoryPicker, type DirectoryPickerTexts } from './DirectoryPicker';

export interface GroupPickerProps {
  api: Pick<ITrainingAdminApi, 'searchDirectoryGroups'>;
  selected: readonly DirectoryGroup[];
  onChange: (groups: DirectoryGroup[]) => void;
  label?: string;
  /** The accessible name of the chosen groups' list. */
  chosenLabel?: string;
  /** One group at most (e.g. a group to assign a course to). */
  single?: boolean;
  disabled?: boolean;
  debounceMs?: number;
}

export const groupName = (group: DirectoryGroup, s: AdminStrings): string => group.displayName ?? s.pickerObjectId(group.id);
const groupDetails = (group: DirectoryGroup): string => group.description ?? '';
const pastedGroup = (id: string): DirectoryGroup => ({ id, displayName: null, description: null });

/** Finds Microsoft Entra ID groups by the start of their name, or takes a pasted object id. */
export function GroupPicker({ api, selected, onChange, label, chosenLabel, single, disabled, debounceMs }: GroupPickerProps): React.ReactElement {
  const s = useAdminStrings();
  const texts: DirectoryPickerTexts = {
    label: label ?? s.findGroup,
    hint: s.findGroupHint,
    chosenLabel: chosenLabel ?? s.chosenGroup,
    found: s.groupsFound,
    none: s.noGroupsFound,
  };
  return (
    <DirectoryPicker
      texts={texts}
      search={(text) => api.searchDirectoryGroups(text)}
      selected={selected}
      onChange={onChange}
      nameOf={(group) => groupName(group, s)}
      detailsOf={groupDetails}
      fromObjectId={pastedGroup}
      single={single}
      disabled={disabled}
      debounceMs={debounceMs}
    />
  );
}
