import * as React from 'react';
import { mergeStyleSets, useTheme } from '@fluentui/react';

export interface EmptyStateProps {
  title: string;
  /** What to do next. */
  hint: string;
  children?: React.ReactNode;
}

/** Nothing to show yet, and what the person can do about it. */
export function EmptyState({ title, hint, children }: EmptyStateProps): React.ReactElement {
  const theme = useTheme();
  const classes = mergeStyleSets({
    root: { padding: '16px 0' },
    title: { margin: 0, fontSize: 16, fontWeight: 600 },
    hint: { margin: '4px 0 8px', color: theme.palette.neutralSecondary },
  });
  return (
    <div className={classes.root}>
      <p className={classes.title}>{title}</p>
      <p className={classes.hint}>{hint}</p>
      {children}
    </div>
  );
}
