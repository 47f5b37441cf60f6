/**
 * A child process for concurrency tests: runs the whole service on a data directory (SQLite) or catalog
 * database (SQL Server) that other processes use at the same time, and sends it batches of API requests.
 *
 *   node --import tsx test/support/apiWorkerProcess.ts '<WorkerOptions as JSON>'
 *
 * Protocol, one JSON document per line: the worker prints `{"ready":true}` once the service is up; each line
 * it reads is a batch (`WorkerRequest[]`), sent all at once through the service's HTTP pipeline, answered with
 * one line `{"responses":[{status, body}, ...]}` in the same order; an empty line or end of input stops it.
 * Driven by `test/support/apiWorkers.ts`.
 */
import readline from 'node:readline';
import { readConfig } from '../../src/server/config';
import { createService } from '../../src/server/service';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { MssqlEngine } from '../../src/server/store/mssql/mssqlEngine';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';

export interface WorkerOptions {
  dataDir: string;
  engine: { kind: 'sqlite' } | { kind: 'mssql'; catalogDatabase: string };
}

export interface WorkerRequest {
  method: 'GET' | 'POST';
  url: string;
  token: string;
  body?: unknown;
}

export interface WorkerResponse {
  status: number;
  body: any;
}

function engineFor(options: WorkerOptions): DatabaseEngine {
  if (options.engine.kind === 'sqlite') return new SqliteEngine(options.dataDir);
  const connectionString = process.env.ATRIUM_TEST_MSSQL;
  if (!connectionString) throw new Error('ATRIUM_TEST_MSSQL is not set');
  return new MssqlEngine({ catalog: { server: 'overridden', database: options.engine.catalogDatabase }, serverOverride: connectionString });
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '') as WorkerOptions;
  const config = readConfig({ ATRIUM_DATA_DIR: options.dataDir, LOG_LEVEL: 'silent', ATRIUM_DIRECTORY_SYNC_INTERVAL_MS: '0' });
  const service = await createService(config, { engine: engineFor(options) });
  const reply = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
  reply({ ready: true });
  try {
    for await (const line of readline.createInterface({ input: process.stdin })) {
      if (line.trim() === '') break;
      const batch = JSON.parse(line) as WorkerRequest[];
      const responses = await Promise.all(
        batch.map(async (request): Promise<WorkerResponse> => {
          const response = await service.app.inject({
            method: request.method,
            url: request.url,
            headers: { authorization: `Bearer ${request.token}`, ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
            ...(request.body !== undefined ? { payload: JSON.stringify(request.body) } : {}),
          });
          const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
          return { status: response.statusCode, body: isJson ? response.json() : response.body };
        }),
      );
      reply({ responses });
    }
  } finally {
    await service.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
