import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/server/config';
import { GRAPH_AUDIENCE } from '../src/server/devstack/localGraph';
import type { DirectorySyncResult } from '../src/server/jobs/directorySync';
import { createService, type GraphAccess, type Service } from '../src/server/service';
import { setCatalogAudience } from '../src/server/training/catalogs';
import { RULE_DEPARTMENT } from './directorySyncChanges';
import { answerCommands } from './directorySyncIpc';

/**
 * The service side of the directory-sync benchmark, in a process of its own so that its memory figures hold
 * the sync and nothing else: the real service (`createService`) on SQLite, reaching the Graph stand-in of
 * another process with the real Graph client and app-only dev tokens. Driven by the benchmark over IPC.
 */
const REPO_ROOT = path.resolve(__dirname, '..');
/** The Atrium app's object id in the benchmark tenant: the caller of app-only Graph requests. */
const APP_OBJECT_ID = '6a0e3c52-1b7d-4f0e-8c39-2d54b7a1e9f3';
const SAMPLE_INTERVAL_MS = 50;
const MB = 1024 ** 2;

export interface WorkerSetUp {
  catalogId: string;
  courseId: string;
  ruleId: string;
  audienceGroups: number;
}

export interface SyncMemory {
  /** Before the sync, after a full garbage collection. */
  baselineRssMb: number;
  baselineHeapUsedMb: number;
  /** Highest of the samples taken every 50 ms during the sync. */
  peakRssMb: number;
  peakHeapUsedMb: number;
  peakExternalMb: number;
  /** The kernel's high-water mark of resident memory (VmHWM), reset just before the sync; null where it cannot be reset. */
  peakRssKernelMb: number | null;
  /** After the sync, after a full garbage collection: what the sync left behind. */
  afterGcHeapUsedMb: number;
  afterGcRssMb: number;
  samples: number;
  /** Highest heap used and RSS sampled in each second of the sync. */
  timeline: Array<{ second: number; heapUsedMb: number; rssMb: number }>;
  /** With a live-heap probe only: heap used right after a forced full GC, at each probe, and the highest of them. */
  liveHeap?: Array<{ seconds: number; heapUsedMb: number; rssMb: number }>;
  peakLiveHeapMb?: number;
}

export interface SyncMeasurement {
  result: DirectorySyncResult;
  wallSeconds: number;
  cpuSeconds: number;
  memory: SyncMemory;
}

export interface DatabaseCounts {
  learners: number;
  activeLearners: number;
  departedLearners: number;
  ruleAssignments: number;
  unmatchedAssignments: number;
  enrolments: number;
  groupMembers: number;
}

