import assert from '../support/assert';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { Directory } from '../../src/server/devstack/graphStandIn/directory';
import { startGraphStandIn, type GraphStandIn } from '../../src/server/devstack/graphStandIn/graphStandIn';
import { allPages, appToken, fakeVerifyToken, graphGet, graphPost, startTwoTenantStandIn, TENANT_A, TENANT_B } from './graphStandInFixture';

const DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'];
const SELECT = 'id,displayName,department,city';
const keys = (o: object) => Object.keys(o).sort();

describe('Graph stand-in', () => {
  let standIn: GraphStandIn;
  let a: Directory;
  let b: Directory;
  beforeAll(async () => ({ standIn, a, b } = await startTwoTenantStandIn(60, 12)));
  afterAll(() => standIn.close());

  describe('tokens', () => {
    it('refuses a request without a token, or with a token the verifier rejects, with 401 InvalidAuthenticationToken', async () => {
      for (const token of [null, 'garbage', appToken('33333333-3333-4333-8333-333333333333')]) {
        const { status, body } = await graphGet(standIn, '/users', token);
        assert.equal(status, 401);
        assert.equal(body.error.code, 'InvalidAuthenticationToken');
        assert.equal(typeof body.error.message, 'string');
      }
    });

    it("lets the token's tenant pick the directory", async () => {
      const userOfA = a.ids()[3];
      assert.equal((await graphGet(standIn, `/users/${userOfA}`, appToken(TENANT_A))).status, 200);
      const fromB = await graphGet(standIn, `/users/${userOfA}`, appToken(TENANT_B));
      assert.equal(fromB.status, 404);
      const { items } = await allPages(standIn, '/users?$select=id', appToken(TENANT_B));
      assert.deepEqual(items.map((u) => u.id).sort(), b.ids().sort());
    });
  });

  describe('directories made on demand', () => {
    it("gives a tenant without a directory one on its first request, and keeps it; a tenant it declines stays refused", async () => {
      const lazy = '44444444-4444-4444-8444-444444444444';
      const declined = '55555555-5555-4555-8555-555555555555';
      const made: string[] = [];
      const own = await startGraphStandIn({
        directories: new Map(),
        verifyToken: fakeVerifyToken,
        createDirectory: (tenantId) => {
          made.push(tenantId);
          return tenantId === lazy ? Directory.generate({ seed: `lazy:${tenantId}`, size: 9 }) : undefined;
        },
      });
      try {
        const { items } = await allPages(own, '/users?$select=id', appToken(lazy));
        assert.equal(items.length, 9);
        assert.deepEqual((await allPages(own, '/users?$select=id', appToken(lazy))).items, items, 'the same directory on the next request');
        assert.deepEqual(own.directory(lazy).ids().sort(), items.map((u) => u.id).sort());
        assert.equal((await graphGet(own, '/users', appToken(declined))).status, 401);
        assert.deepEqual(made, [lazy, declined], 'made once for the tenant it serves');
      } finally {
        await own.close();
      }
    });
  });

  describe('users', () => {
    it('returns only the selected properties plus id, by id or by userPrincipalName', async () => {
      const user = a.user(a.ids()[7])!;
      for (const key of [user.id, user.userPrincipalName, user.userPrincipalName.toUpperCase()]) {
        const { status, body } = await graphGet(standIn, `/users/${encodeURIComponent(key)}?$select=displayName,department,city`);
        assert.equal(status, 200);
        assert.match(body['@odata.context'], /\/v1\.0\/\$metadata#users\(displayName,department,city\)\/\$entity$/);
        delete body['@odata.context'];
        assert.deepEqual(body, { displayName: user.displayName, department: user.department, city: user.city, id: user.id });
      }
    });

    it("returns Graph's default property set without $select", async () => {
      const { body } = await graphGet(standIn, `/users/${a.ids()[2]}`);
      assert.deepEqual(keys(body).filter((k) => !k.startsWith('@')), DEFAULT_PROPERTIES);
    });

    it('answers 404 Request_ResourceNotFound for an unknown user, 400 for an unknown property', async () => {
      const missing = await graphGet(standIn, '/users/00000000-0000-4000-8000-000000000000');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
      const badSelect = await graphGet(standIn, `/users/${a.ids()[1]}?$select=displayName,shoeSize`);
      assert.equal(badSelect.status, 400);
      assert.match(badSelect.body.error.message, /shoeSize/);
    });

    it('serves /me from the user of a delegated token, and refuses it for app-only tokens', async () => {
      const me = a.user(a.ids()[4])!;
      const { status, body } = await graphGet(standIn, '/me?$select=mail', `tenant:${TENANT_A};user:${me.id}`);
      assert.equal(status, 200);
      assert.equal(body.id, me.id);
      assert.equal(body.mail, me.mail);
      assert.equal((await graphGet(standIn, '/me')).status, 400);
    });

    it('serves the manager as a directoryObject with $select, and 404 when there is none', async () => {
      const person = a.user(a.ids()[20])!;
      const { status, body } = await graphGet(standIn, `/users/${person.id}/manager?$select=id,displayName`);
      assert.equal(status, 200);
      assert.equal(body['@odata.type'], '#microsoft.graph.user');
      assert.equal(body.id, person.managerId);
      assert.deepEqual(keys(body), ['@odata.context', '@odata.type', 'displayName', 'id']);
      const ceo = a.ids()[0];
      const none = await graphGet(standIn, `/users/${ceo}/manager`);
      assert.equal(none.status, 404);
      assert.equal(none.body.error.code, 'Request_ResourceNotFound');
    });

    it('pages /users with $top and @odata.nextLink, everyone exactly once', async () => {
      const { items, pages } = await allPages(standIn, '/users?$select=id,displayName&$top=7');
      assert.equal(pages.length, Math.ceil(a.size / 7));
      assert.ok(pages.slice(0, -1).every((p) => p.body.value.length === 7));
      assert.deepEqual(items.map((u) => u.id), a.ids());
      assert.ok(items.every((u) => keys(u).join() === 'displayName,id'));
      assert.equal((await graphGet(standIn, '/users?$top=1000')).status, 400);
    });
  });

  describe('users/delta', () => {
    it('pages a first round through everyone and ends with a deltaLink, managers as manager@delta', async () => {
      const { items, pages, last } = await allPages(standIn, `/users/delta?$select=${SELECT}&$expand=manager($select=id)&$top=25`);
      assert.equal(pages.length, 3);
      assert.ok(pages.slice(0, -1).every((p) => p.body['@odata.nextLink'] && !p.body['@odata.deltaLink']));
      assert.match(last['@odata.deltaLink'], /\/v1\.0\/users\/delta\?\$deltatoken=/);
      assert.deepEqual(items.map((u) => u.id), a.ids());
      for (const item of items) {
        const user = a.user(item.id)!;
        assert.equal(item.department, user.department);
        assert.deepEqual(item['manager@delta'], user.managerId ? [{ '@odata.type': '#microsoft.graph.user', id: user.managerId }] : undefined);
      }
      const again = await graphGet(standIn, last['@odata.deltaLink']);
      assert.deepEqual(again.body.value, [], 'nothing changed since');
      assert.ok(again.body['@odata.deltaLink']);
    });

    it('then reports exactly the changes: added, changed, manager moved, removed', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(40, 5);
      try {
        const start = (await allPages(own, `/users/delta?$select=${SELECT}&$expand=manager`)).last['@odata.deltaLink'];
        const ids = directory.ids();
        const leaver = ids[39];
        const mover = ids.find((id) => directory.user(id)!.department === 'Sales')!;
        const promoted = ids.find((id) => id !== mover && id !== leaver && ![null, ids[0]].includes(directory.user(id)!.managerId))!;
        const hired = directory.hire({ givenName: 'Ada', surname: 'Lovelace', department: 'Engineering', officeLocation: 'Oslo Aker Brygge', managerId: ids[1] });
        directory.update(mover, { department: 'Legal', jobTitle: 'Paralegal' });
        directory.update(promoted, { managerId: ids[0] });
        directory.update(ids[32], { mobilePhone: '+47 900 00 000' }); // not selected: not reported
        assert.equal(directory.directReportCount(leaver), 0);
        directory.remove(leaver);

        const round = await allPages(own, start);
        const byId = new Map(round.items.map((item) => [item.id, item]));
        assert.deepEqual([...byId.keys()].sort(), [hired.id, mover, promoted, leaver].sort());
        assert.deepEqual(byId.get(hired.id), {
          id: hired.id, displayName: 'Ada Lovelace', department: 'Engineering', city: 'Oslo',
          'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: ids[1] }],
        });
        assert.equal(byId.get(mover).department, 'Legal');
        assert.equal(byId.get(mover)['manager@delta'], undefined, 'the manager did not change');
        assert.deepEqual(byId.get(promoted)['manager@delta'], [{ '@odata.type': '#microsoft.graph.user', id: ids[0] }]);
        assert.deepEqual(byId.get(leaver), { id: leaver, '@removed': { reason: 'changed' } });

        const next = await graphGet(own, round.last['@odata.deltaLink']);
        assert.deepEqual(next.body.value, []);
      } finally {
        await own.close();
      }
    });

    it('reports a permanent delete as deleted, and the manager link its reports lose', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(40, 5);
      try {
        const start = (await allPages(own, `/users/delta?$select=id&$expand=manager($select=id)`)).last['@odata.deltaLink'];
        const manager = directory.ids().find((id) => directory.directReportCount(id) > 0 && id !== directory.ids()[0])!;
        const reports = directory.ids().filter((id) => directory.user(id)!.managerId === manager);
        directory.remove(manager, { permanently: true });
        const { items } = await allPages(own, start);
        assert.deepEqual(items.find((i) => i.id === manager), { id: manager, '@removed': { reason: 'deleted' } });
        for (const report of reports) {
          assert.deepEqual(items.find((i) => i.id === report)['manager@delta'], [{ '@odata.type': '#microsoft.graph.user', id: manager, '@removed': { reason: 'deleted' } }]);
        }
      } finally {
        await own.close();
      }
    });

    it('keeps links valid while the directory changes mid-round, and reports in-round changes next time', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(30, 5);
      try {
        const first = await graphGet(own, '/users/delta?$select=id,jobTitle&$top=10');
        directory.update(directory.ids()[2], { jobTitle: 'Chief Happiness Officer' });
        const rest = await allPages(own, first.body['@odata.nextLink']);
        assert.equal(first.body.value.length + rest.items.length, 30);
        const next = await graphGet(own, rest.last['@odata.deltaLink']);
        assert.deepEqual(next.body.value, [{ id: directory.ids()[2], jobTitle: 'Chief Happiness Officer' }]);
      } finally {
        await own.close();
      }
    });

    it('sends only the changed properties with Prefer: return=minimal', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(20, 5);
      try {
        const start = (await allPages(own, `/users/delta?$select=${SELECT}`)).last['@odata.deltaLink'];
        directory.update(directory.ids()[5], { city: 'Berlin' });
        const { body } = await graphGet(own, start, appToken(TENANT_A), { Prefer: 'return=minimal' });
        assert.deepEqual(body.value, [{ id: directory.ids()[5], city: 'Berlin' }]);
      } finally {
        await own.close();
      }
    });

    it('answers 410 syncStateNotFound for a garbled, foreign or stale token; $deltatoken=latest skips the first round', async () => {
      const link = (await allPages(standIn, '/users/delta?$select=id')).last['@odata.deltaLink'];
      const token = new URL(link).searchParams.get('$deltatoken')!;
      for (const [path, tenant] of [
        ['/users/delta?$deltatoken=not-a-token', TENANT_A],
        [`/users/delta?$deltatoken=${token.slice(0, -4)}`, TENANT_A],
        [`/users/delta?$deltatoken=${token}`, TENANT_B],
        ['/users/delta?$skiptoken=xyz', TENANT_A],
      ]) {
        const { status, body } = await graphGet(standIn, path, appToken(tenant));
        assert.equal(status, 410, path);
        assert.equal(body.error.code, 'syncStateNotFound');
      }
      const latest = await graphGet(standIn, '/users/delta?$select=id&$deltatoken=latest');
      assert.deepEqual(latest.body.value, []);
      assert.ok(latest.body['@odata.deltaLink']);
    });
  });

  describe('$batch', () => {
    it('dispatches up to 20 requests and answers each with id, status, headers and body', async () => {
      const ids = a.ids();
      const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/users/${ids[i]}?$select=id,displayName` }));
      requests[19] = { id: '20', method: 'GET', url: '/users/00000000-0000-4000-8000-000000000000' };
      const { status, body } = await graphPost(standIn, '/$batch', { requests });
      assert.equal(status, 200);
      assert.equal(body.responses.length, 20);
      const byId = new Map<string, any>(body.responses.map((r: any) => [r.id, r]));
      assert.equal(byId.get('1').status, 200);
      assert.equal(byId.get('1').body.id, ids[0]);
      assert.equal(byId.get('1').headers['Content-Type'], 'application/json');
      assert.equal(byId.get('20').status, 404);
      assert.equal(byId.get('20').body.error.code, 'Request_ResourceNotFound');
    });

    it('refuses more than 20 requests, duplicate ids and absolute URLs', async () => {
      const request = (i: number) => ({ id: String(i), method: 'GET', url: '/users?$top=1' });
      const tooMany = await graphPost(standIn, '/$batch', { requests: Array.from({ length: 21 }, (_, i) => request(i)) });
      assert.equal(tooMany.status, 400);
      assert.match(tooMany.body.error.message, /20/);
      assert.equal((await graphPost(standIn, '/$batch', { requests: [request(1), request(1)] })).status, 400);
      const absolute = await graphPost(standIn, '/$batch', { requests: [{ id: '1', method: 'GET', url: 'https://evil.example/v1.0/users' }] });
      assert.equal(absolute.body.responses[0].status, 400);
    });
  });

  describe('groups', () => {
    it('has department, office and "All Managers" groups whose members follow directory edits', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(60, 5);
      try {
        const groups = (await graphGet(own, '/groups')).body.value;
        const names = groups.map((g: any) => g.displayName);
        assert.ok(names.includes('All Managers') && names.includes('All Sales') && names.includes('Oslo Office'), names.join());
        const sales = groups.find((g: any) => g.displayName === 'All Sales');
        const salesIds = () => directory.ids().filter((id) => directory.user(id)!.department === 'Sales');
        const members = await allPages(own, `/groups/${sales.id}/members?$select=id,department&$top=4`);
        assert.ok(members.pages.length > 1);
        assert.deepEqual(members.items.map((m) => m.id), salesIds());
        assert.ok(members.items.every((m) => m['@odata.type'] === '#microsoft.graph.user' && m.department === 'Sales'));

        const newcomer = directory.ids().find((id) => directory.user(id)!.department === 'Legal')!;
        directory.update(newcomer, { department: 'Sales' });
        const transitive = await allPages(own, `/groups/${sales.id}/transitiveMembers?$select=id`);
        assert.deepEqual(transitive.items.map((m) => m.id), salesIds());
        assert.ok(transitive.items.some((m) => m.id === newcomer));

        const managersGroup = groups.find((g: any) => g.displayName === 'All Managers');
        const managers = await allPages(own, `/groups/${managersGroup.id}/members?$select=id`);
        assert.deepEqual(managers.items.map((m) => m.id), directory.ids().filter((id) => directory.directReportCount(id) > 0));
        assert.equal((await graphGet(own, '/groups/00000000-0000-4000-8000-000000000000/members')).status, 404);
      } finally {
        await own.close();
      }
    });
  });

  describe('directory edits', () => {
    it('refuses edits that would break the directory, and changes nothing then', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(30, 5);
      try {
        const start = (await allPages(own, '/users/delta?$select=id,department&$expand=manager')).last['@odata.deltaLink'];
        const ids = directory.ids();
        const report = ids.find((id) => directory.user(id)!.managerId === ids[1])!;
        assert.throws(() => directory.update(ids[1], { managerId: report }), /cycle/);
        assert.throws(() => directory.update(ids[1], { managerId: ids[1] }), /cycle/);
        assert.throws(() => directory.update(ids[2], { managerId: '00000000-0000-4000-8000-000000000000' }), /No user/);
        assert.throws(() => directory.update(ids[2], { id: 'x' } as never), /Cannot change 'id'/);
        assert.throws(() => directory.update(ids[2], { shoeSize: 44 } as never), /Cannot change 'shoeSize'/);
        assert.throws(() => directory.update(ids[2], { department: 'Legal', userPrincipalName: directory.user(ids[3])!.userPrincipalName }), /taken/);
        assert.throws(() => directory.hire({ id: ids[4], givenName: 'Dup', surname: 'Licate' }), /in use/);
        directory.remove(ids[5]);
        assert.throws(() => directory.hire({ id: ids[5], givenName: 'Re', surname: 'Used' }), /in use/);
        assert.throws(() => directory.remove(ids[5]), /No user/);
        const { items } = await allPages(own, start);
        assert.deepEqual(items, [{ id: ids[5], '@removed': { reason: 'changed' } }]);
      } finally {
        await own.close();
      }
    });

    it('gives hires a free first.last name and the city and country of a known office', async () => {
      const { standIn: own, a: directory } = await startTwoTenantStandIn(10, 5);
      try {
        const first = directory.hire({ givenName: 'Åsa', surname: 'Ødegård', officeLocation: 'Tokyo Marunouchi' });
        const second = directory.hire({ givenName: 'Asa', surname: 'Odegard', city: 'Reykjavik', country: 'Iceland' });
        assert.equal(first.userPrincipalName, 'asa.odegard@contoso.com');
        assert.equal(second.userPrincipalName, 'asa.odegard2@contoso.com');
        assert.deepEqual([first.city, first.country], ['Tokyo', 'Japan']);
        assert.deepEqual([second.officeLocation, second.city, second.country], [null, 'Reykjavik', 'Iceland']);
        assert.notEqual(first.id, second.id);
      } finally {
        await own.close();
      }
    });
  });

  describe('faults and statistics', () => {
    it('throttles the next n requests with 429 + Retry-After (or 503) and Graph error bodies, and counts requests', async () => {
      standIn.resetStats();
      standIn.throttleNext(2, { status: 429, retryAfterSeconds: 7 });
      standIn.throttleNext(1, { status: 503 });
      const first = await graphGet(standIn, '/users?$top=1');
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '7');
      assert.equal(first.body.error.code, 'TooManyRequests');
      assert.equal((await graphGet(standIn, '/users?$top=1')).status, 429);
      const third = await graphGet(standIn, '/users?$top=1');
      assert.equal(third.status, 503);
      assert.equal(third.headers.get('retry-after'), '1');
      assert.equal((await graphGet(standIn, '/users?$top=1')).status, 200);
      await graphPost(standIn, '/$batch', { requests: [{ id: '1', method: 'GET', url: `/users/${a.ids()[0]}` }] });
      assert.deepEqual(standIn.stats(), {
        requests: 5,
        batchItems: 1,
        throttled: 3,
        byEndpoint: { 'GET /users': 4, 'POST /$batch': 1, 'GET /users/{id}': 1 },
      });
    });

    it('throttles single batch items when asked', async () => {
      standIn.throttleNext(1, { scope: 'batchItem', retryAfterSeconds: 2 });
      const { body } = await graphPost(standIn, '/$batch', {
        requests: [
          { id: 'a', method: 'GET', url: `/users/${a.ids()[0]}` },
          { id: 'b', method: 'GET', url: `/users/${a.ids()[1]}` },
        ],
      });
      assert.deepEqual(body.responses.map((r: any) => r.status), [429, 200]);
      assert.equal(body.responses[0].headers['Retry-After'], '2');
    });

    it('can answer with every attribute regardless of $select (to prove clients drop them)', async () => {
      standIn.setReturnAllProperties(true);
      try {
        const { body } = await graphGet(standIn, `/users/${a.ids()[0]}?$select=id`);
        assert.ok('employeeId' in body && 'mobilePhone' in body && 'createdDateTime' in body);
      } finally {
        standIn.setReturnAllProperties(false);
      }
    });
  });
});
