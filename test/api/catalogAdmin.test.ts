import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Running catalogs after they are made: changing a catalog, seeing and removing its managers, changing a plan.
// One tenant: an admin, two training managers with a catalog each, two more people appointed later, a learner.

let t: TestService;
const tenantId = randomUUID();
const ids = { managerOne: randomUUID(), managerTwo: randomUUID(), ann: randomUUID(), zoe: randomUUID(), learner: randomUUID() };
const tokens = {} as Record<'admin' | keyof typeof ids, string>;
let catalogOne: string;
let catalogTwo: string;

type Response = { status: number; body: any; raw: Buffer };

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  tokens.admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
  tokens.managerOne = await t.token(tenantId, ids.managerOne, ['Catalog.Manage']);
  tokens.managerTwo = await t.token(tenantId, ids.managerTwo, ['Catalog.Manage']);
  tokens.ann = await t.token(tenantId, ids.ann, ['Catalog.Manage']);
  tokens.zoe = await t.token(tenantId, ids.zoe, ['Catalog.Manage']);
  tokens.learner = await t.token(tenantId, ids.learner);
  for (const token of Object.values(tokens)) assert.equal((await t.call('GET', '/api/me', { token })).status, 200);
  // No directory in the test service: the profiles the directory sync would bring are set directly.
  const profiles: Array<[string, string, string]> = [
    [ids.managerOne, 'Mia Miller', 'Training'],
    [ids.ann, 'Ann Archer', 'Finance'],
    [ids.zoe, 'Zoë Zeller', 'Sales'],
  ];
  await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    for (const [learnerId, displayName, department] of profiles) {
      await db
        .updateTable('learners')
        .set({ display_name: displayName, mail: `${displayName.split(' ')[0].toLowerCase()}@contoso.example`, department })
        .where('tenant_id', '=', tenantId)
        .where('learner_id', '=', learnerId)
        .execute();
    }
  });

  catalogOne = (await t.call('POST', '/api/catalogs', { token: tokens.managerOne, body: { name: 'Catalog one' } })).body.id;
  catalogTwo = (await t.call('POST', '/api/catalogs', { token: tokens.managerTwo, body: { name: 'Catalog two' } })).body.id;
  assert.ok(catalogOne && catalogTwo);
});
afterAll(() => t.close());

/** The request is refused with this status and code, and the tenant's database is as it was. */
async function refusedAndUnchanged(send: () => Promise<Response>, status: number, code: string, context: string): Promise<string> {
  const before = await tenantSnapshot(t, tenantId);
  const error = assertCleanError(await send(), status, context);
  assert.equal(error.code, code, context);
  assert.deepEqual(await tenantSnapshot(t, tenantId), before, `${context}: nothing changed`);
  return error.message;
}

async function managerIds(catalogId: string): Promise<string[]> {
  const response = await t.call('GET', `/api/catalogs/${catalogId}/managers`, { token: tokens.admin });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.managers.map((m: { id: string }) => m.id);
}

async function appoint(catalogId: string, learnerId: string): Promise<void> {
  const response = await t.call('POST', `/api/catalogs/${catalogId}/managers`, { token: tokens.admin, body: { learnerId } });
  assert.equal(response.status, 204, JSON.stringify(response.body));
}

describe('changing a catalog', () => {
  const change = { name: 'Compliance', description: 'What everyone must know.', siteUrl: 'https://contoso.sharepoint.com/sites/compliance' };

  test("its manager changes name, description and site; everyone's GET shows it", async () => {
    const response = await t.call('PUT', `/api/catalogs/${catalogOne}`, { token: tokens.managerOne, body: change });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual({ name: response.body.name, description: response.body.description, siteUrl: response.body.siteUrl }, change);
    assert.equal(response.body.canManage, true);

    for (const token of [tokens.managerOne, tokens.learner]) {
      const read = await t.call('GET', `/api/catalogs/${catalogOne}`, { token });
      assert.equal(read.status, 200);
      assert.deepEqual({ name: read.body.name, description: read.body.description, siteUrl: read.body.siteUrl }, change);
      assert.equal(read.body.createdAt, response.body.createdAt);
    }
  });

  test('a tenant admin changes any catalog; leaving out description and site clears them', async () => {
    const response = await t.call('PUT', `/api/catalogs/${catalogTwo}`, { token: tokens.admin, body: { name: 'Leadership' } });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const read = await t.call('GET', `/api/catalogs/${catalogTwo}`, { token: tokens.managerTwo });
    assert.deepEqual({ name: read.body.name, description: read.body.description, siteUrl: read.body.siteUrl }, { name: 'Leadership', description: '', siteUrl: null });
  });

  test('a site URL that is not https, or not a URL, is refused and changes nothing', async () => {
    for (const siteUrl of ['http://contoso.sharepoint.com/sites/compliance', 'contoso.sharepoint.com', 'ftp://contoso.example/compliance']) {
      const message = await refusedAndUnchanged(
        () => t.call('PUT', `/api/catalogs/${catalogOne}`, { token: tokens.managerOne, body: { ...change, name: 'Renamed', siteUrl } }),
        400,
        'invalid_request',
        `siteUrl ${siteUrl}`,
      );
      assert.match(message, /siteUrl/);
    }
    assert.equal((await t.call('GET', `/api/catalogs/${catalogOne}`, { token: tokens.learner })).body.name, 'Compliance');
  });

  test('a learner, and the manager of another catalog, get 403 and change nothing; an unknown catalog is 404', async () => {
    for (const [who, token] of [
      ['learner', tokens.learner],
      ['manager of another catalog', tokens.managerTwo],
    ]) {
      await refusedAndUnchanged(() => t.call('PUT', `/api/catalogs/${catalogOne}`, { token, body: { ...change, name: `Taken by ${who}` } }), 403, 'forbidden', who);
    }
    await refusedAndUnchanged(() => t.call('PUT', `/api/catalogs/${randomUUID()}`, { token: tokens.admin, body: change }), 404, 'not_found', 'unknown catalog');
  });
});

