import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { assertCleanError, documentedRoutes, routeKey, tenantSnapshot } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Bad input gets a clear 4xx in the service's error shape, names what is wrong, leaks nothing, and
// changes nothing: every refusal is checked against a full snapshot of the tenant database.

let t: TestService;
const tenantId = randomUUID();
const learnerId = randomUUID();
let admin: string;
let learner: string;
let notOnboardedAdmin: string;
const s = {} as {
  catalogId: string;
  otherCatalogId: string;
  audienceCatalogId: string;
  courseId: string;
  lessonIds: string[];
  quizlessCourseId: string;
  otherCatalogCourseId: string;
  otherCourseLessonId: string;
  draftCourseId: string;
  planId: string;
  enrolmentId: string;
  quizlessEnrolmentId: string;
  erasureRequestId: string;
  ruleId: string;
  /** People of the tenant whom the purge and erasure cases remove: nobody another case needs. */
  leaverId: string;
  erasedId: string;
};

const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestService();
  const adminId = await t.onboard(tenantId);
  admin = await t.token(tenantId, adminId, ['Tenant.Admin', 'Catalog.Manage']);
  learner = await t.token(tenantId, learnerId);
  notOnboardedAdmin = await t.token(randomUUID(), randomUUID(), ['Tenant.Admin']);

  s.catalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Main' } })).body.id;
  s.otherCatalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Other' } })).body.id;
  s.audienceCatalogId = (await t.call('POST', '/api/catalogs', { token: admin, body: { name: 'For some groups' } })).body.id;
  const course = await t.call('POST', `/api/catalogs/${s.catalogId}/courses`, { token: admin, body: courseBody() });
  assert.equal(course.status, 201);
  s.courseId = course.body.id;
  s.lessonIds = course.body.lessons.map((l: { id: string }) => l.id);
  const quizless = await t.call('POST', `/api/catalogs/${s.catalogId}/courses`, { token: admin, body: courseBody({ title: 'No quiz', quiz: null, sequentialLessons: false }) });
  s.quizlessCourseId = quizless.body.id;
  const other = await t.call('POST', `/api/catalogs/${s.otherCatalogId}/courses`, { token: admin, body: courseBody({ title: 'Elsewhere' }) });
  s.otherCatalogCourseId = other.body.id;
  s.otherCourseLessonId = other.body.lessons[0].id;
  s.draftCourseId = (await t.call('POST', `/api/catalogs/${s.catalogId}/courses`, { token: admin, body: courseBody({ title: 'Draft', status: 'draft' }) })).body.id;
  s.planId = (await t.call('POST', `/api/catalogs/${s.catalogId}/plans`, { token: admin, body: { title: 'Plan', courseIds: [s.courseId], status: 'published' } })).body.id;
  s.enrolmentId = (await t.call('POST', `/api/courses/${s.courseId}/enrolments`, { token: learner })).body.id;
  s.quizlessEnrolmentId = (await t.call('POST', `/api/courses/${s.quizlessCourseId}/enrolments`, { token: learner })).body.id;
  s.erasureRequestId = (await t.call('POST', '/api/me/erasure-request', { token: learner, body: {} })).body.id;
  s.leaverId = randomUUID();
  assert.equal((await t.call('POST', `/api/courses/${s.quizlessCourseId}/enrolments`, { token: await t.token(tenantId, s.leaverId) })).status, 201);
  s.erasedId = randomUUID();
  assert.equal((await t.call('GET', '/api/me', { token: await t.token(tenantId, s.erasedId) })).status, 200);
  s.ruleId = (await t.call('POST', `/api/catalogs/${s.catalogId}/rules`, { token: admin, body: { name: 'Legal', courseId: s.quizlessCourseId, criteria: { department: ['Legal'] }, dueWithinDays: 30 } })).body.rule.id;
  assert.ok(s.enrolmentId && s.quizlessEnrolmentId && s.planId && s.draftCourseId && s.erasureRequestId && s.ruleId);
});
afterAll(() => t.close());

