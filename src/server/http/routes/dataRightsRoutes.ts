import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  currentPrivacyNoticeSchema,
  erasureDecisionBodySchema,
  erasureRequestBodySchema,
  erasureRequestListQuerySchema,
  erasureRequestParamsSchema,
  erasureRequestViewSchema,
  learnerParamsSchema,
  myErasureRequestSchema,
  myPrivacySchema,
  noticeAcceptanceBodySchema,
  noticeAcceptanceSchema,
  noticeWithdrawalSchema,
  offboardingBodySchema,
  offboardingReceiptSchema,
  personalDataExportSchema,
  privacyNoticeBodySchema,
  privacyNoticeSchema,
  restrictionBodySchema,
  restrictionViewSchema,
  retentionPolicyBodySchema,
  retentionPolicySchema,
  retentionPreviewBodySchema,
  retentionPreviewSchema,
  retentionRunBodySchema,
  retentionRunListSchema,
  retentionRunSchema,
  tenantErasureRequestListSchema,
} from '../../../domain/dataRights';
import { decideErasureRequest, latestErasureRequest, listErasureRequests, openErasureRequest } from '../../privacy/erasureRequests';
import { exportLearnerData, exportMyData, exportZip, type BuiltExport } from '../../privacy/exportData';
import { offboardTenant } from '../../privacy/offboarding';
import { acceptNotice, currentNotice, myPrivacy, publishNotice, withdrawAcceptance } from '../../privacy/privacyNotice';
import { liftRestriction, restrictLearner } from '../../privacy/restriction';
import { getRetentionPolicy, listRetentionRuns, previewRetention, runRetention, setRetentionPolicy } from '../../privacy/retention';
import { fileResponse, responses, withBody, withIds } from '../documentedResponses';
import { inTenant, notOnboarded, principalOf, type RouteContext } from '../tenantScope';

/** Whoever carries out requested purges: told when new ones are waiting. */
export interface PurgeKicker {
  kick(tenantId: string): void;
}

/** Starts the purge runner once the reply is on its way: on SQLite its synchronous queries would hold it back. */
function kickAfterReply(purges: PurgeKicker | undefined, tenantId: string): void {
  if (purges) setImmediate(() => purges.kick(tenantId));
}

const ZIP = 'application/zip';

function sendZip(reply: FastifyReply, exported: BuiltExport): FastifyReply {
  const date = exported.data.generatedAt.slice(0, 10);
  return reply
    .type(ZIP)
    .header('Content-Disposition', `attachment; filename="atrium-data-${exported.data.learnerId}-${date}.zip"`)
    .header('Cache-Control', 'private, no-store')
    .send(exportZip(exported.data, exported.columns));
}

