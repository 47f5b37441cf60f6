import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Directory } from './directory';
import { badRequest, graphError, type GraphResponse } from './graphResponses';
import { graphEndpointOf, routeGraphRequest, type GraphCaller, type RouteContext } from './graphRoutes';

export type { GraphCaller } from './graphRoutes';

/** Graph's documented limit of requests in one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface GraphStandInOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** One directory per tenant id; the verified token's tenant picks it. */
  directories: Map<string, Directory>;
  /**
   * Gives a tenant that has no directory yet one, on its first request (kept from then on). Without it, or when
   * it answers undefined, the tenant's tokens are refused as Graph refuses a tenant it does not know.
   */
  createDirectory?: (tenantId: string) => Directory | undefined;
  /** Checks the `Authorization` header (Entra-shaped dev tokens in the service); throws when it is not acceptable. */
  verifyToken: (authorizationHeader: string) => Promise<GraphCaller>;
}

export interface ThrottleOptions {
  status?: 429 | 503;
  /** Sent as `Retry-After`; default 1 second. */
  retryAfterSeconds?: number;
  /** `request` (default): whole HTTP requests; `batchItem`: single requests inside a `$batch`. */
  scope?: 'request' | 'batchItem';
}

export interface GraphStandInStats {
  /** HTTP requests received, whatever their outcome. A `$batch` counts once. */
  requests: number;
  /** Requests inside `$batch` bodies. */
  batchItems: number;
  /** Requests and batch items answered with an injected 429/503. */
  throttled: number;
  /** Per route template, e.g. `GET /users/delta`, `POST /$batch`, batch items and throttled requests included. */
  byEndpoint: Record<string, number>;
}

export interface GraphStandIn {
  /** Base URL for a Graph client: `http://127.0.0.1:PORT/` (the client adds `v1.0/`). */
  url: string;
  close(): Promise<void>;
  /** The tenant's directory, to edit (hire, update, remove) between syncs. */
  directory(tenantId: string): Directory;
  /** The next `count` requests (or batch items) get a 429 with `Retry-After` (or a 503) and Graph's error body. */
  throttleNext(count: number, options?: ThrottleOptions): void;
  /** Fault: answer with every attribute whatever `$select` says, as a careless Graph would. */
  setReturnAllProperties(on: boolean): void;
  stats(): GraphStandInStats;
  resetStats(): void;
}

interface PendingThrottle {
  remaining: number;
  status: 429 | 503;
  retryAfterSeconds: number;
  scope: 'request' | 'batchItem';
}

/**
 * A Microsoft Graph v1.0 stand-in for local runs and tests: users, `/me`, manager, `users/delta`, groups and
 * their members, `$batch`, throttling on demand. Every request needs a token the injected verifier accepts.
 */
