import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import { aggregateReport, type ReportRow } from '../../src/domain/reports';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { catalogReportRows } from '../../src/server/training/reports';
import { person as directoryPerson } from '../support/directoryPeople';
import { courseBody, startTestService, type TestService } from '../support/testService';

/*
 * Filters narrow the report and its exports to the enrolments of one course, department and/or office: the filtered
 * report must be exactly the report computed over the matching enrolments only.
 */

let t: TestService;
const tenantId = randomUUID();
const managerId = randomUUID();
let token: string;
let catalogId: string;
let alpha: string;
let beta: string;
let allRows: ReportRow[];

const person = (displayName: string, department: string | null, officeLocation: string | null): LearnerIdentity =>
  directoryPerson({ displayName, department, officeLocation });
const osloSales = person('Olga Oslo-Sales', 'Sales', 'Oslo');
const londonSales = person('Liam London-Sales', 'Sales', 'London');
const osloEngineer = person('Erik Oslo-Engineer', 'Engineering', 'Oslo');
const nowhere = person('Nora Nowhere', null, null);

beforeAll(async () => {
  t = await startTestService();
  await t.onboard(tenantId);
  token = await t.token(tenantId, managerId, ['Catalog.Manage']);
  catalogId = (await t.call('POST', '/api/catalogs', { token, body: { name: 'Filtered' } })).body.id;
  alpha = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token, body: courseBody({ title: 'Alpha' }) })).body.id;
  beta = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token, body: courseBody({ title: 'Beta' }) })).body.id;
  const now = new Date();
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    await upsertLearnerIdentities(db, tenantId, [osloSales, londonSales, osloEngineer, nowhere], now);
    const enrol = (learner: LearnerIdentity, courseId: string, dueInDays: number, completed = false) =>
      db
        .insertInto('enrolments')
        .values({
          id: randomUUID(),
          tenant_id: tenantId,
          learner_id: learner.id,
          catalog_id: catalogId,
          course_id: courseId,
          plan_enrolment_id: null,
          source: 'assigned',
          assigned_by: managerId,
          due_at: at(dueInDays),
          enrolled_at: at(-30),
          started_at: completed ? at(-20) : null,
          completed_at: completed ? at(-10) : null,
          progress_percent: completed ? 100 : 0,
          certificate_id: null,
        })
        .execute();
    await enrol(osloSales, alpha, -2); // overdue
    await enrol(osloSales, beta, 40, true);
    await enrol(londonSales, alpha, 5); // due soon
    await enrol(osloEngineer, alpha, 40, true);
    await enrol(osloEngineer, beta, -1); // overdue
    await enrol(nowhere, beta, 60);
    allRows = await catalogReportRows({ db, now, principal: { tenantId, userId: managerId, roles: ['Catalog.Manage'] } }, catalogId);
  });
});
afterAll(() => t.close());

const reportUrl = (query: string) => `/api/catalogs/${catalogId}/reports${query}`;

describe('a filtered report counts only the matching enrolments', () => {
  const cases: Array<{ name: string; query: () => string; matches: (row: ReportRow) => boolean; expectedTotal: number }> = [
    { name: 'by course', query: () => `?courseId=${alpha}`, matches: (r) => r.courseId === alpha, expectedTotal: 3 },
    { name: 'by department', query: () => '?department=Sales', matches: (r) => r.department === 'Sales', expectedTotal: 3 },
    { name: 'by office', query: () => '?office=Oslo', matches: (r) => r.officeLocation === 'Oslo', expectedTotal: 4 },
    {
      name: 'by all three at once (trimmed)',
      query: () => `?courseId=${beta.toUpperCase()}&department=%20Engineering%20&office=Oslo`,
      matches: (r) => r.courseId === beta && r.department === 'Engineering' && r.officeLocation === 'Oslo',
      expectedTotal: 1,
    },
  ];

  test.each(cases)('$name', async ({ query, matches, expectedTotal }) => {
    const answer = await t.call('GET', reportUrl(query()), { token });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const matching = allRows.filter(matches);
    assert.equal(matching.length, expectedTotal, 'the fixture has the enrolments this case expects');
    assert.ok(matching.length < allRows.length, 'the filter leaves some enrolments out');
    assert.deepEqual(answer.body.byCourse, aggregateReport(matching, 'course'));
    assert.deepEqual(answer.body.byDepartment, aggregateReport(matching, 'department'));
    assert.deepEqual(answer.body.byOffice, aggregateReport(matching, 'officeLocation'));
  });

  test('a filter nobody matches gives an empty report', async () => {
    const answer = await t.call('GET', reportUrl(`?department=Marketing&courseId=${alpha}`), { token });
    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.byCourse, answer.body.byDepartment, answer.body.byOffice], [[], [], []]);
  });
});

test('the CSV and Excel exports have only the matching rows', async () => {
  const csv = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv?department=Sales&office=Oslo`, { token });
  assert.equal(csv.status, 200);
  const lines = String(csv.body).replace(/^\ufeff/, '').trim().split('\r\n');
  assert.equal(lines[0].split(',')[0], 'Learner');
  assert.deepEqual(
    lines.slice(1).map((line) => line.split(',').slice(0, 4)),
    [
      ['Olga Oslo-Sales', 'Sales', 'Oslo', 'Alpha'],
      ['Olga Oslo-Sales', 'Sales', 'Oslo', 'Beta'],
    ],
  );
  const unfiltered = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv`, { token });
  assert.equal(String(unfiltered.body).replace(/^\ufeff/, '').trim().split('\r\n').length, allRows.length + 1, 'without filters, every enrolment');

  const xlsx = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.xlsx?courseId=${beta}`, { token });
  assert.equal(xlsx.status, 200);
});

test('an unknown parameter, a bad course id or an empty or over-long value is refused with 400', async () => {
  for (const query of ['?team=Sales', '?courseId=not-a-guid', '?department=', '?office=%20%20', `?office=${'x'.repeat(257)}`]) {
    for (const path of ['/reports', '/reports/enrolments.csv', '/reports/enrolments.xlsx']) {
      const answer = await t.call('GET', `/api/catalogs/${catalogId}${path}${query}`, { token });
      assert.equal(answer.status, 400, `${path}${query}: ${JSON.stringify(answer.body)}`);
    }
  }
});

test('filters give no way around the catalog managers check', async () => {
  const learner = await t.token(tenantId, osloSales.id);
  assert.equal((await t.call('GET', reportUrl(`?courseId=${alpha}`), { token: learner })).status, 403);
  assert.equal((await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv?office=Oslo`, { token: learner })).status, 403);
});
