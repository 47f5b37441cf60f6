// Hostile input for the API fuzzer: strings, JSON values, path segments, payloads and headers that a careless
// or malicious caller could send. Everything here is data; fuzzSchema.ts and fuzzRequests.ts put it to use.
import fc from 'fast-check';

/** Strings that have broken parsers, databases, PDF writers and HTML before. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone \udfff low surrogate',
  '\udc00\ud800',
  '\ufeff',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  'e\u0301\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '𝕬𝖙𝖗𝖎𝖚𝖒',
  '日本語のコース',
  '\r\n\t\v\f',
  "' OR '1'='1",
  "'; DROP TABLE learners; --",
  '"); DELETE FROM enrolments; --',
  '1; SELECT * FROM sqlite_master',
  '%',
  '_',
  '\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  // eslint-disable-next-line no-script-url -- a hostile string to send, never evaluated
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '%2e%2e%2f',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'true',
  '=HYPERLINK("https://evil.example")',
  '+cmd|" /C calc"!A0',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  'ATR-0000-0000-0000',
  'x'.repeat(257),
  'é'.repeat(5000),
  '\ud83d'.repeat(1000),
];

/** A hostile string: a known troublemaker, random code points (surrogate halves included), or a long run. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '\u0000', '😀', '\ud800', "'"), fc.integer({ min: 1000, max: 60_000 })).map(([s, n]) => s.repeat(n)) },
);

/** A JSON value of the wrong kind for almost any field. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, [], {}, [null], { '': null }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 2000 }).map((depth) => nested(depth)),
);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Bodies that are not JSON, or not the JSON a route expects, sent as raw text. */
export const hostilePayload: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '0',
    '"text"',
    '[]',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{"a":1}{"b":2}',
    '\ufeff{}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":"\\ud800"}',
    '{"a":"\u0000"}',
    '{"a":1e999999}',
    '{"a":-}',
    '[' .repeat(100_000) + ']'.repeat(100_000),
    '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
    'a=1&b=2',
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  ),
  hostileString,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
);

/** Content types a client might send, mostly wrong ones. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 4,
    arbitrary: fc.constantFrom<string | undefined>(
      undefined,
      '',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json;;;',
      'application/json, text/plain',
      'application/vnd.api+json',
      'application/problem+json',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/octet-stream',
      'application/xml',
      '*/*',
      'json',
      'application/',
      ';',
    ),
  },
);

/** Authorization headers that must be refused with 401, never crash the validator. */
export function garbageAuthorization(validToken: string): fc.Arbitrary<string> {
  const [header, payload] = validToken.split('.');
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return fc.oneof(
    fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      'Bearer null',
      'Bearer undefined',
      'Basic dXNlcjpwYXNz',
      'Negotiate YII=',
      'Bearer a.b.c',
      'Bearer ...',
      'Bearer ..',
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${b64({ alg: 'HS256', kid: 'x' })}.${payload}.c2lnbmF0dXJl`,
      `Bearer ${header}.${b64({ ...claims, tid: '00000000-0000-0000-0000-000000000000' })}.${validToken.split('.')[2]}`,
      `Bearer ${header}.${b64({ ...claims, roles: ['Tenant.Admin', 'Catalog.Manage'] })}.${validToken.split('.')[2]}`,
      `Bearer ${header}.${b64({ ...claims, exp: 'never' })}.${validToken.split('.')[2]}`,
      `Bearer ${header}.${b64({ ...claims, oid: "' OR 1=1 --" })}.${validToken.split('.')[2]}`,
      `Bearer ${b64({ alg: 'RS256', kid: '../../../etc/passwd' })}.${payload}.AAAA`,
      `Bearer ${validToken} ${validToken}`,
      `Bearer ${validToken}x`,
      `Bearer ${validToken.slice(0, -5)}`,
      `Token ${validToken}`,
      validToken,
      `Bearer ${'a'.repeat(20_000)}.${'b'.repeat(20_000)}.c`,
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 200 }).map((s) => `Bearer ${s}`),
    fc.tuple(fc.base64String({ maxLength: 60 }), fc.base64String({ maxLength: 200 }), fc.base64String({ maxLength: 60 })).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
  );
}

/** A path parameter that is not a valid id, already encoded for use in a URL. */
export const junkPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('not-a-guid', '1', '0', '-1', 'null', 'undefined', '%00', '%2F', '%2e%2e', '..', '%ZZ', '%', '%C0%AE', '%EF%BF%BF', '%ED%A0%80', 'a%20b'),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.uuid().map((id) => `${id}x`),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => id.replace(/-/g, '')),
  hostileString.filter((s) => s.length > 0).map((s) => percentEncode(s.slice(0, 2000))),
  fc.integer({ min: 100, max: 5000 }).map((n) => 'a'.repeat(n)),
);

/** Percent-encodes every byte outside the unreserved set; lone surrogates go out as U+FFFD (UTF-8 cannot carry them). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Query strings nobody documented: the routes take none, so they must be ignored or refused cleanly. */
export const junkQuery: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '?',
      '?a=1&a=2',
      '?__proto__[x]=1',
      '?constructor[prototype][x]=1',
      '?%00=%00',
      '?%ZZ',
      '?filter=%27%20OR%201%3D1',
      `?q=${'x'.repeat(5000)}`,
      '?$select=*&$top=-1',
    ),
  },
);

/** Headers a client or proxy might add, with values Node would deliver after joining duplicates. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('accept', 'accept-encoding', 'accept-language', 'x-forwarded-for', 'x-forwarded-host', 'x-ms-client-request-id', 'origin', 'cookie', 'if-none-match', 'range', 'x-http-method-override', 'content-encoding', 'expect', 'x-custom'),
  fc.oneof(
    fc.constantFrom('*/*', 'application/json, application/json', 'text/html', 'application/xml', 'gzip, br, deflate', 'bytes=0-1', 'bytes=-1', 'DELETE', 'PUT', 'gzip', 'br', '100-continue', 'https://evil.example', 'a=1; a=2', '127.0.0.1, 10.0.0.1', ''),
    fc.string({ unit: 'binary-ascii', maxLength: 100 }).map((s) => s.replace(/[^\x20-\x7e\t]/g, '')),
  ),
  { maxKeys: 3 },
);
