import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
const dir = '/work/main/.bench-data/t50-l2000-e20-c40';
const marker = JSON.parse(fs.readFileSync(path.join(dir, 'bench-seed.json'), 'utf8'));
const sql = fs.readFileSync('/tmp/mt.sql', 'utf8');
function run(label: string, pragmas: string[], prepareEach: boolean) {
  const dbs = marker.tenants.map((t: any) => { const d = new Database(path.join(dir, t.file)); d.pragma('journal_mode = WAL'); for (const p of pragmas) d.pragma(p); return { d, t, learners: d.prepare('select learner_id from learners').pluck().all() as string[], stmt: d.prepare(sql) }; });
  for (let round = 0; round < 2; round++) {
    let n = 0; const t0 = performance.now();
    let prepMs = 0;
    for (let i = 0; i < 20000; i++) {
      const x = dbs[Math.floor(Math.random() * dbs.length)];
      const l = x.learners[Math.floor(Math.random() * x.learners.length)];
      let stmt = x.stmt;
      if (prepareEach) { const p0 = performance.now(); stmt = x.d.prepare(sql); prepMs += performance.now() - p0; }
      stmt.all(x.t.tenantId, l); n++;
    }
    const ms = (performance.now() - t0) / n;
    console.log(label, 'round', round, 'ms/query', ms.toFixed(3), 'prepare ms', (prepMs / n).toFixed(3));
  }
  for (const x of dbs) x.d.close();
}
run('default cache, prepare each', [], true);
run('default cache, prepared once', [], false);
run('mmap 256MB, prepared once', ['mmap_size = 268435456'], false);
run('cache 16MB, prepared once', ['cache_size = -16000'], false);
