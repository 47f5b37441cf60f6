import { z } from 'zod';
import { guidSchema } from './ids';
import type { TrainingState } from './myTraining';
import { countSchema, percentSchema, timestampSchema } from './responseFields';

/** One person's enrolment in one course, as training reports see it. */
export interface ReportRow {
  learnerId: string;
  displayName: string | null;
  department: string | null;
  officeLocation: string | null;
  courseId: string;
  courseTitle: string;
  source: string;
  state: TrainingState;
  dueAt: string | null;
  completedAt: string | null;
  /** Assigned by a rule the person no longer matches (records are kept). */
  outOfScope: boolean;
}

const filterValueSchema = z.string().trim().min(1).max(256);

/** Optional narrowing of a report and its exports to one course, department and/or office (equality as stored). */
export const reportFiltersSchema = z
  .object({
    courseId: guidSchema.optional(),
    department: filterValueSchema.optional().describe('the department exactly as the directory has it'),
    office: filterValueSchema.optional().describe('the office location exactly as the directory has it'),
  })
  .strict();
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export type ReportDimension = 'department' | 'officeLocation' | 'course';

export const reportBucketSchema = z.object({
  key: z.string(),
  label: z.string(),
  total: countSchema,
  completed: countSchema,
  overdue: countSchema,
  dueSoon: countSchema,
  inProgress: countSchema,
  notStarted: countSchema,
  /** Completed out of total, 0–100, rounded. */
  completionPercent: percentSchema,
});
export type ReportBucket = z.infer<typeof reportBucketSchema>;

export const catalogReportSchema = z
  .object({
    generatedAt: timestampSchema,
    byDepartment: z.array(reportBucketSchema),
    byOffice: z.array(reportBucketSchema),
    byCourse: z.array(reportBucketSchema),
  })
  .describe('Completion and overdue counts of the catalog, by department, office and course');
export type CatalogReport = z.infer<typeof catalogReportSchema>;

const UNKNOWN = '(not set)';

/** Enrolments of one course, department and office, counted per state (the database counts them for a report). */
export interface ReportCounts {
  courseId: string;
  courseTitle: string;
  department: string | null;
  officeLocation: string | null;
  total: number;
  completed: number;
  overdue: number;
  dueSoon: number;
  inProgress: number;
}

/** One enrolment as counts: 1 in its state. */
export function countsOfRow(row: ReportRow): ReportCounts {
  const is = (state: ReportRow['state']): number => (row.state === state ? 1 : 0);
  return {
    courseId: row.courseId,
    courseTitle: row.courseTitle,
    department: row.department,
    officeLocation: row.officeLocation,
    total: 1,
    completed: is('completed'),
    overdue: is('overdue'),
    dueSoon: is('due-soon'),
    inProgress: is('in-progress'),
  };
}

/** Completion and overdue counts per department, office or course, most overdue first: data ready for a chart. */
export function aggregateReportCounts(counts: readonly ReportCounts[], by: ReportDimension): ReportBucket[] {
  const buckets = new Map<string, ReportBucket>();
  for (const c of counts) {
    const value = by === 'course' ? c.courseId : by === 'department' ? c.department : c.officeLocation;
    const key = value ?? UNKNOWN;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { key, label: by === 'course' ? c.courseTitle : key, total: 0, completed: 0, overdue: 0, dueSoon: 0, inProgress: 0, notStarted: 0, completionPercent: 0 };
      buckets.set(key, bucket);
    }
    bucket.total += c.total;
    bucket.completed += c.completed;
    bucket.overdue += c.overdue;
    bucket.dueSoon += c.dueSoon;
    bucket.inProgress += c.inProgress;
    bucket.notStarted += c.total - c.completed - c.overdue - c.dueSoon - c.inProgress;
  }
  const list = Array.from(buckets.values());
  for (const b of list) b.completionPercent = Math.round((b.completed / b.total) * 100);
  return list.sort((a, b) => b.overdue - a.overdue || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The same, from one row per enrolment. */
export function aggregateReport(rows: readonly ReportRow[], by: ReportDimension): ReportBucket[] {
  return aggregateReportCounts(rows.map(countsOfRow), by);
}

export const REPORT_COLUMNS: Array<{ header: string; value: (row: ReportRow) => string }> = [
  { header: 'Learner', value: (r) => r.displayName ?? r.learnerId },
  { header: 'Department', value: (r) => r.department ?? '' },
  { header: 'Office', value: (r) => r.officeLocation ?? '' },
  { header: 'Course', value: (r) => r.courseTitle },
  { header: 'Enrolled by', value: (r) => r.source },
  { header: 'Status', value: (r) => r.state },
  { header: 'Due', value: (r) => r.dueAt?.slice(0, 10) ?? '' },
  { header: 'Completed', value: (r) => r.completedAt?.slice(0, 10) ?? '' },
  { header: 'Out of scope', value: (r) => (r.outOfScope ? 'yes' : '') },
];

/** A spreadsheet would run a cell starting with these as a formula (CSV injection). */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(REPORT_COLUMNS.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function reportCells(rows: readonly ReportRow[]): string[][] {
  return rows.map((row) => REPORT_COLUMNS.map((c) => neutraliseFormula(c.value(row))));
}
