import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Headers a cross-origin client may read: where something was created, when to retry, the name of a download. */
const EXPOSED_HEADERS = ['Location', 'Retry-After', 'Content-Disposition'];
/** Chromium caps a cached preflight at two hours; Firefox allows a day. */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * CORS for the origins a tenant's web parts and Teams tabs run on (`ATRIUM_ALLOWED_ORIGINS`). Callers send bearer
 * tokens, never cookies, so credentials are never allowed. An origin not in the list gets no CORS header at all: its
 * preflight is answered 404 and the browser keeps the response from the page.
 */
export async function registerCors(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
