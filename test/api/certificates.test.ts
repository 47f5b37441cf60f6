import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { extractPdfText } from '../support/pdfText';
import { courseBody, startTestService, type TestService } from '../support/testService';

// A third party (an employer, an auditor) checks a certificate with the address printed on it, without an account
// in the issuing organisation: the route needs no token, shows four facts and nothing else, and is rate-limited.

let t: TestService;
const tenantId = randomUUID();
const otherTenantId = randomUUID();
const learnerId = randomUUID();
const courseTitle = '情報セキュリティ入門：基礎編';
let learnerToken: string;
let certificateId: string;
let code: string;
let courseId: string;
const learnerName = 'محمد علي';

const verifyUrl = (tenant: string, verificationCode: string) => `/api/public/certificates/${tenant}/${verificationCode}`;

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  await t.onboard(otherTenantId);
  const managerToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
  learnerToken = await t.token(tenantId, learnerId);

  const catalog = await t.call('POST', '/api/catalogs', { token: managerToken, body: { name: 'Compliance' } });
  const course = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, {
    token: managerToken,
    body: courseBody({ title: courseTitle, sequentialLessons: false, quiz: null, lessons: [{ title: 'Only lesson', materialUrl: 'https://contoso.sharepoint.com/sites/training/1' }] }),
  });
  expect(course.status).toBe(201);
  courseId = course.body.id;
  const enrol = await t.call('POST', `/api/courses/${courseId}/enrolments`, { token: learnerToken });
  const done = await t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, { token: learnerToken, body: { type: 'lesson-completed', lessonId: course.body.lessons[0].id } });
  expect(done.body.certificateId).toBeTruthy();
  certificateId = done.body.certificateId;
  // The name Graph would have given the learner.
  code = await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
    await db.updateTable('learners').set({ display_name: learnerName }).where('learner_id', '=', learnerId).execute();
    return (await db.selectFrom('certificates').select('verification_code').where('id', '=', certificateId).executeTakeFirstOrThrow()).verification_code;
  });
});
afterAll(() => t.close());

describe('checking a certificate without signing in', () => {
  test('the PDF prints the full verification address, which answers without a token', async () => {
    const pdf = await t.call('GET', `/api/certificates/${certificateId}/pdf`, { token: learnerToken });
    expect(pdf.status).toBe(200);
    const [page] = await extractPdfText([pdf.raw]);
    const printed = page.lines.find((line) => line.startsWith('Verify at '))?.slice('Verify at '.length);
    expect(printed).toBe(`http://localhost:80${verifyUrl(tenantId, code)}`);
    expect(page.lines).toContain(courseTitle);
    expect(page.lines).toContain(learnerName);

    const verified = await t.call('GET', new URL(printed!).pathname);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ courseTitle, learnerName, completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), organisation: `Tenant ${tenantId.slice(0, 8)}` });
  });

  test('it shows nothing more: no ids, no mail, no score', async () => {
    const verified = await t.call('GET', verifyUrl(tenantId, code));
    expect(Object.keys(verified.body).sort()).toEqual(['completedOn', 'courseTitle', 'learnerName', 'organisation']);
    const text = JSON.stringify(verified.body);
    for (const id of [tenantId, learnerId, certificateId, courseId, code]) expect(text).not.toContain(id);
    expect(text).not.toContain('@');
  });

  test('a code typed in lower case is the same code', async () => {
    expect((await t.call('GET', verifyUrl(tenantId, code.toLowerCase()))).status).toBe(200);
  });

  test('an unknown code, an unknown tenant and another tenant all answer the same 404', async () => {
    const answers = await Promise.all([
      t.call('GET', verifyUrl(tenantId, 'ATR-0000-0000-0000')),
      t.call('GET', verifyUrl(randomUUID(), code)),
      t.call('GET', verifyUrl(otherTenantId, code)),
    ]);
    for (const answer of answers) expect({ status: answer.status, body: answer.body }).toEqual({ status: 404, body: answers[0].body });
    expect(answers[0].body.error.code).toBe('not_found');
  });

  test('a malformed tenant id or code is a 400 that names the parameter', async () => {
    const badTenant = await t.call('GET', verifyUrl('contoso', code));
    expect(badTenant.status).toBe(400);
    expect(badTenant.body.error.details[0].path).toBe('params.tenantId');
    const badCode = await t.call('GET', verifyUrl(tenantId, 'ATR-IIII-OOOO-UUUU'));
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details[0].path).toBe('params.code');
  });

  test('the old token-only route is gone, and only this exact route skips the token check', async () => {
    expect((await t.call('GET', `/api/certificates/verify/${code}`, { token: learnerToken })).status).toBe(404);
    expect((await t.call('GET', `/api/public/certificates/${tenantId}`)).status).toBe(404);
    expect((await t.call('GET', `/api/certificates/${certificateId}/pdf`)).status).toBe(401);
    const dotted = await t.call('GET', `/api/public/certificates/${tenantId}/${code}/../../../certificates/${certificateId}/pdf`);
    expect(dotted.status).not.toBe(200);
    expect(String(dotted.headers['content-type'])).not.toContain('pdf');
  });

  test('the OpenAPI document describes the route as public, with its answers', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    const operation = doc.body.paths['/api/public/certificates/{tenantId}/{code}'].get;
    expect(operation.security).toEqual([]);
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '404', '414', '429', '503']);
    expect(Object.keys(operation.responses['200'].content['application/json'].schema.properties).sort()).toEqual(['completedOn', 'courseTitle', 'learnerName', 'organisation']);
  });

  test('an erased certificate (the learner was forgotten) answers 404', async () => {
    const other = randomUUID();
    const otherToken = await t.token(tenantId, other);
    const course = await t.call('GET', `/api/courses/${courseId}`, { token: otherToken });
    const enrol = await t.call('POST', `/api/courses/${courseId}/enrolments`, { token: otherToken });
    const done = await t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, { token: otherToken, body: { type: 'lesson-completed', lessonId: course.body.lessons[0].id } });
    const erased = await t.service.tenancy.withTenantDatabase(tenantId, async (db) => {
      const row = await db.selectFrom('certificates').select('verification_code').where('id', '=', done.body.certificateId).executeTakeFirstOrThrow();
      await db.deleteFrom('certificates').where('id', '=', done.body.certificateId).execute();
      return row.verification_code;
    });
    expect((await t.call('GET', verifyUrl(tenantId, erased))).status).toBe(404);
  });

  // Last: it uses up this client address's allowance.
  test('too many checks from one address get 429 with Retry-After, in the error envelope', async () => {
    let answer = await t.call('GET', verifyUrl(tenantId, code));
    for (let i = 0; i < 40 && answer.status !== 429; i++) answer = await t.call('GET', verifyUrl(tenantId, 'ATR-0000-0000-0000'));
    expect(answer.status).toBe(429);
    expect(answer.body.error.code).toBe('too_many_requests');
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    // Another client address still gets through, and signed-in routes are not limited by it.
    const elsewhere = await t.service.app.inject({ method: 'GET', url: verifyUrl(tenantId, code), remoteAddress: '203.0.113.7' });
    expect(elsewhere.statusCode).toBe(200);
    expect((await t.call('GET', '/api/me/training', { token: learnerToken })).status).toBe(200);
  });
});