/** Access and portability, restriction, the privacy notice and consent, erasure requests, retention, offboarding. */
export function registerDataRightsRoutes(server: FastifyInstance, route: RouteContext, purges?: PurgeKicker): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const zipResponse = fileResponse(ZIP, 'A zip archive: README.txt, export.json, and a JSON and a CSV file per kind of record');

  // --- export ----------------------------------------------------------------------------------------------
  app.get(
    '/api/me/data',
    { schema: { tags: ['data rights'], summary: 'Everything Atrium stores about you, with what each kind of record is and why it is kept', response: responses({ 200: personalDataExportSchema }) } },
    async (request) => (await inTenant(request, route, (ctx) => exportMyData(ctx))).data,
  );

  app.get(
    '/api/me/data.zip',
    { schema: { tags: ['data rights'], summary: 'Your data as a download: JSON and CSV per kind of record', response: responses({ 200: zipResponse }) } },
    async (request, reply) => sendZip(reply, await inTenant(request, route, (ctx) => exportMyData(ctx))),
  );

  app.get(
    '/api/learners/:learnerId/data.zip',
    {
      schema: {
        tags: ['data rights'],
        summary: "A person's data, for a tenant admin answering their request (Tenant.Admin; audited)",
        params: learnerParamsSchema,
        response: responses({ 200: zipResponse }, ...withIds),
      },
    },
    async (request, reply) => sendZip(reply, await inTenant(request, route, (ctx) => exportLearnerData(ctx, request.params.learnerId))),
  );

  // --- restriction -----------------------------------------------------------------------------------------
  app.post(
    '/api/learners/:learnerId/restriction',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Restrict processing: out of rule assignments, reports and retention; records kept (Tenant.Admin)',
        params: learnerParamsSchema,
        body: restrictionBodySchema,
        response: responses({ 200: restrictionViewSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => restrictLearner(ctx, request.params.learnerId, request.body)),
  );

  app.delete(
    '/api/learners/:learnerId/restriction',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Lift the restriction: rules apply to the person again (Tenant.Admin)',
        params: learnerParamsSchema,
        response: responses({ 200: restrictionViewSchema }, ...withIds, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => liftRestriction(ctx, request.params.learnerId)),
  );

  // --- privacy notice and consent --------------------------------------------------------------------------
  app.get(
    '/api/tenant/privacy-notice',
    { schema: { tags: ['data rights'], summary: "The organisation's privacy notice in force (null until one is published)", response: responses({ 200: currentPrivacyNoticeSchema }) } },
    async (request) => inTenant(request, route, async (ctx) => ({ notice: await currentNotice(ctx.db, ctx.principal.tenantId) })),
  );

  app.put(
    '/api/tenant/privacy-notice',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Publish a new version of the privacy notice; everyone is asked to accept it (Tenant.Admin)',
        body: privacyNoticeBodySchema,
        response: responses({ 200: privacyNoticeSchema }, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => publishNotice(ctx, request.body)),
  );

  app.get(
    '/api/me/privacy',
    { schema: { tags: ['data rights', 'me'], summary: 'The notice in force, whether you accepted it, your restriction and erasure request', response: responses({ 200: myPrivacySchema }) } },
    async (request) => inTenant(request, route, (ctx) => myPrivacy(ctx)),
  );

  app.post(
    '/api/me/privacy-notice/acceptance',
    {
      schema: {
        tags: ['data rights', 'me'],
        summary: 'Accept the privacy notice in force (its version); logged with the time',
        body: noticeAcceptanceBodySchema,
        response: responses({ 200: noticeAcceptanceSchema }, 409, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => acceptNotice(ctx, request.body)),
  );

  app.delete(
    '/api/me/privacy-notice/acceptance',
    {
      schema: {
        tags: ['data rights', 'me'],
        summary: 'Withdraw your acceptance: this asks for your data to be erased (a tenant admin decides)',
        response: responses({ 200: noticeWithdrawalSchema }, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => withdrawAcceptance(ctx)),
  );

  // --- erasure requests ------------------------------------------------------------------------------------
  app.post(
    '/api/me/erasure-request',
    {
      schema: {
        tags: ['data rights', 'me'],
        summary: 'Ask to be forgotten (201); a pending request is returned as it is (200)',
        body: erasureRequestBodySchema,
        response: responses({ 200: erasureRequestViewSchema, 201: erasureRequestViewSchema }, ...withBody),
      },
    },
    async (request, reply) => {
      const opened = await inTenant(request, route, (ctx) => ctx.db.transaction().execute((trx) => openErasureRequest({ ...ctx, db: trx }, { source: 'learner', note: request.body.note })));
      return reply.code(opened.created ? 201 : 200).send(opened.request);
    },
  );

  app.get(
    '/api/me/erasure-request',
    { schema: { tags: ['data rights', 'me'], summary: 'Where your latest erasure request stands', response: responses({ 200: myErasureRequestSchema }) } },
    async (request) => inTenant(request, route, async (ctx) => ({ request: await latestErasureRequest(ctx.db, ctx.principal.tenantId, ctx.principal.userId) })),
  );

  app.get(
    '/api/tenant/erasure-requests',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Erasure requests, newest first (Tenant.Admin)',
        querystring: erasureRequestListQuerySchema,
        response: responses({ 200: tenantErasureRequestListSchema }, 400),
      },
    },
    async (request) => inTenant(request, route, (ctx) => listErasureRequests(ctx, request.query.status)),
  );

  app.post(
    '/api/tenant/erasure-requests/:requestId/decision',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Approve (the person is erased) or reject with a reason (Tenant.Admin)',
        params: erasureRequestParamsSchema,
        body: erasureDecisionBodySchema,
        response: responses({ 200: erasureRequestViewSchema }, 409, ...withIds, ...withBody),
      },
    },
    async (request) => {
      const decided = await inTenant(request, route, (ctx) => decideErasureRequest(ctx, request.params.requestId, request.body));
      if (decided.purgeJobId) kickAfterReply(purges, principalOf(request).tenantId);
      return decided;
    },
  );

  // --- retention -------------------------------------------------------------------------------------------
  app.get(
    '/api/tenant/retention-policy',
    { schema: { tags: ['data rights'], summary: 'When learners are purged by rule (Tenant.Admin)', response: responses({ 200: retentionPolicySchema }) } },
    async (request) => inTenant(request, route, (ctx) => getRetentionPolicy(ctx)),
  );

  app.put(
    '/api/tenant/retention-policy',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Set the retention policy applied by the daily retention job (Tenant.Admin)',
        body: retentionPolicyBodySchema,
        response: responses({ 200: retentionPolicySchema }, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => setRetentionPolicy(ctx, request.body)),
  );

  app.post(
    '/api/tenant/retention/preview',
    {
      schema: {
        tags: ['data rights'],
        summary: 'Who the policy would purge now: counts and a sample, recorded as a dry-run report (Tenant.Admin)',
        body: retentionPreviewBodySchema,
        response: responses({ 200: retentionPreviewSchema }, ...withBody),
      },
    },
    async (request) => inTenant(request, route, (ctx) => previewRetention(ctx, request.body.sampleSize)),
  );

  app.post(
    '/api/tenant/retention/runs',
    {
      schema: {
        tags: ['data rights'],
        summary: "Purge everyone the policy selects, confirmed with the preview's total: one erasure job each (Tenant.Admin)",
        body: retentionRunBodySchema,
        response: responses({ 202: retentionRunSchema }, 409, ...withBody),
      },
    },
    async (request, reply) => {
      const run = await inTenant(request, route, (ctx) => runRetention(ctx, request.body.expectedTotal));
      kickAfterReply(purges, principalOf(request).tenantId);
      return reply.code(202).send(run);
    },
  );

  app.get(
    '/api/tenant/retention/runs',
    { schema: { tags: ['data rights'], summary: 'The latest retention runs and dry-run reports, counts only (Tenant.Admin)', response: responses({ 200: retentionRunListSchema }) } },
    async (request) => inTenant(request, route, (ctx) => listRetentionRuns(ctx)),
  );

  // --- offboarding -----------------------------------------------------------------------------------------
  app.delete(
    '/api/tenant',
    {
      schema: {
        tags: ['tenant', 'data rights'],
        summary: "Delete the organisation and all its data: its database is dropped in its region (Tenant.Admin; type the organisation's name)",
        body: offboardingBodySchema,
        response: responses({ 200: offboardingReceiptSchema }, ...withBody),
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const receipt = await offboardTenant(route.tenancy, principal, request.body.confirmation, route.clock());
      if (!receipt) throw notOnboarded(principal);
      route.learners.forgetTenant(principal.tenantId);
      request.log.info({ tenantId: receipt.tenantId, region: receipt.region }, 'tenant offboarded');
      return receipt;
    },
  );
}
