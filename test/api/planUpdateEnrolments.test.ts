import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { PLAN_PARTICIPANT_BATCH_SIZE } from '../../src/server/training/plans';

// Editing a plan keeps the people enrolled in it in step: they get the courses it gains, keep the ones it loses,
// and their plan enrolment completes when what is left of the plan is done.

let t: TestService;
const tenantId = randomUUID();
const otherTenantId = randomUUID();
let admin: string;
let manager: string;
let catalogId: string;
let clock = new Date('2026-04-01T09:00:00.000Z');

interface CreatedCourse {
  id: string;
  lessons: Array<{ id: string }>;
}
interface Person {
  id: string;
  token: string;
  planEnrolmentId: string;
}

beforeAll(async () => {
  t = await startTestService({ clock: () => clock });
  admin = await t.token(tenantId, await t.onboard(tenantId), ['Tenant.Admin']);
  await t.onboard(otherTenantId);
  manager = await t.token(tenantId, randomUUID(), ['Catalog.Manage']);
  catalogId = (await t.call('POST', '/api/catalogs', { token: manager, body: { name: 'Onboarding' } })).body.id;
});
afterAll(() => t.close());

async function course(title: string, status: 'draft' | 'published' = 'published'): Promise<CreatedCourse> {
  const response = await t.call('POST', `/api/catalogs/${catalogId}/courses`, {
    token: manager,
    body: courseBody({ title, status, sequentialLessons: false, quiz: null, lessons: [{ title: `${title}: the lesson`, materialUrl: 'https://contoso.example/lesson' }] }),
  });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

async function createPlan(courses: CreatedCourse[]): Promise<string> {
  const response = await t.call('POST', `/api/catalogs/${catalogId}/plans`, { token: manager, body: { title: 'Plan', courseIds: courses.map((c) => c.id), status: 'published' } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.id;
}

async function updatePlan(planId: string, courses: CreatedCourse[], status: 'draft' | 'published' = 'published') {
  const body = { title: 'Plan', summary: '', courseIds: courses.map((c) => c.id), status };
  const response = await t.call('PUT', `/api/plans/${planId}`, { token: manager, body });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.deepEqual(response.body, { id: planId, catalogId, ...body }, 'the answer is the plan as saved');
}

async function enrolInPlan(planId: string): Promise<Person> {
  const id = randomUUID();
  const token = await t.token(tenantId, id);
  const response = await t.call('POST', `/api/plans/${planId}/enrolments`, { token });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return { id, token, planEnrolmentId: response.body.planEnrolmentId };
}

async function complete(person: Person, c: CreatedCourse): Promise<void> {
  const enrolment = await enrolmentOf(person, c);
  assert.ok(enrolment, 'enrolled in the course');
  const response = await t.call('POST', `/api/enrolments/${enrolment.id}/progress`, { token: person.token, body: { type: 'lesson-completed', lessonId: c.lessons[0].id } });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  assert.ok(response.body.enrolment.completedAt, 'the course is complete');
}

function enrolmentOf(person: Person, c: CreatedCourse) {
  return t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.selectFrom('enrolments').selectAll().where('tenant_id', '=', tenantId).where('learner_id', '=', person.id).where('course_id', '=', c.id).executeTakeFirst(),
  );
}

function planCompletedAt(person: Person) {
  return t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    const row = await db.selectFrom('plan_enrolments').select('completed_at').where('id', '=', person.planEnrolmentId).executeTakeFirstOrThrow();
    return row.completed_at;
  });
}

