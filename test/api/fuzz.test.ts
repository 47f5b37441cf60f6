import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { LearningPools } from '../support/fuzzPools';
import { answeredBeforeAnyRoute, onTheWire, sendRaw, wireChange } from '../support/fuzzRawHttp';
import { describeRequest, fuzzRequest, operationKey, operationsOf, wellFormed, type FuzzCallers, type FuzzRequest, type Operation } from '../support/fuzzRequests';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Every operation of the OpenAPI document, fuzzed: malformed, hostile and schema-generated bodies, junk ids, odd
// headers and garbage credentials, from the roles that matter, in a tenant with real data. Every answer is 2xx or
// a clean 4xx envelope, never 5xx, never silence, and one the OpenAPI document lists for the operation (status, media
// type, schema); a refused request changes nothing in the tenant's database.
// ATRIUM_FUZZ_RUNS (requests per operation) and ATRIUM_FUZZ_SEED make longer or different runs; ATRIUM_FUZZ_REPORT=1
// prints the statuses each operation gave, to judge how deep the fuzzer gets.

const RUNS_PER_OPERATION = Number(process.env.ATRIUM_FUZZ_RUNS ?? 20);
/** Requests sent as raw bytes over a socket, across all operations. */
const WIRE_RUNS = RUNS_PER_OPERATION * 4;
const SEED = Number(process.env.ATRIUM_FUZZ_SEED ?? 20_261_125);
/** Far beyond any real answer time: a request still unanswered then is a hang, not a slow machine. */
const ANSWER_LIMIT_MS = 20_000;

let t: TestService;
const tenantId = randomUUID();
const learnerId = randomUUID();
const catalogManagerId = randomUUID();
let callers: FuzzCallers;
let operations: Operation[];
/** The user id behind each caller name, where the caller has one in the fuzzed tenant. */
const callerIds: Record<string, string> = {};

const pools = new LearningPools();