/** What a request is expected to change, read before and after it is refused. */
async function worldState(): Promise<unknown> {
  const regions = path.join(t.dataDir, 'regions');
  return {
    tenant: await tenantSnapshot(t, tenantId),
    regionFolders: fs.readdirSync(regions).sort(),
    regionFiles: fs.readdirSync(regions).flatMap((r) => fs.readdirSync(path.join(regions, r))).sort(),
  };
}

async function expectRefusedAndUnchanged(
  send: () => Promise<{ status: number; body: any; raw: Buffer; headers: Record<string, unknown> }>,
  status: number,
  context: string,
  mentions?: RegExp,
): Promise<{ code: string; message: string }> {
  const before = await worldState();
  const response = await send();
  const error = assertCleanError(response, status, context);
  if (mentions) assert.match(error.message, mentions, `${context}: the message names what is wrong`);
  assert.deepEqual(await worldState(), before, `${context}: nothing changed`);
  return error;
}

interface BodyEndpoint {
  token: () => string;
  url: (id?: string) => string;
  /** A body the endpoint accepts; the variants below break exactly one thing in it. */
  valid: () => Record<string, unknown>;
  wrongType: [field: string, value: unknown];
  /** A field the body cannot do without, if it has one. */
  required?: string;
  /** The path parameter, if any: the variant with a bad GUID puts junk there. */
  param?: string;
  /** What the valid body gets; more than one where the outcome depends on the set-up, not the input. */
  successStatus: number | number[];
}

