// What the API tests need to know about the service beyond single calls: which routes it serves, what
// a tenant database holds (to prove a refused request changed nothing), and what an error reply looks like.
import assert from './assert';
import type { TestService } from './testService';

export interface ApiRoute {
  method: string;
  /** Fastify's form: /api/courses/:courseId */
  path: string;
}

export const routeKey = (route: ApiRoute): string => `${route.method} ${route.path}`;

/** The operations the OpenAPI document describes, with its {param} paths turned into :param. */
export async function documentedRoutes(t: TestService): Promise<ApiRoute[]> {
  const doc = await t.call('GET', '/api/openapi.json');
  assert.equal(doc.status, 200);
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(operations)) {
      routes.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, ':$1') });
    }
  }
  return routes.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

/** Every method and path the Fastify router serves, read from its route tree: HEAD and the CORS preflight (OPTIONS *) excluded. */
export function servedRoutes(t: TestService): ApiRoute[] {
  const tree = t.service.app.printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: ApiRoute[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?\s*$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    prefixes.length = depth;
    const path = prefixes.join('') + match[2];
    prefixes.push(match[2]);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) {
      if (method !== 'HEAD' && !(method === 'OPTIONS' && path === '*')) routes.push({ method, path });
    }
  }
  return routes.sort((a, b) => routeKey(a).localeCompare(routeKey(b)));
}

export type TenantSnapshot = Record<string, string[]>;

/** Every row of every table of a tenant database, as sorted JSON lines: equal snapshots mean nothing changed. */
export async function tenantSnapshot(t: TestService, tenantId: string): Promise<TenantSnapshot> {
  return t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    const tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
    assert.ok(tables.includes('enrolments'), `tenant tables: ${tables.join(', ')}`);
    const snapshot: TenantSnapshot = {};
    for (const table of tables.sort()) {
      const rows = await db.selectFrom(table as 'learners').selectAll().execute();
      snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  });
}

/** A 4xx reply in the service's error shape, with no stack frames, source paths or internals in it. */
export function assertCleanError(response: { status: number; body: any; raw: Buffer }, status: number, context = ''): { code: string; message: string } {
  const where = `${context} -> ${response.status} ${response.raw.toString('utf8').slice(0, 500)}`;
  assert.equal(response.status, status, where);
  assert.equal(typeof response.body, 'object', where);
  assert.equal(typeof response.body.error?.code, 'string', where);
  assert.equal(typeof response.body.error?.message, 'string', where);
  assert.ok(response.body.error.message.length > 0, where);
  const text = response.raw.toString('utf8');
  assert.doesNotMatch(text, /\bat \S+ \(|\bat (?:async )?\S+:\d+:\d+/, `stack frame in ${where}`);
  assert.doesNotMatch(text, /\/work\/|node_modules|\.ts:\d+|\.js:\d+|"stack"/, `source path in ${where}`);
  return response.body.error;
}
