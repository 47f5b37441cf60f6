import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { person } from '../support/directoryPeople';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Managing assignment rules: preview before saving (reads only), change (applied again), delete (enrolments stay),
// and the paged list of the enrolments a rule made.

let t: TestService;
const tenantId = randomUUID();
const otherTenantId = randomUUID();
let adminToken: string;
let managerToken: string;
let otherManagerToken: string;
let learnerToken: string;
let otherTenantAdmin: string;
let catalogId: string;
let otherCatalogId: string;
let courseId: string;
let secondCourseId: string;
let draftCourseId: string;
let otherCatalogCourseId: string;


const pad = (n: number) => String(n).padStart(3, '0');
// Twelve current people in Sales, spelled as directories do; the departed and restricted ones sort first by name.
const sellers = Array.from({ length: 12 }, (_, i) => person({ displayName: `Seller ${pad(i + 1)}`, department: ['Sales', ' sales ', 'SALES'][i % 3] }));
const departedSeller = person({ displayName: 'Seller 000 (departed)' });
const restrictedSeller = person({ displayName: 'Seller 000 (restricted)' });
const engineer = person({ displayName: 'Engineer', department: 'Engineering' });
// For changing a rule: the city decides who matches.
const mia = person({ displayName: 'Mia Marketing', department: 'Marketing', city: 'Tromsø' });
const mats = person({ displayName: 'Mats Marketing', department: 'Marketing', city: 'Bergen' });
const finn = person({ displayName: 'Finn Finance', department: 'Finance', city: 'Tromsø' });
// More than a page of support staff, a few of them without a display name.
const supportStaff = Array.from({ length: 130 }, (_, i) => person({ displayName: i < 3 ? null : `Support ${pad(i)}`, department: 'Support', city: 'Bergen' }));

const ruleBody = (overrides: Record<string, unknown> = {}) => ({ name: 'Sales: Code of Conduct', courseId, criteria: { department: ['Sales'] }, dueWithinDays: 30, ...overrides });

async function enrolmentsOf(learnerIds: string[]) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.selectFrom('enrolments').select(['id', 'learner_id', 'course_id']).where('learner_id', 'in', learnerIds).orderBy('id').execute(),
  );
}

async function createRule(body: Record<string, unknown>): Promise<string> {
  const created = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: managerToken, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.rule.id;
}

async function allAssignments(ruleId: string): Promise<Array<Record<string, any>>> {
  const all: Array<Record<string, any>> = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    const page = await t.call('GET', `/api/rules/${ruleId}/assignments${query}`, { token: managerToken });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    all.push(...page.body.assignments);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  adminToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
  managerToken = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  otherManagerToken = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  learnerToken = await t.token(tenantId, randomUUID());
  otherTenantAdmin = await t.token(otherTenantId, await t.onboard(otherTenantId), ['Tenant.Admin', 'Catalog.Manage']);

  await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    upsertLearnerIdentities(db, tenantId, [...sellers, departedSeller, restrictedSeller, engineer, mia, mats, finn, ...supportStaff], new Date()),
  );
  catalogId = (await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Compliance' } })).body.id;
  otherCatalogId = (await t.call('POST', '/api/catalogs', { token: otherManagerToken, body: { name: 'Other' } })).body.id;
  courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: managerToken, body: courseBody() })).body.id;
  secondCourseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: managerToken, body: courseBody({ title: 'Data Protection' }) })).body.id;
  draftCourseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: managerToken, body: courseBody({ title: 'Draft', status: 'draft' }) })).body.id;
  otherCatalogCourseId = (await t.call('POST', `/api/catalogs/${otherCatalogId}/courses`, { token: otherManagerToken, body: courseBody({ title: 'Elsewhere' }) })).body.id;
  assert.ok(catalogId && otherCatalogId && courseId && secondCourseId && draftCourseId && otherCatalogCourseId);

  // Already enrolled: one current seller, the seller who then leaves, and someone the rule does not match.
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString();
  const assigned = await t.call('POST', `/api/courses/${courseId}/assignments`, { token: managerToken, body: { learnerIds: [sellers[4].id, departedSeller.id, engineer.id], dueAt: due } });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.updateTable('learners').set({ departed_at: new Date().toISOString() }).where('learner_id', '=', departedSeller.id).execute(),
  );
  const restricted = await t.call('POST', `/api/learners/${restrictedSeller.id}/restriction`, { token: adminToken, body: { reason: 'accuracy contested' } });
  assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
  // Everyone the permission checks use is known before they probe, so a refusal writes nothing.
  for (const token of [learnerToken, otherManagerToken, adminToken]) assert.equal((await t.call('GET', '/api/me', { token })).status, 200);
});
afterAll(() => t.close());

