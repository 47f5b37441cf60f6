import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../domain/api';
import {
  auditPageSchema,
  auditQuerySchema,
  catalogLearnerPageSchema,
  catalogLearnersQuerySchema,
  erasureBodySchema,
  purgeBodySchema,
  purgeJobSchema,
  purgePreviewSchema,
} from '../../../domain/privacy';
import { listCatalogLearners } from '../../privacy/catalogLearners';
import type { PurgeJobRunner } from '../../privacy/purgeJobRunner';
import { previewCatalogPurge, startCatalogPurge, startErasure, viewAudit, viewPurge } from '../../privacy/purgeUseCases';
import { responses, withBody, withIds } from '../documentedResponses';
import { inTenant, principalOf, type RouteContext } from '../tenantScope';

/** Purge a learner from a catalog, erase a learner, follow the job, read the audit trail. */
export function registerPrivacyRoutes(server: FastifyInstance, route: RouteContext, purges: PurgeJobRunner): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  app.get(
    '/api/catalogs/:catalogId/learners',
    {
      schema: {
        tags,
        summary: 'People with records in the catalog, by name (catalog managers)',
        description: 'Keyset-paged: pass the nextCursor of a page to get the next one.',
        params: idParams('catalogId'),
        querystring: catalogLearnersQuerySchema,
        response: responses({ 200: catalogLearnerPageSchema }, ...withIds),
      },
    },
    async (request) => inTenant(request, route, (ctx) => listCatalogLearners(ctx, request.params.catalogId, request.query)),
  );

  app.get(
    '/api/catalogs/:catalogId/learners/:learnerId/purge-preview',
    {
      schema: {
        tags,
        summary: 'What a purge of the person from the catalog would remove, by kind, and the confirmation to type (catalog managers)',
        params: idParams('catalogId', 'learnerId'),
        response: responses({ 200: purgePreviewSchema }, ...withIds),
      },
    },
    async (request) => inTenant(request, route, (ctx) => previewCatalogPurge(ctx, request.params.catalogId, request.params.learnerId)),
  );

  app.post(
    '/api/catalogs/:catalogId/purges',
    {
      schema: {
        tags,
        summary: 'Purge a person from the catalog (catalog managers): every record that refers to them there',
        description:
          'Answers 202 with the job, whose status is at the Location. Asking again while the same purge is unfinished answers with that job. ' +
          'A wrong confirmation is 400 and removes nothing; a person with no records in the catalog is 404.',
        params: idParams('catalogId'),
        body: purgeBodySchema,
        response: responses({ 202: purgeJobSchema.describe('The purge is recorded; follow it at the Location') }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => {
      const job = await inTenant(request, route, (ctx) => startCatalogPurge(ctx, request.params.catalogId, request.body.learnerId, request.body.confirmation));
      purges.kick(principalOf(request).tenantId);
      return reply.code(202).header('Location', `/api/purges/${job.id}`).send(job);
    },
  );

  app.post(
    '/api/learners/:learnerId/erasure',
    {
      schema: {
        tags,
        summary: "Erase a person (tenant admins): every catalog's records, then their profile",
        description:
          'Answers 202 with the job, whose status is at the Location. The directory sync does not bring the person back until they sign in again themselves.',
        params: idParams('learnerId'),
        body: erasureBodySchema,
        response: responses({ 202: purgeJobSchema.describe('The erasure is recorded; follow it at the Location') }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => {
      const job = await inTenant(request, route, (ctx) => startErasure(ctx, request.params.learnerId, request.body.confirmation));
      purges.kick(principalOf(request).tenantId);
      return reply.code(202).header('Location', `/api/purges/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/purges/:purgeId',
    {
      schema: {
        tags,
        summary: 'Where a purge or erasure stands: status, progress, counts by kind (no personal data)',
        params: idParams('purgeId'),
        response: responses({ 200: purgeJobSchema }, ...withIds),
      },
    },
    async (request) => inTenant(request, route, (ctx) => viewPurge(ctx, request.params.purgeId)),
  );

  app.get(
    '/api/tenant/audit',
    {
      schema: {
        tags,
        summary: 'The audit trail, newest first (tenant admins)',
        description: 'No personal data: the person acted upon is a keyed hash. `subject` (an object id) lists only the events about that person.',
        querystring: auditQuerySchema,
        response: responses({ 200: auditPageSchema }, 400),
      },
    },
    async (request) => inTenant(request, route, (ctx) => viewAudit(ctx, request.query)),
  );
}
