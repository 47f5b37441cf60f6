import type { z } from 'zod';
import { errorCodesFor, errorEnvelopeSchema, ERROR_STATUS_MEANINGS, type ErrorStatus } from '../../domain/apiErrors';

/**
 * The `response` map of a route's schema: its success answers and every error status it can give, all in the
 * one error envelope. Zod schemas are serialised through (nothing outside them leaves) and documented in
 * OpenAPI; `fileResponse` and `noContent` document answers that are not JSON.
 */

/** A non-JSON answer as OpenAPI describes it; `openApiTransform` passes it to the document unchanged. */
export interface RawResponseSchema {
  description: string;
  type?: 'null';
  content?: Record<string, { schema: { type: 'string'; format?: 'binary' } }>;
  headers?: Record<string, { type: 'string'; description: string }>;
}

export type SuccessResponses = Record<number, z.ZodTypeAny | RawResponseSchema>;

/** Statuses that depend on what the route takes and does; 400, 401, 403, 500 and 503 every API route can answer. */
export type RouteErrorStatus = 400 | 404 | 409 | 413 | 414 | 415;

/** 400 too: any route refuses a request it cannot take at all, such as a GET that carries a body. */
const ALWAYS: readonly ErrorStatus[] = [400, 401, 403, 500, 503];

function errorResponse(status: ErrorStatus): typeof errorEnvelopeSchema {
  return errorEnvelopeSchema.describe(`${ERROR_STATUS_MEANINGS[status]}. Codes: ${errorCodesFor(status).join(', ')}`);
}

type WithErrors<S extends SuccessResponses> = S & Record<RouteErrorStatus | 400 | 401 | 403 | 500 | 503, typeof errorEnvelopeSchema>;

/**
 * `responses({ 200: catalogSchema }, 400, 404)`: the success schemas, the errors named, and the errors every
 * authenticated route can answer. Spread `withIds` for a route with ids in its path, `withBody` for one with a body.
 */
export function responses<S extends SuccessResponses>(success: S, ...errors: RouteErrorStatus[]): WithErrors<S> {
  const map: Record<number, unknown> = { ...success };
  for (const status of [...new Set([...errors, ...ALWAYS])].sort((a, b) => a - b)) map[status] = errorResponse(status);
  return map as WithErrors<S>;
}

/** The error statuses of a route that takes a JSON body (Fastify parses one for POST, PUT, PATCH and DELETE). */
export const withBody: readonly RouteErrorStatus[] = [400, 413, 415];

/** The error statuses of a route with ids in its path: malformed (400), too long (414), or not visible to the caller (404). */
export const withIds: readonly RouteErrorStatus[] = [400, 404, 414];

export function fileResponse(mediaType: string, description: string): RawResponseSchema {
  return {
    description,
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
    headers: { 'Content-Disposition': { type: 'string', description: 'attachment, with the file name' } },
  };
}

export function noContent(description: string): RawResponseSchema {
  return { description, type: 'null' };
}
