import { DEMO_DIRECTORY_SEED, DEMO_DIRECTORY_SIZE, DEMO_TENANT_ID, pickDemoPeople } from './demo/demoSeed';
import { demoSignInPeople } from './devSignInPeople';
import type { DevSignInPerson } from './devSignInRoutes';
import type { DirectoryGeneratorOptions, DirectoryUser } from './directory/directoryGenerator';

/** People in the generated directory of a tenant other than the demo one: every role is there, and it generates in milliseconds. */
export const LOCAL_DIRECTORY_SIZE = 250;

/**
 * The directory the local Graph stand-in serves for a tenant: the demo tenant's, or one generated from the tenant
 * id, so any tenant onboarded locally has people to sign in as, the same ones on every run.
 */
export function localDirectoryOptions(tenantId: string): DirectoryGeneratorOptions {
  const id = tenantId.toLowerCase();
  if (id === DEMO_TENANT_ID) return { seed: DEMO_DIRECTORY_SEED, size: DEMO_DIRECTORY_SIZE };
  const label = id.replace(/-/g, '').slice(0, 8);
  return { seed: `local-tenant:${id}`, size: LOCAL_DIRECTORY_SIZE, domain: `org${label}.onmicrosoft.com`, companyName: `Organisation ${label}` };
}

/** Who to sign in as in a generated directory: a tenant admin, a training manager, a learner and the learner's line manager. */
export function signInPeopleOf(people: readonly DirectoryUser[]): DevSignInPerson[] {
  return demoSignInPeople(pickDemoPeople(people));
}
