import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentBodySchema, catalogAudienceBodySchema, catalogBodySchema, catalogManagerBodySchema, courseBodySchema, emptyBodySchema, idParams, planBodySchema } from '../../../domain/api';
import { catalogAudienceSchema, catalogListSchema, catalogSchema, enrolmentListSchema, planListSchema, planSchema } from '../../../domain/apiResponses';
import { courseForLearnerSchema, courseSchema, courseSummarySchema } from '../../../domain/course';
import { catalogManagersSchema } from '../../../domain/trainingAdmin';
import {
  addCatalogManager,
  createCatalog,
  getCatalog,
  getCatalogAudience,
  listCatalogManagers,
  listCatalogs,
  removeCatalogManager,
  setCatalogAudience,
  updateCatalog,
} from '../../training/catalogs';
import { createCourse, getCourse, listCourses, updateCourse } from '../../training/courses';
import { assignCourse } from '../../training/enrolments';
import { createPlan, listPlans, updatePlan } from '../../training/plans';
import { noContent, responses, withBody, withIds } from '../documentedResponses';
import { inTenant, principalOf, type RouteContext } from '../tenantScope';

export function registerCatalogRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const catalogParams = idParams('catalogId');
  const courseParams = idParams('courseId');
  const managerParams = idParams('catalogId', 'learnerId');
  const planParams = idParams('planId');

  app.get('/api/catalogs', { schema: { tags: ['catalogs'], summary: 'The catalogs of your organisation', response: responses({ 200: catalogListSchema }) } }, async (request) =>
    inTenant(request, route, (ctx) => listCatalogs(ctx)),
  );

  app.post(
    '/api/catalogs',
    { schema: { tags: ['catalogs'], summary: 'Create a catalog (Tenant.Admin or Catalog.Manage)', body: catalogBodySchema, response: responses({ 201: catalogSchema }, ...withBody) } },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => createCatalog(ctx, request.body))),
  );

  app.get('/api/catalogs/:catalogId', { schema: { tags: ['catalogs'], summary: 'A catalog', params: catalogParams, response: responses({ 200: catalogSchema }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => getCatalog(ctx, request.params.catalogId)),
  );

  app.put(
    '/api/catalogs/:catalogId',
    {
      schema: {
        tags: ['catalogs'],
        summary: "Change a catalog's name, description and SharePoint site (its catalog managers, Tenant.Admin)",
        params: catalogParams,
        body: catalogBodySchema,
        response: responses({ 200: catalogSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => updateCatalog(ctx, request.params.catalogId, request.body)),
  );

  app.get(
    '/api/catalogs/:catalogId/managers',
    {
      schema: {
        tags: ['catalogs'],
        summary: "The catalog's managers, departed or restricted people included while they hold the role (its catalog managers, Tenant.Admin)",
        params: catalogParams,
        response: responses({ 200: catalogManagersSchema }, ...withIds),
      },
    },
    async (request) => ({ managers: await inTenant(request, route, (ctx) => listCatalogManagers(ctx, request.params.catalogId)) }),
  );

  app.post(
    '/api/catalogs/:catalogId/managers',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Appoint a catalog manager (Tenant.Admin)',
        params: catalogParams,
        body: catalogManagerBodySchema,
        response: responses({ 204: noContent('The person manages the catalog') }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => {
      await inTenant(request, route, (ctx) => addCatalogManager(ctx, request.params.catalogId, request.body.learnerId));
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/catalogs/:catalogId/managers/:learnerId',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Remove a catalog manager (Tenant.Admin); the last one may go, tenant admins manage every catalog',
        params: managerParams,
        body: emptyBodySchema,
        response: responses({ 204: noContent('The person no longer manages the catalog') }, ...withIds, ...withBody),
      },
    },
    async (request, reply) => {
      await inTenant(request, route, (ctx) => removeCatalogManager(ctx, request.params.catalogId, request.params.learnerId));
      return reply.code(204).send();
    },
  );

  app.get('/api/catalogs/:catalogId/audience', { schema: { tags: ['catalogs'], summary: 'The Entra ID groups whose members see the catalog', params: catalogParams, response: responses({ 200: catalogAudienceSchema }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => getCatalogAudience(ctx, request.params.catalogId)),
  );

  app.put(
    '/api/catalogs/:catalogId/audience',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Limit the catalog to members of Entra ID groups (catalog managers); an empty list opens it to everyone',
        params: catalogParams,
        body: catalogAudienceBodySchema,
        response: responses({ 200: catalogAudienceSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => {
      const audience = await inTenant(request, route, (ctx) => setCatalogAudience(ctx, request.params.catalogId, request.body));
      // Membership comes from Graph: refresh it now rather than at the next scheduled sync.
      route.directorySync?.start(principalOf(request).tenantId).catch(() => undefined);
      return audience;
    },
  );

  app.get('/api/catalogs/:catalogId/courses', { schema: { tags: ['courses'], summary: 'The courses of a catalog (learners: published ones)', params: catalogParams, response: responses({ 200: z.array(courseSummarySchema).describe('The courses the caller can see') }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => listCourses(ctx, request.params.catalogId)),
  );

  app.post(
    '/api/catalogs/:catalogId/courses',
    { schema: { tags: ['courses'], summary: 'Create a course (catalog managers)', params: catalogParams, body: courseBodySchema, response: responses({ 201: courseSchema }, ...withIds, ...withBody) } },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => createCourse(ctx, request.params.catalogId, request.body))),
  );

  app.get('/api/courses/:courseId', { schema: { tags: ['courses'], summary: 'A course: catalog managers see the quiz answers, learners do not', params: courseParams, response: responses({ 200: z.union([courseSchema, courseForLearnerSchema]).describe('The course: with quiz answers for its catalog managers, without for learners') }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => getCourse(ctx, request.params.courseId)),
  );

  app.put(
    '/api/courses/:courseId',
    { schema: { tags: ['courses'], summary: 'Replace a course (catalog managers)', params: courseParams, body: courseBodySchema, response: responses({ 200: courseSchema }, ...withIds, ...withBody, 409) } },
    async (request) => inTenant(request, route, (ctx) => updateCourse(ctx, request.params.courseId, request.body)),
  );

  app.post(
    '/api/courses/:courseId/assignments',
    {
      schema: {
        tags: ['enrolments'],
        summary: 'Assign a course to people with a due date (catalog managers)',
        params: courseParams,
        body: assignmentBodySchema,
        response: responses({ 200: enrolmentListSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => assignCourse(ctx, request.params.courseId, request.body.learnerIds, request.body.dueAt)),
  );

  app.get('/api/catalogs/:catalogId/plans', { schema: { tags: ['plans'], summary: 'The training plans of a catalog (learners: published ones)', params: catalogParams, response: responses({ 200: planListSchema }, ...withIds) } }, async (request) =>
    inTenant(request, route, (ctx) => listPlans(ctx, request.params.catalogId)),
  );

  app.post(
    '/api/catalogs/:catalogId/plans',
    { schema: { tags: ['plans'], summary: 'Create a training plan (catalog managers)', params: catalogParams, body: planBodySchema, response: responses({ 201: planSchema }, ...withIds, ...withBody) } },
    async (request, reply) => reply.code(201).send(await inTenant(request, route, (ctx) => createPlan(ctx, request.params.catalogId, request.body))),
  );

  app.put(
    '/api/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        summary:
          "Replace a training plan's title, summary, courses in order and status (catalog managers). People enrolled in the plan and not done with it are enrolled in each course it gains once it is published (as enrolling in the plan does; departed people, people whose processing is restricted and people whose records are being purged are skipped), and their plan enrolment is completed when they have completed every course left in it; a course taken out of the plan keeps its enrolments",
        params: planParams,
        body: planBodySchema,
        response: responses({ 200: planSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => updatePlan(ctx, request.params.planId, request.body)),
  );
}
