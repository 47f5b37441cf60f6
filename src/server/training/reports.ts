import ExcelJS from 'exceljs';
import { aggregateReport, REPORT_COLUMNS, reportCells, reportCsv, type CatalogReport, type ReportRow } from '../../domain/reports';
import { trainingState } from '../../domain/myTraining';
import { requireCatalogManager } from './catalogAccess';
import { getCatalog } from './catalogs';
import type { UseCaseContext } from './useCaseContext';

/** Every enrolment in a catalog with the person's department and office: the basis of all reports. */
export async function catalogReportRows(ctx: UseCaseContext, catalogId: string): Promise<ReportRow[]> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  const rows = await ctx.db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .leftJoin('learners as l', (j) => j.onRef('l.tenant_id', '=', 'e.tenant_id').onRef('l.learner_id', '=', 'e.learner_id'))
    .select(['e.learner_id', 'e.course_id', 'e.source', 'e.due_at', 'e.started_at', 'e.completed_at', 'c.title', 'l.display_name', 'l.department', 'l.office_location'])
    .select((eb) => [
      eb
        .selectFrom('rule_assignments as ra')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('ra.enrolment_id', '=', 'e.id')
        .where('ra.unmatched_at', 'is not', null)
        .as('unmatched'),
    ])
    .where('e.tenant_id', '=', ctx.principal.tenantId)
    .where('e.catalog_id', '=', catalogId)
    // People whose processing is restricted are left out of reports (their records are kept).
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('learner_restrictions as lr').select('lr.learner_id').whereRef('lr.tenant_id', '=', 'e.tenant_id').whereRef('lr.learner_id', '=', 'e.learner_id'))),
    )
    .orderBy('l.display_name')
    .orderBy('c.title')
    .execute();
  return rows.map((r) => ({
    learnerId: r.learner_id,
    displayName: r.display_name,
    department: r.department,
    officeLocation: r.office_location,
    courseId: r.course_id,
    courseTitle: r.title,
    source: r.source,
    state: trainingState({ dueAt: r.due_at, startedAt: r.started_at, completedAt: r.completed_at }, ctx.now),
    dueAt: r.due_at,
    completedAt: r.completed_at,
    outOfScope: Number(r.unmatched ?? 0) > 0,
  }));
}

export async function catalogReport(ctx: UseCaseContext, catalogId: string): Promise<CatalogReport> {
  const rows = await catalogReportRows(ctx, catalogId);
  return {
    generatedAt: ctx.now.toISOString(),
    byDepartment: aggregateReport(rows, 'department'),
    byOffice: aggregateReport(rows, 'officeLocation'),
    byCourse: aggregateReport(rows, 'course'),
  };
}

export async function catalogReportCsv(ctx: UseCaseContext, catalogId: string): Promise<string> {
  return reportCsv(await catalogReportRows(ctx, catalogId));
}

export async function catalogReportXlsx(ctx: UseCaseContext, catalogId: string): Promise<Buffer> {
  const rows = await catalogReportRows(ctx, catalogId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atrium LMS';
  workbook.created = ctx.now;
  const sheet = workbook.addWorksheet('Enrolments', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = REPORT_COLUMNS.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(reportCells(rows));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REPORT_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