describe('previewing a rule', () => {
  test('counts the current people of the department, those already enrolled, and samples ten by name; it writes nothing', async () => {
    const before = await tenantSnapshot(t, tenantId);
    const preview = await t.call('POST', `/api/catalogs/${catalogId}/rules/preview`, { token: managerToken, body: ruleBody() });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.matching, 12, 'the twelve current sellers, whatever the case and spacing of their department; not the departed or restricted one');
    assert.equal(preview.body.alreadyEnrolled, 1, 'one current seller has the course; the departed seller and the engineer do not count');
    assert.deepEqual(
      preview.body.sample.map((p: { displayName: string }) => p.displayName),
      sellers.slice(0, 10).map((s) => s.displayName),
      'the first ten by display name: the departed and restricted sellers (who sort first) are left out',
    );
    assert.deepEqual(preview.body.sample[0], {
      id: sellers[0].id,
      displayName: sellers[0].displayName,
      department: 'Sales',
      jobTitle: 'Account Executive',
      officeLocation: 'Oslo Office',
      country: 'Norway',
      city: 'Oslo',
    });
    assert.deepEqual(await tenantSnapshot(t, tenantId), before, 'no rule, enrolment or anything else was written');
    assert.deepEqual((await t.call('GET', `/api/catalogs/${catalogId}/rules`, { token: managerToken })).body, []);
  });

  test('every criterion given must match; a tenant admin may preview too', async () => {
    const preview = await t.call('POST', `/api/catalogs/${catalogId}/rules/preview`, {
      token: adminToken,
      body: ruleBody({ criteria: { department: ['marketing', 'FINANCE'], city: [' tromsø '] } }),
    });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(
      { matching: preview.body.matching, alreadyEnrolled: preview.body.alreadyEnrolled, names: preview.body.sample.map((p: { displayName: string }) => p.displayName) },
      { matching: 2, alreadyEnrolled: 0, names: ['Finn Finance', 'Mia Marketing'] },
    );
  });

  test('reads a large directory in batches and still counts everyone', async () => {
    const warehouse = Array.from({ length: 1234 }, (_, i) => person({ displayName: `Picker ${String(i).padStart(4, '0')}`, department: 'Warehouse', city: i % 2 ? 'Oslo' : 'Bergen' }));
    await t.service.tenancy.withTenantDatabase(tenantId, (db) => upsertLearnerIdentities(db, tenantId, warehouse, new Date()));
    const preview = await t.call('POST', `/api/catalogs/${catalogId}/rules/preview`, { token: managerToken, body: ruleBody({ criteria: { department: ['Warehouse'], city: ['Oslo'] } }) });
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.equal(preview.body.matching, 617);
    assert.deepEqual(
      preview.body.sample.map((p: { displayName: string }) => p.displayName),
      warehouse.filter((_, i) => i % 2).slice(0, 10).map((p) => p.displayName),
    );
  });

  test('only managers of the catalog (and tenant admins) preview, for a published course of the catalog', async () => {
    const url = `/api/catalogs/${catalogId}/rules/preview`;
    assert.equal(assertCleanError(await t.call('POST', url, { token: learnerToken, body: ruleBody() }), 403, 'a learner').code, 'forbidden');
    assert.equal(assertCleanError(await t.call('POST', url, { token: otherManagerToken, body: ruleBody() }), 403, 'a manager of another catalog').code, 'forbidden');
    assert.match(assertCleanError(await t.call('POST', url, { token: managerToken, body: ruleBody({ courseId: otherCatalogCourseId }) }), 400, 'course of another catalog').message, /not in this catalog/);
    assert.match(assertCleanError(await t.call('POST', url, { token: managerToken, body: ruleBody({ courseId: draftCourseId }) }), 400, 'draft course').message, /published/);
    assertCleanError(await t.call('POST', `/api/catalogs/${randomUUID()}/rules/preview`, { token: managerToken, body: ruleBody() }), 404, 'unknown catalog');
    assertCleanError(await t.call('POST', `/api/catalogs/${catalogId}/rules/preview`, { token: otherTenantAdmin, body: ruleBody() }), 404, 'another tenant');
  });
});

