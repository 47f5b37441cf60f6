import { pickDemoPeople, type DemoPeople } from './demo/demoSeed';
import type { DevSignInPerson } from './devSignInRoutes';
import type { DirectoryUser } from './directory/directoryGenerator';

/** The demo cast as the sign-in picker offers them, in the order a visitor most likely wants them. */
export function demoSignInPeople(cast: DemoPeople): DevSignInPerson[] {
  const person = (who: DemoPeople[keyof DemoPeople], role: string, roles: string[]): DevSignInPerson => ({
    id: who.id,
    displayName: who.displayName ?? who.userPrincipalName ?? who.id,
    jobTitle: who.jobTitle,
    role,
    roles,
  });
  return [
    person(cast.learner, 'Learner', []),
    person(cast.lineManager, 'Line manager', []),
    person(cast.trainingManager, 'Training manager', ['Catalog.Manage']),
    person(cast.admin, 'Tenant admin', ['Tenant.Admin']),
  ];
}

/** A second organisation, never onboarded by the demo seed: its admin tries the set-up wizard (region, first sync). */
export const NEW_ORGANISATION_TENANT_ID = 'b7e4c2a1-5d3f-4a6b-9c8d-2e1f0a9b8c7d';

/** The tenant admin of the new organisation, from its generated directory (`localDirectoryOptions(NEW_ORGANISATION_TENANT_ID)`). */
export function newOrganisationAdmin(people: readonly DirectoryUser[]): DevSignInPerson {
  const { admin } = pickDemoPeople(people);
  return {
    id: admin.id,
    displayName: admin.displayName ?? admin.userPrincipalName ?? admin.id,
    jobTitle: admin.jobTitle,
    role: 'Tenant admin',
    roles: ['Tenant.Admin'],
    tenantId: NEW_ORGANISATION_TENANT_ID,
  };
}
