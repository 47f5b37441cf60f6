import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import type { DevIssuer } from '../auth/devIssuer';
import { GRAPH_AUDIENCE } from './graphAudience';

/** Someone the demo sign-in offers, with the app roles their tokens carry. */
export interface DevSignInPerson {
  id: string;
  displayName: string;
  jobTitle: string | null;
  /** What they do in the demo, shown on the picker: "Learner", "Training manager", … */
  role: string;
  roles: string[];
  /** Someone of another tenant than the demo one (e.g. an organisation not set up yet). */
  tenantId?: string;
}

export interface DevSignInOptions {
  issuer: DevIssuer;
  /** The LMS API's audience (`aud` of its tokens). */
  apiAudience: string;
  tenantId: string;
  tenantName: string;
  people: readonly DevSignInPerson[];
  /** Default 8 hours, as the tokens `npm start` prints. */
  lifetimeSeconds?: number;
}

export const DEV_SIGN_IN_PATH = '/dev/sign-in';
const DEFAULT_LIFETIME_SECONDS = 8 * 3600;

const signInBodySchema = z.object({ userId: z.string().uuid() }).strict();

/**
 * DEV ONLY: `GET /dev/sign-in` lists the demo people; `POST /dev/sign-in { userId }` gives that person tokens of
 * Entra's shape from the dev issuer, for the LMS API and for Graph (the stand-in). Only the listed people, with
 * their listed roles: the caller picks a person, never their roles. Registered by the dev stack, which `main.ts`
 * loads in dev mode only; a service configured for Entra ID has no such route (and refuses dev tokens anyway).
 */
export function registerDevSignInRoutes(server: FastifyInstance, options: DevSignInOptions): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const lifetimeSeconds = options.lifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
  const people = new Map(options.people.map((p) => [p.id.toLowerCase(), p]));

  app.get(DEV_SIGN_IN_PATH, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { tenantId: options.tenantId, tenantName: options.tenantName, people: [...people.values()] };
  });

  app.post(DEV_SIGN_IN_PATH, { schema: { hide: true, body: signInBodySchema } }, async (request, reply) => {
    const person = people.get(request.body.userId.toLowerCase());
    if (!person) throw new DomainError('not-found', 'That person is not one of the demo people; GET /dev/sign-in lists who you can sign in as');
    const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
    const tenantId = person.tenantId ?? options.tenantId;
    const token = (audience: string, roles: string[]): Promise<string> =>
      options.issuer.issueToken({ tenantId, userId: person.id, roles, audience, lifetimeSeconds, name: person.displayName });
    const [lmsApi, graph] = await Promise.all([token(options.apiAudience, person.roles), token(GRAPH_AUDIENCE, [])]);
    reply.header('cache-control', 'no-store');
    return {
      tenantId,
      userId: person.id,
      displayName: person.displayName,
      // The tokens' own `exp` is in whole seconds, and never earlier than this.
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
      accessTokens: { lmsApi, graph },
    };
  });
}
