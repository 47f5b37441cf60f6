import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { registeredTables } from '../../src/server/privacy/personalDataRegistry';
import assert from '../support/assert';
import { assertCleanError } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';
import { person, writeDirectory } from '../support/directoryPeople';
import { auditEvents } from './dataRightsFixture';

// The export is driven by the personal-data registry: every registered table with rows about a person is
// filled for one learner here, and every one of those rows must come back in the JSON and in the zip.

let t: TestService;
const tenantId = randomUUID();
const learner = person({ displayName: '=cmd|calc', department: 'Sales' });
const colleague = person({ displayName: 'Colleague' });
let admin: string;
let learnerToken: string;
let colleagueToken: string;

/** Tables the registry exports rows of, with the column naming the person and the exported columns. */
const exportedTables = registeredTables().flatMap(({ table, registration }) =>
  registration.subject && registration.export.kind === 'rows' ? [{ table, subject: registration.subject, kind: registration.kind ?? table, columns: registration.export.columns }] : [],
);

async function rowsAbout(learnerId: string): Promise<Record<string, Array<Record<string, unknown>>>> {
  return t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    const any = db as unknown as Kysely<any>;
    const result: Record<string, Array<Record<string, unknown>>> = {};
    for (const e of exportedTables) {
      result[e.table] = await any.selectFrom(e.table).select([...e.columns]).where('tenant_id', '=', tenantId).where(e.subject, '=', learnerId).execute();
    }
    return result;
  });
}

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']);
  await writeDirectory(t, tenantId, [learner, colleague]);
  learnerToken = await t.token(tenantId, learner.id, ['Catalog.Manage']);
  colleagueToken = await t.token(tenantId, colleague.id);

  // A training journey through the API: catalog manager, rule assignment, plan, lessons, quiz, certificate.
  const catalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Compliance' } })).body.id;
  assert.equal((await t.call('POST', `/api/catalogs/${catalogId}/managers`, { token: admin, body: { learnerId: learner.id } })).status, 204);
  const course = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody({ quiz: null, sequentialLessons: false }) })).body;
  const quizCourse = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody({ title: 'With a quiz', sequentialLessons: false }) })).body;
  const planned = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: admin, body: courseBody({ title: 'Planned', quiz: null }) })).body;
  const rule = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: admin, body: { name: 'Sales', courseId: course.id, criteria: { department: ['Sales'] }, dueWithinDays: 30 } });
  assert.equal(rule.status, 201, JSON.stringify(rule.body));
  const plan = (await t.call('POST', `/api/catalogs/${catalogId}/plans`, { token: admin, body: { title: 'Plan', courseIds: [planned.id], status: 'published' } })).body;
  assert.equal((await t.call('POST', `/api/plans/${plan.id}/enrolments`, { token: learnerToken })).status, 201);
  const training = (await t.call('GET', '/api/me/training', { token: learnerToken })).body.items as Array<{ enrolmentId: string; courseId: string }>;
  const ruleEnrolment = training.find((i) => i.courseId === course.id)!;
  for (const lesson of course.lessons) {
    const done = await t.call('POST', `/api/enrolments/${ruleEnrolment.enrolmentId}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: lesson.id } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
  }
  const quizEnrolment = (await t.call('POST', `/api/courses/${quizCourse.id}/enrolments`, { token: learnerToken })).body;
  const attempt = await t.call('POST', `/api/enrolments/${quizEnrolment.id}/progress`, { token: learnerToken, body: { type: 'quiz-attempt', answers: [0, false, [1]] } });
  assert.equal(attempt.status, 200, JSON.stringify(attempt.body));

  // The rights themselves: a notice accepted, an erasure request, a restriction.
  const notice = await t.call('PUT', '/api/tenant/privacy-notice', { token: admin, body: { text: 'We keep your training records.' } });
  assert.equal((await t.call('POST', '/api/me/privacy-notice/acceptance', { token: learnerToken, body: { version: notice.body.version } })).status, 200);
  assert.equal((await t.call('POST', '/api/me/erasure-request', { token: learnerToken, body: { note: '+SUM(A1)' } })).status, 201);
  assert.equal((await t.call('POST', `/api/learners/${learner.id}/restriction`, { token: admin, body: { reason: 'contested' } })).status, 200);

  // What only the directory sync writes: an audience group membership.
  await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
    db.insertInto('group_members').values({ tenant_id: tenantId, learner_id: learner.id, group_id: randomUUID(), synced_at: new Date().toISOString() }).execute(),
  );
  // The colleague has records too, which must not show in the learner's export.
  assert.equal((await t.call('POST', `/api/courses/${quizCourse.id}/enrolments`, { token: colleagueToken })).status, 201);
});
afterAll(() => t.close());

describe('export of everything about a person', () => {
  test('the fixture fills every table the registry exports (so the checks below cover them all)', async () => {
    const rows = await rowsAbout(learner.id);
    const empty = Object.entries(rows).filter(([, r]) => r.length === 0).map(([table]) => table);
    assert.deepEqual(empty, [], 'every exported table has rows about the learner');
  });

  test('GET /api/me/data has every row of every kind, says what each kind is and why it is kept, and nothing of others', async () => {
    const response = await t.call('GET', '/api/me/data', { token: learnerToken });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const data = response.body;
    assert.equal(data.learnerId, learner.id);
    const rows = await rowsAbout(learner.id);
    for (const e of exportedTables) {
      const kind = data.kinds.find((k: { kind: string }) => k.kind === e.kind);
      assert.ok(kind, `kind ${e.kind} (${e.table}) is in the export`);
      assert.ok(kind.purpose.length > 0 && kind.description.length > 0, `${e.kind} says what it is and why`);
      assert.equal(kind.rows.length, rows[e.table].length, `${e.table}: every row`);
      for (const row of rows[e.table]) assert.ok(kind.rows.some((r: unknown) => JSON.stringify(r) === JSON.stringify(row)), `${e.table} row ${JSON.stringify(row)}`);
    }
    assert.equal(data.totalRecords, Object.values(rows).reduce((n, r) => n + r.length, 0));
    assert.ok(!JSON.stringify(data).includes(colleague.id), "the colleague's records are not in it");
  });

  test('GET /api/me/data.zip: README, export.json, and a JSON and formula-safe CSV per kind', async () => {
    const response = await t.call('GET', '/api/me/data.zip', { token: learnerToken });
    assert.equal(response.status, 200);
    assert.match(String(response.headers['content-type']), /application\/zip/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="atrium-data-/);
    const zip = await JSZip.loadAsync(response.raw);
    const names = Object.keys(zip.files).sort();
    const expected = ['README.txt', 'export.json', ...exportedTables.flatMap((e) => [`${e.kind}.json`, `${e.kind}.csv`])].sort();
    assert.deepEqual(names, expected);
    const full = JSON.parse(await zip.file('export.json')!.async('string'));
    const rows = await rowsAbout(learner.id);
    for (const e of exportedTables) {
      const json = JSON.parse(await zip.file(`${e.kind}.json`)!.async('string'));
      assert.equal(json.rows.length, rows[e.table].length, `${e.kind}.json`);
      const csv = (await zip.file(`${e.kind}.csv`)!.async('string')).replace(/^\ufeff/, '');
      const lines = csv.split('\r\n').filter(Boolean);
      assert.equal(lines[0], e.columns.join(','), `${e.kind}.csv header`);
      assert.equal(lines.length - 1, rows[e.table].length, `${e.kind}.csv has a line per row`);
    }
    assert.equal(full.totalRecords, Object.values(rows).reduce((n, r) => n + r.length, 0));
    const profile = await zip.file('profile.csv')!.async('string');
    assert.ok(profile.includes(`'=cmd|calc`), 'a display name starting with = is neutralised');
    assert.ok(!/(^|,)=cmd/m.test(profile), 'no cell starts with =');
    const requests = await zip.file('erasureRequests.csv')!.async('string');
    assert.ok(requests.includes(`'+SUM(A1)`), 'a note starting with + is neutralised');
  });

  test("a tenant admin downloads a person's data (audited, by keyed hash only); nobody else can", async () => {
    const asAdmin = await t.call('GET', `/api/learners/${learner.id}/data.zip`, { token: admin });
    assert.equal(asAdmin.status, 200);
    const zip = await JSZip.loadAsync(asAdmin.raw);
    assert.equal(JSON.parse(await zip.file('export.json')!.async('string')).learnerId, learner.id);
    const events = await auditEvents(t, tenantId);
    const exported = events.filter((e) => e.action === 'data-export.admin');
    assert.equal(exported.length, 1);
    assert.ok(exported[0].subject_hash && !exported[0].subject_hash.includes(learner.id));
    // The subject is a keyed hash everywhere; their id appears only as the actor of what they did themselves.
    assert.ok(!JSON.stringify(events.map(({ actor_id: _actor, ...rest }) => rest)).includes(learner.id), 'no subject id in the audit trail');

    // A learner (even a catalog manager) cannot export someone else; an unknown person is 404.
    assertCleanError(await t.call('GET', `/api/learners/${learner.id}/data.zip`, { token: colleagueToken }), 403);
    assertCleanError(await t.call('GET', `/api/learners/${colleague.id}/data.zip`, { token: learnerToken }), 403);
    assertCleanError(await t.call('GET', `/api/learners/${randomUUID()}/data.zip`, { token: admin }), 404);
    assertCleanError(await t.call('GET', '/api/learners/not-a-guid/data.zip', { token: admin }), 400);
    // The colleague's own export holds only the colleague.
    const own = await t.call('GET', '/api/me/data', { token: colleagueToken });
    assert.equal(own.body.learnerId, colleague.id);
    assert.ok(!JSON.stringify(own.body).includes(learner.id));
  });
});
