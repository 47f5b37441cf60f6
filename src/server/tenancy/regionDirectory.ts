import fs from 'node:fs';
import { regionsFileSchema, type Region } from '../../domain/regions';

/** The data-center regions this deployment offers, from config/regions.json. */
export class RegionDirectory {
  private readonly byId: Map<string, Region>;

  constructor(readonly regions: readonly Region[]) {
    this.byId = new Map(regions.map((r) => [r.id, r]));
  }

  static fromFile(file: string): RegionDirectory {
    const parsed = regionsFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${file} is not a valid regions file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return new RegionDirectory(parsed.data.regions);
  }

  find(id: string): Region | undefined {
    return this.byId.get(id);
  }

  get(id: string): Region {
    const region = this.byId.get(id);
    if (!region) throw new Error(`region ${id} is not offered by this deployment`);
    return region;
  }
}
