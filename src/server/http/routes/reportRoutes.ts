import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../domain/api';
import { myTeamSchema } from '../../../domain/apiResponses';
import { catalogReportSchema, reportFiltersSchema } from '../../../domain/reports';
import { myTeamTraining } from '../../training/myTraining';
import { catalogReport, catalogReportCsv, catalogReportXlsx } from '../../training/reports';
import { fileResponse, responses, withIds } from '../documentedResponses';
import { inTenant, type RouteContext } from '../tenantScope';

/** Training reports for catalog managers, and the line manager's team view. */
export function registerReportRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const catalogParams = idParams('catalogId');

  app.get(
    '/api/catalogs/:catalogId/reports',
    { schema: { tags: ['reports'], summary: 'Completion and overdue by department, office and course (catalog managers)', params: catalogParams, querystring: reportFiltersSchema, response: responses({ 200: catalogReportSchema }, ...withIds) } },
    async (request) => inTenant(request, route, (ctx) => catalogReport(ctx, request.params.catalogId, request.query)),
  );

  app.get(
    '/api/catalogs/:catalogId/reports/enrolments.csv',
    {
      schema: {
        tags: ['reports'],
        summary: 'Every enrolment of the catalog (narrowed by the filters) as CSV (catalog managers)',
        params: catalogParams,
        querystring: reportFiltersSchema,
        response: responses({ 200: fileResponse('text/csv', 'RFC 4180 CSV, UTF-8 with a byte order mark, one row per enrolment') }, ...withIds),
      },
    },
    async (request, reply) => {
      const csv = await inTenant(request, route, (ctx) => catalogReportCsv(ctx, request.params.catalogId, request.query));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="enrolments.csv"')
        .header('Cache-Control', 'private, no-store')
        .send(`\ufeff${csv}`);
    },
  );

  app.get(
    '/api/catalogs/:catalogId/reports/enrolments.xlsx',
    {
      schema: {
        tags: ['reports'],
        summary: 'Every enrolment of the catalog (narrowed by the filters) as an Excel workbook (catalog managers)',
        params: catalogParams,
        querystring: reportFiltersSchema,
        response: responses(
          { 200: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'An Excel workbook, one row per enrolment') },
          ...withIds,
        ),
      },
    },
    async (request, reply) => {
      const xlsx = await inTenant(request, route, (ctx) => catalogReportXlsx(ctx, request.params.catalogId, request.query));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', 'attachment; filename="enrolments.xlsx"')
        .header('Cache-Control', 'private, no-store')
        .send(xlsx);
    },
  );

  app.get('/api/me/team', { schema: { tags: ['me'], summary: "Your direct reports' training status (line managers)", response: responses({ 200: myTeamSchema }) } }, async (request) =>
    inTenant(request, route, (ctx) => myTeamTraining(ctx)),
  );
}
