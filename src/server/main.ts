import { readConfig } from './config';
import { DEMO_DIRECTORY_SEED, DEMO_REGION, DEMO_TENANT_ID, DEMO_TENANT_NAME, seedDemoTenant, type DemoPeople } from './demo/demoSeed';
import { generateDirectoryUsers } from './graph/directoryGenerator';
import { loadOrCreateDevIssuer } from './auth/devIssuer';
import { demoSignInPeople } from './devstack/devSignInPeople';
import { startLocalGraph } from './devstack/localGraph';
import { registerStandalonePageRoutes } from './http/routes/standalonePageRoutes';
import { createService, type Service } from './service';

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

const DEMO_DIRECTORY_SIZE = 2000;

async function main(): Promise<void> {
  const config = readConfig();
  const devMode = config.auth.mode === 'dev';
  // Locally, Microsoft Graph is the stand-in serving the demo tenant's generated directory.
  const localGraph =
    devMode && !config.graph.clientId
      ? await startLocalGraph(await loadOrCreateDevIssuer(config.dataDir), [{ tenantId: DEMO_TENANT_ID, seed: DEMO_DIRECTORY_SEED, size: DEMO_DIRECTORY_SIZE }])
      : null;
  const service = await createService(config, localGraph ? { graph: localGraph.access } : {});
  let cast: DemoPeople | undefined;
  if (config.seedDemo && devMode) {
    const people = [...generateDirectoryUsers({ seed: DEMO_DIRECTORY_SEED, size: DEMO_DIRECTORY_SIZE })];
    const sync = service.directorySync;
    const seeded = await seedDemoTenant({ tenancy: service.tenancy, people, now: new Date(), syncDirectory: sync ? () => sync.start(DEMO_TENANT_ID) : undefined });
    cast = seeded.cast;
  }
  if (service.directorySync && config.graph.syncIntervalMs > 0) {
    service.directorySync.schedule(config.graph.syncIntervalMs, (tenantId, error) =>
      service.app.log.warn({ tenantId, err: { message: error instanceof Error ? error.message : String(error) } }, 'scheduled directory sync failed'),
    );
  }
  // The standalone page at `/`: the demo sign-in picker in dev mode, MSAL sign-in with Entra ID.
  const page = registerStandalonePageRoutes(service.app, {
    authMode: config.auth.mode,
    devIssuer: service.devIssuer,
    apiAudience: config.auth.audience,
    graphBaseUrl: localGraph?.standIn.url ?? config.graph.baseUrl ?? 'https://graph.microsoft.com/',
    demo: cast ? { tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, people: demoSignInPeople(cast) } : undefined,
    entra: config.spa.clientId ? { clientId: config.spa.clientId, authority: config.spa.authority, apiScope: config.spa.apiScope } : undefined,
  });
  const url = await service.app.listen({ port: config.port, host: config.host });
  await page.bundled;
  if (localGraph) console.log(`Microsoft Graph stand-in: ${localGraph.standIn.url}`);
  if (cast) await printSignIn(service, url, cast, config.auth.audience);
  else console.log(`Atrium LMS is running at ${url}`);

  const stop = async () => {
    await service.close();
    await localGraph?.standIn.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
