import assert from '../support/assert';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { GraphError } from '@microsoft/microsoft-graph-client';
import type { LearnerIdentity } from '../../src/domain/identity';
import { DependencyUnavailable } from '../../src/server/dependencyUnavailable';
import { createGraphClient } from '../../src/server/graph/graphClient';
import {
  createGraphDirectory,
  GraphDeltaResyncRequired,
  GraphGroupNotFound,
  GraphRequestFailed,
  type ChangedLearner,
  type GraphDirectory,
} from '../../src/server/graph/graphDirectory';
import type { Directory } from '../../src/server/devstack/graphStandIn/directory';
import type { GraphStandIn } from '../../src/server/devstack/graphStandIn/graphStandIn';
import { allPages, appToken, graphGet, startTwoTenantStandIn, TENANT_A, TENANT_B } from './graphStandInFixture';

const IDENTITY_KEYS = ['city', 'country', 'department', 'displayName', 'id', 'jobTitle', 'mail', 'managerId', 'officeLocation', 'userPrincipalName'];

/** What Atrium may know of a directory person: the minimum set, straight from the stand-in's directory. */
function expectedIdentity(directory: Directory, id: string): LearnerIdentity {
  const u = directory.user(id)!;
  return {
    id: u.id,
    userPrincipalName: u.userPrincipalName,
    displayName: u.displayName,
    mail: u.mail,
    department: u.department,
    jobTitle: u.jobTitle,
    officeLocation: u.officeLocation,
    country: u.country,
    city: u.city,
    managerId: u.managerId,
  };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe('GraphDirectory over the real Microsoft Graph client', () => {
  let standIn: GraphStandIn;
  let directory: Directory;
  let graph: GraphDirectory;
  const tokensAskedFor: string[] = [];

  beforeAll(async () => {
    ({ standIn, a: directory } = await startTwoTenantStandIn(230, 5));
    graph = createGraphDirectory({
      baseUrl: standIn.url,
      tenantId: TENANT_A,
      getAccessToken: async (tenantId) => {
        tokensAskedFor.push(tenantId);
        return appToken(tenantId);
      },
      retry: { maxRetries: 3, delaySeconds: 1 },
    });
  });
  afterAll(() => standIn.close());

  describe('getUser', () => {
    it('returns the minimum identity set with the manager id, in one $batch of two requests', async () => {
      const id = directory.ids()[17];
      standIn.resetStats();
      const identity = await graph.getUser(id);
      assert.deepEqual(identity, expectedIdentity(directory, id));
      assert.deepEqual(Object.keys(identity!).sort(), IDENTITY_KEYS);
      assert.deepEqual(standIn.stats().byEndpoint, { 'POST /$batch': 1, 'GET /users/{id}': 1, 'GET /users/{id}/manager': 1 });
      assert.ok(tokensAskedFor.every((t) => t === TENANT_A));
    });

    it('keeps no extra attribute even when Graph sends them all', async () => {
      standIn.setReturnAllProperties(true);
      try {
        const identity = await graph.getUser(directory.ids()[3]);
        assert.deepEqual(Object.keys(identity!).sort(), IDENTITY_KEYS);
        assert.deepEqual(identity, expectedIdentity(directory, directory.ids()[3]));
      } finally {
        standIn.setReturnAllProperties(false);
      }
    });

    it('finds people by userPrincipalName, gives null for unknown people and managerId null for the CEO', async () => {
      const someone = directory.user(directory.ids()[9])!;
      assert.equal((await graph.getUser(someone.userPrincipalName))!.id, someone.id);
      assert.equal(await graph.getUser('00000000-0000-4000-8000-000000000000'), null);
      assert.equal(await graph.getUser('nobody@contoso.com'), null);
      assert.equal((await graph.getUser(directory.ids()[0]))!.managerId, null);
    });

    it('reports a rejected token as a failure, not as "no such user"', async () => {
      const badToken = createGraphDirectory({ baseUrl: standIn.url, tenantId: TENANT_A, getAccessToken: async () => 'not-a-token' });
      await assert.rejects(badToken.getUser(directory.ids()[1]), (error: unknown) => error instanceof GraphRequestFailed && error.status === 401);
    });
  });

  describe('throttling', () => {
    it('honours Retry-After on 429 and retries 503, through the library RetryHandler', async () => {
      standIn.resetStats();
      standIn.throttleNext(1, { status: 429, retryAfterSeconds: 1 });
      assert.ok(await graph.getUser(directory.ids()[4]));
      standIn.throttleNext(1, { status: 503, retryAfterSeconds: 1 });
      const pages = await collect(graph.deltaUsers(null));
      assert.equal(pages.flatMap((p) => p.changed).length, directory.size);
      const stats = standIn.stats();
      assert.equal(stats.throttled, 2);
      assert.equal(stats.byEndpoint['POST /$batch'], 2, 'the throttled batch was sent again');
      assert.equal(stats.byEndpoint['GET /users/delta'], pages.length + 1, 'the unavailable page was fetched again');
    });

    it('retries throttled items inside a $batch after their Retry-After', async () => {
      standIn.resetStats();
      standIn.throttleNext(1, { status: 429, retryAfterSeconds: 1, scope: 'batchItem' });
      const id = directory.ids()[6];
      assert.deepEqual(await graph.getUser(id), expectedIdentity(directory, id));
      assert.equal(standIn.stats().byEndpoint['POST /$batch'], 2);
      assert.equal(standIn.stats().batchItems, 3, 'only the throttled item was sent again');
    });

    it("gives up after maxRetries with the status: a dependency's failure, with Graph's Retry-After", async () => {
      const impatient = createGraphDirectory({ baseUrl: standIn.url, tenantId: TENANT_A, getAccessToken: async (t) => appToken(t), retry: { maxRetries: 0, delaySeconds: 1 } });
      standIn.throttleNext(1, { status: 429, retryAfterSeconds: 7 });
      await assert.rejects(
        impatient.getUser(directory.ids()[1]),
        (error: unknown) => error instanceof GraphRequestFailed && error instanceof DependencyUnavailable && error.status === 429 && error.retryAfterSeconds === 7,
      );
      standIn.throttleNext(1, { status: 503, retryAfterSeconds: 4, scope: 'batchItem' });
      await assert.rejects(impatient.getUser(directory.ids()[1]), (error: unknown) => error instanceof GraphRequestFailed && error.status === 503 && error.retryAfterSeconds === 4);
    });

    it('reports a Graph it cannot reach as a failure of Microsoft Graph (status 0)', async () => {
      const nowhere = createGraphDirectory({ baseUrl: 'http://127.0.0.1:9/', tenantId: TENANT_A, getAccessToken: async (t) => appToken(t), retry: { maxRetries: 0, delaySeconds: 1 } });
      await assert.rejects(
        nowhere.getUser(directory.ids()[1]),
        (error: unknown) => error instanceof GraphRequestFailed && error.status === 0 && error.dependency === 'Microsoft Graph' && /could not be reached/.test(error.message),
      );
    });
  });

  describe('deltaUsers', () => {
    it('a full round, then hire / move / new manager / delete, then exactly those changes, then nothing', async () => {
      const { standIn: own, a: tenant } = await startTwoTenantStandIn(230, 5);
      const sync = createGraphDirectory({ baseUrl: own.url, tenantId: TENANT_A, getAccessToken: async (t) => appToken(t) });
      try {
        const full = await collect(sync.deltaUsers(null));
        assert.ok(full.length >= 3, 'several pages');
        assert.ok(full.slice(0, -1).every((p) => p.deltaLink === undefined));
        const everyone = full.flatMap((p) => p.changed);
        assert.deepEqual(
          everyone.map((c) => c.id).sort(),
          tenant.ids().sort(),
        );
        for (const learner of everyone) assert.deepEqual(learner, expectedIdentity(tenant, learner.id));
        assert.ok(everyone.every((learner) => Object.keys(learner).sort().join() === IDENTITY_KEYS.join()));
        const firstLink = full.at(-1)!.deltaLink!;
        assert.match(firstLink, /^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\/delta\?\$deltatoken=/);

        const ids = tenant.ids();
        const hired = tenant.hire({ givenName: 'Ada', surname: 'Lovelace', department: 'Engineering', jobTitle: 'Software Engineer', officeLocation: "London King's Cross", managerId: ids[1] });
        const mover = ids.find((id) => tenant.user(id)!.department === 'Sales' && tenant.directReportCount(id) === 0)!;
        tenant.update(mover, { department: 'Marketing', officeLocation: 'Berlin Mitte', city: 'Berlin', country: 'Germany' });
        const newManager = ids.find((id) => tenant.user(id)!.department === 'Finance' && tenant.directReportCount(id) > 0)!;
        const reassigned = ids.find((id) => id !== mover && tenant.user(id)!.department === 'Operations' && tenant.directReportCount(id) === 0)!;
        tenant.update(reassigned, { managerId: newManager });
        const leaver = ids.find((id) => ![mover, reassigned].includes(id) && tenant.directReportCount(id) === 0 && tenant.user(id)!.department === 'IT')!;
        tenant.remove(leaver);
        tenant.update(ids[50], { mobilePhone: '+47 900 11 222', employeeType: 'Contractor' }); // not part of the identity set

        const delta = await collect(sync.deltaUsers(firstLink));
        const changed = new Map<string, ChangedLearner>(delta.flatMap((p) => p.changed).map((c) => [c.id, c]));
        assert.deepEqual([...changed.keys()].sort(), [hired.id, mover, reassigned].sort());
        assert.deepEqual(changed.get(hired.id), { ...expectedIdentity(tenant, hired.id), managerId: ids[1] });
        assert.deepEqual(changed.get(mover), { ...expectedIdentity(tenant, mover), managerId: undefined }, 'department and office moved, manager unchanged');
        assert.equal(changed.get(mover)!.department, 'Marketing');
        assert.deepEqual(changed.get(reassigned), { ...expectedIdentity(tenant, reassigned), managerId: newManager });
        assert.deepEqual(delta.flatMap((p) => p.removed), [{ id: leaver, reason: 'changed' }]);
        const secondLink = delta.at(-1)!.deltaLink!;
        assert.ok(secondLink && secondLink !== firstLink);

        const quiet = await collect(sync.deltaUsers(secondLink));
        assert.deepEqual(quiet.map(({ changed: c, removed: r }) => [c, r]), [[[], []]]);
        assert.ok(quiet[0].deltaLink);

        const again = await collect(sync.deltaUsers(firstLink));
        assert.deepEqual(
          again.flatMap((p) => p.changed).map((c) => c.id).sort(),
          [...changed.keys()].sort(),
          'a delta link can be used again: re-running a sync gives the same answer',
        );
      } finally {
        await own.close();
      }
    });

    it('reports a manager who left as managerId null for the reports', async () => {
      const { standIn: own, a: tenant } = await startTwoTenantStandIn(40, 5);
      const sync = createGraphDirectory({ baseUrl: own.url, tenantId: TENANT_A, getAccessToken: async (t) => appToken(t) });
      try {
        const link = (await collect(sync.deltaUsers(null))).at(-1)!.deltaLink!;
        const manager = tenant.ids().find((id, i) => i > 0 && tenant.directReportCount(id) > 0)!;
        const reports = tenant.ids().filter((id) => tenant.user(id)!.managerId === manager);
        tenant.remove(manager, { permanently: true });
        const delta = await collect(sync.deltaUsers(link));
        assert.deepEqual(delta.flatMap((p) => p.removed), [{ id: manager, reason: 'deleted' }]);
        const changed = delta.flatMap((p) => p.changed);
        assert.deepEqual(changed.map((c) => c.id).sort(), [...reports].sort());
        assert.ok(changed.every((c) => c.managerId === null));
      } finally {
        await own.close();
      }
    });

    it('asks for a full resync when Graph no longer knows the delta link', async () => {
      const link = (await collect(graph.deltaUsers(null))).at(-1)!.deltaLink!;
      const garbled = link.replace(/\$deltatoken=.{6}/, '$deltatoken=AAAAAA');
      await assert.rejects(collect(graph.deltaUsers(garbled)), GraphDeltaResyncRequired);
      const otherTenant = createGraphDirectory({ baseUrl: standIn.url, tenantId: TENANT_B, getAccessToken: async (t) => appToken(t) });
      await assert.rejects(collect(otherTenant.deltaUsers(link)), GraphDeltaResyncRequired, "a tenant cannot use another tenant's link");
    });

    it('never follows a link to another host with the tenant token', async () => {
      await assert.rejects(collect(graph.deltaUsers('https://evil.example/v1.0/users/delta?$deltatoken=x')), /Refusing to follow/);
    });
  });

  describe('groupMembers', () => {
    it('pages through the user ids of a group', async () => {
      const groups = directory.groups();
      const sales = groups.find((g) => g.displayName === 'All Sales')!;
      const paged = createGraphDirectory({ baseUrl: standIn.url, tenantId: TENANT_A, getAccessToken: async (t) => appToken(t), memberPageSize: 10 });
      const pages: string[][] = [];
      for await (const page of paged.groupMembers(sales.id)) pages.push(page);
      assert.ok(pages.length > 1);
      assert.deepEqual(pages.flat(), directory.ids().filter((id) => directory.user(id)!.department === 'Sales'));
    });

    it('throws GraphGroupNotFound for an unknown group', async () => {
      await assert.rejects(collect(graph.groupMembers('00000000-0000-4000-8000-000000000000')), GraphGroupNotFound);
    });
  });

  describe('searchGroups', () => {
    const startingWith = (prefix: string) =>
      directory
        .groups()
        .filter((g) => g.displayName.toLowerCase().startsWith(prefix.toLowerCase()))
        .map((g) => ({ id: g.id, displayName: g.displayName, description: g.description }));

    it('finds the groups whose name starts with the prefix, case-insensitively, in one GET /groups', async () => {
      standIn.resetStats();
      const found = await graph.searchGroups('all s');
      assert.ok(found.some((g) => g.displayName === 'All Sales'), JSON.stringify(found));
      assert.deepEqual(found, startingWith('All S'));
      assert.deepEqual(standIn.stats().byEndpoint, { 'GET /groups': 1 });
      assert.deepEqual(await graph.searchGroups('Nothing starts like this'), []);
    });

    it("takes a quote, and characters that mean something in a URL, literally", async () => {
      const quoted = directory.addGroup({ displayName: "O'Neill's Crew", description: 'Everyone with a direct report', rule: { kind: 'managers' } });
      assert.deepEqual(await graph.searchGroups("o'neill"), [{ id: quoted.id, displayName: "O'Neill's Crew", description: 'Everyone with a direct report' }]);
      assert.deepEqual(await graph.searchGroups("O''Neill"), [], 'a doubled quote is two quotes, not an escaped one');
      const symbols = directory.addGroup({ displayName: 'R&D 50% #1, +more=yes', rule: { kind: 'managers' } });
      assert.deepEqual((await graph.searchGroups('R&D 50% #1, +more=')).map((g) => g.id), [symbols.id]);
    });

    it('returns 25 groups at most', async () => {
      for (let n = 1; n <= 30; n++) directory.addGroup({ displayName: `Project ${String(n).padStart(2, '0')}`, rule: { kind: 'city', city: 'Oslo' } });
      const found = await graph.searchGroups('project');
      assert.equal(found.length, 25);
      assert.deepEqual(found, startingWith('Project').slice(0, 25));
    });

    it('the stand-in answers the filter as Graph does: $select, $top with paging, and a 400 for what it does not support', async () => {
      const first = await graphGet(standIn, `/groups?$filter=${encodeURIComponent("startswith(displayName,'project')")}&$select=displayName&$top=20`);
      assert.equal(first.status, 200);
      assert.deepEqual(Object.keys(first.body.value[0]).sort(), ['displayName', 'id']);
      const all = await allPages(standIn, first.body['@odata.nextLink']);
      assert.deepEqual([...first.body.value, ...all.items].map((g: { displayName: string }) => g.displayName), startingWith('Project').map((g) => g.displayName));

      for (const query of [
        `$filter=${encodeURIComponent("endswith(displayName,'x')")}`,
        `$filter=${encodeURIComponent("startswith(mail,'x')")}`,
        `$filter=${encodeURIComponent("startswith(displayName,'it's')")}`,
        '$orderby=displayName',
        '$count=true',
        '$select=displayName,owners',
        '$top=0',
      ]) {
        const answer = await graphGet(standIn, `/groups?${query}`);
        assert.equal(answer.status, 400, query);
        assert.match(answer.body.error.code, /^Request_(BadRequest|UnsupportedQuery)$/, query);
      }
    });

    it("Graph's failures are a dependency's failure, as for the other calls", async () => {
      const impatient = createGraphDirectory({ baseUrl: standIn.url, tenantId: TENANT_A, getAccessToken: async (t) => appToken(t), retry: { maxRetries: 0, delaySeconds: 1 } });
      standIn.throttleNext(1, { status: 429, retryAfterSeconds: 3 });
      await assert.rejects(impatient.searchGroups('all'), (error: unknown) => error instanceof GraphRequestFailed && error.status === 429 && error.retryAfterSeconds === 3);
    });
  });

  it('the stand-in refuses a $batch of more than 20 requests sent by the real client', async () => {
    const client = createGraphClient({ baseUrl: standIn.url, authProvider: { getAccessToken: async () => appToken(TENANT_A) } });
    const requests = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/users/${directory.ids()[i]}?$select=id` }));
    const twenty = await client.api('/$batch').post({ requests: requests(20) });
    assert.equal(twenty.responses.length, 20);
    await assert.rejects(client.api('/$batch').post({ requests: requests(21) }), (error: unknown) => error instanceof GraphError && error.statusCode === 400);
  });
});
