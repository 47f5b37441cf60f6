import * as React from 'react';
import { IconButton, MessageBar, MessageBarType, TextField, getId, mergeStyleSets, useTheme, type ITextField } from '@fluentui/react';
import { isGuid } from '../../domain/ids';
import { errorText } from '../common/errorText';
import { useAdminStrings } from './adminStringsContext';
import { useDirectorySearch } from './useDirectorySearch';

/** What a picker says; the people and group pickers each bring their own words. */
/** What differs between the people and the group picker; the rest of the picker's texts are shared (`picker…`). */
export interface DirectoryPickerTexts {
  label: string;
  /** Shown under the field and read with it, e.g. "Type two characters or more of a name…". */
  hint: string;
  /** The accessible name of the list of chosen items. */
  chosenLabel: string;
  /** Announced when the answer comes: how many were found and how to reach them. */
  found: (count: number) => string;
  none: string;
}

export interface DirectoryPickerProps<T extends { id: string }> {
  texts: DirectoryPickerTexts;
  search: (text: string) => Promise<T[]>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  nameOf: (item: T) => string;
  /** The second line of a suggestion and of a chosen item ('' for none). */
  detailsOf: (item: T) => string;
  /** Pasting an object id offers it as is: for someone the search cannot find (e.g. not synced yet). */
  fromObjectId?: (id: string) => T;
  /** One choice at most: a new pick replaces the old one. */
  single?: boolean;
  disabled?: boolean;
  debounceMs?: number;
}

/**
 * An ARIA combobox over a directory search (WAI-ARIA 1.2 pattern, list autocomplete): typing searches, the down and
 * up arrows move through the suggestions (`aria-activedescendant`, focus stays in the field), Enter picks, Escape
 * closes. What the search found is announced in a polite live region; chosen items are listed with a remove button.
 */
export function DirectoryPicker<T extends { id: string }>(props: DirectoryPickerProps<T>): React.ReactElement {
  const { texts, search, selected, onChange, nameOf, detailsOf, fromObjectId, single = false, disabled = false, debounceMs } = props;
  const s = useAdminStrings();
  const theme = useTheme();
  const [ids] = React.useState(() => ({ list: getId('atrium-directory-list-'), chosen: getId('atrium-directory-chosen-') }));
  const [text, setText] = React.useState('');
  const [expanded, setExpanded] = React.useState(false);
  const [active, setActive] = React.useState(-1);
  const [notice, setNotice] = React.useState('');
  const fieldRef = React.useRef<ITextField>(null);

  const pastedId = fromObjectId && isGuid(text.trim()) ? text.trim().toLowerCase() : null;
  const result = useDirectorySearch(pastedId ? '' : text, search, debounceMs);
  const chosen = new Set(selected.map((item) => item.id.toLowerCase()));
  let options: T[] = [];
  if (pastedId && fromObjectId) options = [fromObjectId(pastedId)];
  else if (result.status === 'found') options = result.items;
  options = options.filter((item) => !chosen.has(item.id.toLowerCase()));
  const open = expanded && !disabled && options.length > 0;
  const optionId = (index: number): string => `${ids.list}-${index}`;

  React.useEffect(() => setActive(-1), [result, pastedId]);

  const pick = (item: T): void => {
    onChange(single ? [item] : [...selected, item]);
    setText('');
    setExpanded(false);
    setNotice(s.pickerPicked(nameOf(item)));
  };
  const remove = (item: T): void => {
    onChange(selected.filter((x) => x.id !== item.id));
    setNotice(s.pickerRemoved(nameOf(item)));
    fieldRef.current?.focus();
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>): void => {
    const count = options.length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setExpanded(true);
      setActive((index) => (open ? (index + 1) % count : 0));
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setExpanded(true);
      setActive((index) => (open && index > 0 ? index - 1 : count - 1));
    } else if (event.key === 'Enter' && open && active >= 0 && active < count) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setExpanded(false);
      } else if (text) {
        event.preventDefault();
        setText('');
      }
    }
  };

  let announcement = notice;
  if (!notice && text.trim()) {
    if (pastedId) announcement = options.length > 0 ? s.pickerObjectIdReady : '';
    else if (result.status === 'searching') announcement = s.pickerSearching;
    else if (result.status === 'found') announcement = options.length > 0 ? texts.found(options.length) : texts.none;
  }

  const classes = mergeStyleSets({
    root: { position: 'relative', maxWidth: 480 },
    listbox: {
      listStyle: 'none',
      margin: '2px 0 0',
      padding: 0,
      maxHeight: 280,
      overflowY: 'auto',
      border: `1px solid ${theme.palette.neutralTertiary}`,
      background: theme.palette.white,
      boxShadow: theme.effects.elevation8,
    },
    option: { padding: '6px 10px', cursor: 'pointer', borderLeft: '4px solid transparent' },
    // The active suggestion is marked by a bar and a frame as well as by colour (and by aria-selected).
    activeOption: {
      padding: '6px 10px',
      cursor: 'pointer',
      background: theme.palette.neutralLighter,
      borderLeft: `4px solid ${theme.palette.themePrimary}`,
      outline: `1px solid ${theme.palette.neutralPrimary}`,
      outlineOffset: -1,
    },
    name: { display: 'block', fontWeight: 600 },
    details: { display: 'block', fontSize: 12, color: theme.palette.neutralSecondary },
    status: { minHeight: 20, margin: '4px 0', fontSize: 12, color: theme.palette.neutralSecondary },
    chosenLabel: { fontWeight: 600 },
    chosen: { listStyle: 'none', margin: '4px 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 },
    chip: { display: 'flex', alignItems: 'center', gap: 4, padding: '2px 2px 2px 10px', border: `1px solid ${theme.palette.neutralTertiary}`, borderRadius: 2 },
  });

  return (
    <div className={classes.root}>
      <TextField
        componentRef={fieldRef}
        label={texts.label}
        description={texts.hint}
        disabled={disabled}
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? ids.list : undefined}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(_e, value) => {
          setText(value ?? '');
          setExpanded(true);
          setNotice('');
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setExpanded(false)}
        onClick={() => setExpanded(true)}
      />
      {open && (
        <ul role="listbox" id={ids.list} aria-label={texts.label} className={classes.listbox}>
          {options.map((item, index) => {
            const details = detailsOf(item);
            return (
              <li
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? classes.activeOption : classes.option}
                // Keeps the focus in the field, so a click picks like Enter does.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(item)}
              >
                <span className={classes.name}>{nameOf(item)}</span>
                {details && <span className={classes.details}>{details}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div role="status" aria-live="polite" className={classes.status}>
        {result.status === 'failed' && !pastedId ? <MessageBar messageBarType={MessageBarType.error}>{errorText(result.error, s.pickerFailed)}</MessageBar> : announcement}
      </div>
      {selected.length > 0 && (
        <div>
          <span id={ids.chosen} className={classes.chosenLabel}>
            {texts.chosenLabel}
          </span>
          <ul aria-labelledby={ids.chosen} className={classes.chosen}>
            {selected.map((item) => {
              const details = detailsOf(item);
              return (
                <li key={item.id} className={classes.chip}>
                  <span>
                    {nameOf(item)}
                    {details ? ` · ${details}` : ''}
                  </span>
                  <IconButton iconProps={{ iconName: 'Cancel' }} title={s.remove(nameOf(item))} ariaLabel={s.remove(nameOf(item))} disabled={disabled} onClick={() => remove(item)} />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
