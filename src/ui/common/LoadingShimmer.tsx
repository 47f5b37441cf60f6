import * as React from 'react';
import { Shimmer, ShimmerElementType, mergeStyleSets } from '@fluentui/react';
import { visuallyHidden } from './visuallyHidden';

export interface LoadingShimmerProps {
  /** Read by screen readers while the placeholder shows, e.g. "Loading the catalog…". */
  label: string;
  rows?: number;
}

const classes = mergeStyleSets({ row: { margin: '12px 0' }, hidden: visuallyHidden });

/** A skeleton of the list to come, with a polite announcement of what is loading. */
export function LoadingShimmer({ label, rows = 3 }: LoadingShimmerProps): React.ReactElement {
  const placeholders: React.ReactElement[] = [];
  for (let i = 0; i < rows; i++) {
    placeholders.push(
      <div key={i} className={classes.row} aria-hidden={true}>
        <Shimmer width="45%" shimmerElements={[{ type: ShimmerElementType.line, height: 16 }]} />
        <Shimmer width="85%" shimmerElements={[{ type: ShimmerElementType.line, height: 10 }]} styles={{ root: { marginTop: 8 } }} />
      </div>,
    );
  }
  return (
    <div>
      <span className={classes.hidden} role="status">
        {label}
      </span>
      {placeholders}
    </div>
  );
}
