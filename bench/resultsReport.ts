import type { BenchParameters, LoadScenarioName } from './benchParameters';
import { profileSummaryMarkdown, type CpuProfileSummary } from './cpuProfileSummary';
import type { LoadResult } from './loadGenerator';
import type { ManyTenantsResult, RoundResult } from './manyTenants';
import type { QueryCost } from './queryCost';
import type { SeededDataSet } from './seedTenants';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  commit: string;
}

export interface BenchResults {
  startedAt: string;
  machine: Machine;
  parameters: BenchParameters;
  seed: (Omit<SeededDataSet, 'tenants'> & { tenants: number }) | null;
  scenarios: Partial<Record<LoadScenarioName, LoadResult>>;
  serverRssAfterScenariosMb: number | null;
  queryCost: QueryCost | null;
  goals: {
    myTrainingP95Ms: number | null;
    myTrainingToHealthzRatio: number | null;
    p95Met: boolean | null;
    ratioMet: boolean | null;
  };
  manyTenants: ManyTenantsResult | null;
  cpuProfile: CpuProfileSummary | null;
}

/** The goals: my-training p95 under 20 ms, and at least a third of the bare endpoint's throughput. */
export const GOAL_P95_MS = 20;
export const GOAL_RATIO = 1 / 3;

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');

