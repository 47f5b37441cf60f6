import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { readConfig } from '../../src/server/config';
import { startDevStack, type DevStack } from '../../src/server/devstack/devStack';
import { generateDirectoryUsers } from '../../src/server/devstack/directory/directoryGenerator';
import { localDirectoryOptions, signInPeopleOf } from '../../src/server/devstack/localDirectories';
import { localPeopleUrl } from '../../src/server/devstack/localPeopleRoutes';
import { courseBody, makeDataDir, startTestService, type TestService } from '../support/testService';

// The local stack as `npm start` wires it (without the demo tenant): any tenant id has a directory in the Graph
// stand-in, generated from the id, so a tenant onboarded locally can sync, sign in and use everything.

interface Person {
  id: string;
  displayName: string;
  role: string;
  roles: string[];
  devToken: string;
}

let t: TestService;
let devStack: DevStack;

beforeAll(async () => {
  const dataDir = makeDataDir();
  devStack = await startDevStack(readConfig({ ATRIUM_DATA_DIR: dataDir, ATRIUM_SEED_DEMO: 'false', LOG_LEVEL: 'silent' }));
  t = await startTestService({ dataDir, ...devStack.serviceOverrides });
  assert.equal(await devStack.prepare(t.service), undefined, 'no demo tenant when ATRIUM_SEED_DEMO=false');
});

afterAll(async () => {
  await t.close();
  await devStack.close();
});

async function peopleOf(tenantId: string): Promise<Record<string, Person>> {
  const answer = await t.call('GET', localPeopleUrl(tenantId));
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return Object.fromEntries((answer.body.people as Person[]).map((p) => [p.role, p]));
}

async function tokenFor(tenantId: string, person: Person): Promise<string> {
  return t.token(tenantId, person.id, person.roles);
}

async function syncDirectory(tenantId: string, admin: string) {
  const started = await t.call('POST', '/api/tenant/directory-sync', { token: admin, body: {} });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  // The sync runs in the background; wait for the run that request started to finish.
  await t.service.directorySync?.start(tenantId);
  const status = await t.call('GET', '/api/tenant/directory-sync', { token: admin });
  assert.equal(status.status, 200);
  return status.body;
}

test('every tenant id has its own generated directory, the same on every run, with someone for every role', () => {
  const [a, b] = [randomUUID(), randomUUID()];
  const peopleOfA = [...generateDirectoryUsers(localDirectoryOptions(a))];
  assert.deepEqual([...generateDirectoryUsers(localDirectoryOptions(a))].map((p) => p.id), peopleOfA.map((p) => p.id), 'deterministic from the tenant id');
  const idsOfB = new Set([...generateDirectoryUsers(localDirectoryOptions(b))].map((p) => p.id));
  assert.ok(peopleOfA.every((p) => !idsOfB.has(p.id)), 'another tenant has other people');
  assert.deepEqual(signInPeopleOf(peopleOfA).map((p) => p.role), ['Learner', 'Line manager', 'Training manager', 'Tenant admin']);
});

describe('two tenants onboarded locally', () => {
  const tenants = [randomUUID(), randomUUID()];

  for (const [index, tenantId] of tenants.entries()) {
    test(`tenant ${index + 1}: onboarded, synced, and its people use catalogs, courses and enrolment`, async () => {
      const people = await peopleOf(tenantId);
      assert.match(people['Tenant admin'].devToken, new RegExp(`^npm run dev-token -- --tenant ${tenantId} --user ${people['Tenant admin'].id} --role Tenant\\.Admin$`));
      const admin = await tokenFor(tenantId, people['Tenant admin']);

      const onboarded = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'westeurope', displayName: `Local ${index + 1}` } });
      assert.equal(onboarded.status, 201, JSON.stringify(onboarded.body));

      const sync = await syncDirectory(tenantId, admin);
      assert.equal(sync.lastError, null);
      assert.equal(sync.lastResult.changed, 250, 'the whole generated directory');

      const me = await t.call('GET', '/api/me', { token: admin });
      assert.equal(me.status, 200, JSON.stringify(me.body));
      assert.equal(me.body.profile.displayName, people['Tenant admin'].displayName, 'who the admin is comes from the directory');

      const manager = await tokenFor(tenantId, people['Training manager']);
      const catalog = await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Compliance' } });
      assert.equal(catalog.status, 201, JSON.stringify(catalog.body));
      const course = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, { token: manager, body: courseBody() });
      assert.equal(course.status, 201, JSON.stringify(course.body));

      const learner = await tokenFor(tenantId, people.Learner);
      const catalogs = await t.call('GET', '/api/catalogs', { token: learner });
      assert.equal(catalogs.status, 200, JSON.stringify(catalogs.body));
      assert.ok(JSON.stringify(catalogs.body).includes(catalog.body.id), 'the learner sees the catalog');
      const enrolled = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token: learner });
      assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body));
      const training = await t.call('GET', '/api/me/training', { token: learner });
      assert.deepEqual(
        training.body.items.map((item: { title: string }) => item.title),
        ['Code of Conduct'],
      );
    });
  }

  test('someone the directory does not know gets 403 not_in_directory, saying so and what to do; nothing is stored about them', async () => {
    const [first, second] = tenants;
    const stranger = randomUUID();
    const colleagueOfTheOtherTenant = (await peopleOf(second)).Learner.id;
    for (const userId of [stranger, colleagueOfTheOtherTenant]) {
      const token = await t.token(first, userId, ['Tenant.Admin']);
      for (const [method, url] of [['GET', '/api/me'], ['GET', '/api/catalogs'], ['GET', '/api/tenant/directory-sync']] as const) {
        const answer = await t.call(method, url, { token });
        assert.equal(answer.status, 403, `${method} ${url}: ${JSON.stringify(answer.body)}`);
        assert.equal(answer.body.error.code, 'not_in_directory');
        assert.match(answer.body.error.message, /not in your organisation's directory/);
        assert.match(answer.body.error.message, new RegExp(userId));
        assert.ok(answer.body.error.message.includes(localPeopleUrl(first)), 'locally, it says where the people are listed');
      }
      const stored = await t.service.tenancy.withTenantDatabase(first, (db) => db.selectFrom('learners').select('learner_id').where('learner_id', '=', userId).execute());
      assert.deepEqual(stored, [], 'no profile of nulls');
    }
  });
});

test('the people route refuses what is not a tenant id', async () => {
  const answer = await t.call('GET', '/dev/tenants/not-a-tenant/people');
  assert.equal(answer.status, 400);
  assert.equal(answer.body.error.code, 'invalid_request');
});
