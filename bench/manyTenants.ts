import http from 'node:http';
import type { BenchParameters, SeedShape } from './benchParameters';
import { myTrainingRequests, sampleLearners, type SampledLearner } from './benchWorkload';
import { summariseLatencies, type LatencySummary } from './latencySummary';
import { exchange, runLoadUndisturbed, type BenchRequest, type LoadResult } from './loadGenerator';
import { waitForQuietMachine } from './quietMachine';
import { startServer, type ServerProcess } from './serverProcess';
import { seedDataSet, type SeededDataSet } from './seedTenants';

export interface RoundResult {
  tenants: number;
  latency: LatencySummary;
  errors: number;
  seconds: number;
}

export interface ManyTenantsResult {
  shape: SeedShape;
  seed: Omit<SeededDataSet, 'tenants'> & { tenants: number };
  /** Every tenant database fits in the pool: each is opened once, then stays open. */
  allOpen: {
    poolMax: number;
    rssMb: { idle: number; tokensValidated: number; afterColdRound: number; afterWarmRound: number; afterLoad: number };
    openFileDescriptors: { idle: number; afterColdRound: number };
    cold: RoundResult;
    warm: RoundResult;
    load: LoadResult;
  };
  /** The pool holds fewer databases than there are tenants: least recently used ones are closed and reopened. */
  eviction: {
    poolMax: number;
    rssMb: { idle: number; afterFirstRound: number; afterReopenRound: number; afterLoad: number };
    openFileDescriptors: { idle: number; afterFirstRound: number };
    first: RoundResult;
    reopen: RoundResult;
    load: LoadResult;
  };
}

const MB = 1024 * 1024;

/** One request per learner, one after another, so each latency is that request's alone. */
async function sequentialRound(port: number, learners: readonly SampledLearner[], request: (l: SampledLearner) => BenchRequest): Promise<RoundResult & { errorSamples: string[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  for (const learner of learners) {
    const outcome = await exchange(agent, port, request(learner));
    latencies.push(outcome.latencyMs);
    if (outcome.status !== 200) {
      errors += 1;
      if (errorSamples.length < 3) errorSamples.push(`${outcome.status} ${outcome.errorBody.slice(0, 200)}`);
    }
  }
  agent.destroy();
  return { tenants: learners.length, latency: summariseLatencies(latencies), errors, seconds: (performance.now() - started) / 1000, errorSamples };
}

const myTraining = (l: SampledLearner): BenchRequest => ({ method: 'GET', path: '/api/me/training', token: l.token });
/** Validates the token and reads the tenant catalog, without opening the tenant's database. */
const tenantInfo = (l: SampledLearner): BenchRequest => ({ method: 'GET', path: '/api/tenant', token: l.token });

function checked(round: RoundResult & { errorSamples: string[] }, what: string, log: (line: string) => void): RoundResult {
  if (round.errors > 0) log(`  ! ${round.errors} failed requests in ${what}: ${round.errorSamples.join(' | ')}`);
  const { errorSamples: _samples, ...result } = round;
  return result;
}

/**
 * Memory and first-request latency with many small tenant databases: once with a pool bound above the
 * number of tenants (all stay open), once with a bound below it (evicted databases are reopened).
 */
export async function benchManyTenants(params: BenchParameters, shape: SeedShape, log: (line: string) => void): Promise<ManyTenantsResult> {
  const dataSet = await seedDataSet(params.dataRoot, shape, log);
  // One learner per tenant; the first tenant only warms the code paths and is left out of the rounds.
  const [warmer, ...learners] = await sampleLearners(dataSet, shape.tenants);
  const mb = (bytes: number) => bytes / MB;
  let server: ServerProcess;
  const quiet = () => (params.waitQuietSeconds ? waitForQuietMachine([process.pid, server.pid], params.waitQuietSeconds, log) : Promise.resolve(0));

  log(`many tenants: pool max ${params.manyPoolMax}, ${learners.length} tenant databases`);
  server = await startServer({ dataDir: dataSet.dataDir, env: { ATRIUM_TENANT_POOL_MAX: String(params.manyPoolMax) } });
  let allOpen: ManyTenantsResult['allOpen'];
  try {
    const idle = server.rssBytes();
    const idleDescriptors = server.openFileDescriptors();
    await sequentialRound(server.port, [warmer, warmer], myTraining);
    checked(await sequentialRound(server.port, learners, tenantInfo), 'token validation round', log);
    const tokensValidated = server.rssBytes();
    await quiet();
    const cold = checked(await sequentialRound(server.port, learners, myTraining), 'cold round', log);
    const afterColdRound = server.rssBytes();
    const afterColdDescriptors = server.openFileDescriptors();
    await quiet();
    const warm = checked(await sequentialRound(server.port, learners, myTraining), 'warm round', log);
    const afterWarmRound = server.rssBytes();
    const load = await runLoadUndisturbed({
      port: server.port,
      concurrency: params.concurrency,
      warmupSeconds: 1,
      seconds: params.manyLoadSeconds,
      nextRequest: myTrainingRequests(learners, 'many-tenants/all-open'),
      server,
      waitQuietSeconds: params.waitQuietSeconds,
      attempts: params.attempts,
      log,
    });
    allOpen = {
      poolMax: params.manyPoolMax,
      rssMb: { idle: mb(idle), tokensValidated: mb(tokensValidated), afterColdRound: mb(afterColdRound), afterWarmRound: mb(afterWarmRound), afterLoad: mb(server.rssBytes()) },
      openFileDescriptors: { idle: idleDescriptors, afterColdRound: afterColdDescriptors },
      cold,
      warm,
      load,
    };
  } finally {
    await server.stop();
  }

  log(`many tenants: pool max ${params.evictionPoolMax} (evicting)`);
  server = await startServer({ dataDir: dataSet.dataDir, env: { ATRIUM_TENANT_POOL_MAX: String(params.evictionPoolMax) } });
  try {
    const idle = server.rssBytes();
    const idleDescriptors = server.openFileDescriptors();
    await sequentialRound(server.port, [warmer, warmer], myTraining);
    checked(await sequentialRound(server.port, learners, tenantInfo), 'token validation round', log);
    await quiet();
    const first = checked(await sequentialRound(server.port, learners, myTraining), 'first round', log);
    const afterFirstRound = server.rssBytes();
    const afterFirstDescriptors = server.openFileDescriptors();
    // Same order again: with fewer pool slots than tenants, every request finds its database evicted.
    await quiet();
    const reopen = checked(await sequentialRound(server.port, learners, myTraining), 'reopen round', log);
    const afterReopenRound = server.rssBytes();
    const load = await runLoadUndisturbed({
      port: server.port,
      concurrency: params.concurrency,
      warmupSeconds: 1,
      seconds: params.manyLoadSeconds,
      nextRequest: myTrainingRequests(learners, 'many-tenants/evicting'),
      server,
      waitQuietSeconds: params.waitQuietSeconds,
      attempts: params.attempts,
      log,
    });
    const eviction: ManyTenantsResult['eviction'] = {
      poolMax: params.evictionPoolMax,
      rssMb: { idle: mb(idle), afterFirstRound: mb(afterFirstRound), afterReopenRound: mb(afterReopenRound), afterLoad: mb(server.rssBytes()) },
      openFileDescriptors: { idle: idleDescriptors, afterFirstRound: afterFirstDescriptors },
      first,
      reopen,
      load,
    };
    const { tenants, ...seedInfo } = dataSet;
    return { shape, seed: { ...seedInfo, tenants: tenants.length }, allOpen, eviction };
  } finally {
    await server.stop();
  }
}
