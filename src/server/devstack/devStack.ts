import { loadOrCreateDevIssuer } from '../auth/devIssuer';
import type { ServiceConfig } from '../config';
import type { Service, ServiceOverrides } from '../service';
import { DEMO_REGION, DEMO_TENANT_ID, DEMO_TENANT_NAME, seedDemoTenant, type DemoPeople } from './demo/demoSeed';
import { demoSignInPeople, newOrganisationAdmin, NEW_ORGANISATION_TENANT_ID } from './devSignInPeople';
import { registerDevSignInRoutes } from './devSignInRoutes';
import { generateDirectoryUsers } from './directory/directoryGenerator';
import { localDirectoryOptions } from './localDirectories';
import { startLocalGraph, type LocalGraph } from './localGraph';
import { localPeopleUrl, registerLocalPeopleRoutes } from './localPeopleRoutes';

/** Everything `npm start` adds in dev mode, around a service that is the production one. */
export interface DevStack {
  /** The local Graph stand-in, unless a real Graph app registration is configured. */
  localGraph: LocalGraph | null;
  /** For `createService`: Graph is the stand-in. */
  serviceOverrides: ServiceOverrides;
  /** Seeds the demo tenant (unless ATRIUM_SEED_DEMO=false) and adds the dev routes (the page's sign-in picker among them); before the service listens. */
  prepare(service: Service): Promise<void>;
  /** Prints where everything is and how to sign in. */
  announce(service: Service, url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The local stack: a Microsoft Graph stand-in in which every tenant has a directory (generated from its id), the
 * demo tenant, and the dev routes. `main.ts` imports this module in dev mode only, so production never loads it.
 */
export async function startDevStack(config: ServiceConfig): Promise<DevStack> {
  const localGraph = config.graph.clientId ? null : await startLocalGraph(await loadOrCreateDevIssuer(config.dataDir));
  let cast: DemoPeople | undefined;
  return {
    localGraph,
    serviceOverrides: localGraph
      ? {
          graph: localGraph.access,
          notInDirectoryHint: (tenantId) =>
            `Locally, GET ${localPeopleUrl(tenantId)} names people of this tenant's generated directory, with a dev-token command for each.`,
        }
      : {},
    async prepare(service) {
      if (localGraph) registerLocalPeopleRoutes(service.app, { standIn: localGraph.standIn });
      if (!config.seedDemo) return;
      const people = [...generateDirectoryUsers(localDirectoryOptions(DEMO_TENANT_ID))];
      const sync = service.directorySync;
      const seeded = await seedDemoTenant({ tenancy: service.tenancy, people, now: new Date(), syncDirectory: sync ? () => sync.start(DEMO_TENANT_ID) : undefined });
      cast = seeded.cast;
      // A second organisation, not set up, so the set-up wizard can be tried too (its directory is generated from its id).
      const newOrganisation = [...generateDirectoryUsers(localDirectoryOptions(NEW_ORGANISATION_TENANT_ID))];
      if (service.devIssuer) {
        const people = [...demoSignInPeople(cast), newOrganisationAdmin(newOrganisation)];
        registerDevSignInRoutes(service.app, { issuer: service.devIssuer, apiAudience: config.auth.audience, tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, people });
      }
    },
    async announce(service, url) {
      if (localGraph) console.log(`Microsoft Graph stand-in: ${localGraph.standIn.url}`);
      if (cast) await printSignIn(service, url, cast, config.auth.audience);
      else console.log(`Atrium LMS is running at ${url}`);
      if (localGraph) {
        console.log(
          `Any other tenant id has a generated directory in the Graph stand-in: GET ${url}${localPeopleUrl('<tenant guid>')} ` +
            'names who to sign in as (a tenant admin onboards with POST /api/tenant/onboarding).',
        );
      }
    },
    async close() {
      await localGraph?.standIn.close();
    },
  };
}

async function printSignIn(service: Service, url: string, cast: DemoPeople, audience: string): Promise<void> {
  const issuer = service.devIssuer;
  if (!issuer) return;
  const lines = [
    `Atrium LMS is running at ${url}`,
    `Demo tenant: ${DEMO_TENANT_NAME} (${DEMO_TENANT_ID}) in region ${DEMO_REGION}`,
    '',
    `Open ${url}/ in a browser and choose who to sign in as: ${cast.learner.displayName} (learner), ${cast.lineManager.displayName} (line manager), ${cast.trainingManager.displayName} (training manager) or ${cast.admin.displayName} (tenant admin).`,
    '',
  ];
  const people: Array<[string, { id: string; displayName: string | null; jobTitle: string | null }, string[]]> = [
    ['Learner', cast.learner, []],
    ['Line manager', cast.lineManager, []],
    ['Training manager', cast.trainingManager, ['Catalog.Manage']],
    ['Tenant admin', cast.admin, ['Tenant.Admin']],
  ];
  lines.push('Sign in with a token from the dev issuer (valid 8 hours):');
  for (const [role, person, roles] of people) {
    const token = await issuer.issueToken({ tenantId: DEMO_TENANT_ID, userId: person.id, roles, audience, lifetimeSeconds: 8 * 3600 });
    lines.push('', `  ${role}: ${person.displayName} (${person.jobTitle})`, `    curl -H "Authorization: Bearer ${token}" ${url}/api/me/training`);
  }
  lines.push(
    '',
    'Other people or roles: npm run dev-token -- --tenant <tenant guid> --user <object id guid> [--role Tenant.Admin] [--role Catalog.Manage]',
    `API reference (OpenAPI): ${url}/api/openapi.json`,
  );
  console.log(lines.join('\n'));
}
