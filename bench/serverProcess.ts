import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from './benchParameters';

/** The Atrium service running as its own process, as `npm start` runs it, on a port of its choosing. */
export interface ServerProcess {
  pid: number;
  port: number;
  /** Resident set size now, in bytes (VmRSS of /proc/<pid>/status). */
  rssBytes(): number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  /** File descriptors the process holds open (an open SQLite database in WAL mode holds three). */
  openFileDescriptors(): number;
  /** The last lines the service wrote (warnings and errors only, at LOG_LEVEL=warn). */
  outputTail(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the whole run into this folder. */
  cpuProfileDir?: string;
}

const CLOCK_TICKS_PER_SECOND = 100;
const RUNNING_AT = /Atrium LMS is running at http:\/\/127\.0\.0\.1:(\d+)/;

export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds the whole machine has spent busy (all CPUs, everything but idle and I/O wait), from /proc/stat. */
export function readMachineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

function getStatus(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/**
 * Starts `node --import tsx src/server/main.ts` with the benchmark's settings: no demo seed, warnings-only
 * logging, port 0 (the service prints the port it got), only on 127.0.0.1. Resolves once /healthz answers 200.
 */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const nodeArgs = ['--import', 'tsx'];
  if (options.cpuProfileDir) {
    fs.mkdirSync(options.cpuProfileDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  }
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join('src', 'server', 'main.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ATRIUM_DATA_DIR: options.dataDir,
      ATRIUM_REGIONS_FILE: path.join(REPO_ROOT, 'config', 'regions.json'),
      ATRIUM_SEED_DEMO: 'false',
      ATRIUM_AUTH_MODE: 'dev',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the service process did not start');

  let output = '';
  let announcePort: ((port: number) => void) | null = null;
  // Keep draining its output so a chatty service never blocks on a full pipe; keep the tail for error messages.
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    const match = announcePort ? RUNNING_AT.exec(output) : null;
    if (match && announcePort) {
      announcePort(Number(match[1]));
      announcePort = null;
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not report its port within 60 s:\n${output}`)), 60_000);
    announcePort = (p) => {
      clearTimeout(timer);
      resolve(p);
    };
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (code ${code}) before it was ready:\n${output}`));
    }, reject);
  });

  const deadline = Date.now() + 30_000;
  while ((await getStatus(port, '/healthz').catch(() => 0)) !== 200) {
    if (Date.now() > deadline) throw new Error(`/healthz did not answer 200 within 30 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    pid,
    port,
    rssBytes: () => readRssBytes(pid),
    cpuSeconds: () => readCpuSeconds(pid),
    openFileDescriptors: () => fs.readdirSync(`/proc/${pid}/fd`).length,
    outputTail: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
