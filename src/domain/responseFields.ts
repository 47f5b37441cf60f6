import { z } from 'zod';

/** Building blocks of the API's response schemas (no transforms: they describe what the server sends). */

/** Atrium's record ids, Entra ID object ids and tenant ids: GUIDs, lower case. */
export const recordIdSchema = z.string().uuid();

/** ISO-8601 UTC, as `Date.prototype.toISOString` writes it. */
export const timestampSchema = z.string().datetime({ offset: true });

/** A count or a position: a whole number, zero or more. */
export const countSchema = z.number().int().min(0);

export const percentSchema = z.number().int().min(0).max(100);
