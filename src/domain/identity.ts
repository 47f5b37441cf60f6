import { z } from 'zod';

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

const nullableText = z.string().max(256).nullable().optional().transform((v) => v ?? null);

/** Parses a Graph user payload down to the minimum set; extra attributes are dropped, not kept. */
export const graphUserSchema = z
  .object({
    id: z.string().min(1),
    userPrincipalName: nullableText,
    displayName: nullableText,
    mail: nullableText,
    department: nullableText,
    jobTitle: nullableText,
    officeLocation: nullableText,
    country: nullableText,
    city: nullableText,
  })
  .strip();

export function toLearnerIdentity(graphUser: unknown, managerId: string | null): LearnerIdentity {
  const user = graphUserSchema.parse(graphUser);
  return { ...user, managerId };
}