const bodyEndpoints: Record<string, BodyEndpoint> = {
  'POST /api/tenant/onboarding': {
    token: () => notOnboardedAdmin,
    url: () => '/api/tenant/onboarding',
    valid: () => ({ region: 'westeurope', displayName: 'Fabrikam' }),
    wrongType: ['displayName', 12],
    required: 'region',
    successStatus: 201,
  },
  'POST /api/tenant/directory-sync': {
    token: () => admin,
    url: () => '/api/tenant/directory-sync',
    valid: () => ({ full: true }),
    wrongType: ['full', 'yes'],
    // 202 when the service has a Graph directory to sync from, 409 when it has none (the test service).
    successStatus: [202, 409],
  },
  'POST /api/catalogs': {
    token: () => admin,
    url: () => '/api/catalogs',
    valid: () => ({ name: 'Valid catalog', description: 'ok', siteUrl: 'https://contoso.sharepoint.com/sites/training' }),
    wrongType: ['name', 42],
    required: 'name',
    successStatus: 201,
  },
  'PUT /api/catalogs/:catalogId': {
    token: () => admin,
    url: (id = s.otherCatalogId) => `/api/catalogs/${id}`,
    valid: () => ({ name: 'Other', description: 'Renamed in place', siteUrl: 'https://contoso.sharepoint.com/sites/other' }),
    wrongType: ['siteUrl', 42],
    required: 'name',
    param: 'catalogId',
    successStatus: 200,
  },
  'POST /api/catalogs/:catalogId/managers': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/managers`,
    valid: () => ({ learnerId }),
    wrongType: ['learnerId', 123],
    required: 'learnerId',
    param: 'catalogId',
    successStatus: 204,
  },
  'PUT /api/catalogs/:catalogId/audience': {
    token: () => admin,
    url: (id = s.audienceCatalogId) => `/api/catalogs/${id}/audience`,
    valid: () => ({ groups: [{ id: '5f1d3c2b-0a9e-4d8c-b7a6-112233445566', displayName: 'Finance' }] }),
    wrongType: ['groups', 'Finance'],
    required: 'groups',
    param: 'catalogId',
    successStatus: 200,
  },
  'POST /api/catalogs/:catalogId/courses': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/courses`,
    valid: () => courseBody({ title: 'Valid course' }),
    wrongType: ['durationMinutes', '30'],
    required: 'format',
    param: 'catalogId',
    successStatus: 201,
  },
  'PUT /api/courses/:courseId': {
    token: () => admin,
    url: (id = s.courseId) => `/api/courses/${id}`,
    valid: () => courseBody({ title: 'Code of Conduct (2026)' }),
    wrongType: ['sequentialLessons', 'yes'],
    required: 'title',
    param: 'courseId',
    successStatus: 200,
  },
  'POST /api/courses/:courseId/assignments': {
    token: () => admin,
    url: (id = s.courseId) => `/api/courses/${id}/assignments`,
    valid: () => ({ learnerIds: [learnerId], dueAt: future() }),
    wrongType: ['learnerIds', learnerId],
    required: 'dueAt',
    param: 'courseId',
    successStatus: 200,
  },
  'POST /api/courses/:courseId/group-assignments': {
    token: () => admin,
    url: (id = s.courseId) => `/api/courses/${id}/group-assignments`,
    valid: () => ({ groupId: '5f1d3c2b-0a9e-4d8c-b7a6-112233445566', dueAt: future() }),
    wrongType: ['groupId', 'Finance'],
    required: 'groupId',
    param: 'courseId',
    // 200 when the service reads groups from Graph, 409 when it has none (the test service): test/api/groupAssignments.test.ts.
    successStatus: [200, 409],
  },
  'POST /api/catalogs/:catalogId/plans': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/plans`,
    valid: () => ({ title: 'Valid plan', courseIds: [s.courseId] }),
    wrongType: ['courseIds', s.courseId],
    required: 'title',
    param: 'catalogId',
    successStatus: 201,
  },
  'PUT /api/plans/:planId': {
    token: () => admin,
    url: (id = s.planId) => `/api/plans/${id}`,
    valid: () => ({ title: 'Plan', courseIds: [s.courseId], status: 'published' }),
    wrongType: ['courseIds', s.courseId],
    required: 'courseIds',
    param: 'planId',
    successStatus: 200,
  },
  'POST /api/catalogs/:catalogId/rules': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/rules`,
    valid: () => ({ name: 'Finance staff', courseId: s.quizlessCourseId, criteria: { department: ['Finance'] }, dueWithinDays: 30 }),
    wrongType: ['dueWithinDays', '30'],
    required: 'criteria',
    param: 'catalogId',
    successStatus: 201,
  },
  'POST /api/catalogs/:catalogId/rules/preview': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/rules/preview`,
    valid: () => ({ name: 'Finance staff', courseId: s.quizlessCourseId, criteria: { department: ['Finance'] }, dueWithinDays: 30 }),
    wrongType: ['criteria', 'Finance'],
    required: 'courseId',
    param: 'catalogId',
    successStatus: 200,
  },
  'PUT /api/rules/:ruleId': {
    token: () => admin,
    url: (id = s.ruleId) => `/api/rules/${id}`,
    valid: () => ({ name: 'Legal and compliance', courseId: s.quizlessCourseId, criteria: { department: ['Legal', 'Compliance'] }, dueWithinDays: 45 }),
    wrongType: ['name', 7],
    required: 'dueWithinDays',
    param: 'ruleId',
    successStatus: 200,
  },
  'POST /api/enrolments/:enrolmentId/progress': {
    token: () => learner,
    url: (id = s.enrolmentId) => `/api/enrolments/${id}/progress`,
    valid: () => ({ type: 'lesson-completed', lessonId: s.lessonIds[0] }),
    wrongType: ['lessonId', 7],
    required: 'lessonId',
    param: 'enrolmentId',
    successStatus: 200,
  },
  // Purge and erasure (test/privacy). Without a directory, a person's confirmation is their id.
  'POST /api/catalogs/:catalogId/purges': {
    token: () => admin,
    url: (id = s.catalogId) => `/api/catalogs/${id}/purges`,
    valid: () => ({ learnerId: s.leaverId, confirmation: s.leaverId }),
    wrongType: ['confirmation', 5],
    required: 'learnerId',
    param: 'catalogId',
    successStatus: 202,
  },
  'POST /api/learners/:learnerId/erasure': {
    token: () => admin,
    url: (id = s.erasedId) => `/api/learners/${id}/erasure`,
    valid: () => ({ confirmation: s.erasedId }),
    wrongType: ['confirmation', 5],
    required: 'confirmation',
    param: 'learnerId',
    successStatus: 202,
  },
  // Data-subject rights (test/dataRights).
  'POST /api/learners/:learnerId/restriction': {
    token: () => admin,
    url: (id = learnerId) => `/api/learners/${id}/restriction`,
    valid: () => ({ reason: 'accuracy contested' }),
    wrongType: ['reason', 5],
    param: 'learnerId',
    successStatus: 200,
  },
  'PUT /api/tenant/privacy-notice': {
    token: () => admin,
    url: () => '/api/tenant/privacy-notice',
    valid: () => ({ text: 'How Atrium uses your training records.' }),
    wrongType: ['text', 5],
    required: 'text',
    successStatus: 200,
  },
  'POST /api/me/privacy-notice/acceptance': {
    token: () => learner,
    url: () => '/api/me/privacy-notice/acceptance',
    valid: () => ({ version: 1 }),
    wrongType: ['version', '1'],
    required: 'version',
    // 409 while no notice is published, or once a newer version is in force.
    successStatus: [200, 409],
  },
  'POST /api/me/erasure-request': {
    token: () => learner,
    url: () => '/api/me/erasure-request',
    valid: () => ({ note: 'I am leaving' }),
    wrongType: ['note', 5],
    // 201 for a new request, 200 when one is already pending.
    successStatus: [200, 201],
  },
  'POST /api/tenant/erasure-requests/:requestId/decision': {
    token: () => admin,
    url: (id = s.erasureRequestId) => `/api/tenant/erasure-requests/${id}/decision`,
    valid: () => ({ decision: 'reject', reason: 'Records kept for the audit' }),
    wrongType: ['reason', 5],
    required: 'reason',
    param: 'requestId',
    successStatus: 200,
  },
  'PUT /api/tenant/retention-policy': {
    token: () => admin,
    url: () => '/api/tenant/retention-policy',
    valid: () => ({ inactiveDays: 365, departedDays: 90, noticeNotAcceptedDays: null, dryRunFirst: true }),
    wrongType: ['dryRunFirst', 'yes'],
    required: 'dryRunFirst',
    successStatus: 200,
  },
  'POST /api/tenant/retention/preview': {
    token: () => admin,
    url: () => '/api/tenant/retention/preview',
    valid: () => ({ sampleSize: 5 }),
    wrongType: ['sampleSize', 'five'],
    successStatus: 200,
  },
  'POST /api/tenant/retention/runs': {
    token: () => admin,
    url: () => '/api/tenant/retention/runs',
    valid: () => ({ expectedTotal: 1 }),
    wrongType: ['expectedTotal', '1'],
    required: 'expectedTotal',
    // 409 unless the policy selects exactly one person: the set-up decides, not the input.
    successStatus: [202, 409],
  },
};

/** POSTs that take no body: the ids in the path say everything. */
const bodylessEndpoints: Record<string, { url: (id?: string) => string; param: string }> = {
  'POST /api/courses/:courseId/enrolments': { url: (id = s.quizlessCourseId) => `/api/courses/${id}/enrolments`, param: 'courseId' },
  'POST /api/plans/:planId/enrolments': { url: (id = s.planId) => `/api/plans/${id}/enrolments`, param: 'planId' },
};

const OVERSIZED = 'x'.repeat(300 * 1024);

test('every POST and PUT operation has a validation case', async () => {
  const writes = (await documentedRoutes(t)).filter((r) => r.method === 'POST' || r.method === 'PUT').map(routeKey);
  assert.deepEqual([...Object.keys(bodyEndpoints), ...Object.keys(bodylessEndpoints)].sort(), writes.sort());
});

describe('request bodies', () => {
  for (const [key, e] of Object.entries(bodyEndpoints)) {
    const method = key.split(' ')[0];
    test(`${key}: bad input is refused with a clear 4xx and changes nothing; the valid body then works`, async () => {
      const send = (body: unknown, headers: Record<string, string> = {}, url = e.url()) => () => t.call(method, url, { token: e.token(), body, headers });

      await expectRefusedAndUnchanged(send({ ...e.valid(), surpriseField: true }), 400, `${key} unknown field`, /surpriseField/);
      const [field, value] = e.wrongType;
      await expectRefusedAndUnchanged(send({ ...e.valid(), [field]: value }), 400, `${key} wrong type of ${field}`, new RegExp(field));
      if (e.required) {
        const { [e.required]: _dropped, ...missing } = e.valid();
        await expectRefusedAndUnchanged(send(missing), 400, `${key} without ${e.required}`, new RegExp(e.required));
      }
      await expectRefusedAndUnchanged(send([e.valid()]), 400, `${key} an array`);
      await expectRefusedAndUnchanged(send('null'), 400, `${key} null`);
      if (e.param) {
        for (const junk of ['not-a-guid', '1', `${randomUUID()}x`, "1' or '1'='1"]) {
          await expectRefusedAndUnchanged(send(e.valid(), {}, e.url(encodeURIComponent(junk))), 400, `${key} ${e.param}=${junk}`, new RegExp(e.param));
        }
      }
      const tooLarge = await expectRefusedAndUnchanged(send({ ...e.valid(), [field]: OVERSIZED }), 413, `${key} oversized`);
      assert.equal(tooLarge.code, 'payload_too_large');
      await expectRefusedAndUnchanged(send(JSON.stringify(e.valid()).slice(0, -3)), 400, `${key} malformed JSON`, /JSON/);
      await expectRefusedAndUnchanged(
        send(new URLSearchParams(e.valid() as Record<string, string>).toString(), { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        `${key} form-encoded`,
      );

      const accepted = await t.call(method, e.url(), { token: e.token(), body: e.valid() });
      assert.ok([e.successStatus].flat().includes(accepted.status), `${key} valid body: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      // An accepted purge, erasure or retention run goes on in the background: let it end before the next case looks.
      await t.service.purges.idle();
    });
  }

  for (const [key, e] of Object.entries(bodylessEndpoints)) {
    test(`${key}: bad ids, malformed, oversized or non-JSON bodies are refused and change nothing`, async () => {
      const send = (body: unknown, headers: Record<string, string> = {}, url = e.url()) => () => t.call('POST', url, { token: learner, body, headers });
      await expectRefusedAndUnchanged(send(undefined, {}, e.url('not-a-guid')), 400, `${key} bad ${e.param}`, new RegExp(e.param));
      await expectRefusedAndUnchanged(send(undefined, {}, e.url(randomUUID())), 404, `${key} unknown ${e.param}`);
      await expectRefusedAndUnchanged(send(`{"x":"${OVERSIZED}"}`), 413, `${key} oversized`);
      await expectRefusedAndUnchanged(send('{"x":'), 400, `${key} malformed JSON`, /JSON/);
      await expectRefusedAndUnchanged(send('x=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, `${key} form-encoded`);
      assert.ok([200, 201].includes((await t.call('POST', e.url(), { token: learner })).status), `${key} without a body works`);
    });

    test(`${key}: a body with fields is refused, not silently ignored`, async () => {
      const fresh = await t.call('POST', `/api/catalogs/${s.catalogId}/courses`, { token: admin, body: courseBody({ title: `Fresh ${randomUUID()}` }) });
      const url = key.includes('/plans/')
        ? `/api/plans/${(await t.call('POST', `/api/catalogs/${s.catalogId}/plans`, { token: admin, body: { title: 'Fresh plan', courseIds: [fresh.body.id], status: 'published' } })).body.id}/enrolments`
        : `/api/courses/${fresh.body.id}/enrolments`;
      await expectRefusedAndUnchanged(() => t.call('POST', url, { token: learner, body: { learnerId: randomUUID(), dueAt: future() } }), 400, `${key} with fields`, /learnerId/);
    });
  }

  test('a JSON body sent as text/plain is refused as an unsupported media type', async () => {
    const e = bodyEndpoints['POST /api/catalogs'];
    await expectRefusedAndUnchanged(
      () => t.call('POST', e.url(), { token: admin, body: JSON.stringify(e.valid()), headers: { 'content-type': 'text/plain' } }),
      415,
      'text/plain',
    );
  });
});

