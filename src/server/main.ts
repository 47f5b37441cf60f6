import { readConfig } from './config';
import { DEMO_DIRECTORY_SEED, DEMO_REGION, DEMO_TENANT_ID, DEMO_TENANT_NAME, seedDemoTenant, type DemoPeople } from './demo/demoSeed';
import { generateDirectoryUsers } from './graph/directoryGenerator';
import { createService, type Service } from './service';

async function printSignIn(service: Service, url: string, cast: DemoPeople, audience: string): Promise<void> {
  const issuer = service.devIssuer;
  if (!issuer) return;
  const lines = [`Atrium LMS is running at ${url}`, `Demo tenant: ${DEMO_TENANT_NAME} (${DEMO_TENANT_ID}) in region ${DEMO_REGION}`, ''];
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

async function main(): Promise<void> {
  const config = readConfig();
  const service = await createService(config);
  let cast: DemoPeople | undefined;
  if (config.seedDemo && config.auth.mode === 'dev') {
    const people = [...generateDirectoryUsers({ seed: DEMO_DIRECTORY_SEED, size: 2000 })];
    const seeded = await seedDemoTenant(service.tenancy, people, new Date());
    cast = seeded.cast;
  }
  const url = await service.app.listen({ port: config.port, host: config.host });
  if (cast) await printSignIn(service, url, cast, config.auth.audience);
  else console.log(`Atrium LMS is running at ${url}`);

  const stop = async () => {
    await service.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