function loadRow(name: string, r: LoadResult): string {
  const statuses = Object.entries(r.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
  return `| ${name} | ${int(r.requestsPerSecond)} | ${f2(r.latency.p50Ms)} | ${f2(r.latency.p95Ms)} | ${f2(r.latency.p99Ms)} | ${f1(r.latency.maxMs)} | ${int(r.requests)} | ${r.errors} | ${statuses} | ${int(r.serverRssMb.start)} → ${int(r.serverRssMb.max)} | ${f2(r.serverCpuCores)} | ${f2(r.loadGeneratorCpuCores)} | ${f2(r.otherProcessesCpuCores)} |`;
}

const LOAD_HEADER = [
  '| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | requests | errors | statuses | server RSS MB (start → max) | server CPU (cores) | load gen CPU (cores) | other processes CPU (cores) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|',
];

function roundRow(name: string, r: RoundResult): string {
  return `| ${name} | ${int(r.tenants)} | ${f2(r.latency.p50Ms)} | ${f2(r.latency.p95Ms)} | ${f2(r.latency.p99Ms)} | ${f1(r.latency.maxMs)} | ${r.errors} |`;
}

export function resultsMarkdown(results: BenchResults): string {
  const { machine, parameters: p } = results;
  const lines: string[] = [];
  lines.push(
    `## Atrium service benchmark (${p.mode}), ${results.startedAt}`,
    '',
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${f1(machine.memoryGb)} GB RAM, Node ${machine.node}, ${machine.platform}, commit ${machine.commit}. ` +
      'Load generator and service run on the same machine and share its CPUs.',
  );
  if (results.seed) {
    const s = results.seed;
    lines.push(
      '',
      `Data set: ${s.shape.tenants} tenants × ${int(s.shape.learnersPerTenant)} learners × ${s.shape.enrolmentsPerLearner} enrolments ` +
        `(${int(s.counts.enrolments)} enrolments, ${int(s.counts.lessonProgress)} lesson completions, ${int(s.counts.quizAttempts)} quiz attempts, ` +
        `${int(s.counts.certificates)} certificates; ${s.shape.coursesPerTenant} courses per tenant), ${f2(s.bytesOnDisk / 1024 ** 3)} GB on disk. ` +
        `Seeded in ${f1(s.timings.totalSeconds)} s (onboarding ${f1(s.timings.onboardSeconds)} s, catalogs ${f1(s.timings.catalogSeconds)} s, bulk rows ${f1(s.timings.bulkSeconds)} s)` +
        (s.reused ? ', reused from an earlier run.' : '.'),
      '',
      `Load: ${p.concurrency} concurrent keep-alive clients, ${p.warmupSeconds} s warm-up then ${p.scenarioSeconds} s measured per scenario, ` +
        `${int(p.tokenSample)} sampled learners (random one per request).`,
      '',
      ...LOAD_HEADER,
    );
    for (const [name, r] of Object.entries(results.scenarios)) lines.push(loadRow(name, r as LoadResult));
    const g = results.goals;
    if (g.myTrainingP95Ms !== null) {
      lines.push('', `- my-training p95 ${f2(g.myTrainingP95Ms)} ms (goal < ${GOAL_P95_MS} ms): **${g.p95Met ? 'met' : 'not met'}**`);
    }
    if (g.myTrainingToHealthzRatio !== null) {
      lines.push(`- my-training req/s ÷ healthz req/s = ${f2(g.myTrainingToHealthzRatio)} (goal ≥ ${f2(GOAL_RATIO)}): **${g.ratioMet ? 'met' : 'not met'}**`);
    }
    const q = results.queryCost;
    if (q) {
      const mt = results.scenarios['my-training'];
      lines.push(
        '',
        `my-training below HTTP (in-process, one call at a time, ${int(q.calls)} random learners):`,
        '',
        '| what | ms per call |',
        '|---|---:|',
        ...(mt ? [`| whole request, service CPU time (server CPU ÷ req/s under load) | ${f2((1000 * mt.serverCpuCores) / mt.requestsPerSecond)} |`] : []),
        `| use case \`myTraining\` through Kysely, as the service runs it | ${f2(q.useCaseMs)} |`,
        `| its SQL alone, prepared on every call (what Kysely's SQLite driver does) | ${f2(q.sqlPreparedEachCallMs)} |`,
        `| its SQL alone, prepared once | ${f2(q.sqlPreparedOnceMs)} |`,
        `| its SQL alone, prepared once, mmap_size 256 MB | ${f2(q.sqlPreparedOnceMmapMs)} |`,
      );
    }
  }

  const m = results.manyTenants;
  if (m) {
    const a = m.allOpen;
    const e = m.eviction;
    lines.push(
      '',
      `### ${int(m.shape.tenants)} tenant databases`,
      '',
      `${int(m.shape.tenants)} tenants × ${m.shape.learnersPerTenant} learners × ${m.shape.enrolmentsPerLearner} enrolments, ${f2(m.seed.bytesOnDisk / 1024 ** 2)} MB on disk; ` +
        `seeded in ${f1(m.seed.timings.totalSeconds)} s (onboarding through Tenancy.onboard: ${f1(m.seed.timings.onboardSeconds)} s, ` +
        `${f1((1000 * m.seed.timings.onboardSeconds) / m.shape.tenants)} ms per tenant)${m.seed.reused ? ', reused' : ''}. ` +
        'Rounds send one GET /api/me/training per tenant, one at a time; tokens were validated beforehand (GET /api/tenant) so the cold round measures opening the database.',
      '',
      '| round | tenants | p50 ms | p95 ms | p99 ms | max ms | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
      roundRow(`cold, pool max ${a.poolMax} (first request per tenant)`, a.cold),
      roundRow(`warm, pool max ${a.poolMax} (all open)`, a.warm),
      roundRow(`first, pool max ${e.poolMax}`, e.first),
      roundRow(`evicted and reopened, pool max ${e.poolMax}`, e.reopen),
      '',
      `| service process | pool max ${a.poolMax} | pool max ${e.poolMax} |`,
      '|---|---:|---:|',
      `| RSS MB, idle after start | ${int(a.rssMb.idle)} | ${int(e.rssMb.idle)} |`,
      `| RSS MB, all tenants touched once | ${int(a.rssMb.afterColdRound)} | ${int(e.rssMb.afterFirstRound)} |`,
      `| RSS MB, second round | ${int(a.rssMb.afterWarmRound)} | ${int(e.rssMb.afterReopenRound)} |`,
      `| RSS MB, after ${p.manyLoadSeconds} s of load | ${int(a.rssMb.afterLoad)} | ${int(e.rssMb.afterLoad)} |`,
      ...(a.openFileDescriptors && e.openFileDescriptors
        ? [
            `| open file descriptors, idle | ${int(a.openFileDescriptors.idle)} | ${int(e.openFileDescriptors.idle)} |`,
            `| open file descriptors, all tenants touched once | ${int(a.openFileDescriptors.afterColdRound)} | ${int(e.openFileDescriptors.afterFirstRound)} |`,
          ]
        : []),
      '',
      `Load over all ${int(m.shape.tenants)} tenants (random tenant per request, ${p.concurrency} clients, ${p.manyLoadSeconds} s):`,
      '',
      ...LOAD_HEADER,
      loadRow(`my-training, pool max ${a.poolMax}`, a.load),
      loadRow(`my-training, pool max ${e.poolMax}`, e.load),
    );
  }

  if (results.cpuProfile) lines.push('', '### Service CPU profile', '', profileSummaryMarkdown(results.cpuProfile));
  return lines.join('\n');
}
