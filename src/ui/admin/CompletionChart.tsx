import * as React from 'react';
import { useTheme } from '@fluentui/react';
import type { ReportBucket } from '../../domain/reports';
import { useAdminStrings } from './adminStringsContext';

export interface CompletionChartProps {
  buckets: ReportBucket[];
  /** The chart's accessible name; the table next to it has the same numbers. */
  label: string;
}

const ROW = 28;
const LABEL_WIDTH = 200;
const BAR_WIDTH = 360;

function shorten(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars, one per bucket: completed (solid), overdue (patterned red) and the rest (light), each labelled
 * with its completion percentage. A picture for sighted readers; screen readers get its name and use the table.
 */
export function CompletionChart({ buckets, label }: CompletionChartProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const height = buckets.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const titleId = React.useMemo(() => `chart-${Math.random().toString(36).slice(2)}`, []);
  const swatch = (color: string): React.CSSProperties => ({ display: 'inline-block', width: 12, height: 12, marginRight: 4, verticalAlign: 'middle', backgroundColor: color });
  return (
    <div>
      <svg role="img" aria-labelledby={titleId} width="100%" viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width, display: 'block' }}>
        <title id={titleId}>{label}</title>
        {buckets.map((b, i) => {
          const y = i * ROW + 4;
          const completed = b.total ? (b.completed / b.total) * BAR_WIDTH : 0;
          const overdue = b.total ? (b.overdue / b.total) * BAR_WIDTH : 0;
          return (
            <g key={b.key} aria-hidden={true}>
              <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" fontSize={12} fill={theme.palette.neutralPrimary}>
                {shorten(b.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={BAR_WIDTH} height={ROW - 8} fill={theme.palette.neutralLighter} stroke={theme.palette.neutralTertiary} strokeWidth={0.5} />
              <rect x={LABEL_WIDTH} y={y} width={completed} height={ROW - 8} fill={theme.palette.themePrimary} />
              <rect x={LABEL_WIDTH + BAR_WIDTH - overdue} y={y} width={overdue} height={ROW - 8} fill={theme.palette.redDark} />
              <text x={LABEL_WIDTH + BAR_WIDTH + 6} y={y + 15} fontSize={12} fill={theme.palette.neutralPrimary}>
                {`${b.completionPercent}%`}
              </text>
            </g>
          );
        })}
      </svg>
      <p aria-hidden={true} style={{ margin: '4px 0 0', fontSize: 12, color: theme.palette.neutralPrimary }}>
        <span style={swatch(theme.palette.themePrimary)} />
        {s.chartLegend.completed}
        <span style={{ ...swatch(theme.palette.redDark), marginLeft: 16 }} />
        {s.chartLegend.overdue}
        <span style={{ ...swatch(theme.palette.neutralLighter), marginLeft: 16, border: `1px solid ${theme.palette.neutralTertiary}` }} />
        {s.chartLegend.rest}
      </p>
    </div>
  );
}
