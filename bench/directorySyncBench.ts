import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadOrCreateDevIssuer } from '../src/server/auth/devIssuer';
import { RULE_DEPARTMENT, type DirectoryChangeSummary } from './directorySyncChanges';
import { CommandedChild } from './directorySyncIpc';
import {
  directorySyncMarkdown,
  GOAL_SECONDS,
  GOAL_USERS,
  memoryVerdict,
  peakRssOf,
  type DirectorySyncBenchResults,
  type DirectorySyncMachine,
  type DirectorySyncSizeResult,
  type GraphCalls,
  type SyncRun,
} from './directorySyncReport';
import type { StandInGroup, StandInReady } from './directorySyncStandIn';
import type { DatabaseCounts, SyncMeasurement, WorkerSetUp } from './directorySyncWorker';
import { waitForQuietMachine } from './quietMachine';
import { readCpuSeconds, readMachineBusySeconds, readRssBytes } from './serverProcess';

export type { DirectorySyncBenchResults } from './directorySyncReport';
export { directorySyncMarkdown } from './directorySyncReport';

/**
 * The directory-sync benchmark (issue 3): a full sync of N users, then a delta of 100 changes, with the real
 * service and the real Graph client against the Graph stand-in. Three processes, so each figure is clean:
 * this one drives, the stand-in holds the directory, the worker runs the service and the sync and measures
 * its own memory. Every size gets a fresh data dir, removed afterwards.
 */
