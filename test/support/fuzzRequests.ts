// Requests for the API fuzzer, one generator per operation of the OpenAPI document: who calls (the roles that
// matter, strangers, garbage credentials), which ids (the tenant's real ones, random GUIDs, junk), which body
// (generated from the operation's schema, mutated, or hostile) and which headers.
import fc from 'fast-check';
import { contentType, extraHeaders, garbageAuthorization, hostileJsonValue, hostilePayload, junkPathSegment, junkQuery, percentEncode } from './fuzzInputs';
import { fromPool, mutatedValue, validValue, type JsonSchema, type ValuePools } from './fuzzSchema';

export interface Operation {
  method: string;
  /** The document's form: /api/courses/{courseId} */
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; required: boolean; schema: JsonSchema }>;
  bodySchema: JsonSchema | null;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation the document describes, so routes added later are fuzzed without touching the fuzzer. */
export function operationsOf(document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const fromTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const documented = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...new Set([...fromTemplate, ...documented])],
        queryParams: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
        bodySchema: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export const operationKey = (operation: Operation) => `${operation.method} ${operation.path}`;

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** Who called, for the report of a failing case. */
  caller: string;
}

export interface FuzzCallers {
  /** Bearer tokens by caller name: the roles that matter and a few strangers. */
  tokens: Record<string, string>;
  /** The callers a well-formed request comes from (those who may use the API at all). */
  members: string[];
}

/** Values to use for path parameters and body fields, by name (catalogId, courseId, lessonId, learnerId, code, region...). */
export interface FuzzPools {
  byName: ValuePools;
  /** Every real id, of any kind: the wrong kind of id in the right place. */
  anyId: readonly string[];
}

const OTHER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Requests for one operation: a quarter well-formed (real ids, valid body, a member's token), the rest broken somehow. */
export function fuzzRequest(operation: Operation, callers: FuzzCallers, pools: FuzzPools): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 1, arbitrary: wellFormed(operation, callers, pools) }, { weight: 3, arbitrary: broken(operation, callers, pools) });
}

/** A request as the API's own clients send it: a member's token, the tenant's ids, a body its schema accepts. */
export function wellFormed(operation: Operation, callers: FuzzCallers, pools: FuzzPools): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      caller: fc.constantFrom(...callers.members),
      path: pathFor(operation, pools, realSegment),
      query: documentedQuery(operation, pools),
      body: operation.bodySchema ? validValue(operation.bodySchema, pools.byName, { hostileStrings: false }) : fc.constant(undefined),
    })
    .map(({ caller, path, query, body }) => ({
      method: operation.method,
      url: path + query,
      caller,
      headers: { authorization: `Bearer ${callers.tokens[caller]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    }));
}

function broken(operation: Operation, callers: FuzzCallers, pools: FuzzPools): fc.Arbitrary<FuzzRequest> {
  const anyToken = Object.values(callers.tokens)[0];
  const authorization = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Object.keys(callers.tokens)).map((caller) => ({ caller, header: `Bearer ${callers.tokens[caller]}` as string | undefined })) },
    { weight: 1, arbitrary: fc.constant({ caller: 'nobody', header: undefined as string | undefined }) },
    { weight: 2, arbitrary: garbageAuthorization(anyToken).map((header) => ({ caller: 'garbage credentials', header: header as string | undefined })) },
  );
  const segment = (name: string) =>
    fc.oneof({ weight: 4, arbitrary: realSegment(name, pools) }, { weight: 1, arbitrary: fromPool(pools.anyId, fc.uuid()) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 3, arbitrary: junkPathSegment });
  return fc
    .record({
      method: fc.oneof({ weight: 12, arbitrary: fc.constant(operation.method) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) }),
      authorization,
      path: pathFor(operation, pools, segment),
      query: fc.oneof(
        documentedQuery(operation, pools),
        documentedQuery(operation, pools).map((query) => (query ? `${query}&${query.slice(1)}` : query)),
        junkQuery,
      ),
      body: bodyFor(operation, pools),
      type: contentType,
      extra: extraHeaders,
    })
    .map(({ method, authorization, path, query, body, type, extra }) => {
      const headers: Record<string, string> = { ...extra };
      if (authorization.header !== undefined) headers.authorization = authorization.header;
      if (body !== undefined && type !== undefined) headers['content-type'] = type;
      return { method, url: path + query, caller: authorization.caller, headers, ...(body !== undefined ? { payload: body } : {}) };
    });
}

function realSegment(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  const known = pools.byName(name);
  return known ? fromPool(known, fc.uuid()).map(percentEncode) : fc.uuid();
}

function pathFor(operation: Operation, pools: FuzzPools, segment: (name: string, pools: FuzzPools) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const values = Object.fromEntries(operation.pathParams.map((name) => [name, segment(name, pools)]));
  return fc.record(values).map((chosen) => operation.path.replace(/\{(\w+)\}/g, (_, name: string) => chosen[name]));
}

/** A query string of the operation's documented parameters, with values their schemas accept. */
function documentedQuery(operation: Operation, pools: FuzzPools): fc.Arbitrary<string> {
  if (!operation.queryParams.length) return fc.constant('');
  const model = Object.fromEntries(operation.queryParams.map((p) => [p.name, validValue(p.schema, pools.byName, { hostileStrings: false }, p.name)]));
  const required = operation.queryParams.filter((p) => p.required).map((p) => p.name);
  return fc.record(model, { requiredKeys: required }).map((values) => {
    const pairs = Object.entries(values).filter(([, v]) => v !== undefined && v !== null);
    return pairs.length ? `?${pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(String(v))}`).join('&')}` : '';
  });
}

/** The raw payload of a broken request, or undefined for none. */
function bodyFor(operation: Operation, pools: FuzzPools): fc.Arbitrary<string | undefined> {
  const asJson = (value: unknown) => (value === undefined ? undefined : JSON.stringify(value));
  if (!operation.bodySchema) {
    return fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostilePayload }, { weight: 1, arbitrary: hostileJsonValue.map(asJson) });
  }
  return fc.oneof(
    { weight: 2, arbitrary: validValue(operation.bodySchema, pools.byName, { hostileStrings: true }).map(asJson) },
    { weight: 5, arbitrary: mutatedValue(operation.bodySchema, pools.byName).map(asJson) },
    { weight: 1, arbitrary: hostileJsonValue.map(asJson) },
    { weight: 1, arbitrary: hostilePayload },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** One line that lets a reader replay a failing request. */
export function describeRequest(request: FuzzRequest): string {
  const shorten = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}... (${s.length} chars)` : s);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, k === 'authorization' ? `${shorten(v.slice(0, 40))}...` : shorten(v)]));
  return `${request.method} ${shorten(request.url)} as ${request.caller} headers=${JSON.stringify(headers)} body=${request.payload === undefined ? '(none)' : shorten(JSON.stringify(request.payload))}`;
}
