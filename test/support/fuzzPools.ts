// The values the fuzzer draws ids and other known strings from, by parameter or property name. Seeded with the
// tenant's records and grown from the answers the API gives, so routes added later meet real ids of their own too.
import type { FuzzPools } from './fuzzRequests';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Enough variety to matter; bounded so a long run does not draw from thousands of ids. */
const MAX_POOL_SIZE = 40;

export class LearningPools implements FuzzPools {
  private readonly named = new Map<string, string[]>();
  readonly anyId: string[] = [];

  /** The live pool for a name; names of ids (…Id) get one even before it holds anything. */
  readonly byName = (name: string): readonly string[] | undefined => (name.endsWith('Id') ? this.pool(name) : this.named.get(name));

  add(name: string, ...values: string[]): void {
    const pool = this.pool(name);
    for (const value of values) {
      if (!pool.includes(value) && pool.length < MAX_POOL_SIZE) pool.push(value);
      this.addAnyId(value);
    }
  }

  private addAnyId(value: string): void {
    if (GUID.test(value) && !this.anyId.includes(value) && this.anyId.length < MAX_POOL_SIZE * 4) this.anyId.push(value);
  }

  /**
   * Learns the ids in an answer: `catalogId: "…"` and `learnerIds: ["…"]` by name, any other GUID as some id, and
   * paging tokens (`nextCursor: "…"` as a `cursor`).
   */
  learnFrom(body: unknown, key = ''): void {
    if (typeof body === 'string') {
      const pagingToken = /^next([A-Z])(\w*)$/.exec(key);
      if (pagingToken) this.add(pagingToken[1].toLowerCase() + pagingToken[2], body);
      if (!GUID.test(body)) return;
      if (/Ids?$/.test(key)) this.add(key.replace(/Ids$/, 'Id'), body);
      else this.addAnyId(body);
    } else if (Array.isArray(body)) {
      for (const item of body.slice(0, MAX_POOL_SIZE)) this.learnFrom(item, key);
    } else if (body && typeof body === 'object') {
      for (const [k, v] of Object.entries(body)) this.learnFrom(v, k);
    }
  }

  private pool(name: string): string[] {
    let pool = this.named.get(name);
    if (!pool) this.named.set(name, (pool = []));
    return pool;
  }
}
