import { z } from 'zod';

/** DEV ONLY: what `GET /dev/sign-in` and `POST /dev/sign-in` of a local Atrium service answer (not part of the API). */

/** Someone the local demo lets you sign in as. */
export const demoPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  /** What they do in the demo, e.g. "Learner" or "Training manager". */
  role: z.string(),
  /** App roles their tokens carry, e.g. `Catalog.Manage`. */
  roles: z.array(z.string()),
  /** Set for someone of another organisation than the demo tenant. */
  tenantId: z.string().optional(),
});
export type DemoPerson = z.infer<typeof demoPersonSchema>;

export const devSignInOfferSchema = z.object({ tenantId: z.string(), tenantName: z.string(), people: z.array(demoPersonSchema) });
export type DevSignInOffer = z.infer<typeof devSignInOfferSchema>;

/** What a dev sign-in gives: tokens of Entra's shape for the LMS API and for (the stand-in of) Microsoft Graph. */
export const devSessionSchema = z.object({
  tenantId: z.string(),
  userId: z.string(),
  displayName: z.string(),
  /** ISO date-time; both tokens expire then. */
  expiresAt: z.string(),
  accessTokens: z.object({ lmsApi: z.string(), graph: z.string() }),
});
export type DevSession = z.infer<typeof devSessionSchema>;
