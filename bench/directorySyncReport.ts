import type { DirectoryChangeSummary } from './directorySyncChanges';
import type { DatabaseCounts, SyncMemory } from './directorySyncWorker';
import type { GraphStandInStats } from '../src/server/devstack/graphStandIn/graphStandIn';
import type { DirectorySyncResult } from '../src/server/jobs/directorySync';

export interface DirectorySyncMachine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

/** What the stand-in counted during one sync. */
export type GraphCalls = GraphStandInStats;

export interface SyncRun extends Pick<DirectorySyncResult, 'mode' | 'pages' | 'changed' | 'inserted' | 'departed' | 'rules' | 'groups' | 'groupMembers'> {
  wallSeconds: number;
  graph: GraphCalls;
  /** People written (inserted or rectified) per second of wall time. */
  learnersPerSecond: number;
  syncCpuSeconds: number;
  standInCpuSeconds: number;
  /** Cores' worth of CPU used by processes other than the benchmark's three during the sync; null for syncs under a second. */
  otherProcessesCores: number | null;
  memory: SyncMemory;
}

export interface DirectorySyncSizeResult {
  users: number;
  standIn: { generationSeconds: number; rssMb: number };
  setUpSeconds: number;
  /** People in the rule's department after generation: the full sync must assign each one the course. */
  ruleDepartmentSize: number;
  full: SyncRun;
  countsAfterFull: DatabaseCounts;
  changes: DirectoryChangeSummary;
  delta: SyncRun;
  countsAfterDelta: DatabaseCounts;
  /** A forced full re-sync after the delta, with the live heap probed; null when skipped. */
  resync: SyncRun | null;
  /** Differences between what the sync did and what it had to do; empty when it was exact. */
  problems: string[];
}

export interface MemoryVerdict {
  /**
   * Judged on the live heap of the probed re-syncs (the memory the sync holds); null when those syncs were too short
   * to probe. Peaks are not a basis: they measure how long V8 let garbage pile up, which depends on the sync's length.
   */
  flat: boolean | null;
  smallest: number;
  largest: number;
  /** Highest live heap (after a forced full GC) during the forced full re-sync; null without that run. */
  liveHeapMb: [number, number] | null;
  liveHeapRatio: number | null;
  /** Peak RSS of the first full sync (kernel high-water mark where available). */
  peakRssMb: [number, number];
  /** Peak heap used of the first full sync, garbage not yet collected included. */
  peakHeapUsedMb: [number, number];
  /** Peak RSS above the pre-sync baseline. */
  rssAboveBaselineMb: [number, number];
  rssRatio: number;
  heapRatio: number;
}

export interface DirectorySyncBenchResults {
  startedAt: string;
  command: string;
  machine: DirectorySyncMachine;
  changes: number;
  sizes: DirectorySyncSizeResult[];
  goal: {
    /** The full sync of 100,000 (or more) users took under a minute; null when no such size ran. */
    fullSyncUnderMinute: boolean | null;
    memory: MemoryVerdict | null;
  };
}

/** The largest peak at the largest size may be this much above the peak at the smallest and still count as flat. */
export const FLAT_MEMORY_RATIO = 1.2;
export const GOAL_USERS = 100_000;
export const GOAL_SECONDS = 60;

const integer = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const mb = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');

export function peakRssOf(memory: SyncMemory): number {
  return memory.peakRssKernelMb !== null ? Math.max(memory.peakRssKernelMb, memory.peakRssMb) : memory.peakRssMb;
}

