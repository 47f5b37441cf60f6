import * as React from 'react';
import { DefaultButton, Dropdown, MessageBar, MessageBarType, Stack, mergeStyleSets, useTheme, type IDropdownOption } from '@fluentui/react';
import type { CatalogReport, ITrainingAdminApi, ReportFormat } from '../../client/trainingAdminApi';
import type { ReportBucket, ReportFilters } from '../../domain/reports';
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

type FilterName = keyof ReportFilters;
const FILTERS: Array<{ name: FilterName; part: keyof Omit<CatalogReport, 'generatedAt'>; label: 'course' | 'department' | 'office'; all: 'allCourses' | 'allDepartments' | 'allOffices' }> = [
  { name: 'courseId', part: 'byCourse', label: 'course', all: 'allCourses' },
  { name: 'department', part: 'byDepartment', label: 'department', all: 'allDepartments' },
  { name: 'office', part: 'byOffice', label: 'office', all: 'allOffices' },
];
/** The bucket of enrolments without a department or office: nothing the API can filter on. */
const NOT_SET = '(not set)';

type FilterChoices = Record<FilterName, Array<{ key: string; text: string }>>;

/** What each filter can pick: the buckets of an unfiltered report, by name. */
function filterChoices(report: CatalogReport): FilterChoices {
  const choices = (buckets: ReportBucket[]): FilterChoices[FilterName] =>
    buckets
      .filter((b) => b.key !== NOT_SET)
      .map((b) => ({ key: b.key, text: b.label }))
      .sort((a, b) => a.text.localeCompare(b.text));
  return { courseId: choices(report.byCourse), department: choices(report.byDepartment), office: choices(report.byOffice) };
}

const isFiltered = (filters: ReportFilters): boolean => FILTERS.some((f) => filters[f.name] !== undefined);

/** Completion and overdue by course, department and office: a bar chart and its table each, and the full list as CSV or Excel. */
export function ReportsTab({ api, catalogId, locale, save = saveFile }: ReportsTabProps): React.ReactElement {
  const s = useAdminStrings();
  const theme = useTheme();
  const [filters, setFilters] = React.useState<ReportFilters>({});
  // The report remembers the filters it was made with, so options only ever come from an unfiltered one.
  const { load, reload } = useLoad(
    () => api.getReport(catalogId, filters).then((report) => ({ report, filters })),
    [api, catalogId, filters.courseId, filters.department, filters.office],
  );
  const [choices, setChoices] = React.useState<FilterChoices | null>(null);
  React.useEffect(() => {
    if (load.status === 'loaded' && !isFiltered(load.value.filters)) setChoices(filterChoices(load.value.report));
  }, [load]);
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
    filter: { minWidth: 200 },
  });

  const download = (format: ReportFormat): void => {
    setDownloading(format);
    setFailure(null);
    api.downloadReport(catalogId, format, filters).then(
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

  const choose = (name: FilterName, key: string): void => {
    setFailure(null);
    setFilters((current) => ({ ...current, [name]: key === '' ? undefined : key }));
  };
  const filtered = isFiltered(filters);
  const describeFilters = (): string => {
    const parts = FILTERS.flatMap((f) => {
      const value = filters[f.name];
      if (value === undefined) return [];
      const text = choices?.[f.name].find((c) => c.key === value)?.text ?? value;
      return [`${s.reportFilters[f.label]}: ${text}`];
    });
    return parts.length > 0 ? parts.join('; ') : s.reportFilters.everything;
  };

  // The filters stay on screen (and keep focus) while a filtered report loads; only the numbers below are replaced.
  const filterBar = choices && (
    <>
      <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }} verticalAlign="end">
        {FILTERS.map((f) => {
          const options: IDropdownOption[] = [{ key: '', text: s.reportFilters[f.all] }, ...choices[f.name]];
          return (
            <Dropdown
              key={f.name}
              className={classes.filter}
              label={s.reportFilters[f.label]}
              selectedKey={filters[f.name] ?? ''}
              options={options}
              onChange={(_event, option) => option && choose(f.name, String(option.key))}
            />
          );
        })}
        <DefaultButton iconProps={{ iconName: 'ClearFilter' }} text={s.reportFilters.clear} disabled={!filtered} allowDisabledFocus={true} onClick={() => setFilters({})} />
      </Stack>
      <p className={classes.generated} role="status">
        {s.reportFilters.showing(describeFilters())}
      </p>
    </>
  );

  if (load.status === 'loading') return <div>{filterBar}<LoadingShimmer label={s.reportsLoading} /></div>;
  if (load.status === 'failed') return <div>{filterBar}<LoadFailure error={load.error} onRetry={reload} strings={s.common} /></div>;
  const { report } = load.value;
  const empty = report.byCourse.length === 0;
  return (
    <div>
      {filterBar}
      <Stack horizontal={true} wrap={true} tokens={{ childrenGap: 8 }} verticalAlign="center">
        <DefaultButton iconProps={{ iconName: 'Download' }} text={downloading === 'csv' ? s.downloading : s.downloadCsv} disabled={downloading !== null || empty} allowDisabledFocus={true} onClick={() => download('csv')} />
        <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={downloading === 'xlsx' ? s.downloading : s.downloadXlsx} disabled={downloading !== null || empty} allowDisabledFocus={true} onClick={() => download('xlsx')} />
        <DefaultButton iconProps={{ iconName: 'Refresh' }} text={s.refresh} onClick={reload} />
      </Stack>
      <p className={classes.generated}>{s.reportGenerated(new Date(report.generatedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }))}</p>
      {failure !== null && <MessageBar messageBarType={MessageBarType.error}>{errorText(failure, s.downloadFailed)}</MessageBar>}
      {empty ? (
        <EmptyState title={s.tabs.reports} hint={filtered ? s.reportFilters.noMatch : s.reportEmpty} />
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
