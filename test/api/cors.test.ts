import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { readConfig } from '../../src/server/config';
import { startTestService, type TestService } from '../support/testService';

const SHAREPOINT = 'https://contoso.sharepoint.com';
const OTHER_SHAREPOINT = 'https://fabrikam.sharepoint.com';
const STRANGER = 'https://evil.example';

let t: TestService;
let tenantId: string;
let adminToken: string;

beforeAll(async () => {
  t = await startTestService({ env: { ATRIUM_ALLOWED_ORIGINS: ` ${SHAREPOINT}, ${OTHER_SHAREPOINT} ` } });
  tenantId = randomUUID();
  const adminId = await t.onboard(tenantId);
  adminToken = await t.token(tenantId, adminId, ['Tenant.Admin']);
});

afterAll(async () => {
  await t?.close();
});

function preflight(origin: string, method = 'GET', requestHeaders = 'authorization') {
  return t.call('OPTIONS', '/api/tenant', { headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders } });
}

const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-allow-credentials', 'access-control-expose-headers', 'access-control-max-age'];

function corsHeadersOf(headers: Record<string, unknown>): string[] {
  return CORS_HEADERS.filter((name) => headers[name] !== undefined);
}

describe('an allowed origin (a tenant\'s SharePoint)', () => {
  test('its preflight is answered: methods, the Authorization and Content-Type headers, cached for two hours, no credentials', async () => {
    for (const origin of [SHAREPOINT, OTHER_SHAREPOINT]) {
      const answer = await preflight(origin, 'POST', 'authorization,content-type');
      assert.equal(answer.status, 204, origin);
      assert.equal(answer.headers['access-control-allow-origin'], origin);
      assert.deepEqual(String(answer.headers['access-control-allow-methods']).split(', '), ['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
      assert.deepEqual(String(answer.headers['access-control-allow-headers']).split(', '), ['Authorization', 'Content-Type']);
      assert.equal(answer.headers['access-control-max-age'], '7200');
      assert.equal(answer.headers['access-control-allow-credentials'], undefined, 'bearer tokens, never cookies');
      assert.match(String(answer.headers.vary), /\bOrigin\b/, 'caches keep answers for different origins apart');
    }
  });

  test('its calls carry the origin back and expose Location, Retry-After and Content-Disposition', async () => {
    const answer = await t.call('GET', '/api/tenant', { token: adminToken, headers: { origin: SHAREPOINT } });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.tenantId, tenantId);
    assert.equal(answer.headers['access-control-allow-origin'], SHAREPOINT);
    assert.deepEqual(String(answer.headers['access-control-expose-headers']).split(', '), ['Location', 'Retry-After', 'Content-Disposition']);
    assert.equal(answer.headers['access-control-allow-credentials'], undefined);
  });

  test('an error answer can be read by the page too (the envelope says what went wrong)', async () => {
    const answer = await t.call('GET', '/api/tenant', { headers: { origin: SHAREPOINT } });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers['access-control-allow-origin'], SHAREPOINT);
    assert.ok(answer.body.error.code);
  });
});

describe('an origin not in the list', () => {
  test('gets no permission from its preflight: no CORS header at all, and a 404', async () => {
    for (const origin of [STRANGER, 'https://contoso.sharepoint.com.evil.example', 'http://contoso.sharepoint.com', 'null']) {
      const answer = await preflight(origin);
      assert.equal(answer.status, 404, origin);
      assert.deepEqual(corsHeadersOf(answer.headers), [], origin);
    }
  });

  test('gets no Access-Control-Allow-Origin on a call either, so the browser keeps the answer from the page', async () => {
    const answer = await t.call('GET', '/api/tenant', { token: adminToken, headers: { origin: STRANGER } });
    assert.deepEqual(corsHeadersOf(answer.headers), []);
  });

  test('same-origin pages and non-browser clients (no Origin) get no CORS headers', async () => {
    const answer = await t.call('GET', '/api/tenant', { token: adminToken });
    assert.equal(answer.status, 200);
    assert.deepEqual(corsHeadersOf(answer.headers), []);
  });
});

test('with no origins configured (the default), no cross-origin call is allowed', async () => {
  const bare = await startTestService();
  try {
    const answer = await bare.call('OPTIONS', '/api/tenant', { headers: { origin: SHAREPOINT, 'access-control-request-method': 'GET' } });
    assert.equal(answer.status, 404);
    assert.deepEqual(corsHeadersOf(answer.headers), []);
  } finally {
    await bare.close();
  }
});

describe('ATRIUM_ALLOWED_ORIGINS', () => {
  const origins = (value: string) => readConfig({ ATRIUM_ALLOWED_ORIGINS: value }).cors.allowedOrigins;

  test('is a comma-separated list of exact origins; blanks and repeats are dropped; unset means none', () => {
    assert.deepEqual(origins(`${SHAREPOINT},, ${OTHER_SHAREPOINT} ,${SHAREPOINT}`), [SHAREPOINT, OTHER_SHAREPOINT]);
    assert.deepEqual(origins('https://teams.microsoft.com,http://localhost:4321,http://127.0.0.1:8080'), ['https://teams.microsoft.com', 'http://localhost:4321', 'http://127.0.0.1:8080']);
    assert.deepEqual(readConfig({}).cors.allowedOrigins, []);
  });

  test('refuses at start-up what is not an exact https origin, saying how to write it', () => {
    const refusals: Array<[string, RegExp]> = [
      ['*', /not an origin/],
      ['https://*.sharepoint.com', /wildcards are not allowed/],
      ['https://contoso.sharepoint.com/', /write it as https:\/\/contoso\.sharepoint\.com$/],
      ['https://contoso.sharepoint.com/sites/training', /write it as https:\/\/contoso\.sharepoint\.com$/],
      ['https://Contoso.SharePoint.com', /write it as https:\/\/contoso\.sharepoint\.com$/],
      ['http://contoso.sharepoint.com', /must use https/],
      ['contoso.sharepoint.com', /not an origin/],
    ];
    for (const [value, message] of refusals) {
      assert.throws(() => origins(`${SHAREPOINT},${value}`), (error: Error) => {
        assert.match(error.message, /^Invalid configuration: ATRIUM_ALLOWED_ORIGINS: /);
        assert.match(error.message, message, value);
        return true;
      });
    }
  });
});
