import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../domain/api';
import { directoryGroupsSchema, directoryPeopleSchema, directorySearchQuerySchema, groupAssignmentBodySchema, groupAssignmentResultSchema } from '../../../domain/trainingAdmin';
import { GraphGroupNotFound, type GraphDirectory } from '../../graph/graphDirectory';
import { searchDirectoryGroups, searchDirectoryPeople } from '../../training/directorySearch';
import { assignCourseToGroup } from '../../training/groupAssignments';
import { responses, withBody, withIds } from '../documentedResponses';
import type { ErrorBody } from '../errorReplies';
import { inTenant, type RouteContext } from '../tenantScope';

/** A tenant's Entra ID directory through Microsoft Graph; null when the service has no Graph configured. */
export type GraphDirectoryFor = ((tenantId: string) => GraphDirectory) | null;

/** People pickers (the synced directory), Entra ID group search (Graph), and assigning a course to a group's members. */
export function registerDirectoryRoutes(server: FastifyInstance, route: RouteContext, directoryFor: GraphDirectoryFor): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const directoryOf = (tenantId: string): GraphDirectory | null => (directoryFor ? directoryFor(tenantId) : null);

  app.get(
    '/api/directory/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Find current people by the start of a word of their name, or of their mail (Tenant.Admin, catalog managers)',
        querystring: directorySearchQuerySchema,
        response: responses({ 200: directoryPeopleSchema }),
      },
    },
    async (request) => ({ people: await inTenant(request, route, (ctx) => searchDirectoryPeople(ctx, request.query.search)) }),
  );

  app.get(
    '/api/directory/groups',
    {
      schema: {
        tags: ['directory'],
        summary: 'Find Entra ID groups by the start of their name, in Microsoft Graph (Tenant.Admin, catalog managers)',
        querystring: directorySearchQuerySchema,
        response: responses({ 200: directoryGroupsSchema }, 409),
      },
    },
    async (request) => ({ groups: await inTenant(request, route, (ctx) => searchDirectoryGroups(ctx, directoryOf(ctx.principal.tenantId), request.query.search)) }),
  );

  app.post(
    '/api/courses/:courseId/group-assignments',
    {
      schema: {
        tags: ['enrolments'],
        summary: "Assign a course with a due date to an Entra ID group's members, nested groups included (catalog managers)",
        params: idParams('courseId'),
        body: groupAssignmentBodySchema,
        response: responses({ 200: groupAssignmentResultSchema }, ...withIds, ...withBody, 409),
      },
    },
    async (request, reply) => {
      try {
        return await inTenant(request, route, (ctx) => assignCourseToGroup(ctx, directoryOf(ctx.principal.tenantId), request.params.courseId, request.body));
      } catch (error) {
        // Its own code: the course exists, the group does not (any longer) in the directory.
        if (!(error instanceof GraphGroupNotFound)) throw error;
        const body: ErrorBody = { error: { code: 'group_not_found', message: `Your organisation's directory has no group ${error.groupId}; it may have been deleted.` } };
        return reply.code(404).send(body);
      }
    },
  );
}
