import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../domain/api';
import { assignmentRuleBodySchema, assignmentRuleSchema, createdAssignmentRuleSchema } from '../../../domain/assignmentRules';
import { ruleAssignmentPageSchema, ruleAssignmentQuerySchema, rulePreviewSchema } from '../../../domain/trainingAdmin';
import { createAssignmentRule, deleteAssignmentRule, listAssignmentRules, updateAssignmentRule } from '../../training/assignmentRules';
import { listRuleAssignments } from '../../training/ruleAssignments';
import { previewAssignmentRule } from '../../training/rulePreview';
import { noContent, responses, withBody, withIds } from '../documentedResponses';
import { inTenant, type RouteContext } from '../tenantScope';

/** Mandatory-training rules of a catalog: list, preview, create, change, delete, and the enrolments a rule made. */
export function registerRuleRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const catalogParams = idParams('catalogId');
  const ruleParams = idParams('ruleId');
  const tags = ['rules'];

  app.get('/api/catalogs/:catalogId/rules', { schema: { tags, summary: 'Mandatory assignment rules (catalog managers)', params: catalogParams, response: responses({ 200: z.array(assignmentRuleSchema).describe('The rules of the catalog, oldest first') }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => listAssignmentRules(ctx, request.params.catalogId)),
  );

  app.post(
    '/api/catalogs/:catalogId/rules/preview',
    {
      schema: {
        tags,
        summary: 'Who a rule would assign if it were saved now: counts and a sample; nothing is written (catalog managers)',
        params: catalogParams,
        body: assignmentRuleBodySchema,
        response: responses({ 200: rulePreviewSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => previewAssignmentRule(ctx, request.params.catalogId, request.body)),
  );

  app.post(
    '/api/catalogs/:catalogId/rules',
    {
      schema: {
        tags,
        summary: 'Assign a course to everyone matching department / job title / office / country / city, due within N days',
        params: catalogParams,
        body: assignmentRuleBodySchema,
        response: responses({ 201: createdAssignmentRuleSchema }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => createAssignmentRule(ctx, request.params.catalogId, request.body))),
  );

  app.put(
    '/api/rules/:ruleId',
    {
      schema: {
        tags,
        summary: "Change a rule and apply it again: new matches are assigned, people who stop matching keep their records, marked (the rule's catalog managers)",
        params: ruleParams,
        body: assignmentRuleBodySchema,
        response: responses({ 200: createdAssignmentRuleSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => updateAssignmentRule(ctx, request.params.ruleId, request.body)),
  );

  app.delete(
    '/api/rules/:ruleId',
    {
      schema: {
        tags,
        summary: "Delete a rule; the enrolments it made stay with the people (the rule's catalog managers)",
        params: ruleParams,
        response: responses({ 204: noContent('The rule is gone; its enrolments stay') }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => {
      await inTenant(request, route, (ctx) => deleteAssignmentRule(ctx, request.params.ruleId));
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/rules/:ruleId/assignments',
    {
      schema: {
        tags,
        summary: "The enrolments a rule made, by display name, with each person's status (the rule's catalog managers)",
        description: 'Keyset-paged, 100 a page: pass the nextCursor of a page to get the next one. People whose processing is restricted are left out, as in reports.',
        params: ruleParams,
        querystring: ruleAssignmentQuerySchema,
        response: responses({ 200: ruleAssignmentPageSchema }, ...withIds),
      },
    },
    async (request) => inTenant(request, route, (ctx) => listRuleAssignments(ctx, request.params.ruleId, request.query.cursor)),
  );
}