export function memoryVerdict(sizes: DirectorySyncSizeResult[]): MemoryVerdict | null {
  if (sizes.length < 2) return null;
  const ordered = [...sizes].sort((a, b) => a.users - b.users);
  const small = ordered[0];
  const large = ordered[ordered.length - 1];
  const rss: [number, number] = [peakRssOf(small.full.memory), peakRssOf(large.full.memory)];
  const heap: [number, number] = [small.full.memory.peakHeapUsedMb, large.full.memory.peakHeapUsedMb];
  // A live-heap figure needs a few probes inside the sync: a sync shorter than the probe interval has none.
  const liveOf = (size: DirectorySyncSizeResult) => ((size.resync?.memory.liveHeap?.length ?? 0) >= 3 ? size.resync?.memory.peakLiveHeapMb : undefined);
  const smallLive = liveOf(small);
  const largeLive = liveOf(large);
  const live: [number, number] | null = smallLive !== undefined && largeLive !== undefined ? [smallLive, largeLive] : null;
  const rssRatio = rss[1] / rss[0];
  const heapRatio = heap[1] / heap[0];
  const liveHeapRatio = live ? live[1] / live[0] : null;
  return {
    flat: liveHeapRatio !== null ? liveHeapRatio <= FLAT_MEMORY_RATIO : null,
    smallest: small.users,
    largest: large.users,
    liveHeapMb: live,
    liveHeapRatio,
    peakRssMb: rss,
    peakHeapUsedMb: heap,
    rssAboveBaselineMb: [rss[0] - small.full.memory.baselineRssMb, rss[1] - large.full.memory.baselineRssMb],
    rssRatio,
    heapRatio,
  };
}

function endpoints(graph: GraphCalls): string {
  return Object.entries(graph.byEndpoint)
    .sort((a, b) => b[1] - a[1])
    .map(([endpoint, count]) => `${endpoint.replace(/\|/g, '\\|')}: ${integer(count)}`)
    .join('<br>');
}

function rules(r: SyncRun['rules']): string {
  return `+${integer(r.assigned)} / −${integer(r.unmatched)} / ↺${integer(r.rematched)}`;
}

