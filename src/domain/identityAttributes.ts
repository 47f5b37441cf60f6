/** Zod-free, so browser bundles that only need the names stay small. */
/**
 * The minimum identity set Atrium keeps about a person (what LMS365 documents), with
 * Microsoft Graph's property names. Nothing else from Graph is ever stored.
 */
export interface LearnerIdentity {
  id: string;
  userPrincipalName: string | null;
  displayName: string | null;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  country: string | null;
  city: string | null;
  managerId: string | null;
}

/** The `$select` list used for every Graph user read (manager comes from /manager). */
export const GRAPH_USER_SELECT = [
  'id',
  'userPrincipalName',
  'displayName',
  'mail',
  'department',
  'jobTitle',
  'officeLocation',
  'country',
  'city',
] as const;
