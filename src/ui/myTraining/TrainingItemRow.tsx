import * as React from 'react';
import { Link, mergeStyleSets, ProgressIndicator, useTheme } from '@fluentui/react';
import type { MyTrainingItem } from '../../domain/myTraining';
import { formatDay } from './formatDay';
import type { MyTrainingStrings } from './myTrainingStrings';
import { TrainingStateBadge } from './TrainingStateBadge';

export interface TrainingItemRowProps {
  item: MyTrainingItem;
  strings: MyTrainingStrings;
  locale?: string;
  /** Opens the item's course; the title becomes a link. */
  onOpen?: (courseId: string) => void;
  href?: string;
}

function dateLine(item: MyTrainingItem, strings: MyTrainingStrings, locale: string | undefined): string {
  if (item.completedAt) return strings.completedOn(formatDay(item.completedAt, locale));
  if (item.dueAt) return strings.due(formatDay(item.dueAt, locale));
  return strings.noDueDate;
}

export function TrainingItemRow({ item, strings, locale, onOpen, href }: TrainingItemRowProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    row: { padding: '12px 0', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 },
    title: { margin: 0, fontSize: 16, fontWeight: 600, color: theme.semanticColors.bodyText },
    facts: { margin: '4px 0 0', fontSize: 12, color: theme.palette.neutralSecondary },
    progress: { maxWidth: 320 },
  });
  const percent = Math.max(0, Math.min(100, Math.round(item.progressPercent)));
  const facts = [dateLine(item, strings, locale), strings.sources[item.source], item.format, strings.duration(item.durationMinutes)];
  return (
    <li className={classes.row}>
      <div className={classes.heading}>
        <h4 className={classes.title}>
          {onOpen ? (
            <Link
              href={href}
              onClick={(event) => {
                event.preventDefault();
                onOpen(item.courseId);
              }}
            >
              {item.title}
            </Link>
          ) : (
            item.title
          )}
        </h4>
        <TrainingStateBadge state={item.state} label={strings.states[item.state]} />
      </div>
      <p className={classes.facts}>{facts.join(' · ')}</p>
      {item.state !== 'completed' && (
        <ProgressIndicator
          className={classes.progress}
          percentComplete={percent / 100}
          ariaLabel={strings.progressLabel(item.title)}
          ariaValueText={strings.progressValue(percent)}
          description={strings.progressValue(percent)}
        />
      )}
    </li>
  );
}