async function created(method: string, url: string, token: string, body?: unknown): Promise<any> {
  const response = await t.call(method, url, { token, ...(body !== undefined ? { body } : {}) });
  assert.ok(response.status === 200 || response.status === 201, `${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  const newcomerId = randomUUID();
  Object.assign(callerIds, { learner: learnerId, 'catalog manager': catalogManagerId, 'tenant admin': adminId, newcomer: newcomerId });
  const tokens: Record<string, string> = {
    learner: await t.token(tenantId, learnerId),
    'catalog manager': await t.token(tenantId, catalogManagerId, ['Catalog.Manage']),
    'tenant admin': await t.token(tenantId, adminId, ['Tenant.Admin']),
    // Not known to the tenant yet: their first request is also their first sign-in.
    newcomer: await t.token(tenantId, newcomerId),
    'admin of a tenant not onboarded': await t.token(randomUUID(), randomUUID(), ['Tenant.Admin', 'Catalog.Manage']),
  };
  const admin = tokens['tenant admin'];

  const catalog = await created('POST', '/api/catalogs', admin, { name: 'Compliance' });
  const otherCatalog = await created('POST', '/api/catalogs', admin, { name: 'Leadership' });
  const course = await created('POST', `/api/catalogs/${catalog.id}/courses`, admin, courseBody());
  const quizless = await created('POST', `/api/catalogs/${catalog.id}/courses`, admin, courseBody({ title: 'Fire safety', quiz: null, sequentialLessons: false }));
  const draft = await created('POST', `/api/catalogs/${otherCatalog.id}/courses`, admin, courseBody({ title: 'Draft', status: 'draft' }));
  const plan = await created('POST', `/api/catalogs/${catalog.id}/plans`, admin, { title: 'Onboarding', courseIds: [course.id, quizless.id], status: 'published' });
  await created('POST', `/api/catalogs/${catalog.id}/rules`, admin, { name: 'Sales', courseId: quizless.id, criteria: { department: ['Sales'] }, dueWithinDays: 30 });
  const enrolment = await created('POST', `/api/courses/${course.id}/enrolments`, tokens.learner);
  const finished = await created('POST', `/api/courses/${quizless.id}/enrolments`, tokens.learner);
  for (const lesson of quizless.lessons) {
    await created('POST', `/api/enrolments/${finished.id}/progress`, tokens.learner, { type: 'lesson-completed', lessonId: lesson.id });
  }
  const certificateId = (await created('GET', `/api/enrolments/${finished.id}`, tokens.learner)).certificateId as string;
  assert.ok(certificateId, 'the quizless course is finished with a certificate');
  const code = await t.service.tenancy.withTenantDatabase(tenantId, async (db) =>
    (await db.selectFrom('certificates').select('verification_code').where('id', '=', certificateId).executeTakeFirstOrThrow()).verification_code,
  );
  await created('GET', '/api/me', tokens['catalog manager']);
  const manager = await t.call('POST', `/api/catalogs/${catalog.id}/managers`, { token: admin, body: { learnerId: catalogManagerId } });
  assert.equal(manager.status, 204, JSON.stringify(manager.body));

  pools.add('catalogId', catalog.id, otherCatalog.id);
  pools.add('courseId', course.id, quizless.id, draft.id);
  pools.add('lessonId', ...[course, quizless, draft].flatMap((c: { lessons: Array<{ id: string }> }) => c.lessons.map((l) => l.id)));
  pools.add('planId', plan.id);
  pools.add('enrolmentId', enrolment.id, finished.id);
  pools.add('certificateId', certificateId);
  pools.add('code', code, code.toLowerCase());
  pools.add('learnerId', learnerId, catalogManagerId, adminId, randomUUID());
  pools.add('tenantId', tenantId);
  // Paging tokens of the right form whose content is not what the list gave out: they must be refused, not trusted.
  pools.add('cursor', ...[['x'], ['x', 'y'], ['\u0000', "' OR 1=1 --"], ['2026-01-01T00:00:00Z', randomUUID()], [1, null]].map((key) => Buffer.from(JSON.stringify(key)).toString('base64url')));
  pools.add('region', ...(await created('GET', '/api/regions', admin)).map((r: { id: string }) => r.id));

  callers = { tokens, members: ['learner', 'catalog manager', 'tenant admin', 'newcomer'] };
  operations = operationsOf((await t.call('GET', '/api/openapi.json')).body);
});
afterAll(() => t?.close());

/** What a refused request must leave as it was: every row of the tenant's database, the tenant catalog, the region folders' files. */
async function worldState(): Promise<{ tenant: Record<string, string[]>; tenants: unknown[]; regionFiles: string[] }> {
  const regions = path.join(t.dataDir, 'regions');
  return {
    tenant: await tenantSnapshot(t, tenantId),
    tenants: await t.service.tenancy.activeTenants(),
    regionFiles: fs.readdirSync(regions).flatMap((r) => fs.readdirSync(path.join(regions, r)).map((f) => `${r}/${f}`)).sort(),
  };
}

type WorldState = Awaited<ReturnType<typeof worldState>>;

/**
 * A caller's first request registers them (their learner row, and the assignment rules that match them), whatever
 * the request then gets: that is signing in, not the request. Only rows about such a first-time caller may appear.
 */
function withoutFirstSignIn(after: WorldState, before: WorldState, callerId: string | undefined): WorldState {
  if (!callerId || JSON.stringify(before.tenant).includes(callerId)) return after;
  const tenant = Object.fromEntries(Object.entries(after.tenant).map(([table, rows]) => [table, rows.filter((row) => !row.includes(callerId))]));
  return { ...after, tenant };
}

interface Answer {
  status: number;
  body: any;
  raw: Buffer;
  headers: Record<string, unknown>;
}

function withinLimit<T>(work: Promise<T>, request: FuzzRequest): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_LIMIT_MS} ms: ${describeRequest(request)}`)), ANSWER_LIMIT_MS);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function inject(request: FuzzRequest): Promise<Answer> {
  const response = await withinLimit(
    t.service.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, ...(request.payload !== undefined ? { payload: request.payload } : {}) }),
    request,
  );
  return answerOf(response.statusCode, response.headers, response.rawPayload);
}

