import { z } from 'zod';

/** Entra ID object ids, tenant ids and Atrium's own record ids are all GUIDs. */
export const guidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)')
  .transform((value) => value.toLowerCase());

export type Guid = string;

export function isGuid(value: string): boolean {
  return guidSchema.safeParse(value).success;
}
