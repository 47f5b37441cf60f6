import type { DevIssuer } from '../auth/devIssuer';
import { createTokenValidator } from '../auth/tokenValidator';
import { Directory } from '../graph/standin/directory';
import { startGraphStandIn, type GraphStandIn } from '../graph/standin/graphStandIn';
import type { GraphAccess } from '../service';

/** The audience of Microsoft Graph tokens: the stand-in accepts only these. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** The Atrium app's object id in the local dev tenants: the caller of app-only Graph requests. */
const ATRIUM_APP_OBJECT_ID = '5f1c0a27-7a41-4c1e-9d3b-6a2e7c9b0d11';

export interface LocalGraph {
  standIn: GraphStandIn;
  access: GraphAccess;
}

/**
 * Microsoft Graph for local runs: the stand-in serves a generated directory per tenant, and the service
 * reaches it with the real Graph client and app-only tokens from the dev issuer, checked by the same jose
 * validation the API uses.
 */
export async function startLocalGraph(issuer: DevIssuer, tenants: ReadonlyArray<{ tenantId: string; seed: string; size: number }>, port = 0): Promise<LocalGraph> {
  const validator = createTokenValidator({ mode: 'dev', audience: GRAPH_AUDIENCE, devJwks: issuer.jwks() });
  const directories = new Map(tenants.map((t) => [t.tenantId, Directory.generate({ seed: t.seed, size: t.size })]));
  const standIn = await startGraphStandIn({
    port,
    directories,
    verifyToken: async (header) => {
      const principal = await validator.validate(header);
      return { tenantId: principal.tenantId, userId: principal.userId };
    },
  });
  // Like @azure/identity's credentials, keep a token until shortly before it expires.
  const tokens = new Map<string, { token: Promise<string>; renewAt: number }>();
  const access: GraphAccess = {
    baseUrl: standIn.url,
    getAccessToken: (tenantId) => {
      const cached = tokens.get(tenantId);
      if (cached && cached.renewAt > Date.now()) return cached.token;
      const token = issuer.issueToken({ tenantId, userId: ATRIUM_APP_OBJECT_ID, audience: GRAPH_AUDIENCE, lifetimeSeconds: 3600 });
      tokens.set(tenantId, { token, renewAt: Date.now() + 50 * 60_000 });
      return token;
    },
  };
  return { standIn, access };
}
