import type { DemoPeople } from './demo/demoSeed';
import type { DevSignInPerson } from './devSignInRoutes';

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