describe('path parameters', () => {
  test('every id in a path must be a GUID, and a verification code must look like one: 400 naming the parameter', async () => {
    for (const route of await documentedRoutes(t)) {
      if (route.method !== 'GET' || !route.path.includes('/:')) continue;
      const url = route.path.replace(/:(\w+)/g, 'not-an-id');
      const name = /:(\w+)/.exec(route.path)![1];
      await expectRefusedAndUnchanged(() => t.call('GET', url, { token: admin }), 400, url, new RegExp(name === 'code' ? 'verification code' : name));
    }
  });
});

describe('course content', () => {
  const create = (quiz: unknown, extra: Record<string, unknown> = {}) => () =>
    t.call('POST', `/api/catalogs/${s.catalogId}/courses`, { token: admin, body: courseBody({ quiz, ...extra }) });
  const question = (q: Record<string, unknown>) => ({ passMarkPercent: 50, questions: [q] });

  test('quiz answers must index an option, once each', async () => {
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-choice', prompt: 'Pick', options: ['A', 'B'], correct: 2 })), 400, 'correct out of range', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-choice', prompt: 'Pick', options: ['A', 'B'], correct: -1 })), 400, 'negative correct', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-answer', prompt: 'Pick', options: ['A', 'B', 'C'], correct: [0, 3] })), 400, 'one answer out of range', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-answer', prompt: 'Pick', options: ['A', 'B', 'C'], correct: [1, 1] })), 400, 'duplicate answers', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-answer', prompt: 'Pick', options: ['A', 'B'], correct: [] })), 400, 'no answer', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'true-false', prompt: 'Yes?', correct: 'true' })), 400, 'true-false as a string', /correct/);
    await expectRefusedAndUnchanged(create(question({ kind: 'essay', prompt: 'Write' })), 400, 'unknown question kind', /kind/);
    await expectRefusedAndUnchanged(create({ passMarkPercent: 101, questions: [{ kind: 'true-false', prompt: 'Yes?', correct: true }] }), 400, 'pass mark above 100', /passMarkPercent/);
    await expectRefusedAndUnchanged(create({ passMarkPercent: 50, questions: [] }), 400, 'no questions', /questions/);
  });

  test('a question cannot offer the same option twice', async () => {
    await expectRefusedAndUnchanged(create(question({ kind: 'multiple-choice', prompt: 'Pick', options: ['Yes', 'Yes'], correct: 0 })), 400, 'duplicate options', /option/);
  });

  test('a course needs content, and links must be web addresses', async () => {
    await expectRefusedAndUnchanged(create(null, { lessons: [] }), 400, 'no lessons and no quiz', /lesson/);
    // eslint-disable-next-line no-script-url -- the point: a javascript: URL must be refused
    await expectRefusedAndUnchanged(create(null, { lessons: [{ title: 'XSS', materialUrl: 'javascript:alert(1)' }] }), 400, 'javascript: URL', /materialUrl/);
    await expectRefusedAndUnchanged(create(null, { format: 'hologram' }), 400, 'unknown format', /format/);
    await expectRefusedAndUnchanged(create(null, { title: '   ' }), 400, 'blank title', /title/);
    await expectRefusedAndUnchanged(
      () => t.call('POST', '/api/catalogs', { token: admin, body: { name: 'Insecure', siteUrl: 'http://contoso.sharepoint.com/sites/x' } }),
      400,
      'http site URL',
      /siteUrl/,
    );
  });
});