function answerOf(status: number, headers: Record<string, unknown>, raw: Buffer): Answer {
  // A HEAD answer says application/json but carries nothing to parse.
  const json = String(headers['content-type'] ?? '').includes('application/json') && raw.length > 0;
  return { status, body: json ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8'), raw, headers };
}

/** The service on a real socket, for what only Node's HTTP parser sees. Closed with the service. */
async function listening(): Promise<number> {
  if (!t.service.app.server.listening) await t.service.app.listen({ port: 0, host: '127.0.0.1' });
  return (t.service.app.server.address() as AddressInfo).port;
}

/** Statuses seen per operation and method sent, printed with ATRIUM_FUZZ_REPORT=1. */
const seen = new Map<string, Map<number, number>>();

/** Counted under the method actually sent: a request sent with another method is a different operation. */
function count(operation: Operation, request: FuzzRequest, status: number): void {
  const key = operationKey({ ...operation, method: request.method });
  const bucket = seen.get(key) ?? new Map<number, number>();
  bucket.set(status, (bucket.get(status) ?? 0) + 1);
  seen.set(key, bucket);
}

/** The world as the last refused request left it (verified), so the next request need not read it again. */
let settled: WorldState | null = null;

/**
 * Sends one request and checks the invariants: an answer at all; 2xx or a clean 4xx envelope; a status, media type
 * and body the OpenAPI document lists for the operation; and a refusal changes nothing.
 */
async function exercise(
  operation: Operation,
  request: FuzzRequest,
  send: (request: FuzzRequest) => Promise<Answer>,
  where: string,
  options: { beforeAnyRoute?: boolean } = {},
): Promise<Answer> {
  const before = settled ?? (await worldState());
  settled = null;
  const answer = await send(request);
  count(operation, request, answer.status);
  assert.ok((answer.status >= 200 && answer.status < 300) || (answer.status >= 400 && answer.status < 500), `${answer.status} ${answer.raw.toString('utf8').slice(0, 300)} for ${where}`);
  if (!options.beforeAnyRoute) {
    const contentType = String(answer.headers['content-type'] ?? '');
    const broken = (await t.contract()).problem({ method: request.method, url: request.url, status: answer.status, contentType, body: answer.body, rawLength: answer.raw.length, headers: answer.headers });
    assert.equal(broken, null, `the answer breaks the API contract (GET /api/openapi.json): ${where}`);
  }
  if (answer.status < 300) {
    pools.learnFrom(answer.body);
    // An accepted erasure or retention run starts purges in the background; let them finish before the next snapshot.
    await t.service.purges.idle();
    return answer;
  }
  // A HEAD answer carries no body, so only its status can be checked.
  if (request.method !== 'HEAD') assertCleanError(answer, answer.status, where);
  const after = await worldState();
  assert.deepEqual(withoutFirstSignIn(after, before, callerIds[request.caller]), before, `a refused request changed the tenant: ${where}`);
  settled = after;
  return answer;
}

/** The failing case and what failed about it (fast-check's own message leaves out the assertion). */
function report<Ts>(result: fc.RunDetails<Ts>): string {
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return `${error}\n${fc.defaultReportMessage(result) ?? ''}`;
}

/** One seed per operation, so operations do not all draw the same sequence of choices. */
function seedFor(operation: Operation): number {
  let hash = SEED | 0;
  for (const char of operationKey(operation)) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  test('every answer is 2xx or a clean 4xx the document lists, never a 5xx or no answer, and a refusal changes nothing', async () => {
    assert.ok(operations.length >= 25, `the document lists ${operations.length} operations`);
    const failures: string[] = [];
    for (const operation of operations) {
      const result = await fc.check(
        fc.asyncProperty(fuzzRequest(operation, callers, pools), async (request) => {
          await exercise(operation, request, inject, describeRequest(request));
        }),
        { numRuns: RUNS_PER_OPERATION, seed: seedFor(operation) },
      );
      if (result.failed) failures.push(`${operationKey(operation)}:\n${report(result)}`);
    }
    assert.deepEqual(failures, [], failures.join('\n\n'));

    if (process.env.ATRIUM_FUZZ_REPORT) console.log(JSON.stringify(Object.fromEntries([...seen].map(([key, counts]) => [key, Object.fromEntries(counts)])), null, 1));
  }, Math.max(120_000, RUNS_PER_OPERATION * 8_000));

  test('generated bodies get past the validator: each operation taking one answers a well-formed request from its use case', async () => {
    const stoppedAtTheEdge = [400, 401, 413, 414, 415];
    const notReached: string[] = [];
    for (const operation of operations.filter((o) => o.bodySchema)) {
      const statuses: number[] = [];
      for (const request of fc.sample(wellFormed(operation, callers, pools), { numRuns: 12, seed: seedFor(operation) })) {
        const answer = await exercise(operation, request, inject, describeRequest(request));
        statuses.push(answer.status);
        if (!stoppedAtTheEdge.includes(answer.status)) break;
      }
      if (statuses.every((status) => stoppedAtTheEdge.includes(status))) notReached.push(`${operationKey(operation)}: ${statuses.join(', ')}`);
    }
    assert.deepEqual(notReached, []);
  });

  test('on a real socket, duplicate and conflicting headers and odd framing get 2xx or a clean 4xx too', async () => {
    const port = await listening();
    const sample = fc.constantFrom(...operations).chain((operation) =>
      fc.tuple(fc.constant(operation), fuzzRequest(operation, callers, pools), wireChange, fc.constantFrom(...Object.values(callers.tokens))),
    );
    const result = await fc.check(
      fc.asyncProperty(sample, async ([operation, request, change, other]) => {
        const bytes = onTheWire(request, change, `Bearer ${other}`);
        const send = async () => {
          const answer = await withinLimit(sendRaw(port, bytes, ANSWER_LIMIT_MS, { head: request.method === 'HEAD' }), request);
          return answerOf(answer.status, answer.headers, answer.body);
        };
        const beforeAnyRoute = answeredBeforeAnyRoute(request, change);
        await exercise(operation, request, send, `${change} on the wire: ${describeRequest(request)}`, { beforeAnyRoute });
      }),
      { numRuns: WIRE_RUNS, seed: SEED },
    );
    assert.ok(!result.failed, report(result));
  }, Math.max(120_000, WIRE_RUNS * 2_000));
});

