import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Principal } from '../auth/principal';
import type { TokenValidator } from '../auth/tokenValidator';
import type { DirectorySyncService } from '../jobs/directorySyncService';
import type { Tenancy } from '../tenancy/tenancy';
import type { LearnerRegistry } from '../training/learners';
import { replyWithError } from './errorReplies';
import { registerCatalogRoutes } from './routes/catalogRoutes';
import { registerLearningRoutes } from './routes/learningRoutes';
import { registerReportRoutes } from './routes/reportRoutes';
import { registerTenantRoutes } from './routes/tenantRoutes';

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
  clock?: () => Date;
  onboardingWaitMs?: number;
  logger?: boolean | { level: string };
}

export type App = FastifyInstance;

/** Requests larger than this are refused with 413: no legitimate call comes close. */
const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(deps: AppDependencies): Promise<App> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
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
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('principal', null);
  // Decided on the matched route, not the raw URL, so an encoded path (/%61pi/...) cannot slip past.
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || route === '/api/openapi.json') return;
    request.principal = await deps.validator.validate(request.headers.authorization);
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const context = { tenancy: deps.tenancy, directorySync: deps.directorySync, learners: deps.learners, clock: deps.clock ?? (() => new Date()), onboardingWaitMs: deps.onboardingWaitMs ?? 15_000 };
  registerTenantRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerLearningRoutes(app, context);
  registerReportRoutes(app, context);
  return app;
}
