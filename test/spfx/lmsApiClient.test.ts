import assert from '../support/assert';
import { test } from '@jest/globals';
import type { MyTraining } from '../../src/domain/myTraining';
import { FetchHttpPort, type FetchLike } from '../../src/client/http/fetchHttpPort';
import type { IHttpPort } from '../../src/client/httpPort';
import { LmsApiClient } from '../../src/client/lmsApi';
import { LmsApiError } from '../../src/client/lmsApiError';

const training: MyTraining = {
  counts: { overdue: 1, 'due-soon': 0, 'in-progress': 0, 'not-started': 0, completed: 0 },
  items: [
    {
      enrolmentId: '4f7c2a10-1b2c-4d3e-8f90-0a1b2c3d4e5f',
      courseId: '5a8d3b21-2c3d-4e4f-9a01-1b2c3d4e5f60',
      catalogId: '6b9e4c32-3d4e-4f50-8b12-2c3d4e5f6071',
      title: 'Fire safety',
      format: 'e-learning',
      durationMinutes: 30,
      source: 'assigned',
      state: 'overdue',
      dueAt: '2025-01-10T00:00:00.000Z',
      enrolledAt: '2025-01-01T00:00:00.000Z',
      startedAt: null,
      completedAt: null,
      progressPercent: 0,
      certificateId: null,
    },
  ],
};

/** An IHttpPort answering from a path → value table, recording what was asked. */
function fakePort(answers: Record<string, unknown>): IHttpPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getJson(path: string): Promise<unknown> {
      asked.push(`GET ${path}`);
      if (!(path in answers)) throw new LmsApiError(404, 'not_found', `no route ${path}`);
      return answers[path];
    },
    async postJson(path: string): Promise<unknown> {
      asked.push(`POST ${path}`);
      return answers[path];
    },
    async putJson(path: string): Promise<unknown> {
      asked.push(`PUT ${path}`);
      return answers[path];
    },
    async deleteJson(path: string): Promise<unknown> {
      asked.push(`DELETE ${path}`);
      return answers[path];
    },
    async getBlob(path: string) {
      asked.push(`GET ${path}`);
      return { blob: new Blob([String(answers[path])]), fileName: null };
    },
  };
}

/** A fetch that answers from a URL → Response table and records each request. */
function fakeFetch(responses: Record<string, () => Response>): FetchLike & { requests: { url: string; init: RequestInit }[] } {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = async (url: string, init: RequestInit): Promise<Response> => {
    requests.push({ url, init });
    const respond = responses[url];
    if (!respond) throw new TypeError('fetch failed');
    return respond();
  };
  return Object.assign(fetchImpl, { requests });
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

test('getMyTraining asks GET /api/me/training and returns what the API sent', async () => {
  const port = fakePort({ '/api/me/training': training });
  const result = await new LmsApiClient(port).getMyTraining();
  assert.deepEqual(port.asked, ['GET /api/me/training']);
  assert.deepEqual(result, training);
});

test('the fetch adapter calls the base URL with the bearer token and parses the JSON', async () => {
  const fetch = fakeFetch({ 'https://lms.example.com/api/me/training': () => json(200, training) });
  const port = new FetchHttpPort({ baseUrl: 'https://lms.example.com/', getAccessToken: async () => 'token-123', fetch });
  const result = await new LmsApiClient(port).getMyTraining();
  assert.deepEqual(result, training);
  assert.equal(fetch.requests.length, 1);
  const headers = fetch.requests[0].init.headers as Record<string, string>;
  assert.equal(fetch.requests[0].init.method, 'GET');
  assert.equal(headers.Authorization, 'Bearer token-123');
  assert.equal(headers.Accept, 'application/json');
});

test('an HTTP failure becomes an LmsApiError with the status and the server message', async () => {
  const fetch = fakeFetch({
    'https://lms.example.com/api/me/training': () =>
      json(403, { error: { code: 'tenant_not_onboarded', message: 'Your organisation has not onboarded Atrium yet.' } }),
  });
  const client = new LmsApiClient(new FetchHttpPort({ baseUrl: 'https://lms.example.com', getAccessToken: async () => 't', fetch }));
  await assert.rejects(client.getMyTraining(), (error: unknown) => {
    assert.ok(error instanceof LmsApiError);
    assert.equal(error.status, 403);
    assert.equal(error.code, 'tenant_not_onboarded');
    assert.equal(error.message, 'Your organisation has not onboarded Atrium yet.');
    return true;
  });
});

test('a failure without the server error shape still maps to an LmsApiError with the status', async () => {
  const fetch = fakeFetch({
    'https://lms.example.com/api/me/training': () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
  });
  const client = new LmsApiClient(new FetchHttpPort({ baseUrl: 'https://lms.example.com', getAccessToken: async () => 't', fetch }));
  await assert.rejects(client.getMyTraining(), (error: unknown) => {
    assert.ok(error instanceof LmsApiError);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'http_502');
    assert.match(error.message, /502 Bad Gateway/);
    return true;
  });
});

test('no response at all (network down, token refused) is an LmsApiError with status 0', async () => {
  const unreachable = new LmsApiClient(
    new FetchHttpPort({ baseUrl: 'https://down.example.com', getAccessToken: async () => 't', fetch: fakeFetch({}) }),
  );
  await assert.rejects(unreachable.getMyTraining(), (error: unknown) => error instanceof LmsApiError && error.status === 0 && error.code === 'unreachable');

  const fetch = fakeFetch({ 'https://lms.example.com/api/me/training': () => json(200, training) });
  const noToken = new LmsApiClient(
    new FetchHttpPort({
      baseUrl: 'https://lms.example.com',
      getAccessToken: async () => {
        throw new Error('consent required');
      },
      fetch,
    }),
  );
  await assert.rejects(noToken.getMyTraining(), (error: unknown) => error instanceof LmsApiError && error.status === 0);
  assert.equal(fetch.requests.length, 0, 'no request goes out without a token');
});

test('an answer that does not match the documented schema is an LmsApiError, not a half-read object', async () => {
  const renamed = { counts: training.counts, items: [{ ...training.items[0], state: 'late' }] };
  const client = new LmsApiClient(fakePort({ '/api/me/training': renamed }));
  await assert.rejects(client.getMyTraining(), (error: unknown) => {
    assert.ok(error instanceof LmsApiError);
    assert.equal(error.code, 'unexpected_response');
    assert.match(error.message, /items\.0\.state/);
    return true;
  });
});

test('an error body with a code this client does not know keeps the status and message, code http_<status>', async () => {
  const fetch = fakeFetch({
    'https://lms.example.com/api/me/training': () => json(409, { error: { code: 'some_future_code', message: 'Something newer happened.' } }),
  });
  const client = new LmsApiClient(new FetchHttpPort({ baseUrl: 'https://lms.example.com', getAccessToken: async () => 't', fetch }));
  await assert.rejects(
    client.getMyTraining(),
    (error: unknown) => error instanceof LmsApiError && error.status === 409 && error.code === 'http_409' && error.message === 'Something newer happened.',
  );
});

test('a 200 whose body is not JSON is an LmsApiError (unexpected_response)', async () => {
  const fetch = fakeFetch({ 'https://lms.example.com/api/me/training': () => new Response('<html>sign in</html>', { status: 200 }) });
  const client = new LmsApiClient(new FetchHttpPort({ baseUrl: 'https://lms.example.com', getAccessToken: async () => 't', fetch }));
  await assert.rejects(client.getMyTraining(), (error: unknown) => error instanceof LmsApiError && error.code === 'unexpected_response');
});