describe('changing a rule', () => {
  test('applies it again: a new match is assigned, someone who stops matching keeps their enrolment, marked', async () => {
    const ruleId = await createRule(ruleBody({ name: 'Marketing', criteria: { department: ['Marketing'] } }));
    const [miaBefore, matsBefore] = await enrolmentsOf([mia.id, mats.id]).then((rows) => [mia, mats].map((p) => rows.find((r) => r.learner_id === p.id)));
    assert.ok(miaBefore && matsBefore, 'both marketers were assigned');

    const changed = await t.call('PUT', `/api/rules/${ruleId}`, { token: managerToken, body: ruleBody({ name: 'Tromsø', criteria: { city: ['Tromsø'] } }) });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body.rule, { id: ruleId, catalogId, courseId, name: 'Tromsø', criteria: { city: ['Tromsø'] }, dueWithinDays: 30 });
    assert.deepEqual(changed.body.applied, { assigned: 1, unmatched: 1, rematched: 0 }, 'Finn is assigned; Mats (Bergen) is marked');
    assert.deepEqual((await t.call('GET', `/api/catalogs/${catalogId}/rules`, { token: managerToken })).body.find((r: { id: string }) => r.id === ruleId), changed.body.rule);

    const assignments = await allAssignments(ruleId);
    const byName = Object.fromEntries(assignments.map((a) => [a.displayName, a]));
    assert.deepEqual(Object.keys(byName), ['Finn Finance', 'Mats Marketing', 'Mia Marketing']);
    assert.equal(byName['Mia Marketing'].unmatchedAt, null);
    assert.equal(byName['Finn Finance'].unmatchedAt, null);
    assert.ok(byName['Mats Marketing'].unmatchedAt, 'Mats no longer matches: marked');
    assert.equal(byName['Mats Marketing'].enrolmentId, matsBefore.id, 'and keeps the enrolment');
    assert.ok((await enrolmentsOf([mats.id])).some((e) => e.id === matsBefore.id));
  });

  test('moved to another course: the new course is assigned, the enrolments in the old one stay with the people', async () => {
    const ruleId = await createRule(ruleBody({ name: 'Engineering', criteria: { department: ['Engineering'] } }));
    const [first] = await allAssignments(ruleId);
    assert.equal(first.learnerId, engineer.id);

    const moved = await t.call('PUT', `/api/rules/${ruleId}`, { token: managerToken, body: ruleBody({ name: 'Engineering', courseId: secondCourseId, criteria: { department: ['Engineering'] } }) });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.deepEqual(moved.body.applied, { assigned: 1, unmatched: 0, rematched: 0 });
    const [now] = await allAssignments(ruleId);
    const enrolments = await enrolmentsOf([engineer.id]);
    assert.equal(enrolments.find((e) => e.id === now.enrolmentId)?.course_id, secondCourseId);
    assert.ok(enrolments.some((e) => e.id === first.enrolmentId && e.course_id === courseId), 'the enrolment in the old course stays');
  });

  test('the course must be a published course of the rule catalog, and only its managers change it', async () => {
    const ruleId = await createRule(ruleBody({ name: 'Finance', criteria: { department: ['Finance'] } }));
    const url = `/api/rules/${ruleId}`;
    const before = await tenantSnapshot(t, tenantId);
    assert.match(assertCleanError(await t.call('PUT', url, { token: managerToken, body: ruleBody({ courseId: otherCatalogCourseId }) }), 400, 'course of another catalog').message, /not in this catalog/);
    assert.match(assertCleanError(await t.call('PUT', url, { token: managerToken, body: ruleBody({ courseId: draftCourseId }) }), 400, 'draft course').message, /published/);
    assertCleanError(await t.call('PUT', url, { token: learnerToken, body: ruleBody() }), 403, 'a learner');
    assertCleanError(await t.call('PUT', url, { token: otherManagerToken, body: ruleBody() }), 403, 'a manager of another catalog');
    assertCleanError(await t.call('PUT', `/api/rules/${randomUUID()}`, { token: managerToken, body: ruleBody() }), 404, 'unknown rule');
    assert.deepEqual(await tenantSnapshot(t, tenantId), before, 'nothing changed');
    const byAdmin = await t.call('PUT', url, { token: adminToken, body: ruleBody({ name: 'Finance (admin)', criteria: { department: ['Finance'] } }) });
    assert.equal(byAdmin.status, 200, 'a tenant admin may');
  });
});

