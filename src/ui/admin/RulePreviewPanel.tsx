import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize, mergeStyleSets, useTheme } from '@fluentui/react';
import type { RulePreview } from '../../client/trainingAdminApi';
import { TableHeading } from '../common/TableHeading';
import type { AdminStrings } from './adminStrings';
import { useAdminStrings } from './adminStringsContext';
import type { RulePreviewState } from './useRulePreview';

export interface RulePreviewPanelProps {
  state: RulePreviewState;
  onPreviewAgain: () => void;
}

/** Who the rule in the form would assign now: counts announced politely as they change, and a sample of the people. */
export function RulePreviewPanel({ state, onPreviewAgain }: RulePreviewPanelProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { margin: '8px 0', padding: '8px 12px', border: `1px solid ${theme.palette.neutralLight}`, borderRadius: 2 },
    title: { margin: '0 0 4px', fontSize: 15, fontWeight: 600 },
    counts: { margin: '4px 0', fontWeight: 600 },
    hint: { margin: '4px 0', color: theme.palette.neutralSecondary },
    table: { borderCollapse: 'collapse', width: '100%', margin: '8px 0' },
    cell: { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}`, verticalAlign: 'top' },
    caption: { textAlign: 'left', padding: '4px 0', color: theme.palette.neutralSecondary },
  });

  let status: React.ReactNode = null;
  if (state.status === 'idle') status = <p className={classes.hint}>{s.rulePreviewHint}</p>;
  else if (state.status === 'loading') status = <Spinner size={SpinnerSize.small} label={s.rulePreviewLoading} labelPosition="right" styles={{ root: { justifyContent: 'flex-start', margin: '4px 0' } }} />;
  else if (state.status === 'failed') status = <MessageBar messageBarType={MessageBarType.error} isMultiline={true}>{state.message}</MessageBar>;
  else status = <p className={classes.counts}>{s.rulePreviewCounts(state.preview.matching, state.preview.alreadyEnrolled)}</p>;

  return (
    <section className={classes.root} aria-labelledby="rule-preview-title">
      <h4 id="rule-preview-title" className={classes.title}>
        {s.rulePreviewTitle}
      </h4>
      <div role="status" aria-live="polite">
        {status}
      </div>
      {state.status === 'loaded' && state.preview.sample.length > 0 && <PreviewSample preview={state.preview} classes={classes} />}
      {(state.status === 'loaded' || state.status === 'failed') && <DefaultButton text={s.rulePreviewAgain} onClick={onPreviewAgain} />}
    </section>
  );
}

function place(officeLocation: string | null, city: string | null, s: AdminStrings): string {
  const parts = [officeLocation, city].filter((p): p is string => p !== null && p.trim() !== '');
  if (parts.length === 2 && parts[0].trim().toLowerCase() === parts[1].trim().toLowerCase()) return parts[0];
  return parts.length > 0 ? parts.join(', ') : s.ruleNoValue;
}

function PreviewSample({ preview, classes }: { preview: RulePreview; classes: Record<'table' | 'cell' | 'caption', string> }): React.ReactElement {
  const s = useAdminStrings();
  const c = s.rulePeopleColumns;
  return (
    <table className={classes.table}>
      <TableHeading
        caption={s.rulePreviewSampleCaption(preview.sample.length, preview.matching)}
        columns={[c.name, c.department, c.jobTitle, c.place]}
        captionClassName={classes.caption}
        cellClassName={classes.cell}
      />
      <tbody>
        {preview.sample.map((person) => (
          <tr key={person.id}>
            <th scope="row" className={classes.cell}>
              {person.displayName ?? s.ruleNoName}
            </th>
            <td className={classes.cell}>{person.department ?? s.ruleNoValue}</td>
            <td className={classes.cell}>{person.jobTitle ?? s.ruleNoValue}</td>
            <td className={classes.cell}>{place(person.officeLocation, person.city, s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
