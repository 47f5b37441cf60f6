import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorEnvelope } from '../../domain/apiErrors';
import { DomainError, type DomainErrorKind } from '../../domain/errors';
import { DependencyUnavailable } from '../dependencyUnavailable';
import { GraphRequestFailed } from '../graph/graphDirectory';

/** Every failure answers `{ error: { code, message, details? } }`; no stack trace ever leaves the service. */
export type ErrorBody = ErrorEnvelope;

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-onboarded': 403,
  'not-in-directory': 403,
  'not-found': 404,
  conflict: 409,
};

const CODE_BY_KIND: Record<DomainErrorKind, ErrorCode> = {
  invalid: 'invalid_request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  'not-onboarded': 'tenant_not_onboarded',
  'not-in-directory': 'not_in_directory',
  'not-found': 'not_found',
  conflict: 'conflict',
};

export function replyWithError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const details = error.validation.map((v) => ({
      path: [where, ...v.params.issue.path].join('.'),
      message: v.params.issue.message,
    }));
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return reply.code(400).send({ error: { code: 'invalid_request', message: `Invalid ${where}: ${summary}`, details } } satisfies ErrorBody);
  }
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind];
    // RFC 6750 §3.1: no error code when the request carried no credentials at all.
    if (status === 401) reply.header('WWW-Authenticate', request.headers.authorization ? 'Bearer error="invalid_token"' : 'Bearer');
    return reply.code(status).send({ error: { code: CODE_BY_KIND[error.kind], message: error.message } } satisfies ErrorBody);
  }
  if (error instanceof DependencyUnavailable) {
    request.log.warn({ dependency: error.dependency, err: { type: error.name, message: error.message } }, 'a dependency failed');
    return reply
      .code(503)
      .header('Retry-After', String(error.retryAfterSeconds))
      .send({ error: { code: 'service_unavailable', message: dependencyMessage(error) } } satisfies ErrorBody);
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const { code, message } = clientFault(fastifyError);
    return reply.code(fastifyError.statusCode).send({ error: { code, message } } satisfies ErrorBody);
  }
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
  return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side. The request was not applied.' } } satisfies ErrorBody);
}

/** What the caller reads: which dependency failed and how, that nothing was applied, and when to try again. */
function dependencyMessage(error: DependencyUnavailable): string {
  if (!(error instanceof GraphRequestFailed)) return error.message;
  const status = `HTTP ${error.status}${error.code ? ` ${error.code}` : ''}`;
  const what =
    error.status === 0
      ? 'could not be reached'
      : error.status === 429
        ? `is throttling Atrium's requests (${status})`
        : error.status === 401 || error.status === 403
          ? `refused Atrium's access (${status}); an administrator of your organisation may need to grant Atrium its Microsoft Graph permissions`
          : `did not answer as expected (${status})`;
  return `Microsoft Graph, which Atrium reads your organisation's directory from, ${what}. Nothing was changed; try again in ${error.retryAfterSeconds} s.`;
}

/** Fastify's own 4xx answers (body parsing, URL parsing), in our codes and words. */
function clientFault(error: FastifyError): { code: ErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: 'The request body is too large for this API.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: 'This API accepts JSON bodies only: send application/json (Content-Type: application/json).' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid_request', message: 'The body is empty but Content-Type says application/json: send a JSON body, or no Content-Type.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'invalid_request', message: 'The body is not valid JSON, though Content-Type says application/json.' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'uri_too_long', message: 'A path parameter of this request is too long.' };
    default:
      return { code: 'bad_request', message: error.message };
  }
}

/** Node's HTTP parser refuses some requests before Fastify sees them: answer those in the same envelope. */
export function clientErrorReply(error: { code?: string }): { status: number; body: ErrorBody } | null {
  if (error.code === 'ECONNRESET') return null;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, body: { error: { code: 'request_header_fields_too_large', message: 'The request headers are too large; send fewer or smaller headers.' } } };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: { error: { code: 'request_timeout', message: 'The request took too long to arrive.' } } };
  }
  return { status: 400, body: { error: { code: 'bad_request', message: 'The request is not valid HTTP.' } } };
}