describe('deleting a rule', () => {
  test('the rule and its record of whom it assigned go; the enrolments stay with the people', async () => {
    const ruleId = await createRule(ruleBody({ name: 'Sales', criteria: { department: ['Sales'] } }));
    const enrolled = await enrolmentsOf(sellers.map((s) => s.id));
    assert.equal(enrolled.length, 12);

    assertCleanError(await t.call('DELETE', `/api/rules/${ruleId}`, { token: learnerToken }), 403, 'a learner');
    assertCleanError(await t.call('DELETE', `/api/rules/${ruleId}`, { token: otherManagerToken }), 403, 'a manager of another catalog');
    const deleted = await t.call('DELETE', `/api/rules/${ruleId}`, { token: managerToken });
    assert.equal(deleted.status, 204, deleted.raw.toString());

    assert.ok(!(await t.call('GET', `/api/catalogs/${catalogId}/rules`, { token: managerToken })).body.some((r: { id: string }) => r.id === ruleId));
    assert.deepEqual(await enrolmentsOf(sellers.map((s) => s.id)), enrolled, 'every enrolment the rule made is still there');
    const leftOver = await t.service.tenancy.withTenantDatabase(tenantId, (db) => db.selectFrom('rule_assignments').select('learner_id').where('rule_id', '=', ruleId).execute());
    assert.deepEqual(leftOver, []);
    assertCleanError(await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: managerToken }), 404, 'the deleted rule');
    assertCleanError(await t.call('DELETE', `/api/rules/${ruleId}`, { token: managerToken }), 404, 'deleted twice');
  });
});

