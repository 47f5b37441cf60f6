import * as React from 'react';
import { mergeStyles } from '@fluentui/react';
import type { TrainingState } from '../../domain/myTraining';
import { TRAINING_STATE_PALETTE } from './trainingStatePalette';

export interface TrainingStateBadgeProps {
  state: TrainingState;
  label: string;
}

export function TrainingStateBadge({ state, label }: TrainingStateBadgeProps): React.ReactElement {
  const colours = TRAINING_STATE_PALETTE[state];
  const className = mergeStyles({
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 10,
    fontSize: 12,
    fontWeight: 600,
    lineHeight: '16px',
    whiteSpace: 'nowrap',
    color: colours.text,
    backgroundColor: colours.background,
    // Keeps the badge visible in Windows high-contrast mode, where backgrounds are dropped.
    border: '1px solid transparent',
  });
  return <span className={className}>{label}</span>;
}