describe('assignments', () => {
  const assign = (body: unknown, courseId = s.courseId) => () => t.call('POST', `/api/courses/${courseId}/assignments`, { token: admin, body });

  test('a due date must be a future ISO date-time', async () => {
    await expectRefusedAndUnchanged(assign({ learnerIds: [learnerId], dueAt: new Date(Date.now() - 86_400_000).toISOString() }), 400, 'past due date', /dueAt/);
    await expectRefusedAndUnchanged(assign({ learnerIds: [learnerId], dueAt: 'next Friday' }), 400, 'not a date', /dueAt/);
    await expectRefusedAndUnchanged(assign({ learnerIds: [learnerId], dueAt: '2030-02-30' }), 400, 'date without time', /dueAt/);
  });

  test('assigning to unknown people is a 404 naming them, and nobody is enrolled: all or nothing', async () => {
    const colleague = randomUUID();
    assert.equal((await t.call('GET', '/api/me', { token: await t.token(tenantId, colleague) })).status, 200);
    const stranger = randomUUID();
    const error = await expectRefusedAndUnchanged(assign({ learnerIds: [colleague, stranger, learnerId], dueAt: future() }, s.quizlessCourseId), 404, 'unknown person', new RegExp(stranger));
    assert.ok(!error.message.includes(colleague), 'only the unknown person is named');
    const enrolled = await t.service.tenancy.withTenantDatabase(tenantId, (db) =>
      db.selectFrom('enrolments').select('learner_id').where('course_id', '=', s.quizlessCourseId).where('learner_id', '=', colleague).execute(),
    );
    assert.deepEqual(enrolled, []);
  });

  test('a draft course cannot be assigned; an empty list is refused', async () => {
    await expectRefusedAndUnchanged(assign({ learnerIds: [learnerId], dueAt: future() }, s.draftCourseId), 400, 'draft course', /published/);
    await expectRefusedAndUnchanged(assign({ learnerIds: [], dueAt: future() }), 400, 'nobody', /learnerIds/);
  });
});