describe("a rule's assignments", () => {
  let ruleId: string;

  beforeAll(async () => {
    ruleId = await createRule(ruleBody({ name: 'Support', criteria: { department: ['Support'] }, dueWithinDays: 7 }));
  });

  test('come 100 a page by display name then learner id, with an opaque cursor; the total counts them all', async () => {
    const first = await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: managerToken });
    assert.equal(first.status, 200);
    assert.equal(first.body.assignments.length, 100);
    assert.equal(first.body.total, 130);
    assert.equal(typeof first.body.nextCursor, 'string');
    const second = await t.call('GET', `/api/rules/${ruleId}/assignments?cursor=${encodeURIComponent(first.body.nextCursor)}`, { token: managerToken });
    assert.equal(second.status, 200);
    assert.equal(second.body.assignments.length, 30);
    assert.equal(second.body.total, 130);
    assert.equal(second.body.nextCursor, null);

    const listed = [...first.body.assignments, ...second.body.assignments];
    const nameless = supportStaff.slice(0, 3).map((p) => p.id).sort();
    const expected = [...nameless, ...supportStaff.slice(3).map((p) => p.id)];
    assert.deepEqual(listed.map((a) => a.learnerId), expected, 'people without a name first (by id), then by name; nobody twice, nobody missed');
    const enrolments = await enrolmentsOf(supportStaff.map((p) => p.id));
    for (const a of listed) {
      assert.equal(enrolments.find((e) => e.learner_id === a.learnerId)?.id, a.enrolmentId);
      assert.equal(a.department, 'Support');
      assert.equal(a.unmatchedAt, null);
      assert.equal(a.status, 'not-started', 'due within 7 days (soon) but not started');
      const dueInDays = (Date.parse(a.dueAt) - Date.parse(a.assignedAt)) / 86_400_000;
      assert.equal(dueInDays, 7);
    }
  });

  test('show where each person stands; restricted people are left out, as in reports', async () => {
    const [started, finished, late] = supportStaff.slice(3, 6).map((p) => p.id);
    const now = new Date().toISOString();
    await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
      const rule = db.selectFrom('rule_assignments').select('enrolment_id').where('rule_id', '=', ruleId);
      await db.updateTable('enrolments').set({ started_at: now }).where('id', 'in', rule.where('learner_id', '=', started)).execute();
      await db.updateTable('enrolments').set({ started_at: now, completed_at: now }).where('id', 'in', rule.where('learner_id', '=', finished)).execute();
      await db.updateTable('enrolments').set({ due_at: new Date(Date.now() - 86_400_000).toISOString() }).where('id', 'in', rule.where('learner_id', '=', late)).execute();
    });
    const restricted = supportStaff[6].id;
    assert.equal((await t.call('POST', `/api/learners/${restricted}/restriction`, { token: adminToken, body: { reason: 'objection' } })).status, 200);

    const page = await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: managerToken });
    assert.equal(page.body.total, 129, 'the restricted person is not counted');
    const status = (id: string) => page.body.assignments.find((a: { learnerId: string }) => a.learnerId === id)?.status;
    assert.deepEqual([status(started), status(finished), status(late)], ['in-progress', 'completed', 'overdue']);
    assert.equal(status(restricted), undefined, 'the restricted person is not listed');
  });

  test('a cursor this list did not give out is a 400; only the rule catalog managers see the list', async () => {
    for (const cursor of ['junk', '', Buffer.from('["only one"]').toString('base64url'), 'x'.repeat(5000)]) {
      assertCleanError(await t.call('GET', `/api/rules/${ruleId}/assignments?cursor=${cursor}`, { token: managerToken }), 400, `cursor ${cursor.slice(0, 20)}`);
    }
    assertCleanError(await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: learnerToken }), 403, 'a learner');
    assertCleanError(await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: otherManagerToken }), 403, 'a manager of another catalog');
    assert.equal((await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: adminToken })).status, 200, 'a tenant admin');
  });

  test("another tenant's admin gets 404 for the rule, whatever they try, and nothing changes", async () => {
    const before = await tenantSnapshot(t, tenantId);
    assertCleanError(await t.call('GET', `/api/rules/${ruleId}/assignments`, { token: otherTenantAdmin }), 404, 'list');
    assertCleanError(await t.call('PUT', `/api/rules/${ruleId}`, { token: otherTenantAdmin, body: ruleBody() }), 404, 'change');
    assertCleanError(await t.call('DELETE', `/api/rules/${ruleId}`, { token: otherTenantAdmin }), 404, 'delete');
    assert.deepEqual(await tenantSnapshot(t, tenantId), before);
  });
});
