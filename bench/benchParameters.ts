import path from 'node:path';

/** The size of a seeded data set. The same shape seeds the big tenants and the many small ones. */
export interface SeedShape {
  tenants: number;
  learnersPerTenant: number;
  enrolmentsPerLearner: number;
  coursesPerTenant: number;
}

export const LOAD_SCENARIOS = ['healthz', 'my-training', 'progress'] as const;
export type LoadScenarioName = (typeof LOAD_SCENARIOS)[number];

export interface BenchParameters {
  mode: 'full' | 'quick';
  /** Root of every data set the benchmark seeds; each shape gets its own folder below it. */
  dataRoot: string;
  resultsDir: string;
  big: SeedShape;
  /** Learners who get a token and send requests, spread evenly over the big tenants. */
  tokenSample: number;
  concurrency: number;
  warmupSeconds: number;
  scenarioSeconds: number;
  scenarios: LoadScenarioName[];
  many: SeedShape | null;
  /** Pool bound while all the small tenants are touched: above their number, so none is evicted. */
  manyPoolMax: number;
  /** Pool bound of the eviction run: below their number, so tenants are evicted and reopened. */
  evictionPoolMax: number;
  manyLoadSeconds: number;
  /** Run the service under `node --cpu-prof` and summarise the profile. */
  cpuProfile: boolean;
  /** Before each measurement, wait at most this long for other processes to leave the CPUs alone. */
  waitQuietSeconds: number;
  /** Runs of a load scenario at most, while other processes disturb it. */
  attempts: number;
  /** Only seed (or check) the data sets; measure nothing. */
  seedOnly: boolean;
}

const REPO_ROOT = path.resolve(__dirname, '..');

const USAGE = `npm run bench -- [options]
  --quick                  small data set and short scenarios (a smoke run of under a minute)
  --data-dir <path>        where seeded data sets live (default ./.bench-data)
  --scenarios <a,b>        load scenarios to run: ${LOAD_SCENARIOS.join(', ')} (default: all)
  --seconds <n>            measured seconds per load scenario
  --concurrency <n>        concurrent clients (default 32)
  --skip-many-tenants      skip the 1,000-tenant-database part
  --only-many-tenants      run only the 1,000-tenant-database part
  --cpu-prof               profile the service (node --cpu-prof) and print its hot spots
  --seed-only              seed the data sets (or find them seeded) and stop
  --wait-quiet <s>         before each measurement wait up to s seconds for other processes to go quiet
                           (default 120; 0 with --quick)
  --attempts <n>           repeat a load scenario up to n times while other processes disturb it
                           (default 3; 1 with --quick)`;

function positiveInteger(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got ${value ?? 'nothing'}`);
  return n;
}

export function readBenchParameters(argv: readonly string[]): BenchParameters {
  const args = [...argv];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (['--quick', '--skip-many-tenants', '--only-many-tenants', '--cpu-prof', '--seed-only'].includes(arg)) flags.add(arg);
    else if (['--data-dir', '--scenarios', '--seconds', '--concurrency', '--wait-quiet', '--attempts'].includes(arg)) values.set(arg, args.shift() ?? '');
    else throw new Error(`unknown option ${arg}\n${USAGE}`);
  }

  const quick = flags.has('--quick');
  const scenarios = (values.get('--scenarios')?.split(',') ?? [...LOAD_SCENARIOS]).map((s) => s.trim());
  for (const s of scenarios) {
    if (!(LOAD_SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}; choose from ${LOAD_SCENARIOS.join(', ')}`);
  }
  const onlyMany = flags.has('--only-many-tenants');
  const many: SeedShape = quick
    ? { tenants: 100, learnersPerTenant: 5, enrolmentsPerLearner: 3, coursesPerTenant: 3 }
    : { tenants: 1000, learnersPerTenant: 5, enrolmentsPerLearner: 3, coursesPerTenant: 3 };

  return {
    mode: quick ? 'quick' : 'full',
    dataRoot: path.resolve(values.get('--data-dir') ?? path.join(REPO_ROOT, '.bench-data')),
    resultsDir: path.join(REPO_ROOT, 'bench', 'results'),
    big: quick
      ? { tenants: 5, learnersPerTenant: 500, enrolmentsPerLearner: 20, coursesPerTenant: 40 }
      : { tenants: 50, learnersPerTenant: 2000, enrolmentsPerLearner: 20, coursesPerTenant: 40 },
    tokenSample: quick ? 500 : 2000,
    concurrency: values.has('--concurrency') ? positiveInteger('--concurrency', values.get('--concurrency')) : 32,
    warmupSeconds: quick ? 1 : 3,
    scenarioSeconds: values.has('--seconds') ? positiveInteger('--seconds', values.get('--seconds')) : quick ? 5 : 15,
    scenarios: onlyMany ? [] : (scenarios as LoadScenarioName[]),
    many: flags.has('--skip-many-tenants') ? null : many,
    manyPoolMax: 1200,
    evictionPoolMax: quick ? 20 : 200,
    manyLoadSeconds: quick ? 3 : 10,
    cpuProfile: flags.has('--cpu-prof'),
    seedOnly: flags.has('--seed-only'),
    waitQuietSeconds: values.has('--wait-quiet') ? Number(values.get('--wait-quiet')) || 0 : quick ? 0 : 120,
    attempts: values.has('--attempts') ? positiveInteger('--attempts', values.get('--attempts')) : quick ? 1 : 3,
  };
}

/** The folder of one seeded shape, so a quick and a full data set live side by side. */
export function seedFolder(dataRoot: string, shape: SeedShape): string {
  return path.join(dataRoot, `t${shape.tenants}-l${shape.learnersPerTenant}-e${shape.enrolmentsPerLearner}-c${shape.coursesPerTenant}`);
}

export { REPO_ROOT };
