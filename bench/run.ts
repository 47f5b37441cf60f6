import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBenchParameters, REPO_ROOT, type BenchParameters, type LoadScenarioName } from './benchParameters';
import { healthzRequests, myTrainingRequests, progressRequests, sampleLearners, type RequestFactory } from './benchWorkload';
import { busiestProfile, summariseCpuProfile } from './cpuProfileSummary';
import { runLoadUndisturbed } from './loadGenerator';
import { benchManyTenants } from './manyTenants';
import { GOAL_P95_MS, GOAL_RATIO, resultsMarkdown, type BenchResults, type Machine } from './resultsReport';
import { measureQueryCost } from './queryCost';
import { waitForQuietMachine } from './quietMachine';
import { startServer } from './serverProcess';
import { seedDataSet } from './seedTenants';

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

function describeMachine(): Machine {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    if (dirty) commit += ' (src/ has uncommitted changes)';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit,
  };
}

async function runLoadScenarios(params: BenchParameters, results: BenchResults, profileDir: string): Promise<void> {
  const seed = await seedDataSet(params.dataRoot, params.big, log);
  const { tenants, ...seedInfo } = seed;
  results.seed = { ...seedInfo, tenants: tenants.length };
  log(`data set: ${seed.counts.enrolments.toLocaleString('en')} enrolments, ${(seed.bytesOnDisk / 1024 ** 3).toFixed(2)} GB in ${seed.dataDir}`);

  const learners = await sampleLearners(seed, params.tokenSample);
  log(`issued tokens for ${learners.length} sampled learners`);
  const factories: Record<LoadScenarioName, RequestFactory> = {
    healthz: healthzRequests(),
    'my-training': myTrainingRequests(learners, 'load/my-training'),
    progress: progressRequests(learners, 'load/progress'),
  };

  const server = await startServer({ dataDir: seed.dataDir, cpuProfileDir: params.cpuProfile ? profileDir : undefined });
  log(`service pid ${server.pid} listening on 127.0.0.1:${server.port}, RSS ${(server.rssBytes() / 1024 ** 2).toFixed(0)} MB`);
  try {
    for (const name of params.scenarios) {
      log(`scenario ${name}: ${params.warmupSeconds} s warm-up + ${params.scenarioSeconds} s at ${params.concurrency} clients`);
      const result = await runLoadUndisturbed({
        port: server.port,
        concurrency: params.concurrency,
        warmupSeconds: params.warmupSeconds,
        seconds: params.scenarioSeconds,
        nextRequest: factories[name],
        server,
        waitQuietSeconds: params.waitQuietSeconds,
        attempts: params.attempts,
        log,
      });
      results.scenarios[name] = result;
      log(
        `  ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latency.p50Ms.toFixed(2)} ms, p95 ${result.latency.p95Ms.toFixed(2)} ms, ` +
          `p99 ${result.latency.p99Ms.toFixed(2)} ms, errors ${result.errors}${result.errorSamples.length ? `: ${result.errorSamples[0]}` : ''}`,
      );
    }
    results.serverRssAfterScenariosMb = server.rssBytes() / 1024 ** 2;
    const tail = server.outputTail().trim();
    if (tail) log(`the service wrote:\n${tail.slice(-2000)}`);
  } finally {
    await server.stop();
  }

  if (params.scenarios.includes('my-training')) {
    if (params.waitQuietSeconds > 0) await waitForQuietMachine([process.pid], params.waitQuietSeconds, log);
    log('my-training below HTTP: the use case in-process and its SQL alone');
    results.queryCost = await measureQueryCost(seed, params.mode === 'quick' ? 2000 : 10_000);
  }

  const myTraining = results.scenarios['my-training'];
  const healthz = results.scenarios.healthz;
  if (myTraining) {
    results.goals.myTrainingP95Ms = myTraining.latency.p95Ms;
    results.goals.p95Met = myTraining.errors === 0 && myTraining.latency.p95Ms < GOAL_P95_MS;
  }
  if (myTraining && healthz) {
    results.goals.myTrainingToHealthzRatio = myTraining.requestsPerSecond / healthz.requestsPerSecond;
    results.goals.ratioMet = myTraining.errors === 0 && results.goals.myTrainingToHealthzRatio >= GOAL_RATIO;
  }
}

async function main(): Promise<void> {
  const params = readBenchParameters(process.argv.slice(2));
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const profileDir = path.join(params.resultsDir, `profile-${stamp}`);
  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    machine: describeMachine(),
    parameters: params,
    seed: null,
    scenarios: {},
    serverRssAfterScenariosMb: null,
    queryCost: null,
    goals: { myTrainingP95Ms: null, myTrainingToHealthzRatio: null, p95Met: null, ratioMet: null },
    manyTenants: null,
    cpuProfile: null,
  };

  if (params.seedOnly) {
    for (const shape of [params.big, ...(params.many ? [params.many] : [])]) {
      const seeded = await seedDataSet(params.dataRoot, shape, log);
      log(`${seeded.dataDir}: ${seeded.counts.enrolments.toLocaleString('en')} enrolments, ${(seeded.bytesOnDisk / 1024 ** 3).toFixed(2)} GB, seeded in ${seeded.timings.totalSeconds.toFixed(1)} s`);
    }
    return;
  }
  if (params.scenarios.length > 0) await runLoadScenarios(params, results, profileDir);
  if (params.many) results.manyTenants = await benchManyTenants(params, params.many, log);
  if (params.cpuProfile) {
    const profile = busiestProfile(profileDir);
    if (profile) results.cpuProfile = summariseCpuProfile(profile);
    else log(`no CPU profile was written to ${profileDir}`);
  }

  fs.mkdirSync(params.resultsDir, { recursive: true });
  const resultsFile = path.join(params.resultsDir, `${stamp}.json`);
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  console.log(resultsMarkdown(results));
  console.log(`\nRaw results: ${path.relative(REPO_ROOT, resultsFile)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
