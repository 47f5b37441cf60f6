import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack, mergeStyleSets, useTheme } from '@fluentui/react';
import type { CatalogReport, ITrainingAdminApi, ReportFormat } from '../../client/trainingAdminApi';
import type { ReportBucket } from '../../domain/reports';
import { EmptyState } from '../common/EmptyState';
import { errorText } from '../common/errorText';
import { LoadFailure } from '../common/LoadFailure';
import { LoadingShimmer } from '../common/LoadingShimmer';
import { saveFile } from '../common/saveFile';
import { useLoad } from '../common/useLoad';
import type { AdminStrings } from './adminStrings';
import { useAdminStrings } from './adminStringsContext';
import { CompletionChart } from './CompletionChart';

export interface ReportsTabProps {
  api: ITrainingAdminApi;
  catalogId: string;
  locale?: string;
  /** Defaults to saving the file through a link; tests pass a spy. */
  save?: (blob: Blob, fileName: string) => void;
}

const PARTS: Array<keyof Omit<CatalogReport, 'generatedAt'>> = ['byCourse', 'byDepartment', 'byOffice'];
const COLUMNS: Array<{ key: keyof ReportBucket; header: keyof AdminStrings['columns'] }> = [
  { key: 'total', header: 'total' },
  { key: 'completed', header: 'completed' },
  { key: 'inProgress', header: 'inProgress' },
  { key: 'notStarted', header: 'notStarted' },
  { key: 'dueSoon', header: 'dueSoon' },
  { key: 'overdue', header: 'overdue' },
];

/** Completion and overdue by course, department and office: a bar chart and its table each, and the full list as CSV or Excel. */
export function ReportsTab({ api, catalogId, locale, save = saveFile }: ReportsTabProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const { load, reload } = useLoad(() => api.getReport(catalogId), [api, catalogId]);
  const [downloading, setDownloading] = React.useState<ReportFormat | null>(null);
  const [failure, setFailure] = React.useState<unknown>(null);
  const classes = mergeStyleSets({
    part: { margin: '24px 0 0' },
    partTitle: { margin: '0 0 8px', fontSize: 16, fontWeight: 600 },
    table: { borderCollapse: 'collapse', margin: '8px 0', minWidth: 480 },
    caption: { textAlign: 'left', fontWeight: 600, padding: '4px 0', color: theme.palette.neutralSecondary },
    cell: { textAlign: 'right', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}` },
    first: { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${theme.palette.neutralLight}`, fontWeight: 400 },
    generated: { color: theme.palette.neutralSecondary, margin: '4px 0' },
  });

  const download = (format: ReportFormat): void => {
    setDownloading(format);
    setFailure(null);
    api.downloadReport(catalogId, format).then(
      (file) => {
        setDownloading(null);
        save(file.blob, file.fileName ?? `enrolments.${format}`);
      },
      (error: unknown) => {
        setDownloading(null);
        setFailure(error);
      },
    );
  };

  if (load.status === 'loading') return <LoadingShimmer label={s.reportsLoading} />;
  if (load.status === 'failed') return <LoadFailure error={load.error} onRetry={reload} strings={s.common} />;
  const report = load.value;
  const empty = report.byCourse.length === 0;
  return (
    <div>
      <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
        <DefaultButton iconProps={{ iconName: 'Download' }} text={downloading === 'csv' ? s.downloading : s.downloadCsv} disabled={downloading !== null || empty} allowDisabledFocus={true} onClick={() => download('csv')} />
        <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={downloading === 'xlsx' ? s.downloading : s.downloadXlsx} disabled={downloading !== null || empty} allowDisabledFocus={true} onClick={() => download('xlsx')} />
        <DefaultButton iconProps={{ iconName: 'Refresh' }} text={s.refresh} onClick={reload} />
      </Stack>
      <p className={classes.generated}>{s.reportGenerated(new Date(report.generatedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }))}</p>
      {failure !== null && <MessageBar messageBarType={MessageBarType.error}>{errorText(failure, s.downloadFailed)}</MessageBar>}
      {empty ? (
        <EmptyState title={s.tabs.reports} hint={s.reportEmpty} />
      ) : (
        PARTS.map((part) => {
          const title = s.reportBy[part];
          const buckets = report[part];
          return (
            <section key={part} className={classes.part} aria-labelledby={`report-${part}`}>
              <h4 id={`report-${part}`} className={classes.partTitle}>
                {title}
              </h4>
              <CompletionChart buckets={buckets} label={s.chartLabel(title)} />
              <table className={classes.table}>
                <caption className={classes.caption}>{s.tableCaption(title)}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={classes.first}>
                      {s.columns.label}
                    </th>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col" className={classes.cell}>
                        {s.columns[c.header]}
                      </th>
                    ))}
                    <th scope="col" className={classes.cell}>
                      {s.columns.percent}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {buckets.map((b) => (
                    <tr key={b.key}>
                      <th scope="row" className={classes.first}>
                        {b.label}
                      </th>
                      {COLUMNS.map((c) => (
                        <td key={c.key} className={classes.cell}>
                          {b[c.key]}
                        </td>
                      ))}
                      <td className={classes.cell}>{`${b.completionPercent}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })
      )}
    </div>
  );
}
