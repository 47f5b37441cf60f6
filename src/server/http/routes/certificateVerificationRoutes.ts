import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorEnvelopeSchema } from '../../../domain/apiErrors';
import { certificateVerificationParamsSchema, publicCertificateSchema } from '../../../domain/certificate';
import { DomainError } from '../../../domain/errors';
import { DependencyUnavailable } from '../../dependencyUnavailable';
import { verifyCertificate } from '../../training/certificates';
import { replyWithError } from '../errorReplies';
import type { RouteContext } from '../tenantScope';

/**
 * The one API route that needs no token: a third party (an employer, an auditor) checks a certificate with the
 * address printed on it. The app's token check exempts exactly this route template.
 */
export const CERTIFICATE_VERIFICATION_ROUTE = '/api/public/certificates/:tenantId/:code';

/** Per client address: enough for people checking certificates, far too few to guess 60-bit codes. */
const VERIFICATIONS_PER_MINUTE = 30;

/**
 * One answer for an unknown tenant, a tenant not (or no longer) active and an unknown or erased code, so the
 * route tells nobody which organisations use Atrium.
 */
const notFound = (): DomainError => new DomainError('not-found', 'No certificate with this verification code was issued by this organisation.');

class TooManyVerifications extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many certificate checks from your address; try again in ${retryAfterSeconds} s.`);
    this.name = 'TooManyVerifications';
  }
}

export function registerCertificateVerificationRoutes(server: FastifyInstance, route: RouteContext): void {
  // A scope of its own, so the rate limit and its 429 answer apply to this route only.
  server.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => new TooManyVerifications(Math.ceil(context.ttl / 1000)),
    });
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof TooManyVerifications) {
        return reply.code(429).send({ error: { code: 'too_many_requests', message: error.message } });
      }
      return replyWithError(error instanceof Error ? error : new Error(String(error)), request, reply);
    });

    scope.withTypeProvider<ZodTypeProvider>().get(
      CERTIFICATE_VERIFICATION_ROUTE,
      {
        config: { rateLimit: { max: VERIFICATIONS_PER_MINUTE, timeWindow: 60_000 } },
        schema: {
          tags: ['certificates'],
          summary: 'Check a certificate with the address printed on it (no sign-in needed)',
          description: `Shows the course, the learner's display name, the completion date and the organisation. Rate-limited to ${VERIFICATIONS_PER_MINUTE} checks a minute per client address.`,
          security: [],
          params: certificateVerificationParamsSchema,
          response: {
            200: publicCertificateSchema,
            400: errorEnvelopeSchema.describe('The tenant id or the code is malformed'),
            404: errorEnvelopeSchema.describe('No such certificate for this organisation (or no such organisation)'),
            414: errorEnvelopeSchema.describe('The tenant id or the code is far too long'),
            429: errorEnvelopeSchema.describe('Too many checks from this address; see Retry-After'),
            503: errorEnvelopeSchema.describe('The certificate registry cannot be reached; see Retry-After'),
          },
        },
      },
      async (request) => {
        const { tenantId, code } = request.params;
        const tenant = await route.tenancy.activeTenant(tenantId);
        if (!tenant) throw notFound();
        try {
          const certificate = await route.tenancy.runUnitOfWork(tenantId, (db) => verifyCertificate(db, tenantId, code, tenant.displayName));
          if (!certificate) throw notFound();
          return certificate;
        } catch (error) {
          // The tenant's own message names its region: not for strangers.
          if (error instanceof DependencyUnavailable) throw new DependencyUnavailable('certificate registry', 'Certificates cannot be checked right now. Please try again shortly.', error.retryAfterSeconds);
          throw error;
        }
      },
    );
  });
}
