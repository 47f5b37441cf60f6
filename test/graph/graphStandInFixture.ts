import { Directory } from '../../src/server/devstack/graphStandIn/directory';
import { startGraphStandIn, type GraphCaller, type GraphStandIn } from '../../src/server/devstack/graphStandIn/graphStandIn';

export const TENANT_A = '11111111-1111-4111-8111-111111111111';
export const TENANT_B = '22222222-2222-4222-8222-222222222222';

/**
 * A stand-in for the real token check: `Bearer tenant:<tid>` (app-only) or `Bearer tenant:<tid>;user:<oid>`
 * (delegated). The service wires the jose validator instead.
 */
export async function fakeVerifyToken(header: string): Promise<GraphCaller> {
  const match = /^Bearer tenant:([^;\s]+)(?:;user:([^;\s]+))?$/.exec(header);
  if (!match) throw new Error('not a test token');
  return match[2] ? { tenantId: match[1], userId: match[2] } : { tenantId: match[1] };
}

export function appToken(tenantId: string): string {
  return `tenant:${tenantId}`;
}

export interface StandInFixture {
  standIn: GraphStandIn;
  a: Directory;
  b: Directory;
}

/** Two tenants with small generated directories, on a free port. */
export async function startTwoTenantStandIn(sizeA = 60, sizeB = 12): Promise<StandInFixture> {
  const a = Directory.generate({ seed: 'tenant-a', size: sizeA, domain: 'contoso.com' });
  const b = Directory.generate({ seed: 'tenant-b', size: sizeB, domain: 'fabrikam.com', companyName: 'Fabrikam' });
  const standIn = await startGraphStandIn({
    port: 0,
    directories: new Map([
      [TENANT_A, a],
      [TENANT_B, b],
    ]),
    verifyToken: fakeVerifyToken,
  });
  return { standIn, a, b };
}

/** A raw HTTP call to the stand-in, as Graph would be called without any SDK. */
export async function graphGet(
  standIn: GraphStandIn,
  pathOrLink: string,
  token: string | null = appToken(TENANT_A),
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const url = pathOrLink.startsWith('http') ? pathOrLink : `${standIn.url}v1.0${pathOrLink}`;
  const response = await fetch(url, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function graphPost(standIn: GraphStandIn, path: string, body: unknown, token: string = appToken(TENANT_A)) {
  const response = await fetch(`${standIn.url}v1.0${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

/** Follows `@odata.nextLink` to the end; returns every item and the final page. */
export async function allPages(standIn: GraphStandIn, first: string, token?: string, headers?: Record<string, string>) {
  const items: any[] = [];
  let page = await graphGet(standIn, first, token, headers);
  const pages = [page];
  for (;;) {
    if (page.status !== 200) throw new Error(`page answered ${page.status}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.value);
    if (!page.body['@odata.nextLink']) break;
    page = await graphGet(standIn, page.body['@odata.nextLink'], token, headers);
    pages.push(page);
  }
  return { items, pages, last: page.body };
}
