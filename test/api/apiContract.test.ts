import assert from '../support/assert';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { ERROR_CODES } from '../../src/domain/apiErrors';
import { ContractChecker, documentedOperations, openApiToJsonSchema, type OpenApiDocument, type OpenApiOperation } from '../support/apiContract';
import { startTestService, type TestService } from '../support/testService';

// The OpenAPI document is the API's exact contract: every operation states its success answers and its
// errors, with schemas. testService.call() holds every answer of the suite to it; this file checks the
// document itself, and that the check catches what it should.

type Schema = Record<string, any>;

const isSuccess = (status: string) => /^2\d\d$/.test(status);
const isError = (status: string) => /^[45]\d\d$/.test(status);
const label = (op: OpenApiOperation) => `${op.method} ${op.path}`;

describe('the OpenAPI document', () => {
  let t: TestService;
  let doc: OpenApiDocument & { paths: Record<string, Record<string, { security?: unknown[] }>> };
  let operations: OpenApiOperation[];

  beforeAll(async () => {
    t = await startTestService();
    const answer = await t.call('GET', '/api/openapi.json');
    assert.equal(answer.status, 200);
    doc = answer.body;
    operations = documentedOperations(doc);
  });
  afterAll(() => t.close());

  test('documents the operations of every area', () => {
    const paths = operations.map(label);
    for (const expected of ['GET /api/me/training', 'POST /api/catalogs', 'POST /api/enrolments/{enrolmentId}/progress', 'GET /api/certificates/{certificateId}/pdf']) {
      assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`);
    }
  });

  test('every operation documents at least one success answer, with a schema or a media type', () => {
    const missing: string[] = [];
    for (const op of operations) {
      const successes = Object.entries(op.responses).filter(([status]) => isSuccess(status));
      if (successes.length === 0) missing.push(`${label(op)}: no 2xx answer`);
      for (const [status, response] of successes) {
        if (response.description === 'Default Response') missing.push(`${label(op)} ${status}: no response schema (Fastify's "Default Response")`);
        if (status === '204') continue;
        const content = response.content ?? {};
        if (Object.keys(content).length === 0) missing.push(`${label(op)} ${status}: no media type`);
        const json = content['application/json'];
        if (json && (!json.schema || Object.keys(json.schema).length === 0)) missing.push(`${label(op)} ${status}: an empty JSON schema`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('every error an operation documents is the one error envelope, with the codes of ERROR_CODES', () => {
    const wrong: string[] = [];
    for (const op of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => isError(status));
      if (errors.length === 0) wrong.push(`${label(op)}: documents no error`);
      for (const [status, response] of errors) {
        const schema = response.content?.['application/json']?.schema as Schema | undefined;
        const error = schema?.properties?.error;
        const ok =
          schema?.type === 'object' &&
          schema.required?.includes('error') &&
          error?.type === 'object' &&
          ['code', 'message'].every((field) => error.required?.includes(field)) &&
          error.properties?.message?.type === 'string' &&
          JSON.stringify(error.properties?.code?.enum) === JSON.stringify(Object.keys(ERROR_CODES)) &&
          (error.properties?.details === undefined || error.properties.details.type === 'array');
        if (!ok) wrong.push(`${label(op)} ${status}: ${JSON.stringify(schema)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('every operation documents the errors Fastify itself answers: 401 without a token, 400/413/415 for bodies, 400/414 for path ids', () => {
    const missing: string[] = [];
    for (const op of operations) {
      const raw = doc.paths[op.path][op.method.toLowerCase()] as { security?: unknown[] };
      const needsToken = !(Array.isArray(raw.security) && raw.security.length === 0);
      if (needsToken && !op.responses['401']) missing.push(`${label(op)}: 401`);
      // Fastify parses a body on these methods whether or not the route wants one: too large is 413, not JSON 415.
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method)) {
        for (const status of ['400', '413', '415']) if (!op.responses[status]) missing.push(`${label(op)}: ${status} (a body)`);
      }
      // A path parameter longer than Fastify's maxParamLength is 414 before any validation.
      if (op.path.includes('{')) for (const status of ['400', '414']) if (!op.responses[status]) missing.push(`${label(op)}: ${status} (path parameter)`);
    }
    assert.deepEqual(missing, []);
  });

  test('every success schema compiles for the response check', () => {
    const checker = new ContractChecker(doc);
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response.content?.['application/json']) continue;
        const url = op.path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        // A body of the wrong kind must be refused, whatever the schema: proves the validator was compiled and runs.
        const problem = checker.problem({ method: op.method, url, status: Number(status), contentType: 'application/json', body: Symbol.for('nothing'), rawLength: 1 });
        assert.ok(problem, `${label(op)} ${status} accepted a non-JSON value`);
      }
    }
  });
});

describe('the response check', () => {
  const doc: OpenApiDocument = {
    paths: {
      '/api/things/{thingId}': {
        get: {
          responses: {
            '200': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      id: { type: 'string', format: 'uuid' },
                      state: { type: 'string', enum: ['open', 'closed'], nullable: true },
                      owner: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false, nullable: true },
                    },
                    required: ['id', 'state', 'owner'],
                    additionalProperties: false,
                  },
                },
              },
            },
            '404': {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } },
                    required: ['error'],
                  },
                },
              },
            },
          },
        },
      },
      '/api/things/{thingId}/pdf': {
        get: { responses: { '200': { headers: { 'Content-Disposition': {} }, content: { 'application/pdf': { schema: { type: 'string' } } } } } },
      },
      '/api/things/{thingId}/archive': { post: { responses: { '204': { description: 'No Content' } } } },
    },
  };
  const checker = new ContractChecker(doc);
  const id = '3f2b8c4e-9d1a-4e6b-8c7d-5a4b3c2d1e0f';
  const answer = (status: number, body: unknown, url = `/api/things/${id}`, contentType = 'application/json', method = 'GET') => ({
    method,
    url,
    status,
    contentType,
    body,
    rawLength: body === '' ? 0 : 1,
    headers: { 'content-type': contentType, 'content-disposition': 'attachment; filename="thing.pdf"' },
  });

  test('accepts answers that keep the contract, nullable enums and objects included', () => {
    assert.equal(checker.problem(answer(200, { id, state: 'open', owner: { name: 'Ada' } })), null);
    assert.equal(checker.problem(answer(200, { id, state: null, owner: null })), null);
    assert.equal(checker.problem(answer(404, { error: { code: 'not_found', message: 'thing was not found' } })), null);
    assert.equal(checker.problem(answer(200, 'PDF', `/api/things/${id}/pdf`, 'application/pdf')), null);
    assert.equal(checker.problem(answer(204, '', `/api/things/${id}/archive`, '', 'POST')), null);
    assert.equal(checker.problem(answer(404, { error: { code: 'not_found', message: 'no route' } }, '/api/elsewhere')), null, 'no documented operation: nothing to hold it to');
  });

  test('refuses an answer without a header the document promises', () => {
    const pdf = answer(200, 'PDF', `/api/things/${id}/pdf`, 'application/pdf');
    assert.match(checker.problem({ ...pdf, headers: { 'content-type': 'application/pdf' } }) ?? '', /Content-Disposition/);
  });

  test('refuses a status the operation does not document', () => {
    assert.match(checker.problem(answer(409, { error: { code: 'conflict', message: 'x' } })) ?? '', /does not list/);
  });

  test('refuses a body that does not match: an extra field, a missing one, a value outside the enum, a malformed id', () => {
    assert.match(checker.problem(answer(200, { id, state: 'open', owner: null, secret: 'leaked' })) ?? '', /additional properties/);
    assert.match(checker.problem(answer(200, { id, state: 'open' })) ?? '', /owner/);
    assert.match(checker.problem(answer(200, { id, state: 'lost', owner: null })) ?? '', /state/);
    assert.match(checker.problem(answer(200, { id: 'thing-1', state: 'open', owner: null })) ?? '', /\.id/);
  });

  test('refuses an undocumented media type, a body where none is documented, and an error code of another status', () => {
    assert.match(checker.problem(answer(200, '{}', `/api/things/${id}/pdf`, 'application/json')) ?? '', /application\/json/);
    assert.match(checker.problem(answer(204, 'surprise', `/api/things/${id}/archive`, 'text/plain', 'POST')) ?? '', /body/);
    assert.match(checker.problem(answer(404, { error: { code: 'forbidden', message: 'x' } })) ?? '', /another status/);
  });

  test('OpenAPI nullable becomes "or null" everywhere, but a property named nullable stays a property', () => {
    assert.deepEqual(openApiToJsonSchema({ type: 'string', enum: ['a'], nullable: true }), { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'null' }] });
    assert.deepEqual(openApiToJsonSchema({ type: 'object', properties: { nullable: { type: 'boolean' } } }), {
      type: 'object',
      properties: { nullable: { type: 'boolean' } },
    });
  });
});
