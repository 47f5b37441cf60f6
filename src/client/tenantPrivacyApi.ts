import { z } from 'zod';
import {
  erasureRequestViewSchema,
  retentionPolicySchema,
  retentionPreviewSchema,
  retentionRunSchema,
  tenantErasureRequestListSchema,
  type ErasureDecisionBody,
  type RetentionPolicy,
  type RetentionPolicyBody,
  type RetentionRun,
} from '../domain/dataRights';
import { auditPageSchema } from '../domain/privacy';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type TenantErasureRequest = z.infer<typeof tenantErasureRequestListSchema>['requests'][number];
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = AuditPage['events'][number];
export type { ErasureDecisionBody, RetentionPolicy, RetentionPolicyBody, RetentionRun } from '../domain/dataRights';

/** A tenant admin's privacy duties: erasure requests, retention, and the audit trail. */
export interface ITenantPrivacyApi {
  listErasureRequests(): Promise<TenantErasureRequest[]>;
  decideErasureRequest(requestId: string, decision: ErasureDecisionBody): Promise<void>;
  getRetentionPolicy(): Promise<RetentionPolicy>;
  saveRetentionPolicy(policy: RetentionPolicyBody): Promise<RetentionPolicy>;
  previewRetention(): Promise<RetentionPreview>;
  runRetention(expectedTotal: number): Promise<RetentionRun>;
  listAudit(cursor: string | null): Promise<AuditPage>;
}

export class TenantPrivacyApiClient implements ITenantPrivacyApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async listErasureRequests(): Promise<TenantErasureRequest[]> {
    return parseApiResponse(tenantErasureRequestListSchema, await this.http.getJson('/api/tenant/erasure-requests'), 'the erasure requests').requests;
  }

  async decideErasureRequest(requestId: string, decision: ErasureDecisionBody): Promise<void> {
    const body = await this.http.postJson(`/api/tenant/erasure-requests/${encodeURIComponent(requestId)}/decision`, decision);
    parseApiResponse(erasureRequestViewSchema, body, 'the decision');
  }

  async getRetentionPolicy(): Promise<RetentionPolicy> {
    return parseApiResponse(retentionPolicySchema, await this.http.getJson('/api/tenant/retention-policy'), 'the retention policy');
  }

  async saveRetentionPolicy(policy: RetentionPolicyBody): Promise<RetentionPolicy> {
    return parseApiResponse(retentionPolicySchema, await this.http.putJson('/api/tenant/retention-policy', policy), 'the retention policy');
  }

  async previewRetention(): Promise<RetentionPreview> {
    return parseApiResponse(retentionPreviewSchema, await this.http.postJson('/api/tenant/retention/preview', { sampleSize: 20 }), 'the dry run');
  }

  async runRetention(expectedTotal: number): Promise<RetentionRun> {
    return parseApiResponse(retentionRunSchema, await this.http.postJson('/api/tenant/retention/runs', { expectedTotal }), 'the retention run');
  }

  async listAudit(cursor: string | null): Promise<AuditPage> {
    const path = cursor ? `/api/tenant/audit?cursor=${encodeURIComponent(cursor)}` : '/api/tenant/audit';
    return parseApiResponse(auditPageSchema, await this.http.getJson(path), 'the audit trail');
  }
}
