import {
  directorySyncStatusSchema,
  regionListSchema,
  tenantSchema,
  type DirectorySyncStatusView,
  type RegionSummary,
  type TenantView,
} from '../domain/apiResponses';
import { readAccessTokenClaims } from './accessTokenClaims';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { DirectorySyncStatusView, RegionSummary, TenantView };

/** Where the web parts find the API: what an admin pastes into their property pane. */
export interface ApiConnectionDetails {
  /** The API's base address. */
  apiBaseUrl: string;
  /** The API's Entra ID audience (application ID URI or client id); null when the token does not say. */
  audience: string | null;
}

/** A tenant admin's set-up of the organisation: region, onboarding, directory sync, connection details. */
export interface ITenantSetupApi {
  listRegions(): Promise<RegionSummary[]>;
  /** Rejects with 403 `tenant_not_onboarded` while the organisation is not set up. */
  getTenant(): Promise<TenantView>;
  /** The tenant as onboarding left it: `active`, or `provisioning` (then poll getTenant). */
  onboard(region: string, displayName: string): Promise<TenantView>;
  startDirectorySync(full: boolean): Promise<DirectorySyncStatusView>;
  getDirectorySync(): Promise<DirectorySyncStatusView>;
  /** The app roles of the signed-in person's token: whether they may set the organisation up. */
  callerRoles(): Promise<string[]>;
  apiConnection(): Promise<ApiConnectionDetails>;
}

export class TenantSetupApiClient implements ITenantSetupApi {
  private readonly http: IHttpPort;
  private readonly getAccessToken: () => Promise<string>;
  private readonly apiBaseUrl: string;

  constructor(http: IHttpPort, options: { getAccessToken: () => Promise<string>; apiBaseUrl: string }) {
    this.http = http;
    this.getAccessToken = options.getAccessToken;
    this.apiBaseUrl = options.apiBaseUrl;
  }

  async listRegions(): Promise<RegionSummary[]> {
    return parseApiResponse(regionListSchema, await this.http.getJson('/api/regions'), 'the regions');
  }

  async getTenant(): Promise<TenantView> {
    return parseApiResponse(tenantSchema, await this.http.getJson('/api/tenant'), 'your organisation');
  }

  async onboard(region: string, displayName: string): Promise<TenantView> {
    return parseApiResponse(tenantSchema, await this.http.postJson('/api/tenant/onboarding', { region, displayName }), 'your organisation');
  }

  async startDirectorySync(full: boolean): Promise<DirectorySyncStatusView> {
    return parseApiResponse(directorySyncStatusSchema, await this.http.postJson('/api/tenant/directory-sync', { full }), 'the directory sync');
  }

  async getDirectorySync(): Promise<DirectorySyncStatusView> {
    return parseApiResponse(directorySyncStatusSchema, await this.http.getJson('/api/tenant/directory-sync'), 'the directory sync');
  }

  async callerRoles(): Promise<string[]> {
    return readAccessTokenClaims(await this.getAccessToken()).roles;
  }

  async apiConnection(): Promise<ApiConnectionDetails> {
    return { apiBaseUrl: this.apiBaseUrl, audience: readAccessTokenClaims(await this.getAccessToken()).audience };
  }
}
