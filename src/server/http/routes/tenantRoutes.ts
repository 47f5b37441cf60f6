import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { directorySyncBodySchema, onboardingBodySchema } from '../../../domain/api';
import { directorySyncStatusSchema, meSchema, regionListSchema, tenantSchema, type TenantView } from '../../../domain/apiResponses';
import { myTrainingSchema } from '../../../domain/myTraining';
import { DomainError, forbidden } from '../../../domain/errors';
import { hasRole } from '../../../domain/roles';
import type { DirectorySyncService } from '../../jobs/directorySyncService';
import type { TenantRecord } from '../../tenancy/tenantCatalog';
import { toLearnerProfile } from '../../training/learners';
import { myTraining } from '../../training/myTraining';
import { responses, withBody } from '../documentedResponses';
import { inTenant, notOnboarded, principalOf, type RouteContext } from '../tenantScope';

function tenantView(record: TenantRecord, regionName: string | undefined): TenantView {
  return {
    tenantId: record.tenantId,
    displayName: record.displayName,
    region: record.region,
    regionName: regionName ?? record.region,
    status: record.status,
    createdAt: record.createdAt,
  };
}

export function registerTenantRoutes(server: FastifyInstance, route: RouteContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const regions = route.tenancy.regions;

  app.get('/api/regions', { schema: { tags: ['tenant'], summary: 'The data-center regions a tenant can choose for its data', response: responses({ 200: regionListSchema }) } }, async () =>
    regions.regions.map((r) => ({ id: r.id, displayName: r.displayName, geography: r.geography, country: r.country })),
  );

  app.get('/api/tenant', { schema: { tags: ['tenant'], summary: "The caller's organisation: where its data lives", response: responses({ 200: tenantSchema }) } }, async (request) => {
    const principal = principalOf(request);
    const record = await route.tenancy.tenantRecord(principal.tenantId);
    if (!record || (record.status !== 'active' && !hasRole(principal.roles, 'Tenant.Admin'))) throw notOnboarded(principal);
    return tenantView(record, regions.find(record.region)?.displayName);
  });

  app.post(
    '/api/tenant/onboarding',
    {
      schema: {
        tags: ['tenant'],
        summary: 'Set up the organisation in the region of its choice (Tenant.Admin)',
        body: onboardingBodySchema,
        response: responses(
          {
            201: tenantSchema.describe('The organisation is set up: its database is ready'),
            202: tenantSchema.describe('Set-up continues (status provisioning): poll GET /api/tenant, given in Location'),
          },
          ...withBody,
          409,
        ),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (!hasRole(principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin (Tenant.Admin role) can set up the organisation');
      const onboarding = route.tenancy.onboard(
        { tenantId: principal.tenantId, displayName: request.body.displayName, regionId: request.body.region },
        route.clock,
      );
      // Creating an Azure SQL database can take minutes: answer 202 and let the admin poll GET /api/tenant.
      let timer: NodeJS.Timeout | undefined;
      const stillRunning = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), route.onboardingWaitMs)));
      const record = await Promise.race([onboarding, stillRunning]).finally(() => clearTimeout(timer));
      if (record) return reply.code(201).send(tenantView(record, regions.find(record.region)?.displayName));
      onboarding.catch((error: unknown) => {
        request.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'onboarding failed');
      });
      const provisioning = await route.tenancy.tenantRecord(principal.tenantId);
      if (!provisioning) throw new Error('the tenant record is missing while its onboarding runs');
      return reply.code(202).header('Location', '/api/tenant').send(tenantView(provisioning, regions.find(provisioning.region)?.displayName));
    },
  );

  const requireAdminWithDirectory = (request: FastifyRequest): { sync: DirectorySyncService } => {
    const principal = principalOf(request);
    if (!hasRole(principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin (Tenant.Admin role) can run the directory sync');
    if (!route.directorySync) throw new DomainError('conflict', 'Microsoft Graph is not configured for this service, so there is no directory to sync');
    return { sync: route.directorySync };
  };

  app.post(
    '/api/tenant/directory-sync',
    {
      schema: {
        tags: ['tenant'],
        summary: 'Sync learners from Microsoft Graph now (Tenant.Admin); poll GET for progress',
        body: directorySyncBodySchema,
        response: responses({ 202: directorySyncStatusSchema.describe('The sync started (or was running): poll GET, given in Location') }, ...withBody, 409),
      },
    },
    async (request, reply) => {
      const { sync } = requireAdminWithDirectory(request);
      await inTenant(request, route, async (ctx) => {
        sync.start(ctx.principal.tenantId, { forceFull: request.body.full }).catch((error: unknown) => {
          request.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'directory sync failed');
        });
      });
      const status = await sync.status(principalOf(request).tenantId);
      return reply.code(202).header('Location', '/api/tenant/directory-sync').send(status);
    },
  );

  app.get('/api/tenant/directory-sync', { schema: { tags: ['tenant'], summary: 'Directory sync progress and last result (Tenant.Admin)', response: responses({ 200: directorySyncStatusSchema }, 409) } }, async (request) => {
    const { sync } = requireAdminWithDirectory(request);
    return inTenant(request, route, (ctx) => sync.status(ctx.principal.tenantId));
  });

  app.get('/api/me', { schema: { tags: ['me'], summary: 'Who you are to Atrium, and exactly what it stores about you', response: responses({ 200: meSchema }) } }, async (request) =>
    inTenant(request, route, async (ctx, tenant) => {
      const row = await ctx.db
        .selectFrom('learners')
        .selectAll()
        .where('tenant_id', '=', ctx.principal.tenantId)
        .where('learner_id', '=', ctx.principal.userId)
        .executeTakeFirstOrThrow();
      return { profile: toLearnerProfile(row), roles: ctx.principal.roles, tenant: tenantView(tenant, regions.find(tenant.region)?.displayName) };
    }),
  );

  app.get('/api/me/training', { schema: { tags: ['me'], summary: 'My training: assigned, due, overdue, in progress and completed', response: responses({ 200: myTrainingSchema }) } }, async (request) =>
    inTenant(request, route, (ctx) => myTraining(ctx)),
  );
}
