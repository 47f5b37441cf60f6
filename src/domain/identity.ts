import { z } from 'zod';

export { GRAPH_USER_SELECT, type LearnerIdentity } from './identityAttributes';
import type { LearnerIdentity } from './identityAttributes';

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