describe("a catalog's managers", () => {
  test('after appointing two, the list holds them and the creator, by display name, with mail and department', async () => {
    await appoint(catalogOne, ids.zoe);
    await appoint(catalogOne, ids.ann);
    const response = await t.call('GET', `/api/catalogs/${catalogOne}/managers`, { token: tokens.managerOne });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body.managers, [
      { id: ids.ann, displayName: 'Ann Archer', mail: 'ann@contoso.example', department: 'Finance' },
      { id: ids.managerOne, displayName: 'Mia Miller', mail: 'mia@contoso.example', department: 'Training' },
      { id: ids.zoe, displayName: 'Zoë Zeller', mail: 'zoë@contoso.example', department: 'Sales' },
    ]);
    assert.deepEqual(await managerIds(catalogTwo), [ids.managerTwo], "the other catalog's list is its own");
  });

  test('a learner and the manager of another catalog may not read the list', async () => {
    await refusedAndUnchanged(() => t.call('GET', `/api/catalogs/${catalogOne}/managers`, { token: tokens.learner }), 403, 'forbidden', 'learner');
    await refusedAndUnchanged(() => t.call('GET', `/api/catalogs/${catalogOne}/managers`, { token: tokens.managerTwo }), 403, 'forbidden', 'manager of another catalog');
  });

  test('a departed or restricted manager is still listed: they hold the role until removed', async () => {
    await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
      db.updateTable('learners').set({ departed_at: '2026-01-31T00:00:00.000Z' }).where('tenant_id', '=', tenantId).where('learner_id', '=', ids.zoe).execute(),
    );
    const restricted = await t.call('POST', `/api/learners/${ids.ann}/restriction`, { token: tokens.admin, body: { reason: 'accuracy contested' } });
    assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
    assert.deepEqual(await managerIds(catalogOne), [ids.ann, ids.managerOne, ids.zoe]);
  });

  test('a removed manager is gone from the list and can no longer manage the catalog', async () => {
    assert.equal((await t.call('GET', `/api/catalogs/${catalogOne}/rules`, { token: tokens.ann })).status, 200, 'a manager reads the rules');

    const removed = await t.call('DELETE', `/api/catalogs/${catalogOne}/managers/${ids.ann}`, { token: tokens.admin });
    assert.equal(removed.status, 204, JSON.stringify(removed.body));
    assert.deepEqual(await managerIds(catalogOne), [ids.managerOne, ids.zoe]);

    const rules = await t.call('GET', `/api/catalogs/${catalogOne}/rules`, { token: tokens.ann });
    assert.equal(assertCleanError(rules, 403, 'rules after removal').code, 'forbidden');
    assert.equal((await t.call('GET', `/api/catalogs/${catalogOne}`, { token: tokens.ann })).body.canManage, false);
    await refusedAndUnchanged(() => t.call('PUT', `/api/catalogs/${catalogOne}`, { token: tokens.ann, body: { name: 'Still mine?' } }), 403, 'forbidden', 'removed manager');
  });

  test('removing someone who does not manage the catalog is 404 and changes nothing', async () => {
    for (const [who, learnerId] of [
      ['a learner', ids.learner],
      ['the removed manager, again', ids.ann],
      ['the manager of another catalog', ids.managerTwo],
      ['nobody Atrium knows', randomUUID()],
    ]) {
      const message = await refusedAndUnchanged(() => t.call('DELETE', `/api/catalogs/${catalogOne}/managers/${learnerId}`, { token: tokens.admin }), 404, 'not_found', who);
      assert.match(message, /not a manager of this catalog/, who);
    }
    await refusedAndUnchanged(() => t.call('DELETE', `/api/catalogs/${randomUUID()}/managers/${ids.zoe}`, { token: tokens.admin }), 404, 'not_found', 'unknown catalog');
  });

  test('only a tenant admin removes managers: a catalog manager, even of that catalog, gets 403', async () => {
    await refusedAndUnchanged(() => t.call('DELETE', `/api/catalogs/${catalogOne}/managers/${ids.zoe}`, { token: tokens.managerOne }), 403, 'forbidden', 'its manager');
    await refusedAndUnchanged(() => t.call('DELETE', `/api/catalogs/${catalogOne}/managers/${ids.managerOne}`, { token: tokens.managerOne }), 403, 'forbidden', 'its manager, themselves');
    await refusedAndUnchanged(() => t.call('DELETE', `/api/catalogs/${catalogOne}/managers/${ids.zoe}`, { token: tokens.learner }), 403, 'forbidden', 'a learner');
    assert.deepEqual(await managerIds(catalogOne), [ids.managerOne, ids.zoe]);
  });

  test('the last manager may go: tenant admins still manage the catalog', async () => {
    const removed = await t.call('DELETE', `/api/catalogs/${catalogTwo}/managers/${ids.managerTwo}`, { token: tokens.admin });
    assert.equal(removed.status, 204, JSON.stringify(removed.body));
    assert.deepEqual(await managerIds(catalogTwo), []);
    assert.equal((await t.call('GET', `/api/catalogs/${catalogTwo}/rules`, { token: tokens.managerTwo })).status, 403);
    assert.equal((await t.call('GET', `/api/catalogs/${catalogTwo}/rules`, { token: tokens.admin })).status, 200);
    assert.equal((await t.call('PUT', `/api/catalogs/${catalogTwo}`, { token: tokens.admin, body: { name: 'Leadership' } })).status, 200);
    await appoint(catalogTwo, ids.managerTwo);
    assert.deepEqual(await managerIds(catalogTwo), [ids.managerTwo]);
  });
});

