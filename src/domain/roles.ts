/** App roles defined on the Atrium API's Entra app registration and carried in the token's `roles` claim. */
export const APP_ROLES = ['Tenant.Admin', 'Catalog.Manage'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export function hasRole(roles: readonly string[], role: AppRole): boolean {
  return roles.indexOf(role) >= 0;
}