/** The figures as markdown: one table for the full syncs, one for the deltas, then the verdicts. */
export function directorySyncMarkdown(results: DirectorySyncBenchResults): string {
  const { machine } = results;
  const lines: string[] = [];
  lines.push(
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB, Node ${machine.node}, ${machine.platform}. ` +
      `Run ${results.startedAt}: \`${results.command}\`.`,
    '',
    '**Full sync** (first sync of a freshly onboarded tenant: every user paged through `users/delta`, written, rules applied, audience groups read)',
    '',
    '| Users | Wall time | Learners/s | Graph calls | Calls by endpoint | Pages | Learners written | Rule: assigned / unmatched / rematched | Audience members | Sync CPU | Stand-in CPU | Sync RSS: before → peak | Sync heap used: before → peak → after GC |',
    '|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|',
  );
  for (const size of results.sizes) {
    const f = size.full;
    const m = f.memory;
    lines.push(
      `| ${integer(size.users)} | ${seconds(f.wallSeconds)} s | ${integer(f.learnersPerSecond)} | ${integer(f.graph.requests)} | ${endpoints(f.graph)} | ${integer(f.pages)} | ` +
        `${integer(f.changed)} | ${rules(f.rules)} | ${integer(f.groupMembers)} | ${seconds(f.syncCpuSeconds)} s | ${seconds(f.standInCpuSeconds)} s | ` +
        `${mb(m.baselineRssMb)} → ${mb(peakRssOf(m))} MB | ${mb(m.baselineHeapUsedMb)} → ${mb(m.peakHeapUsedMb)} → ${mb(m.afterGcHeapUsedMb)} MB |`,
    );
  }
  lines.push(
    '',
    `**Delta sync after ${results.changes} directory changes** (hires, department moves into and out of the rule's department, manager changes, deletions)`,
    '',
    '| Users | Changes: hires / moves / manager / deletions | Wall time | Graph calls | Calls by endpoint | Pages | Changed / inserted / departed | Rule: assigned / unmatched / rematched | Audience members re-read | Sync RSS: before → peak | Sync heap used peak |',
    '|---:|---|---:|---:|---|---:|---|---|---:|---:|---:|',
  );
  for (const size of results.sizes) {
    const d = size.delta;
    const c = size.changes;
    lines.push(
      `| ${integer(size.users)} | ${c.hires} / ${c.departmentMoves} / ${c.managerChanges} / ${c.deletions} | ${seconds(d.wallSeconds)} s | ${integer(d.graph.requests)} | ${endpoints(d.graph)} | ` +
        `${d.pages} | ${d.changed} / ${d.inserted} / ${d.departed} | ${rules(d.rules)} | ${integer(d.groupMembers)} | ${mb(d.memory.baselineRssMb)} → ${mb(peakRssOf(d.memory))} MB | ${mb(d.memory.peakHeapUsedMb)} MB |`,
    );
  }
  const cores = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(2)} cores`);
  if (results.sizes.some((size) => size.resync)) {
    lines.push(
      '',
      '**Forced full re-sync** (as when Graph expires a delta link: everyone paged again and rectified). About 10 forced full GCs during it record the live heap: its wall time includes them, so it is not a timing figure.',
      '',
      '| Users | Wall time | Graph calls | Learners written | Live heap (after a full GC): first → highest | Sync RSS peak | Sync heap used peak | CPU of other processes |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const size of results.sizes) {
      const r = size.resync;
      if (!r) continue;
      const live = r.memory.liveHeap ?? [];
      lines.push(
        `| ${integer(size.users)} | ${seconds(r.wallSeconds)} s | ${integer(r.graph.requests)} | ${integer(r.changed)} | ` +
          `${live.length > 0 ? `${live[0].heapUsedMb.toFixed(1)} → ${(r.memory.peakLiveHeapMb ?? 0).toFixed(1)} MB (${live.length} probes)` : 'n/a'} | ` +
          `${mb(peakRssOf(r.memory))} MB | ${mb(r.memory.peakHeapUsedMb)} MB | ${cores(r.otherProcessesCores)} |`,
      );
    }
  }
  lines.push('', '| Users | Stand-in: generation, RSS | Set-up (onboard, catalog, course, rule, audience) | CPU of other processes during full / delta | Correctness |', '|---:|---|---:|---|---|');
  for (const size of results.sizes) {
    lines.push(
      `| ${integer(size.users)} | ${seconds(size.standIn.generationSeconds)} s, ${mb(size.standIn.rssMb)} MB | ${seconds(size.setUpSeconds)} s | ` +
        `${cores(size.full.otherProcessesCores)} / ${cores(size.delta.otherProcessesCores)} | ${size.problems.length === 0 ? 'exact' : size.problems.join('; ')} |`,
    );
  }

  lines.push('');
  const largest = results.sizes.reduce<DirectorySyncSizeResult | undefined>((a, b) => (!a || b.users > a.users ? b : a), undefined);
  if (results.goal.fullSyncUnderMinute === null) {
    lines.push(`Goal "${integer(GOAL_USERS)} users in under a minute": not measured in this run (largest size ${integer(largest?.users ?? 0)}).`);
  } else {
    lines.push(
      `Goal "${integer(GOAL_USERS)} users in under a minute": **${results.goal.fullSyncUnderMinute ? 'met' : 'not met'}** ` +
        `(${integer(largest!.users)} users in ${seconds(largest!.full.wallSeconds)} s).`,
    );
  }
  const memory = results.goal.memory;
  if (memory) {
    const factor = (memory.largest / memory.smallest).toFixed(0);
    const peaks =
      `peak RSS of the sync process during the first full sync ${mb(memory.peakRssMb[0])} MB at ${integer(memory.smallest)} users, ` +
      `${mb(memory.peakRssMb[1])} MB at ${integer(memory.largest)} (×${memory.rssRatio.toFixed(2)}; ` +
      `${mb(memory.rssAboveBaselineMb[0])} → ${mb(memory.rssAboveBaselineMb[1])} MB above the pre-sync baseline); ` +
      `peak heap used ${mb(memory.peakHeapUsedMb[0])} → ${mb(memory.peakHeapUsedMb[1])} MB (×${memory.heapRatio.toFixed(2)})`;
    if (memory.liveHeapMb && memory.liveHeapRatio !== null) {
      lines.push(
        `Goal "memory that does not grow with the directory size": **${memory.flat ? 'met' : 'not met'}** for the memory the sync holds: ` +
          `live heap at most ${memory.liveHeapMb[0].toFixed(1)} MB at ${integer(memory.smallest)} users and ${memory.liveHeapMb[1].toFixed(1)} MB at ` +
          `${integer(memory.largest)} (×${memory.liveHeapRatio.toFixed(2)} for a ${factor}× larger directory; flat means at most ×${FLAT_MEMORY_RATIO}). ` +
          `With V8's default heap sizing the ${peaks}: garbage that V8 lets pile up between full collections, not data kept.`,
      );
    } else {
      lines.push(
        `Goal "memory that does not grow with the directory size": not judged: the re-syncs were too short to probe the live heap ` +
          `(use sizes of 10,000 and more). For information, the ${peaks}.`,
      );
    }
  }
  return lines.join('\n');
}