describe('changing a training plan', () => {
  const courses = {} as Record<'a' | 'b' | 'c' | 'draft' | 'elsewhere', string>;
  let planId: string;
  let planEnrolmentId: string;
  let enrolmentIds: string[];

  async function course(title: string, catalogId: string, token: string, status = 'published'): Promise<string> {
    const body = courseBody({ title, status, quiz: null, sequentialLessons: false, lessons: [{ title: `${title}: the lesson`, materialUrl: 'https://contoso.example/lesson' }] });
    const response = await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token, body });
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body.id;
  }

  async function plansOf(catalogId: string, token = tokens.managerOne): Promise<Array<{ id: string; title: string; summary: string; status: string; courseIds: string[] }>> {
    const response = await t.call('GET', `/api/catalogs/${catalogId}/plans`, { token });
    assert.equal(response.status, 200);
    return response.body;
  }

  beforeAll(async () => {
    courses.a = await course('Course A', catalogOne, tokens.managerOne);
    courses.b = await course('Course B', catalogOne, tokens.managerOne);
    courses.c = await course('Course C', catalogOne, tokens.managerOne);
    courses.draft = await course('Draft course', catalogOne, tokens.managerOne, 'draft');
    courses.elsewhere = await course('Course elsewhere', catalogTwo, tokens.managerTwo);
    const plan = await t.call('POST', `/api/catalogs/${catalogOne}/plans`, {
      token: tokens.managerOne,
      body: { title: 'Onboarding', summary: 'Your first weeks.', courseIds: [courses.a, courses.b], status: 'published' },
    });
    assert.equal(plan.status, 201, JSON.stringify(plan.body));
    planId = plan.body.id;
    const enrol = await t.call('POST', `/api/plans/${planId}/enrolments`, { token: tokens.learner });
    assert.equal(enrol.status, 201, JSON.stringify(enrol.body));
    planEnrolmentId = enrol.body.planEnrolmentId;
    enrolmentIds = enrol.body.enrolmentIds;
  });

  test('its manager changes title, summary and the courses in order; the list shows it', async () => {
    const body = { title: 'Onboarding 2026', summary: 'Your first month.', courseIds: [courses.c, courses.a], status: 'published' };
    const response = await t.call('PUT', `/api/plans/${planId}`, { token: tokens.managerOne, body });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body, { id: planId, catalogId: catalogOne, ...body });
    for (const token of [tokens.managerOne, tokens.learner]) {
      assert.deepEqual((await plansOf(catalogOne, token)).find((p) => p.id === planId), { id: planId, catalogId: catalogOne, ...body });
    }
  });

  test('the enrolled learner keeps their plan enrolment and the course taken out of the plan, with its records, and is enrolled in the added one', async () => {
    const rows = await t.service.tenancy.withTenantDatabase(tenantId, async (db) => ({
      plan: await db.selectFrom('plan_enrolments').select(['id', 'plan_id']).where('id', '=', planEnrolmentId).execute(),
      courses: await db.selectFrom('enrolments').select(['id', 'course_id', 'plan_enrolment_id']).where('learner_id', '=', ids.learner).orderBy('id').execute(),
    }));
    assert.deepEqual(rows.plan, [{ id: planEnrolmentId, plan_id: planId }]);
    const added = rows.courses.filter((r) => !enrolmentIds.includes(r.id));
    assert.deepEqual(rows.courses.map((r) => r.id).filter((id) => enrolmentIds.includes(id)).sort(), [...enrolmentIds].sort(), 'no enrolment is removed');
    assert.deepEqual(added.map((r) => [r.course_id, r.plan_enrolment_id]), [[courses.c, planEnrolmentId]], 'the added course is enrolled in, under the plan enrolment');
    const mine = await t.call('GET', '/api/me/training', { token: tokens.learner });
    assert.deepEqual(mine.body.items.map((i: { courseId: string }) => i.courseId).sort(), [courses.a, courses.b, courses.c].sort());

    const again = await t.call('POST', `/api/plans/${planId}/enrolments`, { token: tokens.learner });
    assert.equal(again.body.planEnrolmentId, planEnrolmentId, 'enrolling again changes nothing: same plan enrolment');
    assert.deepEqual([...again.body.enrolmentIds].sort(), [added[0].id, enrolmentIds[0]].sort(), "and the enrolments in the plan's courses");
  });

  test('a course of another catalog, an unknown course, or a draft in a published plan is refused like at creation, and changes nothing', async () => {
    const valid = { title: 'Changed', summary: '', courseIds: [courses.a], status: 'published' };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['a course of another catalog', { ...valid, courseIds: [courses.a, courses.elsewhere] }, new RegExp(courses.elsewhere)],
      ['an unknown course', { ...valid, courseIds: [randomUUID()] }, /not in this catalog/],
      ['a draft course in a published plan', { ...valid, courseIds: [courses.a, courses.draft] }, /published/],
    ];
    for (const [what, body, mentions] of cases) {
      const created = await t.call('POST', `/api/catalogs/${catalogOne}/plans`, { token: tokens.managerOne, body });
      const updated = await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${planId}`, { token: tokens.managerOne, body }), created.status, created.body.error.code, what);
      assert.equal(created.status, 400, `${what}: creating is refused too`);
      assert.match(updated, mentions, what);
    }
    assert.equal((await plansOf(catalogOne)).find((p) => p.id === planId)?.title, 'Onboarding 2026');
  });

  test('a draft plan may hold draft courses', async () => {
    const response = await t.call('PUT', `/api/plans/${planId}`, { token: tokens.admin, body: { title: 'Onboarding (revising)', courseIds: [courses.draft, courses.c], status: 'draft' } });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body.courseIds, [courses.draft, courses.c]);
    assert.equal(response.body.summary, '');
    assert.equal((await plansOf(catalogOne, tokens.learner)).find((p) => p.id === planId), undefined, 'learners no longer see it');
  });

  test('a learner, and the manager of another catalog, may not change it (404 while it is a draft); an unknown plan is 404', async () => {
    const body = { title: 'Hijacked', courseIds: [courses.a], status: 'published' };
    // The plan is a draft now: to anyone who does not manage its catalog it does not exist.
    await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${planId}`, { token: tokens.learner, body }), 404, 'not_found', 'learner, draft plan');
    await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${planId}`, { token: tokens.managerTwo, body }), 404, 'not_found', 'manager of another catalog, draft plan');
    const published = await t.call('POST', `/api/catalogs/${catalogOne}/plans`, { token: tokens.managerOne, body: { title: 'Published', courseIds: [courses.a], status: 'published' } });
    assert.equal(published.status, 201);
    await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${published.body.id}`, { token: tokens.learner, body }), 403, 'forbidden', 'learner, published plan');
    await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${published.body.id}`, { token: tokens.managerTwo, body }), 403, 'forbidden', 'manager of another catalog, published plan');
    await refusedAndUnchanged(() => t.call('PUT', `/api/plans/${randomUUID()}`, { token: tokens.admin, body }), 404, 'not_found', 'unknown plan');
  });
});
