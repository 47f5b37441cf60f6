import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import type { Directory } from '../../src/server/devstack/graphStandIn/directory';
import { courseBody, makeDataDir, startTestService, type TestService } from '../support/testService';

const tenantId = randomUUID();
let t: TestService;
let graph: LocalGraph;
let directory: Directory;
let managerToken: string;
let catalogId: string;

async function learners() {
  const rows = await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('learners').selectAll().where('tenant_id', '=', tenantId).execute());
  return new Map(rows.map((r) => [r.learner_id, r]));
}

async function sync(full = false) {
  const result = await t.service.directorySync?.start(tenantId, { forceFull: full });
  assert.ok(result, 'the sync ran');
  return result;
}

async function myItems(userId: string) {
  return (await t.call('GET', '/api/me/training', { token: await t.token(tenantId, userId) })).body.items as Array<{ title: string; source: string; dueAt: string }>;
}

beforeAll(async () => {
  // The stand-in trusts the dev issuer of the service's data dir; the service reaches it with the real Graph client.
  const dataDir = makeDataDir();
  graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir), [{ tenantId, seed: 'sync-test', size: 150 }]);
  directory = graph.standIn.directory(tenantId);
  t = await startTestService({ dataDir, graph: graph.access });
  await t.onboard(tenantId);
  // Only people the directory knows may sign in: the training manager is hired into it first.
  const chief = directory.ids()[0];
  const trainingManager = directory.hire({ givenName: 'Tara', surname: 'Trainer', department: 'HR', jobTitle: 'Learning and Development Specialist', officeLocation: null, city: 'Oslo', country: 'Norway', managerId: chief });
  managerToken = await t.token(tenantId, trainingManager.id, ['Catalog.Manage']);
  // Someone who signs in, then leaves the directory before the first sync.
  const early = directory.hire({ givenName: 'Erik', surname: 'Early', department: 'Sales', jobTitle: 'Account Executive', officeLocation: null, city: 'Oslo', country: 'Norway', managerId: chief });
  assert.equal((await t.call('GET', '/api/me', { token: await t.token(tenantId, early.id) })).status, 200);
  directory.remove(early.id);
  catalogId = (await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Compliance' } })).body.id;
  const course = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: managerToken, body: courseBody({ title: 'Finance Controls' }) });
  const rule = await t.call('POST', `/api/catalogs/${catalogId}/rules`, {
    token: managerToken,
    body: { name: 'Finance: controls', courseId: course.body.id, criteria: { department: ['Finance'] }, dueWithinDays: 30 },
  });
  assert.equal(rule.status, 201);
});

afterAll(async () => {
  await t.close();
  await graph.standIn.close();
});

test('a full sync brings in exactly the directory, minimum attributes only, and applies the rules', async () => {
  graph.standIn.setReturnAllProperties(true); // a careless Graph: every attribute whatever $select says
  const result = await sync();
  graph.standIn.setReturnAllProperties(false);
  assert.equal(result.mode, 'full');
  assert.equal(result.inserted, 150, 'the 151 people of the directory but the training manager, who signed in before');
  const rows = await learners();
  assert.equal(rows.size, 152, 'the directory, plus the person who signed in and then left it');
  assert.equal(result.departed, 1, 'someone who is not in the directory has left it');
  assert.ok([...rows.values()].find((r) => !directory.user(r.learner_id))?.departed_at);
  for (const id of directory.ids()) {
    const user = directory.user(id)!;
    const row = rows.get(id)!;
    assert.deepEqual(
      [row.display_name, row.department, row.job_title, row.office_location, row.city, row.country, row.mail, row.user_principal_name, row.manager_id],
      [user.displayName, user.department, user.jobTitle, user.officeLocation, user.city, user.country, user.mail, user.userPrincipalName, user.managerId],
    );
  }
  const columns = Object.keys(rows.values().next().value!).sort();
  assert.deepEqual(columns, [
    'city', 'country', 'created_at', 'departed_at', 'department', 'display_name', 'job_title', 'learner_id', 'mail',
    'manager_id', 'office_location', 'synced_at', 'tenant_id', 'user_principal_name',
  ]);
  const financeIds = directory.ids().filter((id) => directory.user(id)!.department === 'Finance');
  assert.ok(financeIds.length > 0);
  assert.equal(result.rules.assigned, financeIds.length, 'everyone in Finance is assigned the course');
});

