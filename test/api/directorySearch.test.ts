import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import { loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import type { Directory } from '../../src/server/devstack/graphStandIn/directory';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { assertCleanError } from '../support/apiSurface';
import { makeDataDir, startTestService, type TestService } from '../support/testService';

interface Person {
  id: string;
  displayName: string | null;
  mail: string | null;
}

function identity(displayName: string | null, mail: string | null = null): LearnerIdentity {
  return { id: randomUUID(), userPrincipalName: mail, displayName, mail, department: 'Sales', jobTitle: 'Seller', officeLocation: null, country: null, city: null, managerId: null };
}

const names = (people: Person[]) => people.map((p) => p.displayName);

describe('GET /api/directory/people', () => {
  let t: TestService;
  const tenantA = randomUUID();
  const tenantB = randomUUID();
  let adminA: string;
  let adminB: string;
  let managerA: string;
  let learnerA: string;

  const anna = identity('Anna Berg', 'anna.berg@contoso.example');
  const lars = identity('Lars Bergman', 'lb@contoso.example');
  const ola = identity('Ola Nordmann', 'berit.desk@contoso.example');
  const leaver = identity('Anneli Left', 'anneli@contoso.example');
  const restricted = identity('Annika Restricted', 'annika@contoso.example');
  const percent = identity('Sure 100% Sure');
  const thousand = identity('Sure 1000 Days');
  const snake = identity('Snake_case Sam');
  const snaky = identity('Snakeycase Sid');
  const bracket = identity('[Bracket] Ben');
  const backslash = identity('Back\\slash Bo');
  const nameless = identity(null, 'nameless@contoso.example');
  const crowd = Array.from({ length: 30 }, (_, i) => identity(`Zed ${String(i + 1).padStart(2, '0')}`));
  const annaOfB = identity('Anna Bergqvist', 'anna@fabrikam.example');

  const search = (token: string, text: string) => t.call('GET', `/api/directory/people?search=${encodeURIComponent(text)}`, { token });

  async function found(token: string, text: string): Promise<Person[]> {
    const answer = await search(token, text);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.people;
  }

  beforeAll(async () => {
    t = await startTestService();
    adminA = await t.token(tenantA, await t.onboard(tenantA), ['Tenant.Admin']);
    adminB = await t.token(tenantB, await t.onboard(tenantB), ['Tenant.Admin']);
    managerA = await t.token(tenantA, randomUUID(), ['Catalog.Manage']);
    learnerA = await t.token(tenantA, randomUUID());
    const peopleA = [anna, lars, ola, leaver, restricted, percent, thousand, snake, snaky, bracket, backslash, nameless, ...crowd];
    await t.service.tenancy.withTenantDatabase(tenantA, async (db) => {
      await upsertLearnerIdentities(db, tenantA, peopleA, new Date());
      await db.updateTable('learners').set({ departed_at: new Date().toISOString() }).where('learner_id', '=', leaver.id).execute();
    });
    await t.service.tenancy.withTenantDatabase(tenantB, (db) => upsertLearnerIdentities(db, tenantB, [annaOfB], new Date()));
    const restriction = await t.call('POST', `/api/learners/${restricted.id}/restriction`, { token: adminA, body: { reason: 'accuracy contested' } });
    assert.equal(restriction.status, 200);
  });
  afterAll(() => t.close());

  test('finds people by the start of their name, of any word of it, or of their mail, case-insensitively, by name', async () => {
    assert.deepEqual(await found(adminA, 'anna'), [{ id: anna.id, displayName: 'Anna Berg', mail: 'anna.berg@contoso.example', department: 'Sales', jobTitle: 'Seller' }]);
    assert.deepEqual(names(await found(adminA, 'BERG')), ['Anna Berg', 'Lars Bergman'], 'the surname is a word of the display name');
    assert.deepEqual(names(await found(adminA, 'beri')), ['Ola Nordmann'], 'by the start of the mail');
    assert.deepEqual(names(await found(adminA, 'nameless@')), [null], 'someone without a display name, by mail');
    assert.deepEqual(await found(adminA, 'erg'), [], 'the middle of a word is not a match');
    assert.deepEqual(await found(adminA, 'contoso'), [], 'nor is the middle of a mail');
    assert.deepEqual(names(await found(adminA, '  lars  ')), ['Lars Bergman'], 'the search is trimmed');
  });

  test('leaves out people who departed and people whose processing is restricted', async () => {
    assert.deepEqual(names(await found(adminA, 'ann')), ['Anna Berg']);
    assert.deepEqual(await found(adminA, 'anneli'), []);
    assert.deepEqual(await found(adminA, 'annika@'), []);
  });

  test('answers 25 people at most, the first by display name', async () => {
    const people = await found(adminA, 'zed');
    assert.deepEqual(names(people), crowd.slice(0, 25).map((p) => p.displayName));
  });

  test('takes %, _, [ and \\ literally, not as wildcards or escapes', async () => {
    assert.deepEqual(names(await found(adminA, '100%')), ['Sure 100% Sure']);
    assert.deepEqual(names(await found(adminA, 'snake_')), ['Snake_case Sam']);
    assert.deepEqual(await found(adminA, '%%'), []);
    assert.deepEqual(await found(adminA, '__'), []);
    assert.deepEqual(names(await found(adminA, '[br')), ['[Bracket] Ben']);
    assert.deepEqual(await found(adminA, '[b]r'), []);
    assert.deepEqual(names(await found(adminA, 'back\\')), ['Back\\slash Bo']);
    assert.deepEqual(await found(adminA, "'; drop table learners; --"), []);
  });

  test('tenant admins and catalog managers may search; a learner may not', async () => {
    assert.deepEqual(names(await found(managerA, 'lars')), ['Lars Bergman']);
    const refused = assertCleanError(await search(learnerA, 'lars'), 403, 'a learner');
    assert.equal(refused.code, 'forbidden');

    // Appointed to manage a catalog, without the role in the token: they pick people for it too.
    const catalogId = (await t.call('POST', '/api/catalogs', { token: adminA, body: { name: 'Onboarding' } })).body.id;
    const appointed = identity('Appointed Manager');
    await t.service.tenancy.withTenantDatabase(tenantA, (db) => upsertLearnerIdentities(db, tenantA, [appointed], new Date()));
    assert.equal((await t.call('POST', `/api/catalogs/${catalogId}/managers`, { token: adminA, body: { learnerId: appointed.id } })).status, 204);
    assert.deepEqual(names(await found(await t.token(tenantA, appointed.id), 'lars')), ['Lars Bergman']);
  });

  test('a search shorter than two characters, or none, is a 400 naming it', async () => {
    for (const url of ['/api/directory/people?search=a', '/api/directory/people?search=%20a%20', '/api/directory/people', `/api/directory/people?search=${'x'.repeat(101)}`]) {
      const error = assertCleanError(await t.call('GET', url, { token: adminA }), 400, url);
      assert.match(error.message, /search/, url);
    }
    assertCleanError(await t.call('GET', '/api/directory/people?search=an&extra=1', { token: adminA }), 400, 'an unknown parameter');
  });

  test("a tenant finds only its own people", async () => {
    assert.deepEqual(names(await found(adminA, 'anna')), ['Anna Berg']);
    assert.deepEqual(names(await found(adminB, 'anna')), ['Anna Bergqvist']);
    assert.deepEqual(names(await found(adminB, 'berg')), ['Anna Bergqvist']);
    assert.deepEqual(await found(adminB, 'zed'), []);
  });
});

describe('GET /api/directory/groups', () => {
  const tenantId = randomUUID();
  let t: TestService;
  let graph: LocalGraph;
  let directory: Directory;
  let manager: string;

  const search = (token: string, text: string) => t.call('GET', `/api/directory/groups?search=${encodeURIComponent(text)}`, { token });

  beforeAll(async () => {
    const dataDir = makeDataDir();
    graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir), [{ tenantId, seed: 'group-search', size: 60 }]);
    directory = graph.standIn.directory(tenantId);
    t = await startTestService({ dataDir, graph: { ...graph.access, retry: { maxRetries: 0, delaySeconds: 1 } } });
    await t.onboard(tenantId);
    manager = await t.token(tenantId, directory.ids()[1], ['Catalog.Manage']);
  });
  afterAll(async () => {
    await t.close();
    await graph.standIn.close();
  });

  test("finds the directory's groups by the start of their name, through Microsoft Graph", async () => {
    const answer = await search(manager, 'all s');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const sales = directory.groups().find((g) => g.displayName === 'All Sales')!;
    assert.deepEqual(answer.body.groups, [{ id: sales.id, displayName: 'All Sales', description: sales.description }]);
    const offices = (await search(manager, 'OSLO')).body.groups;
    assert.deepEqual(offices.map((g: { displayName: string }) => g.displayName), ['Oslo Office']);
    assert.deepEqual((await search(manager, 'no group is called this')).body.groups, []);
  });

  test('a search with a quote works', async () => {
    const group = directory.addGroup({ displayName: "Women's Network", description: 'Members of the network', rule: { kind: 'managers' } });
    const answer = await search(manager, "women's");
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.groups, [{ id: group.id, displayName: "Women's Network", description: 'Members of the network' }]);
  });

  test('a learner may not search groups; a one-character search is a 400', async () => {
    const learner = await t.token(tenantId, directory.ids()[2]);
    assert.equal(assertCleanError(await search(learner, 'all'), 403, 'a learner').code, 'forbidden');
    assertCleanError(await search(manager, 'a'), 400, 'one character');
  });

  test('Graph throttling is a 503 naming Microsoft Graph, with its Retry-After', async () => {
    assert.equal((await search(manager, 'all')).status, 200, 'the caller is known before Graph is throttled');
    graph.standIn.throttleNext(1, { status: 429, retryAfterSeconds: 2 });
    const answer = await search(manager, 'all');
    const error = assertCleanError(answer, 503, 'throttled');
    assert.equal(error.code, 'service_unavailable');
    assert.match(error.message, /Microsoft Graph/);
    assert.equal(answer.headers['retry-after'], '2');
  });

  test('without Microsoft Graph configured there are no groups to search: 409', async () => {
    const plain = await startTestService();
    try {
      const other = randomUUID();
      const admin = await plain.token(other, await plain.onboard(other), ['Tenant.Admin']);
      const error = assertCleanError(await plain.call('GET', '/api/directory/groups?search=all', { token: admin }), 409, 'no Graph');
      assert.match(error.message, /Microsoft Graph is not configured/);
    } finally {
      await plain.close();
    }
  });
});
