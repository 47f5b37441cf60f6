import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParams, progressBodySchema } from '../../../domain/api';
import { enrolmentDetailSchema, enrolmentSchema, planEnrolmentSchema, progressOutcomeSchema } from '../../../domain/apiResponses';
import { certificateVerificationPath } from '../../../domain/certificate';
import { certificatePdf } from '../../training/certificates';
import { getEnrolment, selfEnrol } from '../../training/enrolments';
import { enrolInPlan } from '../../training/plans';
import { recordProgress } from '../../training/progress';
import { fileResponse, responses, withBody, withIds } from '../documentedResponses';
import { inTenant, principalOf, type RouteContext } from '../tenantScope';

export function registerLearningRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const enrolmentParams = idParams('enrolmentId');

  app.post(
    '/api/courses/:courseId/enrolments',
    {
      schema: {
        tags: ['enrolments'],
        summary: 'Enrol yourself in a published course',
        params: idParams('courseId'),
        body: emptyBodySchema,
        response: responses(
          { 200: enrolmentSchema.describe('You were enrolled already: your enrolment'), 201: enrolmentSchema.describe('Your new enrolment') },
          ...withIds,
          ...withBody,
        ),
      },
    },
    async (request, reply) => {
      const { enrolment, created } = await inTenant(request, route, (ctx) => selfEnrol(ctx, request.params.courseId));
      return reply.code(created ? 201 : 200).send(enrolment);
    },
  );

  app.post(
    '/api/plans/:planId/enrolments',
    {
      schema: {
        tags: ['plans'],
        summary: 'Enrol yourself in a training plan and all its courses',
        params: idParams('planId'),
        body: emptyBodySchema,
        response: responses({ 201: planEnrolmentSchema }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => enrolInPlan(ctx, request.params.planId))),
  );

  app.get('/api/enrolments/:enrolmentId', { schema: { tags: ['enrolments'], summary: 'An enrolment with its progress (the learner, their line manager, catalog managers)', params: enrolmentParams, response: responses({ 200: enrolmentDetailSchema }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => getEnrolment(ctx, request.params.enrolmentId)),
  );

  app.post(
    '/api/enrolments/:enrolmentId/progress',
    {
      schema: {
        tags: ['enrolments'],
        summary: 'Record a completed lesson or a quiz attempt',
        params: enrolmentParams,
        body: progressBodySchema,
        response: responses({ 200: progressOutcomeSchema }, ...withIds, ...withBody, 409),
      },
    },
    async (request) => inTenant(request, route, (ctx) => recordProgress(ctx, request.params.enrolmentId, request.body)),
  );

  app.get(
    '/api/certificates/:certificateId/pdf',
    {
      schema: {
        tags: ['certificates'],
        summary: 'Download a certificate of completion (PDF)',
        params: idParams('certificateId'),
        response: responses({ 200: fileResponse('application/pdf', 'The certificate, a one-page PDF') }, ...withIds),
      },
    },
    async (request, reply) => {
      const verificationUrl = (code: string): string => `${request.protocol}://${request.host}${certificateVerificationPath(principalOf(request).tenantId, code)}`;
      const { pdf, view } = await inTenant(request, route, (ctx, tenant) => certificatePdf(ctx, request.params.certificateId, tenant.displayName, verificationUrl));
      const fileName = `certificate-${view.verificationCode}.pdf`;
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .header('Cache-Control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );
}