describe('plans', () => {
  test('a plan lists courses of its own catalog, each once', async () => {
    const plan = (courseIds: string[], status = 'draft') => () =>
      t.call('POST', `/api/catalogs/${s.catalogId}/plans`, { token: admin, body: { title: 'Bad plan', courseIds, status } });
    await expectRefusedAndUnchanged(plan([s.courseId, s.otherCatalogCourseId]), 400, 'course of another catalog', new RegExp(s.otherCatalogCourseId));
    await expectRefusedAndUnchanged(plan([s.courseId, s.courseId]), 400, 'same course twice', /courseIds|once/);
    await expectRefusedAndUnchanged(plan([]), 400, 'no courses', /courseIds/);
    await expectRefusedAndUnchanged(plan([s.courseId, s.draftCourseId], 'published'), 400, 'published plan with a draft course', /published/);
  });
});

describe('progress', () => {
  const post = (body: unknown, enrolmentId = s.enrolmentId) => () => t.call('POST', `/api/enrolments/${enrolmentId}/progress`, { token: learner, body });

  test('a lesson of another course is a 400', async () => {
    await expectRefusedAndUnchanged(post({ type: 'lesson-completed', lessonId: s.otherCourseLessonId }), 400, 'lesson of another course', /lesson/);
    await expectRefusedAndUnchanged(post({ type: 'lesson-completed', lessonId: randomUUID() }), 400, 'unknown lesson', /lesson/);
  });

  test('a quiz attempt needs one answer per question, and a quiz to attempt', async () => {
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: [1, true] }), 400, 'too few answers', /3 questions/);
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: [1, true, [0, 2], 1] }), 400, 'too many answers', /3 questions/);
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: [] }, s.quizlessEnrolmentId), 400, 'course without a quiz', /quiz/);
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: ['B', true, [0]] }), 400, 'answer of no known shape', /answers/);
    await expectRefusedAndUnchanged(post({ type: 'essay', text: 'hello' }), 400, 'unknown progress type', /type/);
  });

  test('an answer must fit its question: an option index in range, the right kind', async () => {
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: [9, true, [0, 2]] }), 400, 'option index out of range', /answer/);
    await expectRefusedAndUnchanged(post({ type: 'quiz-attempt', answers: [true, 1, [0, 2]] }), 400, 'answers of the wrong kind', /answer/);
  });
});