function readKernelMemory(): { rssMb: number; hwmMb: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+); false where that is not allowed. */
function resetKernelPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** A full, compacting collection (twice: the first one's finalisers may free more), or once for a quick probe. */
function collectGarbage(times = 2): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the worker with --expose-gc');
  for (let i = 0; i < times; i++) gc();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, tenant: { type: 'string' }, 'graph-url': { type: 'string' } } });
  const dataDir = values['data-dir'];
  const tenantId = values.tenant;
  const graphUrl = values['graph-url'];
  if (!dataDir || !tenantId || !graphUrl) throw new Error('usage: directorySyncWorker.ts --data-dir DIR --tenant GUID --graph-url URL');

  const config = readConfig({
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_REGIONS_FILE: path.join(REPO_ROOT, 'config', 'regions.json'),
    ATRIUM_AUTH_MODE: 'dev',
    ATRIUM_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  });
  // The service's own dev issuer (same data dir as the stand-in's) signs the app-only Graph tokens; `graph` needs the
  // service and the service needs `graph`, so the service is set once created.
  let service: Service | undefined = undefined;
  const tokens = new Map<string, { token: Promise<string>; renewAt: number }>();
  const graph: GraphAccess = {
    baseUrl: graphUrl,
    getAccessToken: (tenant) => {
      const cached = tokens.get(tenant);
      if (cached && cached.renewAt > Date.now()) return cached.token;
      const token = service!.devIssuer!.issueToken({ tenantId: tenant, userId: APP_OBJECT_ID, audience: GRAPH_AUDIENCE, lifetimeSeconds: 3600 });
      tokens.set(tenant, { token, renewAt: Date.now() + 50 * 60_000 });
      return token;
    },
  };
  service = await createService(config, { graph });
  const sync = service.directorySync;
  if (!sync) throw new Error('the service has no directory sync');
  const devIssuer = service.devIssuer!;
  const adminId = randomUUID();

  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, roles: string[], body?: unknown) => {
    const token = await devIssuer.issueToken({ tenantId, userId: adminId, roles, audience: config.auth.audience });
    const response = await service!.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { payload: body as object } : {}) });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json() as { id: string };
  };

  answerCommands(
    { pid: process.pid },
    {
      /** Onboards the tenant, and creates a catalog with a course, a rule (department = Finance) and an audience of groups. */
      setUp: async (argument: { audienceGroups: Array<{ id: string; displayName: string }> }): Promise<WorkerSetUp> => {
        await call('POST', '/api/tenant/onboarding', ['Tenant.Admin'], { region: 'westeurope', displayName: 'Directory sync benchmark' });
        const manage = ['Tenant.Admin', 'Catalog.Manage'];
        const catalog = await call('POST', '/api/catalogs', manage, { name: 'Compliance' });
        const course = await call('POST', `/api/catalogs/${catalog.id}/courses`, manage, {
          title: 'Finance Controls',
          summary: 'Segregation of duties, approvals and the audit trail.',
          format: 'e-learning',
          durationMinutes: 30,
          lessons: [{ title: 'Approvals', materialUrl: 'https://contoso.sharepoint.com/sites/training/finance/1' }],
          status: 'published',
        });
        const rule = await call('POST', `/api/catalogs/${catalog.id}/rules`, manage, {
          name: `${RULE_DEPARTMENT}: controls`,
          courseId: course.id,
          criteria: { department: [RULE_DEPARTMENT] },
          dueWithinDays: 30,
        });
        // The use case, not `PUT .../audience`: that route also starts a sync at once, and the first sync measured must be ours.
        await service!.tenancy.withTenantDatabase(tenantId, (db) =>
          setCatalogAudience({ db, now: new Date(), principal: { tenantId, userId: adminId, roles: manage } }, catalog.id, { groups: argument.audienceGroups }),
        );
        return { catalogId: catalog.id, courseId: course.id, ruleId: rule.id, audienceGroups: argument.audienceGroups.length };
      },

      /** One sync through `DirectorySyncService.start`, as the schedule and the API run it, with its time and memory. */
      sync: async (argument: { forceFull?: boolean; liveHeapProbeMs?: number }): Promise<SyncMeasurement> => {
        collectGarbage();
        const before = process.memoryUsage();
        const kernelPeakReset = resetKernelPeak();
        const peak = { rss: before.rss, heapUsed: before.heapUsed, external: before.external, samples: 0 };
        const timeline: SyncMemory['timeline'] = [];
        let started = performance.now();
        const sample = () => {
          const now = process.memoryUsage();
          peak.rss = Math.max(peak.rss, now.rss);
          peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
          peak.external = Math.max(peak.external, now.external);
          peak.samples++;
          const second = Math.floor((performance.now() - started) / 1000);
          const bucket = timeline[timeline.length - 1];
          if (bucket?.second === second) {
            bucket.heapUsedMb = Math.max(bucket.heapUsedMb, now.heapUsed / MB);
            bucket.rssMb = Math.max(bucket.rssMb, now.rss / MB);
          } else {
            timeline.push({ second, heapUsedMb: now.heapUsed / MB, rssMb: now.rss / MB });
          }
        };
        const sampler = setInterval(sample, SAMPLE_INTERVAL_MS);
        // Diagnosis: what is still reachable (a full GC first), as opposed to garbage V8 has not collected yet.
        const liveHeap: NonNullable<SyncMemory['liveHeap']> = [];
        const probe = argument.liveHeapProbeMs
          ? setInterval(() => {
              sample();
              collectGarbage(1);
              const now = process.memoryUsage();
              liveHeap.push({ seconds: (performance.now() - started) / 1000, heapUsedMb: now.heapUsed / MB, rssMb: now.rss / MB });
            }, argument.liveHeapProbeMs)
          : undefined;
        const cpuBefore = process.cpuUsage();
        started = performance.now();
        let result: DirectorySyncResult | undefined;
        try {
          result = await sync.start(tenantId, { forceFull: argument.forceFull });
        } finally {
          clearInterval(sampler);
          clearInterval(probe);
        }
        const wallSeconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        sample();
        const kernel = readKernelMemory();
        if (!result) throw new Error('the sync did not run: another holder has the lease');
        collectGarbage();
        const after = process.memoryUsage();
        return {
          result,
          wallSeconds,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          memory: {
            baselineRssMb: before.rss / MB,
            baselineHeapUsedMb: before.heapUsed / MB,
            peakRssMb: peak.rss / MB,
            peakHeapUsedMb: peak.heapUsed / MB,
            peakExternalMb: peak.external / MB,
            peakRssKernelMb: kernelPeakReset ? kernel.hwmMb : null,
            afterGcHeapUsedMb: after.heapUsed / MB,
            afterGcRssMb: after.rss / MB,
            samples: peak.samples,
            timeline,
            ...(probe ? { liveHeap, peakLiveHeapMb: Math.max(before.heapUsed / MB, ...liveHeap.map((p) => p.heapUsedMb)) } : {}),
          },
        };
      },

      counts: (): Promise<DatabaseCounts> =>
        service!.tenancy.withTenantDatabase(tenantId, async (db) => {
          const count = async (table: 'learners' | 'rule_assignments' | 'enrolments' | 'group_members', where?: [string, 'is' | 'is not', null]) => {
            let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId);
            if (where) query = query.where(where[0] as never, where[1], where[2]);
            return Number((await query.executeTakeFirstOrThrow()).n);
          };
          return {
            learners: await count('learners'),
            activeLearners: await count('learners', ['departed_at', 'is', null]),
            departedLearners: await count('learners', ['departed_at', 'is not', null]),
            ruleAssignments: await count('rule_assignments'),
            unmatchedAssignments: await count('rule_assignments', ['unmatched_at', 'is not', null]),
            enrolments: await count('enrolments'),
            groupMembers: await count('group_members'),
          };
        }),

      close: async () => {
        await service!.close();
      },
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