describe('editing a training plan keeps its enrolled people in step', () => {
  const people = {} as Record<'ann' | 'bob' | 'dora' | 'rex' | 'cleo', Person>;
  let a: CreatedCourse;
  let b: CreatedCourse;
  let c: CreatedCourse;
  let planId: string;
  let otherTenantBefore: Awaited<ReturnType<typeof tenantSnapshot>>;

  beforeAll(async () => {
    // The other tenant has a plan and a participant of its own; nothing done here may touch them.
    const otherManager = await t.token(otherTenantId, randomUUID(), ['Catalog.Manage']);
    const otherCatalog = (await t.call('POST', '/api/catalogs', { token: otherManager, body: { name: 'Theirs' } })).body.id;
    const otherCourse = (await t.call('POST', `/api/catalogs/${otherCatalog}/courses`, { token: otherManager, body: courseBody({ title: 'Theirs' }) })).body.id;
    const otherPlan = (await t.call('POST', `/api/catalogs/${otherCatalog}/plans`, { token: otherManager, body: { title: 'Theirs', courseIds: [otherCourse], status: 'published' } })).body.id;
    assert.equal((await t.call('POST', `/api/plans/${otherPlan}/enrolments`, { token: await t.token(otherTenantId, randomUUID()) })).status, 201);
    otherTenantBefore = await tenantSnapshot(t, otherTenantId);

    [a, b, c] = [await course('Course A'), await course('Course B'), await course('Course C')];
    planId = await createPlan([a, c]);
    people.ann = await enrolInPlan(planId);
    people.bob = await enrolInPlan(planId);
    people.dora = await enrolInPlan(planId);
    people.rex = await enrolInPlan(planId);
    people.cleo = await enrolInPlan(planId);
    await complete(people.ann, a);
    await complete(people.cleo, a);
    await complete(people.cleo, c);
    assert.ok(await planCompletedAt(people.cleo), 'Cleo has done the whole plan');
    // Dora has left the company; Rex's processing is restricted.
    await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
      db.updateTable('learners').set({ departed_at: '2026-03-31T00:00:00.000Z' }).where('tenant_id', '=', tenantId).where('learner_id', '=', people.dora.id).execute(),
    );
    const restriction = await t.call('POST', `/api/learners/${people.rex.id}/restriction`, { token: admin, body: { reason: 'accuracy contested' } });
    assert.equal(restriction.status, 200, JSON.stringify(restriction.body));
  });

  test('a course added to the plan is enrolled in by its open participants, as enrolling in the plan would', async () => {
    clock = new Date('2026-04-02T09:00:00.000Z');
    await updatePlan(planId, [a, c, b]);
    for (const person of [people.ann, people.bob]) {
      const enrolment = await enrolmentOf(person, b);
      assert.ok(enrolment, 'enrolled in the added course');
      assert.equal(enrolment.plan_enrolment_id, person.planEnrolmentId, 'as part of the plan');
      // A plan one enrols in oneself has no due date, nor do the courses it brings.
      assert.deepEqual([enrolment.source, enrolment.due_at, enrolment.assigned_by, enrolment.enrolled_at], ['self', null, null, '2026-04-02T09:00:00.000Z']);
      assert.equal(await planCompletedAt(person), null, 'a new course to do: the plan is not complete');
    }
    const mine = await t.call('GET', '/api/me/training', { token: people.bob.token });
    assert.ok(mine.body.items.some((i: { courseId: string }) => i.courseId === b.id), "it is on Bob's list");
  });

  test('a departed, a restricted and a done participant are not enrolled in it', async () => {
    for (const [who, person] of [['departed', people.dora], ['restricted', people.rex], ['done with the plan', people.cleo]] as const) {
      assert.equal(await enrolmentOf(person, b), undefined, who);
    }
  });

  test('a course taken out of the plan keeps its enrolments', async () => {
    const before = await enrolmentOf(people.bob, b);
    await updatePlan(planId, [a, c]);
    assert.deepEqual(await enrolmentOf(people.bob, b), before);
    assert.ok(await enrolmentOf(people.ann, b));
  });

  test('taking out the only course someone has left completes their plan enrolment; the others stay open', async () => {
    clock = new Date('2026-04-03T12:00:00.000Z');
    await updatePlan(planId, [a]);
    assert.equal(await planCompletedAt(people.ann), '2026-04-03T12:00:00.000Z', 'Ann has completed every course left in the plan');
    assert.equal(await planCompletedAt(people.bob), null, 'Bob has not');
  });

  test('courses added while the plan is a draft reach its participants when it is published', async () => {
    const draft = await course('Course D (draft)', 'draft');
    const e = await course('Course E');
    await updatePlan(planId, [a, draft], 'draft');
    assert.equal(await enrolmentOf(people.bob, draft), undefined, 'no one is enrolled in a draft');
    await updatePlan(planId, [a, e], 'draft');
    assert.equal(await enrolmentOf(people.bob, e), undefined, 'nor in the courses of a draft plan');

    await updatePlan(planId, [a, e], 'published');
    assert.equal((await enrolmentOf(people.bob, e))?.plan_enrolment_id, people.bob.planEnrolmentId);
    assert.equal(await enrolmentOf(people.ann, e), undefined, "Ann's plan is complete: nothing is added to it");
  });

  test('the other tenant is untouched', async () => {
    assert.deepEqual(await tenantSnapshot(t, otherTenantId), otherTenantBefore);
  });
});

test(`a plan with more participants than a batch (${PLAN_PARTICIPANT_BATCH_SIZE}) enrols every one of them in an added course`, async () => {
  const [first, added] = [await course('Crowd A'), await course('Crowd B')];
  const planId = await createPlan([first]);
  const count = PLAN_PARTICIPANT_BATCH_SIZE * 2 + 1;
  const learnerIds = Array.from({ length: count }, () => randomUUID());
  const at = clock.toISOString();
  await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    for (let i = 0; i < count; i += 250) {
      const ids = learnerIds.slice(i, i + 250);
      await db.insertInto('learners').values(ids.map((id) => ({ tenant_id: tenantId, learner_id: id, departed_at: null, synced_at: null, created_at: at }))).execute();
      await db
        .insertInto('plan_enrolments')
        .values(ids.map((id) => ({ id: randomUUID(), tenant_id: tenantId, learner_id: id, plan_id: planId, source: 'self', due_at: null, enrolled_at: at, completed_at: null })))
        .execute();
    }
  });

  await updatePlan(planId, [first, added]);
  const enrolled = await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.selectFrom('enrolments').select('learner_id').where('tenant_id', '=', tenantId).where('course_id', '=', added.id).where('plan_enrolment_id', 'is not', null).execute(),
  );
  assert.deepEqual(enrolled.map((e) => e.learner_id).sort(), [...learnerIds].sort());
}, 60_000);
