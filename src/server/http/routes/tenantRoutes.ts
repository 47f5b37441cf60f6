import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { onboardingBodySchema } from '../../../domain/api';
import { forbidden } from '../../../domain/errors';
import { hasRole } from '../../../domain/roles';
import type { TenantRecord } from '../../tenancy/tenantCatalog';
import { toLearnerProfile } from '../../training/learners';
import { myTraining } from '../../training/myTraining';
import { inTenant, notOnboarded, principalOf, type RouteContext } from '../tenantScope';

function tenantView(record: TenantRecord, regionName: string | undefined) {
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

  app.get('/api/regions', { schema: { tags: ['tenant'], summary: 'The data-center regions a tenant can choose for its data' } }, async () =>
    regions.regions.map((r) => ({ id: r.id, displayName: r.displayName, geography: r.geography, country: r.country })),
  );

  app.get('/api/tenant', { schema: { tags: ['tenant'], summary: "The caller's organisation: where its data lives" } }, async (request) => {
    const principal = principalOf(request);
    const record = await route.tenancy.tenantRecord(principal.tenantId);
    if (!record || (record.status !== 'active' && !hasRole(principal.roles, 'Tenant.Admin'))) throw notOnboarded(principal);
    return tenantView(record, regions.find(record.region)?.displayName);
  });

  app.post(
    '/api/tenant/onboarding',
    { schema: { tags: ['tenant'], summary: 'Set up the organisation in the region of its choice (Tenant.Admin)', body: onboardingBodySchema } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (!hasRole(principal.roles, 'Tenant.Admin')) throw forbidden('only a tenant admin (Tenant.Admin role) can set up the organisation');
      const record = await route.tenancy.onboard(
        { tenantId: principal.tenantId, displayName: request.body.displayName, regionId: request.body.region },
        route.clock,
      );
      return reply.code(201).send(tenantView(record, regions.find(record.region)?.displayName));
    },
  );

  app.get('/api/me', { schema: { tags: ['me'], summary: 'Who you are to Atrium, and exactly what it stores about you' } }, async (request) =>
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

  app.get('/api/me/training', { schema: { tags: ['me'], summary: 'My training: assigned, due, overdue, in progress and completed' } }, async (request) =>
    inTenant(request, route, (ctx) => myTraining(ctx)),
  );
}
