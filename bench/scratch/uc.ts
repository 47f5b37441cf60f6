import path from 'node:path';
import fs from 'node:fs';
import { SqliteEngine } from '/work/main/src/server/store/sqlite/sqliteEngine';
import { myTraining } from '/work/main/src/server/training/myTraining';
import Database from 'better-sqlite3';
(async () => {
  const dir = '/work/main/.bench-data/t50-l2000-e20-c40';
  const marker = JSON.parse(fs.readFileSync(path.join(dir, 'bench-seed.json'), 'utf8'));
  const t = marker.tenants[0];
  const engine = new SqliteEngine(dir);
  const db = await engine.openTenantDatabase<any>({ id: t.region } as any, path.basename(t.file, '.sqlite'));
  const raw = new Database(path.join(dir, t.file), { readonly: true });
  const learners = raw.prepare('select learner_id from learners limit 300').pluck().all() as string[];
  const q = db.selectFrom('enrolments as e').selectAll().where('e.learner_id', '=', 'x');
  // compile the my-training SQL by capturing from a log
  let sql = '';
  const logged = new (require('kysely').Kysely)({ dialect: new (require('kysely').SqliteDialect)({ database: raw }), log: (e: any) => { sql = e.query.sql; } });
  await myTraining({ db: logged, now: new Date(), principal: { tenantId: t.tenantId, userId: learners[0], roles: [] } });
  console.log(sql);
  console.log(raw.prepare('explain query plan ' + sql).all(t.tenantId, learners[0]));
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    for (const l of learners) await myTraining({ db, now: new Date(), principal: { tenantId: t.tenantId, userId: l, roles: [] } });
    const kys = (performance.now() - t0) / learners.length;
    const stmt = raw.prepare(sql);
    t0 = performance.now();
    for (const l of learners) stmt.all(t.tenantId, l);
    const rawMs = (performance.now() - t0) / learners.length;
    console.log({ kyselyUseCaseMs: kys.toFixed(3), rawStatementMs: rawMs.toFixed(3) });
  }
})();