test('a delta after hire, move, manager change and delete gives exactly those changes; a re-run changes nothing', async () => {
  const ids = directory.ids();
  const mover = ids.find((id) => directory.user(id)!.department === 'Finance' && directory.directReportCount(id) === 0)!;
  const movedInto = ids.find((id) => directory.user(id)!.department === 'Sales' && directory.directReportCount(id) === 0)!;
  const leaver = ids.find((id) => id !== mover && id !== movedInto && directory.directReportCount(id) === 0 && directory.user(id)!.department === 'Finance')!;
  const reassigned = ids.find((id) => ![mover, movedInto, leaver].includes(id) && directory.directReportCount(id) === 0 && directory.user(id)!.managerId !== null)!;
  const newManager = ids.find((id) => directory.directReportCount(id) > 0 && id !== directory.user(reassigned)!.managerId)!;

  const hire = directory.hire({ givenName: 'Nora', surname: 'Newhire', department: 'Finance', jobTitle: 'Accountant', officeLocation: directory.user(mover)!.officeLocation, managerId: directory.user(mover)!.managerId });
  directory.update(mover, { department: 'Sales' });
  directory.update(movedInto, { department: 'Finance' });
  directory.update(reassigned, { managerId: newManager });
  directory.remove(leaver);

  const before = await learners();
  const result = await sync();
  assert.equal(result.mode, 'delta');
  assert.equal(result.inserted, 1);
  assert.equal(result.departed, 1);
  const after = await learners();
  assert.equal(after.size, before.size + 1);
  assert.equal(after.get(hire.id)?.department, 'Finance');
  assert.equal(after.get(mover)?.department, 'Sales', 'rectified from the directory');
  assert.equal(after.get(reassigned)?.manager_id, newManager);
  assert.ok(after.get(leaver)?.departed_at, 'deleted from the directory: marked departed with the date');
  for (const [id, row] of after) {
    if ([hire.id, mover, movedInto, reassigned, leaver].includes(id)) continue;
    assert.deepEqual(row, { ...before.get(id), synced_at: row.synced_at }, `nobody else changed (${id})`);
  }

  assert.deepEqual(result.rules, { assigned: 2, unmatched: 2, rematched: 0 }, 'the hire and the newcomer to Finance are assigned; the mover and the leaver are out of scope');
  assert.equal((await myItems(hire.id))[0]?.title, 'Finance Controls');
  assert.equal((await myItems(mover)).length, 1, 'the mover keeps their records');

  const rerun = await sync();
  assert.deepEqual([rerun.mode, rerun.inserted, rerun.changed, rerun.departed, rerun.rules], ['delta', 0, 0, 0, { assigned: 0, unmatched: 0, rematched: 0 }]);
  const full = await sync(true);
  assert.deepEqual([full.mode, full.inserted, full.departed, full.rules], ['full', 0, 0, { assigned: 0, unmatched: 0, rematched: 0 }], 'a full re-run changes nothing either');
  assert.deepEqual(
    [...(await learners()).values()].map((r) => ({ ...r, synced_at: null })),
    [...after.values()].map((r) => ({ ...r, synced_at: null })),
  );
});

test('throttling (429 with Retry-After) and 503 are retried and the sync completes', async () => {
  directory.update(directory.ids()[5], { jobTitle: 'Senior Analyst' });
  graph.standIn.resetStats();
  graph.standIn.throttleNext(1, { status: 429, retryAfterSeconds: 1 });
  graph.standIn.throttleNext(1, { status: 503, retryAfterSeconds: 1 });
  const result = await sync();
  assert.equal(result.changed, 1);
  assert.equal(graph.standIn.stats().throttled, 2);
  assert.equal((await learners()).get(directory.ids()[5])?.job_title, 'Senior Analyst');
});

test('first sign-in fetches the profile and manager from Graph; the line manager then sees the report', async () => {
  const hire = directory.hire({ givenName: 'Sam', surname: 'Signin', department: 'Legal', jobTitle: 'Counsel', officeLocation: null, city: 'Oslo', country: 'Norway', managerId: directory.ids()[0] });
  const me = await t.call('GET', '/api/me', { token: await t.token(tenantId, hire.id) });
  assert.equal(me.status, 200);
  assert.equal(me.body.profile.displayName, hire.displayName);
  assert.equal(me.body.profile.managerId, directory.ids()[0]);
  const team = await t.call('GET', '/api/me/team', { token: await t.token(tenantId, directory.ids()[0]) });
  assert.ok(team.body.some((m: { person: { id: string } }) => m.person.id === hire.id));
});

test('a catalog audience of Entra ID groups is kept in step by the sync', async () => {
  const group = directory.groups().find((g) => g.rule.kind === 'department' && g.rule.department === 'Sales')!;
  const set = await t.call('PUT', `/api/catalogs/${catalogId}/audience`, { token: managerToken, body: { groups: [{ id: group.id, displayName: group.displayName }] } });
  assert.equal(set.status, 200);
  await sync();
  const seller = directory.ids().find((id) => directory.user(id)!.department === 'Sales')!;
  const engineer = directory.ids().find((id) => directory.user(id)!.department === 'Engineering')!;
  const visible = async (userId: string) => ((await t.call('GET', '/api/catalogs', { token: await t.token(tenantId, userId) })).body as Array<{ id: string }>).some((c) => c.id === catalogId);
  assert.equal(await visible(seller), true);
  assert.equal(await visible(engineer), false);
  assert.equal((await t.call('GET', `/api/catalogs/${catalogId}`, { token: await t.token(tenantId, engineer) })).status, 404);

  directory.update(engineer, { department: 'Sales' });
  await sync();
  assert.equal(await visible(engineer), true, 'a new member of the group sees the catalog after the sync');
});
