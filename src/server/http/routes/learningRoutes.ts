import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParams, progressBodySchema, verificationCodeParamsSchema } from '../../../domain/api';
import { certificatePdf, verifyCertificate } from '../../training/certificates';
import { getEnrolment, selfEnrol } from '../../training/enrolments';
import { enrolInPlan } from '../../training/plans';
import { recordProgress } from '../../training/progress';
import { inTenant, type RouteContext } from '../tenantScope';

export function registerLearningRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const enrolmentParams = idParams('enrolmentId');

  app.post(
    '/api/courses/:courseId/enrolments',
    { schema: { tags: ['enrolments'], summary: 'Enrol yourself in a published course', params: idParams('courseId'), body: emptyBodySchema } },
    async (request, reply) => {
      const { enrolment, created } = await inTenant(request, route, (ctx) => selfEnrol(ctx, request.params.courseId));
      return reply.code(created ? 201 : 200).send(enrolment);
    },
  );

  app.post(
    '/api/plans/:planId/enrolments',
    { schema: { tags: ['plans'], summary: 'Enrol yourself in a training plan and all its courses', params: idParams('planId'), body: emptyBodySchema } },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => enrolInPlan(ctx, request.params.planId))),
  );

  app.get('/api/enrolments/:enrolmentId', { schema: { tags: ['enrolments'], params: enrolmentParams } }, async (request) =>
    inTenant(request, route, (ctx) => getEnrolment(ctx, request.params.enrolmentId)),
  );

  app.post(
    '/api/enrolments/:enrolmentId/progress',
    { schema: { tags: ['enrolments'], summary: 'Record a completed lesson or a quiz attempt', params: enrolmentParams, body: progressBodySchema } },
    async (request) => inTenant(request, route, (ctx) => recordProgress(ctx, request.params.enrolmentId, request.body)),
  );

  app.get(
    '/api/certificates/:certificateId/pdf',
    { schema: { tags: ['certificates'], summary: 'Download a certificate of completion (PDF)', params: idParams('certificateId') } },
    async (request, reply) => {
      const { pdf, view } = await inTenant(request, route, (ctx, tenant) => certificatePdf(ctx, request.params.certificateId, tenant.displayName));
      const fileName = `certificate-${view.verificationCode}.pdf`;
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .header('Cache-Control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/certificates/verify/:code',
    { schema: { tags: ['certificates'], summary: 'Check a certificate verification code', params: verificationCodeParamsSchema } },
    async (request) => inTenant(request, route, (ctx) => verifyCertificate(ctx, request.params.code)),
  );
}
