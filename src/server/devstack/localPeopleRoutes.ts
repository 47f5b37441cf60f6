import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DevSignInPerson } from './devSignInRoutes';
import type { GraphStandIn } from './graphStandIn/graphStandIn';
import { signInPeopleOf } from './localDirectories';

export const LOCAL_PEOPLE_PATH = '/dev/tenants/:tenantId/people';

export function localPeopleUrl(tenantId: string): string {
  return LOCAL_PEOPLE_PATH.replace(':tenantId', tenantId);
}

/** The `npm run dev-token` line that signs in as this person, with their roles. */
export function devTokenCommand(tenantId: string, person: Pick<DevSignInPerson, 'id' | 'roles'>): string {
  return ['npm run dev-token --', '--tenant', tenantId, '--user', person.id, ...person.roles.flatMap((role) => ['--role', role])].join(' ');
}

const paramsSchema = z.object({ tenantId: z.string().uuid() }).strict();

/**
 * DEV ONLY: `GET /dev/tenants/{tenantId}/people` names people of the tenant's directory in the local Graph stand-in
 * (generated from the tenant id on first use) to sign in as, with their roles and a dev-token command each: a
 * tenant admin, a training manager, a learner and the learner's line manager. Registered by the dev stack only.
 */
export function registerLocalPeopleRoutes(server: FastifyInstance, options: { standIn: GraphStandIn }): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(LOCAL_PEOPLE_PATH, { schema: { hide: true, params: paramsSchema } }, async (request, reply) => {
    const { tenantId } = request.params;
    const directory = options.standIn.directory(tenantId);
    const people = signInPeopleOf(directory.ids().map((id) => directory.lookup(id)!));
    reply.header('cache-control', 'no-store');
    return {
      tenantId,
      directorySize: directory.ids().length,
      people: people.map((person) => ({ ...person, devToken: devTokenCommand(tenantId, person) })),
    };
  });
}
