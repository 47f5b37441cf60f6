import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { WorkerOptions, WorkerRequest, WorkerResponse } from './apiWorkerProcess';

export type { WorkerRequest, WorkerResponse } from './apiWorkerProcess';

const WORKER_SCRIPT = path.join(__dirname, 'apiWorkerProcess.ts');
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/** Several OS processes, each running the service on the same databases (see apiWorkerProcess.ts). */
export interface ApiWorkers {
  readonly count: number;
  /**
   * Sends each worker its batch at the same moment; every worker fires its whole batch at once. Answers
   * `responses[worker][request]`.
   */
  run(batches: WorkerRequest[][]): Promise<WorkerResponse[][]>;
  /** Stops every worker (and, if one does not stop, its whole process group). */
  close(): Promise<void>;
}

interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
  stderr: string[];
}

async function nextMessage(worker: Worker): Promise<any> {
  const next = await worker.lines.next();
  if (next.done) throw new Error(`worker ${worker.child.pid} ended early: ${worker.stderr.join('').slice(-2000)}`);
  return JSON.parse(next.value);
}

export async function startApiWorkers(count: number, options: WorkerOptions): Promise<ApiWorkers> {
  const workers: Worker[] = [];
  const stopAll = async () => {
    await Promise.all(
      workers.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.stdin.end();
        const timer = setTimeout(() => {
          // The worker is its own process group leader (detached): end it and anything it started.
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        }, 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };
  try {
    for (let i = 0; i < count; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, JSON.stringify(options)], {
        cwd: REPOSITORY_ROOT,
        env: process.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      const stderr: string[] = [];
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      workers.push({ child, stderr, lines: readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]() });
    }
    for (const worker of workers) {
      const message = await nextMessage(worker);
      if (message.ready !== true) throw new Error(`worker ${worker.child.pid} did not start: ${JSON.stringify(message)}`);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    count,
    async run(batches) {
      if (batches.length !== workers.length) throw new Error(`${batches.length} batches for ${workers.length} workers`);
      // Written to every worker first, then read: all batches start together.
      workers.forEach((worker, i) => worker.child.stdin.write(`${JSON.stringify(batches[i])}\n`));
      return Promise.all(workers.map(async (worker) => ((await nextMessage(worker)) as { responses: WorkerResponse[] }).responses));
    },
    close: stopAll,
  };
}
