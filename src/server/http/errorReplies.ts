import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind } from '../../domain/errors';

/** Every failure answers `{ error: { code, message, details? } }`; no stack trace ever leaves the service. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Array<{ path: string; message: string }> };
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-onboarded': 403,
  'not-found': 404,
  conflict: 409,
};

const CODE_BY_KIND: Record<DomainErrorKind, string> = {
  invalid: 'invalid_request',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  'not-onboarded': 'tenant_not_onboarded',
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
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'payload_too_large' : 'bad_request';
    return reply.code(fastifyError.statusCode).send({ error: { code, message: fastifyError.message } } satisfies ErrorBody);
  }
  request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
  return reply.code(500).send({ error: { code: 'internal_error', message: 'Something went wrong on our side. The request was not applied.' } } satisfies ErrorBody);
}
