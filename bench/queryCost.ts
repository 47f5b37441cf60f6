import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { TenantDatabase } from '../src/server/store/tenantSchema';
import { SqliteEngine } from '../src/server/store/sqlite/sqliteEngine';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';
import { RegionDirectory } from '../src/server/tenancy/regionDirectory';
import { myTraining } from '../src/server/training/myTraining';
import { REPO_ROOT } from './benchParameters';
import type { SeededDataSet } from './seedTenants';

/** Milliseconds per call; each figure is the fastest of ROUNDS rounds of `calls / ROUNDS` calls. */
export interface QueryCost {
  calls: number;
  /** The my-training use case in-process, on databases opened by the service's own engine: no HTTP. */
  useCaseMs: number;
  /** Its SQL through better-sqlite3, prepared on every call as Kysely's SQLite driver does. */
  sqlPreparedEachCallMs: number;
  /** The same SQL, prepared once per database. */
  sqlPreparedOnceMs: number;
  /** Prepared once, with `PRAGMA mmap_size = 268435456` (reads from the mapped file instead of read() calls). */
  sqlPreparedOnceMmapMs: number;
}

const ROUNDS = 5;

interface Target {
  tenantId: string;
  learnerIds: string[];
}

/**
 * Where the time of a my-training request goes below HTTP: the use case in-process, and its one SQL
 * statement alone, on the seeded tenants, for random learners (so pages come from all over each file).
 */
export async function measureQueryCost(dataSet: SeededDataSet, calls: number): Promise<QueryCost> {
  const engine = new SqliteEngine(dataSet.dataDir);
  const regions = RegionDirectory.fromFile(path.join(REPO_ROOT, 'config', 'regions.json'));
  const random = new SeededRandom('query-cost');
  const targets: Array<Target & { db: Kysely<TenantDatabase>; raw: Database.Database; mapped: Database.Database }> = [];
  for (const tenant of dataSet.tenants) {
    const file = path.join(dataSet.dataDir, tenant.file);
    const raw = new Database(file, { readonly: true, fileMustExist: true });
    const mapped = new Database(file, { readonly: true, fileMustExist: true });
    mapped.pragma('mmap_size = 268435456');
    const db = await engine.openTenantDatabase<TenantDatabase>(regions.get(tenant.region), path.basename(tenant.file, '.sqlite'));
    const learnerIds = raw.prepare('SELECT learner_id FROM learners').pluck().all() as string[];
    targets.push({ tenantId: tenant.tenantId, learnerIds, db, raw, mapped });
  }

  // The statement the use case runs, as Kysely compiles it.
  let sql = '';
  const probe = targets[0];
  const logged = new Kysely<TenantDatabase>({ dialect: new SqliteDialect({ database: probe.raw }), log: (event) => {
      sql = event.query.sql;
    },
  });
  await myTraining({ db: logged, now: new Date(), principal: { tenantId: probe.tenantId, userId: probe.learnerIds[0], roles: [] } });

  const pick = () => {
    const target = targets[Math.floor(random.next() * targets.length)];
    return { target, learnerId: target.learnerIds[Math.floor(random.next() * target.learnerIds.length)] };
  };
  const timed = async (run: () => unknown, n: number): Promise<number> => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await run();
    return (performance.now() - started) / n;
  };
  const preparedOnce = new Map(targets.map((t) => [t, t.raw.prepare(sql)]));
  const preparedOnceMapped = new Map(targets.map((t) => [t, t.mapped.prepare(sql)]));

  const variants: Record<Exclude<keyof QueryCost, 'calls'>, () => unknown> = {
    useCaseMs: () => {
      const { target, learnerId } = pick();
      return myTraining({ db: target.db, now: new Date(), principal: { tenantId: target.tenantId, userId: learnerId, roles: [] } });
    },
    sqlPreparedEachCallMs: () => {
      const { target, learnerId } = pick();
      return target.raw.prepare(sql).all(target.tenantId, learnerId);
    },
    sqlPreparedOnceMs: () => {
      const { target, learnerId } = pick();
      return preparedOnce.get(target)?.all(target.tenantId, learnerId);
    },
    sqlPreparedOnceMmapMs: () => {
      const { target, learnerId } = pick();
      return preparedOnceMapped.get(target)?.all(target.tenantId, learnerId);
    },
  };
  const names = Object.keys(variants) as Array<keyof typeof variants>;
  const best = Object.fromEntries(names.map((n) => [n, Infinity])) as Record<keyof typeof variants, number>;
  try {
    for (const name of names) await timed(variants[name], Math.min(1000, calls));
    // Variants take turns, and each keeps its fastest round: a burst of someone else's work spoils one round, not the figure.
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of names) best[name] = Math.min(best[name], await timed(variants[name], Math.ceil(calls / ROUNDS)));
    }
    return { calls, ...best };
  } finally {
    for (const t of targets) {
      await t.db.destroy();
      t.raw.close();
      t.mapped.close();
    }
  }
}
