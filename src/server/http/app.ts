import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../domain/errors';
import type { Principal } from '../auth/principal';
import type { TokenValidator } from '../auth/tokenValidator';
import type { DirectorySyncService } from '../jobs/directorySyncService';
import type { Tenancy } from '../tenancy/tenancy';
import type { LearnerRegistry } from '../training/learners';
import { clientErrorReply, replyWithError } from './errorReplies';
import { registerCors } from './cors';
import { openApiTransform } from './openApiTransform';
import { registerCatalogRoutes } from './routes/catalogRoutes';
import { registerDataRightsRoutes } from './routes/dataRightsRoutes';
import { registerDirectoryRoutes, type GraphDirectoryFor } from './routes/directoryRoutes';
import { CERTIFICATE_VERIFICATION_ROUTE, registerCertificateVerificationRoutes } from './routes/certificateVerificationRoutes';
import { registerLearningRoutes } from './routes/learningRoutes';
import { registerReportRoutes } from './routes/reportRoutes';
import { registerRuleRoutes } from './routes/ruleRoutes';
import { registerTenantRoutes } from './routes/tenantRoutes';
import { registerPrivacyRoutes } from './routes/privacyRoutes';
import type { PurgeJobRunner } from '../privacy/purgeJobRunner';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AppDependencies {
  validator: TokenValidator;
  tenancy: Tenancy;
  directorySync: DirectorySyncService | null;
  learners: LearnerRegistry;
  /** Runs purge and erasure jobs once they are recorded. */
  purges: PurgeJobRunner;
  clock?: () => Date;
  onboardingWaitMs?: number;
  logger?: boolean | { level: string };
  /** Origins allowed to call the API cross-origin (`ATRIUM_ALLOWED_ORIGINS`); none by default. */
  allowedOrigins?: readonly string[];
  /** The tenant's directory in Microsoft Graph (group search, group assignments); absent or null when Graph is not configured. */
  graphDirectoryFor?: GraphDirectoryFor;
}

export type App = FastifyInstance;

/** Requests larger than this are refused with 413: no legitimate call comes close. */
const BODY_LIMIT_BYTES = 256 * 1024;

/** Node's `clientError`: a request its HTTP parser refused (e.g. 431, headers too large). Fastify never sees it. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  const answer = clientErrorReply(error);
  if (!answer || socket.destroyed) return;
  // As Node's own handler does: never write into a response that has already started on this socket.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify(answer.body);
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // Errors Fastify or Node's HTTP parser answer before any route runs get the same envelope as the rest.
    frameworkErrors: (error, request, reply) => replyWithError(error, request, reply),
    clientErrorHandler: answerClientError,
    // Log the route, never the headers (bearer tokens) or the caller's address.
    logger: deps.logger
      ? {
          ...(typeof deps.logger === 'object' ? deps.logger : {}),
          serializers: {
            req: (req: { method: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
  }).withTypeProvider<ZodTypeProvider>();
  // Node answers an Expect header other than 100-continue itself, with a bare 417: give that answer the envelope too.
  app.server.on('checkExpectation', (_request, response) => {
    const body = JSON.stringify({ error: { code: 'expectation_failed', message: 'Only "Expect: 100-continue" is supported: send the request without this Expect header.' } });
    response.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' }).end(body);
  });
  // The API speaks JSON only: anything else is 415, not parsed as text.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => replyWithError(error instanceof Error ? error : new Error(String(error)), request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Atrium LMS API',
        version: '0.1.0',
        description: 'Training catalogs, enrolments, progress and certificates. Every call needs an Entra ID access token for the Atrium API.',
      },
      components: { securitySchemes: { entraId: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ entraId: [] }],
    },
    transform: openApiTransform,
  });

  // Before the token check: a preflight carries no token and is answered here.
  await registerCors(app, deps.allowedOrigins ?? []);

  app.decorateRequest('principal', null);
  // A GET or HEAD has no body (RFC 9110 §9.3.1). Refused before any handler runs: Node hands a request over once its
  // headers are in, so a handler could otherwise act on a request whose body framing breaks afterwards.
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    if (request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0) {
      throw new DomainError('invalid', `A ${request.method} request carries no body: send it without one.`);
    }
  });
  // Decided on the matched route, not the raw URL, so an encoded path (/%61pi/...) cannot slip past.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || route === '/api/openapi.json' || route === CERTIFICATE_VERIFICATION_ROUTE) return;
    request.principal = await deps.validator.validate(request.headers.authorization);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const context = { tenancy: deps.tenancy, directorySync: deps.directorySync, learners: deps.learners, clock: deps.clock ?? (() => new Date()), onboardingWaitMs: deps.onboardingWaitMs ?? 15_000 };
  registerTenantRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerLearningRoutes(app, context);
  registerCertificateVerificationRoutes(app, context);
  registerRuleRoutes(app, context);
  registerReportRoutes(app, context);
  registerPrivacyRoutes(app, context, deps.purges);
  registerDataRightsRoutes(app, context, deps.purges);
  registerDirectoryRoutes(app, context, deps.graphDirectoryFor ?? null);
  return app;
}
