import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import { DUE_SOON_DAYS } from '../../src/domain/myTraining';
import { aggregateReport, type ReportBucket } from '../../src/domain/reports';
import type { EnrolmentsTable } from '../../src/server/store/tenantSchema';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { catalogReport, catalogReportRows } from '../../src/server/training/reports';
import type { UseCaseContext } from '../../src/server/training/useCaseContext';
import { person as directoryPerson } from '../support/directoryPeople';
import { courseBody, startTestService, type TestService } from '../support/testService';

/*
 * The report's counts come from SQL (GROUP BY, states by due date compared as text): they must be what classifying
 * each enrolment with `trainingState` gives, on the state boundaries too.
 */

let t: TestService;
const tenantId = randomUUID();
const managerId = randomUUID();
let catalogId: string;
let courseA: string;
let courseB: string;
const now = new Date('2026-06-01T12:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

const person = (displayName: string, department: string | null, officeLocation: string | null): LearnerIdentity =>
  directoryPerson({ displayName, department, officeLocation });
const sales = person('Sam Sales', 'Sales', 'Oslo');
const engineer = person('Eve Engineer', 'Engineering', 'London');
const nowhere = person('Nora Nowhere', null, null);
const restricted = person('Rita Restricted', 'Sales', 'Oslo');

const manager = (db: UseCaseContext['db']): UseCaseContext => ({ db, now, principal: { tenantId, userId: managerId, roles: ['Catalog.Manage'] } });

beforeAll(async () => {
  t = await startTestService();
  await t.onboard(tenantId);
  const token = await t.token(tenantId, managerId, ['Catalog.Manage']);
  catalogId = (await t.call('POST', '/api/catalogs', { token, body: { name: 'Counted' } })).body.id;
  courseA = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token, body: courseBody({ title: 'Alpha' }) })).body.id;
  courseB = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token, body: courseBody({ title: 'Beta' }) })).body.id;
  const otherCatalog = (await t.call('POST', '/api/catalogs', { token, body: { name: 'Elsewhere' } })).body.id;
  const otherCourse = (await t.call('POST', `/api/catalogs/${otherCatalog}/courses`, { token, body: courseBody({ title: 'Gamma' }) })).body.id;

  await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    await upsertLearnerIdentities(db, tenantId, [sales, engineer, nowhere, restricted], now);
    const enrol = (learner: LearnerIdentity | string, courseId: string, facts: Partial<Pick<EnrolmentsTable, 'due_at' | 'started_at' | 'completed_at' | 'catalog_id'>>) =>
      db
        .insertInto('enrolments')
        .values({
          id: randomUUID(),
          tenant_id: tenantId,
          learner_id: typeof learner === 'string' ? learner : learner.id,
          catalog_id: catalogId,
          course_id: courseId,
          plan_enrolment_id: null,
          source: facts.due_at ? 'assigned' : 'self',
          assigned_by: facts.due_at ? managerId : null,
          due_at: null,
          enrolled_at: at(-30 * DAY),
          started_at: null,
          completed_at: null,
          progress_percent: facts.completed_at ? 100 : 0,
          certificate_id: null,
          ...facts,
        })
        .execute();
    const soon = DUE_SOON_DAYS * DAY;
    // Course Alpha: one enrolment per state, and each due-date boundary.
    await enrol(sales, courseA, { due_at: at(-1), started_at: at(-DAY) }); // overdue by a millisecond
    await enrol(engineer, courseA, { due_at: at(0) }); // due right now: due soon, not overdue
    await enrol(nowhere, courseA, { due_at: at(soon), started_at: at(-DAY) }); // due in exactly 14 days: due soon
    await enrol(restricted, courseA, { due_at: at(-DAY) }); // left out: processing restricted
    // Course Beta.
    await enrol(sales, courseB, { due_at: at(soon + 1), started_at: at(-DAY) }); // a millisecond after "soon": in progress
    await enrol(engineer, courseB, { due_at: at(-10 * DAY), started_at: at(-20 * DAY), completed_at: at(-15 * DAY) }); // completed, due date past
    await enrol(nowhere, courseB, {}); // not started, no due date
    await enrol(randomUUID(), courseB, { started_at: at(-DAY) }); // someone with no learner row: department and office not set
    await enrol(sales, otherCourse, { due_at: at(-DAY), catalog_id: otherCatalog }); // another catalog
    await db.insertInto('learner_restrictions').values({ tenant_id: tenantId, learner_id: restricted.id, reason: null, restricted_at: at(-DAY) }).execute();
  });
});
afterAll(() => t.close());

const bucket = (key: string, label: string, counts: Partial<ReportBucket>): ReportBucket => ({
  key,
  label,
  total: 0,
  completed: 0,
  overdue: 0,
  dueSoon: 0,
  inProgress: 0,
  notStarted: 0,
  completionPercent: 0,
  ...counts,
});

test('the report counts each enrolment in its state, on the due-date boundaries too, without restricted people or other catalogs', async () => {
  const report = await t.service.tenancy.withTenantDatabase(tenantId, (db) => catalogReport(manager(db), catalogId));
  assert.deepEqual(report.byCourse, [
    bucket(courseA, 'Alpha', { total: 3, overdue: 1, dueSoon: 2 }),
    bucket(courseB, 'Beta', { total: 4, completed: 1, inProgress: 2, notStarted: 1, completionPercent: 25 }),
  ]);
  assert.deepEqual(report.byDepartment, [
    bucket('Sales', 'Sales', { total: 2, overdue: 1, inProgress: 1 }),
    bucket('(not set)', '(not set)', { total: 3, dueSoon: 1, inProgress: 1, notStarted: 1 }),
    bucket('Engineering', 'Engineering', { total: 2, completed: 1, dueSoon: 1, completionPercent: 50 }),
  ]);
  assert.deepEqual(
    report.byOffice.map((b) => [b.key, b.total]),
    [['Oslo', 2], ['(not set)', 3], ['London', 2]],
  );
});

test('the counts from SQL are those of classifying every enrolment of the report one by one', async () => {
  await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    for (const when of [now, new Date(now.getTime() - 1), new Date(now.getTime() + DUE_SOON_DAYS * DAY + 1), new Date(now.getTime() - 20 * DAY)]) {
      const ctx = { ...manager(db), now: when };
      const [report, rows] = await Promise.all([catalogReport(ctx, catalogId), catalogReportRows(ctx, catalogId)]);
      assert.deepEqual(report.byCourse, aggregateReport(rows, 'course'), `by course at ${when.toISOString()}`);
      assert.deepEqual(report.byDepartment, aggregateReport(rows, 'department'), `by department at ${when.toISOString()}`);
      assert.deepEqual(report.byOffice, aggregateReport(rows, 'officeLocation'), `by office at ${when.toISOString()}`);
    }
  });
});

test('the report through the API is the same, and only for the catalog manager', async () => {
  const answer = await t.call('GET', `/api/catalogs/${catalogId}/reports`, { token: await t.token(tenantId, managerId, ['Catalog.Manage']) });
  assert.equal(answer.status, 200);
  assert.deepEqual(
    answer.body.byCourse.map((b: ReportBucket) => [b.label, b.total]),
    [['Alpha', 3], ['Beta', 4]],
  );
  assert.equal((await t.call('GET', `/api/catalogs/${catalogId}/reports`, { token: await t.token(tenantId, sales.id) })).status, 403);
});
