import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { LearnerIdentity } from '../../src/domain/identity';
import { applyAssignmentRules } from '../../src/server/training/assignmentRules';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { person } from '../support/directoryPeople';
import { courseBody, startTestService, type TestService } from '../support/testService';

let t: TestService;
const tenantId = randomUUID();
let managerToken: string;
let catalogId: string;
let courseId: string;


const boss = person({ displayName: 'Ingrid Boss', jobTitle: 'Sales Director' });
const osloSeller = person({ displayName: 'Ola Nordmann', managerId: boss.id });
const londonSeller = person({ displayName: '=HYPERLINK("x")', city: 'London', country: 'United Kingdom', officeLocation: 'London Office', managerId: boss.id });
const osloEngineer = person({ displayName: 'Kari Dev', department: 'Engineering', jobTitle: 'Engineer' });

async function writeDirectory(people: LearnerIdentity[]) {
  await t.service.tenancy.withTenantDatabase(tenantId, (db) => upsertLearnerIdentities(db, tenantId, people, new Date()));
}

/** The directory behind first sign-in (Microsoft Graph in production). */
const directory = new Map<string, LearnerIdentity>();

beforeAll(async () => {
  t = await startTestService({ identitySource: { fetchIdentity: async (_tenant, userId) => directory.get(userId) ?? null } });
  await t.onboard(tenantId);
  // Only people the directory knows may sign in.
  const trainingManager = person({ displayName: 'Tara Trainer', department: 'HR', jobTitle: 'Learning Specialist', officeLocation: null, city: null, country: null });
  directory.set(trainingManager.id, trainingManager);
  managerToken = await t.token(tenantId, trainingManager.id, ['Catalog.Manage']);
  await writeDirectory([boss, osloSeller, londonSeller, osloEngineer]);
  catalogId = (await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Compliance' } })).body.id;
  courseId = (await t.call('POST', `/api/catalogs/${catalogId}/courses`, { token: managerToken, body: courseBody() })).body.id;
});
afterAll(() => t.close());

test('a rule assigns everyone in Sales in Oslo, with a due date; people who stop matching keep their records, marked', async () => {
  const created = await t.call('POST', `/api/catalogs/${catalogId}/rules`, {
    token: managerToken,
    body: { name: 'Sales Oslo: Code of Conduct', courseId, criteria: { department: ['sales'], city: ['Oslo'] }, dueWithinDays: 30 },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.applied.assigned, 2, 'the boss and the Oslo seller match; London and Engineering do not');

  const mine = await t.call('GET', '/api/me/training', { token: await t.token(tenantId, osloSeller.id) });
  assert.equal(mine.body.items.length, 1);
  assert.equal(mine.body.items[0].source, 'rule');
  const dueInDays = (Date.parse(mine.body.items[0].dueAt) - Date.now()) / 86_400_000;
  assert.ok(dueInDays > 29.9 && dueInDays <= 30, `due in ${dueInDays} days`);
  assert.equal((await t.call('GET', '/api/me/training', { token: await t.token(tenantId, londonSeller.id) })).body.items.length, 0);

  // The Oslo seller moves to London: no longer in scope, records kept and marked.
  await writeDirectory([{ ...osloSeller, city: 'London' }]);
  const applied = await t.service.tenancy.withTenantDatabase(tenantId, (db) => applyAssignmentRules(db, tenantId, new Date()));
  assert.deepEqual(applied, { assigned: 0, unmatched: 1, rematched: 0 });
  assert.equal((await t.call('GET', '/api/me/training', { token: await t.token(tenantId, osloSeller.id) })).body.items.length, 1, 'records are kept');
  const again = await t.service.tenancy.withTenantDatabase(tenantId, (db) => applyAssignmentRules(db, tenantId, new Date()));
  assert.deepEqual(again, { assigned: 0, unmatched: 0, rematched: 0 }, 're-applying changes nothing');

  const csv = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv`, { token: managerToken });
  assert.equal(csv.status, 200);
  const line = String(csv.body).split('\r\n').find((l) => l.startsWith('Ola Nordmann'));
  assert.ok(line?.endsWith(',yes'), `the moved seller is marked out of scope: ${line}`);

  // A new hire in Sales Oslo signs in for the first time: their identity comes from the directory, and the rule assigns them.
  const newcomer = person({ displayName: 'New Hire' });
  directory.set(newcomer.id, newcomer);
  const first = await t.call('GET', '/api/me/training', { token: await t.token(tenantId, newcomer.id) });
  assert.equal(first.body.items.length, 1);
});

test('rules are validated and only catalog managers make them', async () => {
  const learner = await t.token(tenantId, osloEngineer.id);
  const body = { name: 'x', courseId, criteria: { department: ['Sales'] }, dueWithinDays: 10 };
  assert.equal((await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: learner, body })).status, 403);
  const noCriteria = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: managerToken, body: { ...body, criteria: {} } });
  assert.equal(noCriteria.status, 400);
  assert.match(noCriteria.body.error.message, /at least one criterion/);
  const unknownCriterion = await t.call('POST', `/api/catalogs/${catalogId}/rules`, { token: managerToken, body: { ...body, criteria: { shoeSize: ['42'] } } });
  assert.equal(unknownCriterion.status, 400);
});

test('reports: completion and overdue by department, office and course; CSV neutralises formulas; XLSX opens', async () => {
  const report = await t.call('GET', `/api/catalogs/${catalogId}/reports`, { token: managerToken });
  assert.equal(report.status, 200);
  const sales = report.body.byDepartment.find((b: { key: string }) => b.key === 'Sales');
  assert.equal(sales.total, 3, 'the boss, the seller who moved (kept, out of scope) and the new hire');
  assert.equal(sales.completed, 0);
  assert.ok(report.body.byOffice.length >= 1);
  assert.equal(report.body.byCourse[0].label, 'Code of Conduct');

  const learner = await t.token(tenantId, osloEngineer.id);
  assert.equal((await t.call('GET', `/api/catalogs/${catalogId}/reports`, { token: learner })).status, 403, 'only catalog managers see reports');

  await t.call('POST', `/api/courses/${courseId}/assignments`, { token: managerToken, body: { learnerIds: [londonSeller.id], dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
  const csv = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.csv`, { token: managerToken });
  assert.ok(String(csv.body).includes(`"'=HYPERLINK(""x"")"`), 'a display name starting with = is not a formula');

  const xlsx = await t.call('GET', `/api/catalogs/${catalogId}/reports/enrolments.xlsx`, { token: managerToken });
  assert.equal(xlsx.status, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Enrolments');
  assert.equal(sheet?.getRow(1).getCell(1).value, 'Learner');
  assert.equal(sheet?.rowCount, 1 + 4);
});

test('a line manager sees their direct reports, and nobody else does', async () => {
  const team = await t.call('GET', '/api/me/team', { token: await t.token(tenantId, boss.id) });
  assert.equal(team.status, 200);
  assert.deepEqual(team.body.map((m: { person: { displayName: string } }) => m.person.displayName).sort(), ['=HYPERLINK("x")', 'Ola Nordmann'].sort());
  assert.ok(team.body.every((m: { training: { items: unknown[] } }) => m.training.items.length >= 1));
  const notAManager = await t.call('GET', '/api/me/team', { token: await t.token(tenantId, osloEngineer.id) });
  assert.deepEqual(notAManager.body, []);
});
