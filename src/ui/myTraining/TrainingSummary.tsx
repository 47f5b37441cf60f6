import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';
import { TRAINING_STATES, type TrainingState } from '../../domain/myTraining';
import type { MyTrainingStrings } from './myTrainingStrings';
import { TRAINING_STATE_PALETTE } from './trainingStatePalette';

export interface TrainingSummaryProps {
  counts: Record<TrainingState, number>;
  strings: MyTrainingStrings;
}

/** One tile per state, always in the same order, so a learner sees at a glance what needs attention. */
export function TrainingSummary({ counts, strings }: TrainingSummaryProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    list: { display: 'flex', flexWrap: 'wrap', gap: 8, margin: 0, padding: 0, listStyle: 'none' },
    tile: {
      minWidth: 96,
      padding: '8px 12px',
      borderRadius: 4,
      border: `1px solid ${theme.palette.neutralLight}`,
      backgroundColor: theme.semanticColors.bodyBackground,
      color: theme.semanticColors.bodyText,
    },
    count: { display: 'block', fontSize: 24, fontWeight: 600, lineHeight: '32px' },
    label: { display: 'block', fontSize: 12 },
  });
  return (
    <ul className={classes.list} aria-label={strings.summaryLabel}>
      {TRAINING_STATES.map((state) => (
        <li key={state} className={classes.tile} style={{ borderLeft: `4px solid ${TRAINING_STATE_PALETTE[state].text}` }}>
          <span className={classes.count}>{counts[state]}</span>
          <span className={classes.label}>{strings.states[state]}</span>
        </li>
      ))}
    </ul>
  );
}
