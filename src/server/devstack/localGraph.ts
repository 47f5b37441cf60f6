import type { DevIssuer } from '../auth/devIssuer';
import { createTokenValidator } from '../auth/tokenValidator';
import type { GraphAccess } from '../service';
import type { DirectoryGeneratorOptions } from './directory/directoryGenerator';
import { GRAPH_AUDIENCE } from './graphAudience';
import { Directory } from './graphStandIn/directory';
import { startGraphStandIn, type GraphStandIn } from './graphStandIn/graphStandIn';
import { localDirectoryOptions } from './localDirectories';

export { GRAPH_AUDIENCE } from './graphAudience';
/** The Atrium app's object id in the local dev tenants: the caller of app-only Graph requests. */
const ATRIUM_APP_OBJECT_ID = '5f1c0a27-7a41-4c1e-9d3b-6a2e7c9b0d11';

export interface LocalGraph {
  standIn: GraphStandIn;
  access: GraphAccess;
}

/** A tenant whose directory is given rather than derived from its id (tests, benchmarks). */
export type LocalDirectory = { tenantId: string } & DirectoryGeneratorOptions;

/**
 * Microsoft Graph for local runs: the stand-in serves a generated directory per tenant, and the service
 * reaches it with the real Graph client and app-only tokens from the dev issuer, checked by the same jose
 * validation the API uses. Every tenant has a directory: the ones listed get theirs now, any other tenant on
 * its first Graph request, generated from its id (`localDirectoryOptions`), so it is the same on every run.
 */
export async function startLocalGraph(issuer: DevIssuer, tenants: readonly LocalDirectory[] = [], port = 0): Promise<LocalGraph> {
  const validator = createTokenValidator({ mode: 'dev', audience: GRAPH_AUDIENCE, devJwks: issuer.jwks() });
  const directories = new Map(tenants.map(({ tenantId, ...options }) => [tenantId, Directory.generate(options)]));
  const standIn = await startGraphStandIn({
    port,
    directories,
    createDirectory: (tenantId) => Directory.generate(localDirectoryOptions(tenantId)),
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
