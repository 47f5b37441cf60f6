import * as React from 'react';
import { DefaultButton, mergeStyleSets, useTheme } from '@fluentui/react';
import type { TeamMemberTraining } from '../../domain/apiResponses';
import { visuallyHidden } from '../common/visuallyHidden';
import { formatDay } from '../myTraining/formatDay';
import { TrainingStateBadge } from '../myTraining/TrainingStateBadge';
import type { TeamStrings } from './teamStrings';

export interface TeamMemberCardProps {
  member: TeamMemberTraining;
  /** Offered when the manager may assign a course (they manage a catalog). */
  onAssign?: () => void;
  strings: TeamStrings;
  locale?: string;
}

/** One direct report: who they are, what is assigned, overdue and completed, and each course's status. */
export function TeamMemberCard({ member, onAssign, strings, locale }: TeamMemberCardProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    card: { padding: '12px 0 16px', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', justifyContent: 'space-between', gap: 8 },
    name: { margin: 0, fontSize: 16, fontWeight: 600 },
    facts: { margin: '2px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
    counts: { margin: '6px 0', fontWeight: 600 },
    table: { width: '100%', borderCollapse: 'collapse', marginTop: 4 },
    caption: visuallyHidden,
    cell: { textAlign: 'left', padding: '6px 8px 6px 0', borderBottom: `1px solid ${theme.palette.neutralLighter}`, verticalAlign: 'middle' },
  });
  const { person, training } = member;
  const name = person.displayName ?? strings.unnamed;
  const items = training.items;
  const assigned = items.filter((i) => i.source !== 'self' && i.state !== 'completed').length;
  const facts = [person.jobTitle, person.department, person.officeLocation].filter((f): f is string => !!f);
  return (
    <li className={classes.card}>
      <div className={classes.head}>
        <div>
          <h3 className={classes.name}>{name}</h3>
          {facts.length > 0 && <p className={classes.facts}>{facts.join(' · ')}</p>}
        </div>
        {onAssign && <DefaultButton iconProps={{ iconName: 'AddEvent' }} text={strings.assign(name)} onClick={onAssign} />}
      </div>
      <p className={classes.counts}>{strings.counts(assigned, training.counts.overdue, training.counts.completed)}</p>
      {items.length === 0 ? (
        <p>{strings.noTraining}</p>
      ) : (
        <table className={classes.table}>
          <caption className={classes.caption}>{strings.tableCaption(name)}</caption>
          <thead>
            <tr>
              <th className={classes.cell} scope="col">
                {strings.columns.course}
              </th>
              <th className={classes.cell} scope="col">
                {strings.columns.state}
              </th>
              <th className={classes.cell} scope="col">
                {strings.columns.due}
              </th>
              <th className={classes.cell} scope="col">
                {strings.columns.progress}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.enrolmentId}>
                <th className={classes.cell} scope="row" style={{ fontWeight: 400 }}>
                  {item.title}
                </th>
                <td className={classes.cell}>
                  <TrainingStateBadge state={item.state} label={strings.states[item.state]} />
                </td>
                <td className={classes.cell}>{item.dueAt ? formatDay(item.dueAt, locale) : strings.noDueDate}</td>
                <td className={classes.cell}>{strings.percent(item.progressPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
