import type { CatalogView, MeView } from '../domain/apiResponses';
import { hasRole } from '../domain/roles';
import type { Screen } from './appRoutes';
import { SCREENS } from './appRoutes';

/** What decides the screens a person may use: their app roles, the catalogs they manage, and their direct reports. */
export interface AccessFacts {
  me: MeView;
  managedCatalogs: CatalogView[];
  teamSize: number;
}

/**
 * Everyone: My training, Catalog, My data & privacy; line managers: Team; catalog managers and tenant admins: Manage people
 * and Training admin (Catalog.Manage holders too, to create their first catalog); tenant admins: Privacy administration, Organisation.
 */
export function screensFor(facts: AccessFacts): Screen[] {
  const admin = hasRole(facts.me.roles, 'Tenant.Admin');
  const allowed: Record<Screen, boolean> = {
    training: true,
    catalog: true,
    team: facts.teamSize > 0,
    privacy: true,
    manage: admin || facts.managedCatalogs.length > 0,
    trainingAdmin: admin || hasRole(facts.me.roles, 'Catalog.Manage') || facts.managedCatalogs.length > 0,
    admin,
    organisation: admin,
  };
  return SCREENS.filter((screen) => allowed[screen]);
}
