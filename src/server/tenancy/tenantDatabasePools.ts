import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';

interface PooledDatabase<DB> {
  db: Kysely<DB>;
  inUse: number;
  evicted: boolean;
}

/**
 * Open tenant database pools, at most `max` at once, least recently used evicted first and
 * idle ones closed after `idleMs`. A pool evicted while a request still uses it is closed
 * when that request lets go of it.
 */
export class TenantDatabasePools<DB> {
  private readonly cache: LRUCache<string, Promise<PooledDatabase<DB>>>;

  constructor(
    private readonly open: (key: string) => Promise<Kysely<DB>>,
    options: { max: number; idleMs: number },
  ) {
    this.cache = new LRUCache<string, Promise<PooledDatabase<DB>>>({
      max: options.max,
      ttl: options.idleMs,
      updateAgeOnGet: true,
      ttlAutopurge: true,
      dispose: (entry) => {
        entry.then(
          (pooled) => {
            pooled.evicted = true;
            if (pooled.inUse === 0) pooled.db.destroy().catch(() => undefined);
          },
          () => undefined,
        );
      },
    });
  }

  /** Runs `work` with the tenant's database, opening its pool if needed. */
  async use<T>(key: string, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.open(key).then((db) => ({ db, inUse: 0, evicted: false }));
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    const pooled = await entry;
    pooled.inUse += 1;
    try {
      return await work(pooled.db);
    } finally {
      pooled.inUse -= 1;
      if (pooled.evicted && pooled.inUse === 0) await pooled.db.destroy();
    }
  }

  /** Closes one pool now, once the requests using it let go (e.g. before its database is dropped). */
  async close(key: string): Promise<void> {
    const entry = this.cache.get(key);
    if (!entry) return;
    this.cache.delete(key);
    const pooled = await entry.catch(() => undefined);
    if (!pooled) return;
    // Requests still using the pool decrement `inUse` as they finish.
    while (pooled.inUse > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await pooled.db.destroy();
  }

  async closeAll(): Promise<void> {
    const entries = [...this.cache.values()];
    this.cache.clear();
    await Promise.allSettled(entries);
  }
}
