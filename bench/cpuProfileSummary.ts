import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './benchParameters';

/** The parts of a V8 `.cpuprofile` (as `node --cpu-prof` writes it) that the summary needs. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  ms: number;
  percent: number;
}

export interface CpuProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by package or area: a node_modules package, a folder of src/, node internals, GC, idle. */
  byArea: ProfileShare[];
  /** Functions with the most self time. */
  topSelf: ProfileShare[];
  /** Our own functions (src/) with the most inclusive (self + callees) synchronous time. */
  topInclusiveOwn: ProfileShare[];
}

function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node internals';
  const own = /\/src\/(server\/[^/]+|domain)\//.exec(url);
  if (own) return `src/${own[1]}`;
  return url.replace(/^file:\/\//, '').replace(REPO_ROOT, '.');
}

function shortLocation(url: string, line: number): string {
  if (url === '') return '';
  const file = url.replace(/^file:\/\//, '').replace(`${REPO_ROOT}/`, '').replace(/.*node_modules\//, '');
  return `${file}:${line + 1}`;
}

export function summariseCpuProfile(file: string, top = 15): CpuProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const selfUs = new Map<number, number>();
  profile.samples.forEach((nodeId, i) => selfUs.set(nodeId, (selfUs.get(nodeId) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const keyOf = (id: number) => {
    const { functionName, url, lineNumber } = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    return `${functionName || '(anonymous)'} ${shortLocation(url, lineNumber)}`.trim();
  };

  const area = new Map<string, number>();
  const self = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url } = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    area.set(areaOf(url, functionName), (area.get(areaOf(url, functionName)) ?? 0) + us);
    self.set(keyOf(id), (self.get(keyOf(id)) ?? 0) + us);
  }

  // Inclusive time of our own functions: each node's subtree, counted once per distinct function on a stack.
  const inclusive = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id) as CpuProfile['nodes'][number];
    const key = keyOf(id);
    const own = node.callFrame.url.includes('/src/') && !onStack.has(key);
    if (own) onStack.add(key);
    let us = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) us += walk(child, onStack);
    if (own) {
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      onStack.delete(key);
    }
    return us;
  };
  walk(profile.nodes[0].id, new Set());

  const shares = (m: Map<string, number>, n: number): ProfileShare[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / totalUs }));
  return { file, totalMs: totalUs / 1000, byArea: shares(area, top), topSelf: shares(self, top), topInclusiveOwn: shares(inclusive, top) };
}

/**
 * The profile of the service's main thread: under `--import tsx` a loader worker thread writes a profile of
 * its own, nearly all idle, so the one with the most busy time is the one that served requests.
 */
export function busiestProfile(folder: string): string | undefined {
  if (!fs.existsSync(folder)) return undefined;
  const busy = (file: string) => {
    const s = summariseCpuProfile(file, 1000);
    return s.totalMs - (s.byArea.find((a) => a.name === '(idle)')?.ms ?? 0);
  };
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(folder, f));
  return files.map((file) => ({ file, busyMs: busy(file) })).sort((a, b) => b.busyMs - a.busyMs)[0]?.file;
}

export function profileSummaryMarkdown(summary: CpuProfileSummary): string {
  const table = (title: string, rows: ProfileShare[]) =>
    [`| ${title} | ms | % |`, '|---|---:|---:|', ...rows.map((r) => `| \`${r.name.replace(/\|/g, '\\|')}\` | ${r.ms.toFixed(0)} | ${r.percent.toFixed(1)} |`)].join('\n');
  return [
    `CPU profile ${path.relative(REPO_ROOT, summary.file)} (${(summary.totalMs / 1000).toFixed(1)} s sampled)`,
    '',
    table('Self time by area', summary.byArea),
    '',
    table('Self time by function', summary.topSelf),
    '',
    table('Inclusive time, own code (synchronous part)', summary.topInclusiveOwn),
  ].join('\n');
}

// `npx tsx bench/cpuProfileSummary.ts <file.cpuprofile>` summarises a profile taken some other way.
if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx bench/cpuProfileSummary.ts <file.cpuprofile>');
    process.exit(2);
  }
  console.log(profileSummaryMarkdown(summariseCpuProfile(path.resolve(file))));
}
