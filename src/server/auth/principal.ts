import { APP_ROLES, type AppRole } from '../../domain/roles';

/** Who is calling, taken only from a validated access token. */
export interface Principal {
  /** The token's `tid`: the caller's Entra tenant, lower-case GUID. */
  tenantId: string;
  /** The token's `oid`: the caller's Entra object id, lower-case GUID. */
  userId: string;
  /** The token's `roles` that Atrium knows (see APP_ROLES); anything else is dropped. */
  roles: string[];
}

/** Keeps the app roles Atrium defines, once each, in the order the token lists them. */
export function knownAppRoles(roleClaim: readonly string[]): AppRole[] {
  const known: AppRole[] = [];
  for (const role of roleClaim) {
    const appRole = APP_ROLES.find((candidate) => candidate === role);
    if (appRole !== undefined && !known.includes(appRole)) known.push(appRole);
  }
  return known;
}
