import http from 'node:http';
import { summariseLatencies, type LatencySummary } from './latencySummary';
import { waitForQuietMachine } from './quietMachine';
import { readMachineBusySeconds, type ServerProcess } from './serverProcess';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  /** A JSON body, already serialised. */
  body?: string;
}

export interface Exchange {
  status: number;
  /** The response body, kept only for non-2xx answers (for the error report). */
  errorBody: string;
  latencyMs: number;
}

/** Sends one request to 127.0.0.1 and waits for the whole response. */
export function exchange(agent: http.Agent, port: number, request: BenchRequest): Promise<Exchange> {
  const headers: http.OutgoingHttpHeaders = {};
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(request.body);
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const outgoing = http.request({ agent, host: '127.0.0.1', port, method: request.method, path: request.path, headers }, (response) => {
      const status = response.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      let errorBody = '';
      if (ok) response.resume();
      else response.on('data', (chunk: Buffer) => (errorBody += chunk.toString()));
      response.on('end', () => resolve({ status, errorBody, latencyMs: Number(process.hrtime.bigint() - started) / 1e6 }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  nextRequest: () => BenchRequest;
  server: ServerProcess;
}

export interface LoadResult {
  concurrency: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  /** Responses by status code ("network" for failed connections). */
  statuses: Record<string, number>;
  errors: number;
  errorSamples: string[];
  serverRssMb: { start: number; max: number; end: number };
  /** CPU cores' worth of time the service and this load generator used during the measured window. */
  serverCpuCores: number;
  loadGeneratorCpuCores: number;
  /** CPU the rest of the machine used meanwhile: other processes competing for the same cores. */
  otherProcessesCpuCores: number;
  /** How many times the scenario was run to get a measurement the rest of the machine did not disturb. */
  attempts: number;
}

const MB = 1024 * 1024;

/**
 * A closed loop of `concurrency` clients over keep-alive connections: each sends its next request as soon
 * as the previous answer is complete. After `warmupSeconds` (discarded), requests that start and finish
 * within the next `seconds` are measured.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  const startAt = performance.now();
  const measureFrom = startAt + options.warmupSeconds * 1000;
  const measureUntil = measureFrom + options.seconds * 1000;

  const rss: number[] = [];
  let cpuAtStart = { server: 0, self: process.cpuUsage(), machine: 0 };
  const sampler = setInterval(() => {
    if (performance.now() >= measureFrom) rss.push(options.server.rssBytes());
  }, 200);
  const startMeasuring = setTimeout(() => {
    cpuAtStart = { server: options.server.cpuSeconds(), self: process.cpuUsage(), machine: readMachineBusySeconds() };
    rss.push(options.server.rssBytes());
  }, options.warmupSeconds * 1000);

  let cpuAtEnd: { server: number; self: NodeJS.CpuUsage; machine: number } | null = null;
  const endMeasuring = () => {
    if (!cpuAtEnd) {
      cpuAtEnd = { server: options.server.cpuSeconds(), self: process.cpuUsage(cpuAtStart.self), machine: readMachineBusySeconds() };
      rss.push(options.server.rssBytes());
    }
    return cpuAtEnd;
  };
  const stopMeasuring = setTimeout(endMeasuring, (options.warmupSeconds + options.seconds) * 1000);

  const client = async () => {
    while (performance.now() < measureUntil) {
      const request = options.nextRequest();
      const sentAt = performance.now();
      let outcome: Exchange;
      try {
        outcome = await exchange(agent, options.port, request);
      } catch (error) {
        if (sentAt < measureFrom) continue;
        errors += 1;
        statuses.network = (statuses.network ?? 0) + 1;
        if (errorSamples.length < 5) errorSamples.push(`${request.method} ${request.path}: ${(error as Error).message}`);
        continue;
      }
      const doneAt = performance.now();
      if (sentAt < measureFrom || doneAt > measureUntil) continue;
      latencies.push(outcome.latencyMs);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (outcome.status < 200 || outcome.status >= 300) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${request.method} ${request.path} -> ${outcome.status} ${outcome.errorBody.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  clearInterval(sampler);
  clearTimeout(startMeasuring);
  clearTimeout(stopMeasuring);
  const cpu = endMeasuring();
  agent.destroy();

  const serverCpu = cpu.server - cpuAtStart.server;
  const selfCpu = (cpu.self.user + cpu.self.system) / 1e6;
  const requests = latencies.length;
  return {
    concurrency: options.concurrency,
    seconds: options.seconds,
    requests,
    requestsPerSecond: requests / options.seconds,
    latency: summariseLatencies(latencies),
    statuses,
    errors,
    errorSamples,
    serverRssMb: { start: rss[0] / MB, max: Math.max(...rss) / MB, end: rss[rss.length - 1] / MB },
    serverCpuCores: serverCpu / options.seconds,
    loadGeneratorCpuCores: selfCpu / options.seconds,
    otherProcessesCpuCores: Math.max(0, cpu.machine - cpuAtStart.machine - serverCpu - selfCpu) / options.seconds,
    attempts: 1,
  };
}

/** Other processes may use this many cores during a measurement before it is repeated. */
const DISTURBANCE_CORES = 0.2;

/**
 * Runs a load scenario on a machine others share: waits (at most `waitQuietSeconds`) for other processes to go
 * quiet, and repeats the scenario (up to `attempts` times) while they took more than a fifth of a core during
 * it. Returns the least disturbed run; its `otherProcessesCpuCores` tells how clean it was.
 */
export async function runLoadUndisturbed(
  options: LoadOptions & { waitQuietSeconds: number; attempts: number; log: (line: string) => void },
): Promise<LoadResult> {
  let best: LoadResult | undefined;
  for (let attempt = 1; attempt <= Math.max(1, options.attempts); attempt++) {
    if (options.waitQuietSeconds > 0) await waitForQuietMachine([process.pid, options.server.pid], options.waitQuietSeconds, options.log);
    const result = await runLoad(options);
    if (!best || result.otherProcessesCpuCores < best.otherProcessesCpuCores) best = { ...result, attempts: attempt };
    if (result.otherProcessesCpuCores < DISTURBANCE_CORES || options.waitQuietSeconds === 0) break;
    options.log(`  other processes took ${result.otherProcessesCpuCores.toFixed(2)} cores during attempt ${attempt}; measuring again`);
  }
  return best as LoadResult;
}
