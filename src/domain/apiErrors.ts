import { z } from 'zod';

/**
 * Every error code the Atrium API answers, in one style (snake_case), with the HTTP status each one comes with.
 * The server maps its failures to these; the browser client and the OpenAPI document read them from here.
 */
export const ERROR_CODES = {
  invalid_request: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  tenant_not_onboarded: 403,
  not_in_directory: 403,
  not_found: 404,
  group_not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  expectation_failed: 417,
  too_many_requests: 429,
  request_header_fields_too_large: 431,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export type ErrorStatus = (typeof ERROR_CODES)[ErrorCode];

const errorCodeNames = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const errorCodeSchema = z.enum(errorCodeNames);

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}

/** The codes that come with one HTTP status, e.g. 403: forbidden, tenant_not_onboarded, not_in_directory. */
export function errorCodesFor(status: number): ErrorCode[] {
  return errorCodeNames.filter((code) => ERROR_CODES[code] === status);
}

export const errorDetailSchema = z.object({
  path: z.string().describe('where in the request, e.g. body.lessons.0.materialUrl'),
  message: z.string(),
});

/** The one error reply of the whole API: `{ error: { code, message, details? } }`. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string().describe('what went wrong, for a person to read'),
    details: z.array(errorDetailSchema).optional().describe('one entry per invalid field (400 invalid_request)'),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** What each error status means on this API, for the OpenAPI document. */
export const ERROR_STATUS_MEANINGS: Record<ErrorStatus, string> = {
  400: 'The request is invalid: a parameter or the body does not match the schema, or breaks a rule',
  401: 'No valid access token: missing, expired, or not issued for the Atrium API',
  403: 'Not allowed: a role is missing, the organisation is not onboarded, or the person is not in its directory',
  404: 'Not found, or not visible to the caller (another tenant, a draft course, someone else\'s record)',
  408: 'The request took too long to arrive',
  409: 'Conflicts with the current state',
  413: 'The request body is larger than the API accepts (256 KB)',
  414: 'A part of the URL is too long',
  415: 'The body is not JSON (Content-Type: application/json)',
  417: 'The request has an Expect header other than 100-continue',
  429: 'Too many requests from this client address; see Retry-After',
  431: 'The request headers are too large',
  500: 'A fault on our side; nothing was applied',
  503: 'A dependency (Microsoft Graph, the organisation\'s database) is unavailable; nothing was applied. See Retry-After',
};