export async function startGraphStandIn(options: GraphStandInOptions): Promise<GraphStandIn> {
  const throttles: PendingThrottle[] = [];
  let returnAllProperties = false;
  let stats = emptyStats();

  const count = (endpoint: string): void => {
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
  };

  const takeThrottle = (scope: PendingThrottle['scope']): GraphResponse | null => {
    const pending = throttles.find((t) => t.scope === scope && t.remaining > 0);
    if (!pending) return null;
    pending.remaining--;
    if (pending.remaining === 0) throttles.splice(throttles.indexOf(pending), 1);
    stats.throttled++;
    const retryAfter = { 'Retry-After': String(pending.retryAfterSeconds) };
    return pending.status === 429
      ? graphError(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.', retryAfter)
      : graphError(503, 'serviceNotAvailable', 'Service is temporarily unavailable. Please retry after the time given in the Retry-After header.', retryAfter);
  };

  const server = createServer((request, response) => {
    // Browsers call Graph from other origins (single-page apps with MSAL): like Graph, answer CORS preflights.
    if (request.method === 'OPTIONS') return sendPreflight(response);
    handle(request).then(
      (answer) => send(response, answer, request),
      () => send(response, graphError(500, 'generalException', 'An unexpected error occurred in the Graph stand-in.'), request),
    );
  });

  let versionRoot = '';

  function directoryOf(tenantId: string): Directory | undefined {
    let directory = options.directories.get(tenantId);
    if (!directory && options.createDirectory) {
      directory = options.createDirectory(tenantId);
      if (directory) options.directories.set(tenantId, directory);
    }
    return directory;
  }

  async function handle(request: IncomingMessage): Promise<GraphResponse> {
    stats.requests++;
    const caller = await authenticate(request.headers.authorization);
    if ('status' in caller) return caller;
    const url = request.url ?? '/';
    if (!url.startsWith('/v1.0/')) return badRequest('The Graph stand-in serves /v1.0/ only.', 'BadRequest');
    const path = url.slice('/v1.0'.length);
    const method = request.method ?? 'GET';
    const isBatch = path === '/$batch' || path.startsWith('/$batch?');
    count(isBatch ? `${method} /$batch` : graphEndpointOf(method, path));
    const throttled = takeThrottle('request');
    if (throttled) return throttled;

    const directory = directoryOf(caller.tenantId)!;
    const context: RouteContext = {
      directory,
      versionRoot,
      caller,
      returnAllProperties,
      preferMinimal: /return=minimal/i.test(String(request.headers.prefer ?? '')),
    };
    if (isBatch) {
      if (method !== 'POST') return graphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
      return batch(context, await readBody(request));
    }
    return routeGraphRequest(context, method, path);
  }

  async function authenticate(header: string | undefined): Promise<GraphCaller | GraphResponse> {
    if (!header) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    let caller: GraphCaller;
    try {
      caller = await options.verifyToken(header);
    } catch {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience or signature.');
    }
    if (!directoryOf(caller.tenantId)) {
      return graphError(401, 'InvalidAuthenticationToken', 'The token is valid but its tenant has no directory in this Graph stand-in.');
    }
    return caller;
  }

  /** JSON batching: up to 20 requests, each answered as if sent alone (throttling of single items included). */
  function batch(context: RouteContext, rawBody: string | null): GraphResponse {
    if (rawBody === null) return graphError(413, 'RequestEntityTooLarge', 'The request body is too large.');
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', 'BadRequest');
    }
    const requests = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return badRequest('The batch body must have a non-empty "requests" array.', 'BadRequest');
    if (requests.length > MAX_BATCH_REQUESTS) {
      return badRequest(`The batch contains ${requests.length} requests; at most ${MAX_BATCH_REQUESTS} are allowed.`, 'BadRequest');
    }
    const ids = new Set<string>();
    for (const item of requests as Array<Record<string, unknown>>) {
      if (typeof item?.id !== 'string' || item.id === '' || typeof item.method !== 'string' || typeof item.url !== 'string') {
        return badRequest('Every batch request needs a string id, method and url.', 'BadRequest');
      }
      if (ids.has(item.id)) return badRequest(`Batch request ids must be unique; '${item.id}' repeats.`, 'BadRequest');
      ids.add(item.id);
    }
    const responses = (requests as Array<{ id: string; method: string; url: string }>).map((item) => {
      stats.batchItems++;
      const answer = batchItem(context, item.method.toUpperCase(), item.url);
      return { id: item.id, status: answer.status, headers: answer.headers, body: answer.body };
    });
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { responses } };
  }

  function batchItem(context: RouteContext, method: string, url: string): GraphResponse {
    if (/^[a-z]+:\/\//i.test(url)) return badRequest('Batch request URLs must be relative to the version root, e.g. /users/{id}.', 'BadRequest');
    const path = url.startsWith('/') ? url : `/${url}`;
    count(graphEndpointOf(method, path));
    return takeThrottle('batchItem') ?? routeGraphRequest(context, method, path);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  versionRoot = `${url}v1.0`;

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    directory(tenantId) {
      const directory = directoryOf(tenantId);
      if (!directory) throw new Error(`The Graph stand-in has no directory for tenant ${tenantId}`);
      return directory;
    },
    throttleNext(count, throttle = {}) {
      if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
      throttles.push({
        remaining: count,
        status: throttle.status ?? 429,
        retryAfterSeconds: throttle.retryAfterSeconds ?? 1,
        scope: throttle.scope ?? 'request',
      });
    },
    setReturnAllProperties(on) {
      returnAllProperties = on;
    },
    stats: () => structuredClone(stats),
    resetStats() {
      stats = emptyStats();
    },
  };
}

function emptyStats(): GraphStandInStats {
  return { requests: 0, batchItems: 0, throttled: 0, byEndpoint: {} };
}

/** The body as text, or null when it exceeds the limit. */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Graph allows any origin; a bearer token, not a cookie, says who calls. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'request-id, client-request-id, Retry-After, Location',
};

function sendPreflight(response: ServerResponse): void {
  response.writeHead(204, {
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
    // Authorization is never covered by a wildcard, so the headers are listed.
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, client-request-id, return-client-request-id, SdkVersion, Prefer, ConsistencyLevel',
    'Access-Control-Max-Age': '3600',
  });
  response.end();
}

function send(response: ServerResponse, answer: GraphResponse, request: IncomingMessage): void {
  const requestId = randomUUID();
  const clientRequestId = request.headers['client-request-id'];
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ...answer.headers,
    'Content-Type': 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
    'request-id': requestId,
    'client-request-id': typeof clientRequestId === 'string' ? clientRequestId : requestId,
  };
  response.writeHead(answer.status, headers);
  response.end(JSON.stringify(answer.body));
}
