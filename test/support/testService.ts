import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import assert from './assert';
import { ContractChecker, type OpenApiDocument } from './apiContract';
import { readConfig } from '../../src/server/config';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { assertAllParseAsTsql } from './tsqlParser';
import { TsqlRecorder, tsqlRecordingEngine } from './tsqlRecorder';
import { createService, type Service, type ServiceOverrides } from '../../src/server/service';

export interface TestService {
  service: Service;
  dataDir: string;
  /** A bearer token from the dev issuer, as `npm run dev-token` would print. */
  token(tenantId: string, userId: string, roles?: string[]): Promise<string>;
  /** Sends a request through the service's HTTP pipeline. */
  call(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: Buffer }>;
  /** The checker call() holds every answer to: for tests that send requests another way (raw inject, a socket). */
  contract(): Promise<ContractChecker>;
  /** Onboards a tenant through the API, as its tenant admin would. Returns the admin's id. */
  onboard(tenantId: string, region?: string): Promise<string>;
  close(): Promise<void>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-test-'));
}

export async function startTestService(overrides: ServiceOverrides & { env?: Record<string, string>; dataDir?: string } = {}): Promise<TestService> {
  const dataDir = overrides.dataDir ?? makeDataDir();
  const config = readConfig({ ATRIUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...overrides.env });
  // Every query the API issues on SQLite is also compiled for SQL Server and checked to parse as T-SQL.
  const recorder = new TsqlRecorder();
  const engine = overrides.engine ?? tsqlRecordingEngine(new SqliteEngine(config.dataDir), recorder);
  const service = await createService(config, { ...overrides, engine });
  const audience = config.auth.audience;
  // Every answer the suite receives is checked against the OpenAPI document: a documented status, its media type, its schema.
  let contract: Promise<ContractChecker> | undefined;
  const contractChecker = () =>
    (contract ??= service.app.inject({ method: 'GET', url: '/api/openapi.json' }).then((doc) => new ContractChecker(doc.json<OpenApiDocument>())));

  const call: TestService['call'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await service.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body !== undefined ? { payload: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
      ...(options.body !== undefined && !headers['content-type'] ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
    });
    const type = String(response.headers['content-type'] ?? '');
    const body = type.includes('application/json') ? response.json() : response.body;
    const observed = { method, url, status: response.statusCode, contentType: type, body, rawLength: response.rawPayload.length, headers: response.headers };
    const problem = (await contractChecker()).problem(observed);
    if (problem) assert.fail(`The answer breaks the API contract (GET /api/openapi.json): ${problem}`);
    return { status: response.statusCode, body, headers: response.headers, raw: response.rawPayload };
  };

  const token: TestService['token'] = (tenantId, userId, roles = []) => {
    if (!service.devIssuer) throw new Error('dev issuer not running');
    return service.devIssuer.issueToken({ tenantId, userId, roles, audience });
  };

  return {
    service,
    dataDir,
    token,
    call,
    contract: contractChecker,
    async onboard(tenantId, region = 'westeurope') {
      const adminId = randomUUID();
      const response = await call('POST', '/api/tenant/onboarding', {
        token: await token(tenantId, adminId, ['Tenant.Admin']),
        body: { region, displayName: `Tenant ${tenantId.slice(0, 8)}` },
      });
      if (response.status !== 201) throw new Error(`onboarding failed: ${response.status} ${JSON.stringify(response.body)}`);
      return adminId;
    },
    async close() {
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      assert.deepEqual(recorder.uncompilable, [], 'every query compiles for SQL Server');
      const distinct = new Map(recorder.statements.map((s) => [s.sql, s]));
      assertAllParseAsTsql([...distinct.values()]);
    },
  };
}

/** A small valid course body; pass overrides for the parts a test cares about. */
export function courseBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Code of Conduct',
    summary: 'How we work together.',
    format: 'e-learning',
    tags: ['compliance'],
    durationMinutes: 30,
    sequentialLessons: true,
    lessons: [
      { title: 'Why it matters', materialUrl: 'https://contoso.sharepoint.com/sites/training/coc/1' },
      { title: 'Speaking up', materialUrl: 'https://contoso.sharepoint.com/sites/training/coc/2' },
    ],
    quiz: {
      passMarkPercent: 60,
      questions: [
        { kind: 'multiple-choice', prompt: 'Who can you report concerns to?', options: ['Nobody', 'Your manager or the hotline'], correct: 1 },
        { kind: 'true-false', prompt: 'Gifts above 50 EUR must be declared.', correct: true },
        { kind: 'multiple-answer', prompt: 'Which are conflicts of interest?', options: ['Hiring a relative', 'Lunch with a colleague', 'Owning a supplier'], correct: [0, 2] },
      ],
    },
    status: 'published',
    ...overrides,
  };
}