export interface DirectorySyncBenchOptions {
  /** Directory sizes, e.g. [10_000, 100_000]. */
  sizes: number[];
  /** Directory edits before the delta sync; default 100. */
  changes?: number;
  /** Where the per-size data dirs go; default the OS temp dir. */
  dataRoot?: string;
  /** Before each sync, wait at most this long for other processes to leave the CPUs alone; default 20 s. */
  waitQuietSeconds?: number;
  /** Seed of the generated directory and of the change script. */
  seed?: string;
  /**
   * After the delta, a forced full re-sync (as after an expired delta link) runs with this many forced full GCs,
   * spread over the time the first full sync took (at most one per 250 ms), to record the live heap as opposed to
   * garbage not yet collected; default 10, 0 skips the re-sync. Each probe costs tens of milliseconds.
   */
  liveHeapProbes?: number;
  /** Extra Node options of the sync process, e.g. `--max-old-space-size=96` (the sync fits a small heap) or `--cpu-prof`. */
  workerNodeOptions?: string[];
  /** Shown in the report. */
  command?: string;
  log?: (line: string) => void;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const STAND_IN_SCRIPT = path.join(__dirname, 'directorySyncStandIn.ts');
const WORKER_SCRIPT = path.join(__dirname, 'directorySyncWorker.ts');
/** Catalog audiences to keep in step: a department group and an office group (members read with `transitiveMembers`). */
const AUDIENCE_GROUP_NAMES = [`All ${RULE_DEPARTMENT}`, 'Oslo Office'];
const MB = 1024 ** 2;

export function describeMachine(): DirectorySyncMachine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export async function runDirectorySyncBenchmark(options: DirectorySyncBenchOptions): Promise<DirectorySyncBenchResults> {
  const log = options.log ?? ((line: string) => console.error(`[directory-sync ${new Date().toISOString().slice(11, 19)}] ${line}`));
  const changes = options.changes ?? 100;
  const results: DirectorySyncBenchResults = {
    startedAt: new Date().toISOString(),
    command: options.command ?? `runDirectorySyncBenchmark({ sizes: [${options.sizes.join(', ')}] })`,
    machine: describeMachine(),
    changes,
    sizes: [],
    goal: { fullSyncUnderMinute: null, memory: null },
  };
  for (const users of options.sizes) {
    results.sizes.push(await benchmarkSize(users, { ...options, changes, log }));
  }
  const atGoalSize = results.sizes.filter((s) => s.users >= GOAL_USERS);
  results.goal.fullSyncUnderMinute = atGoalSize.length === 0 ? null : atGoalSize.every((s) => s.full.wallSeconds < GOAL_SECONDS);
  results.goal.memory = memoryVerdict(results.sizes);
  return results;
}

async function benchmarkSize(
  users: number,
  options: DirectorySyncBenchOptions & { changes: number; log: (line: string) => void },
): Promise<DirectorySyncSizeResult> {
  const { log } = options;
  const seed = options.seed ?? 'directory-sync-bench';
  const dataDir = fs.mkdtempSync(path.join(options.dataRoot ?? os.tmpdir(), 'atrium-dirsync-bench-'));
  const tenantId = randomUUID();
  let standIn: CommandedChild<StandInReady> | undefined;
  let worker: CommandedChild<{ pid: number }> | undefined;
  try {
    // Both children load this issuer from the data dir: create it once here, so they never race to create it.
    await loadOrCreateDevIssuer(dataDir);
    log(`${users.toLocaleString('en')} users: generating the directory in the stand-in process`);
    standIn = await CommandedChild.start<StandInReady>(STAND_IN_SCRIPT, ['--data-dir', dataDir, '--tenant', tenantId, '--size', String(users), '--seed', seed], {
      cwd: REPO_ROOT,
      timeoutMs: 300_000,
    });
    log(`  stand-in pid ${standIn.pid} at ${standIn.ready.url}: ${standIn.ready.users.toLocaleString('en')} users in ${standIn.ready.generationSeconds.toFixed(1)} s`);
    worker = await CommandedChild.start<{ pid: number }>(WORKER_SCRIPT, ['--data-dir', dataDir, '--tenant', tenantId, '--graph-url', standIn.ready.url], {
      cwd: REPO_ROOT,
      nodeOptions: ['--expose-gc', ...(options.workerNodeOptions ?? [])],
    });

    const groups = await standIn.call<StandInGroup[]>('groups');
    const audienceGroups = AUDIENCE_GROUP_NAMES.map((name) => {
      const group = groups.find((g) => g.displayName === name);
      if (!group) throw new Error(`the generated directory has no group '${name}'`);
      return group;
    });
    const setUpStarted = performance.now();
    const setUp = await worker.call<WorkerSetUp>('setUp', { audienceGroups });
    const setUpSeconds = (performance.now() - setUpStarted) / 1000;
    log(`  worker pid ${worker.pid}: tenant onboarded, catalog ${setUp.catalogId} with a ${RULE_DEPARTMENT} rule and ${setUp.audienceGroups} audience groups`);
    const ruleDepartmentSize = await standIn.call<number>('departmentSize', RULE_DEPARTMENT);

    const full = await measureSync('full', { forceFull: false }, standIn, worker, options);
    const countsAfterFull = await worker.call<DatabaseCounts>('counts');
    log(`  full sync: ${full.wallSeconds.toFixed(1)} s, ${full.graph.requests} Graph calls, ${full.pages} pages, peak RSS ${peakRssOf(full.memory).toFixed(0)} MB`);

    const summary = await standIn.call<DirectoryChangeSummary>('applyChanges', { count: options.changes, seed });
    const delta = await measureSync('delta', {}, standIn, worker, options);
    const countsAfterDelta = await worker.call<DatabaseCounts>('counts');
    log(`  delta sync of ${options.changes} changes: ${delta.wallSeconds.toFixed(2)} s, ${delta.graph.requests} Graph calls`);

    const probes = options.liveHeapProbes ?? 10;
    const probeMs = Math.max(250, Math.round((full.wallSeconds * 1000) / probes));
    const resync = probes > 0 ? await measureSync('full', { forceFull: true, liveHeapProbeMs: probeMs }, standIn, worker, options) : null;
    if (resync) log(`  forced full re-sync: ${resync.wallSeconds.toFixed(1)} s, live heap at most ${resync.memory.peakLiveHeapMb?.toFixed(1)} MB`);

    const standInRssMb = readRssBytes(standIn.pid) / MB;
    await worker.call('close');
    return {
      users,
      standIn: { generationSeconds: standIn.ready.generationSeconds, rssMb: standInRssMb },
      setUpSeconds,
      ruleDepartmentSize,
      full,
      countsAfterFull,
      changes: summary,
      delta,
      countsAfterDelta,
      resync,
      problems: checkSyncs(users, ruleDepartmentSize, full, countsAfterFull, summary, delta, countsAfterDelta, resync),
    };
  } finally {
    await worker?.stop();
    await standIn?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measureSync(
  expectedMode: 'full' | 'delta',
  argument: { forceFull?: boolean; liveHeapProbeMs?: number },
  standIn: CommandedChild<StandInReady>,
  worker: CommandedChild<{ pid: number }>,
  options: { waitQuietSeconds?: number; log: (line: string) => void },
): Promise<SyncRun> {
  const pids = [process.pid, standIn.pid, worker.pid];
  await waitForQuietMachine(pids, options.waitQuietSeconds ?? 20, options.log);
  await standIn.call('resetStats');
  const machineBefore = readMachineBusySeconds();
  const cpuBefore = pids.map(readCpuSeconds);
  const measured = await worker.call<SyncMeasurement>('sync', argument);
  const cpuUsed = pids.map((pid, i) => readCpuSeconds(pid) - cpuBefore[i]);
  const machineBusy = readMachineBusySeconds() - machineBefore;
  const graph = await standIn.call<GraphCalls>('stats');
  const { result } = measured;
  if (result.mode !== expectedMode) throw new Error(`expected a ${expectedMode} sync, the service ran a ${result.mode} one`);
  return {
    mode: result.mode,
    wallSeconds: measured.wallSeconds,
    graph,
    pages: result.pages,
    changed: result.changed,
    inserted: result.inserted,
    departed: result.departed,
    rules: result.rules,
    groups: result.groups,
    groupMembers: result.groupMembers,
    learnersPerSecond: result.changed / measured.wallSeconds,
    syncCpuSeconds: measured.cpuSeconds,
    standInCpuSeconds: cpuUsed[1],
    // /proc/stat counts in 10 ms ticks: over less than a second the figure is noise.
    otherProcessesCores: measured.wallSeconds < 1 ? null : Math.max(0, machineBusy - cpuUsed.reduce((a, b) => a + b, 0)) / measured.wallSeconds,
    memory: measured.memory,
  };
}

/** What each sync had to do, from the directory's side; anything else is a problem worth reporting. */
function checkSyncs(
  users: number,
  ruleDepartmentSize: number,
  full: SyncRun,
  afterFull: DatabaseCounts,
  changes: DirectoryChangeSummary,
  delta: SyncRun,
  afterDelta: DatabaseCounts,
  resync: SyncRun | null,
): string[] {
  const problems: string[] = [];
  const expect = (what: string, actual: number, expected: number) => {
    if (actual !== expected) problems.push(`${what}: ${actual}, expected ${expected}`);
  };
  expect('full: learners written', full.changed, users);
  expect('full: learners inserted', full.inserted, users);
  expect('full: active learners', afterFull.activeLearners, users);
  expect('full: rule assignments', afterFull.ruleAssignments, ruleDepartmentSize);
  expect('delta: changed', delta.changed, changes.expected.changed);
  expect('delta: inserted', delta.inserted, changes.expected.inserted);
  expect('delta: departed', delta.departed, changes.expected.departed);
  expect('delta: active learners', afterDelta.activeLearners, users + changes.hires - changes.deletions);
  expect('delta: rule assigned', delta.rules.assigned, changes.hiresIntoRuleDepartment + changes.movesIntoRuleDepartment);
  expect('delta: rule unmatched', delta.rules.unmatched, changes.movesOutOfRuleDepartment + changes.deletionsFromRuleDepartment);
  if (resync) {
    expect('re-sync: learners written', resync.changed, users + changes.hires - changes.deletions);
    expect('re-sync: inserted', resync.inserted, 0);
    expect('re-sync: departed', resync.departed, 0);
    expect('re-sync: rule changes', resync.rules.assigned + resync.rules.unmatched + resync.rules.rematched, 0);
  }
  return problems;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      changes: { type: 'string', default: '100' },
      'wait-quiet': { type: 'string', default: '20' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      'live-heap-probes': { type: 'string', default: '10' },
      'worker-node-options': { type: 'string', default: '' },
    },
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : values.quick ? [1_000, 5_000] : [10_000, 100_000];
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--sizes takes whole numbers of at least 100, e.g. --sizes 10000,100000');
  const changes = Number(values.changes);
  if (!Number.isInteger(changes) || changes < 4) throw new Error('--changes takes a whole number of at least 4');
  const results = await runDirectorySyncBenchmark({
    sizes,
    changes,
    waitQuietSeconds: Number(values['wait-quiet']),
    liveHeapProbes: Number(values['live-heap-probes']),
    workerNodeOptions: values['worker-node-options'].split(/\s+/).filter((o) => o !== ''),
    command: `npx tsx bench/directorySyncBench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  });
  const markdown = directorySyncMarkdown(results);
  process.stdout.write(`${markdown}\n`);
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  if (values.markdown) fs.writeFileSync(values.markdown, `${markdown}\n`);
  if (results.sizes.some((s) => s.problems.length > 0)) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
