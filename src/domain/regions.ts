import { z } from 'zod';

export const regionIdSchema = z.string().regex(/^[a-z0-9]+$/, 'a region id is lower-case letters and digits, e.g. westeurope');

export const regionSchema = z
  .object({
    id: regionIdSchema,
    displayName: z.string().min(1),
    geography: z.string().min(1),
    country: z.string().min(1),
    /** Production: the Azure SQL logical server that holds this region's tenant databases. */
    azureSql: z
      .object({
        server: z.string().min(1),
        elasticPool: z.string().min(1),
        /** Backups stay in the region: Local or Zone redundancy, never Geo. */
        backupStorageRedundancy: z.enum(['Local', 'Zone']),
      })
      .strict(),
  })
  .strict();

export type Region = z.infer<typeof regionSchema>;

export const regionsFileSchema = z
  .object({ regions: z.array(regionSchema).min(1) })
  .strict()
  .refine((file) => new Set(file.regions.map((r) => r.id)).size === file.regions.length, 'region ids must be unique');