describe('what the fuzzer found', () => {
  test('an Expect header Node cannot meet gets 417 in the error envelope, not a bare status line', async () => {
    const port = await listening();
    const request: FuzzRequest = {
      method: 'POST',
      url: '/api/catalogs',
      caller: 'tenant admin',
      headers: { authorization: `Bearer ${callers.tokens['tenant admin']}`, 'content-type': 'application/json', expect: '' },
      payload: JSON.stringify({ name: 'Sent with an odd Expect' }),
    };
    const before = await worldState();
    const raw = await sendRaw(port, onTheWire(request, 'none', ''), ANSWER_LIMIT_MS);
    const error = assertCleanError(answerOf(raw.status, raw.headers, raw.body), 417, 'Expect: (empty)');
    assert.equal(error.code, 'expectation_failed');
    assert.deepEqual(await worldState(), before);
  });

  test("an audit query refused for its cursor does not create the tenant's subject key on the way", async () => {
    const fresh = randomUUID();
    const admin = await t.token(fresh, await t.onboard(fresh), ['Tenant.Admin']);
    assert.equal((await t.call('GET', '/api/me', { token: admin })).status, 200);
    const before = await tenantSnapshot(t, fresh);
    const foreignCursor = Buffer.from(JSON.stringify(['x'])).toString('base64url');
    const answer = await t.call('GET', `/api/tenant/audit?subject=${randomUUID()}&cursor=${foreignCursor}`, { token: admin });
    assertCleanError(answer, 400, 'audit query with a cursor the list never gave out');
    assert.deepEqual(await tenantSnapshot(t, fresh), before);
  });
});
