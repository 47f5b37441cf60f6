import {
  catalogLearnerPageSchema,
  purgeJobSchema,
  purgePreviewSchema,
  type CatalogLearner,
  type CatalogLearnerPage,
  type PurgeJob,
  type PurgePreview,
} from '../domain/privacy';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { CatalogLearner, CatalogLearnerPage, PurgeJob, PurgePreview };
export type PurgeStatus = PurgeJob['status'];

/** The purge part of the Atrium API, for catalog managers and tenant admins. */
export interface IPurgeApi {
  listCatalogLearners(catalogId: string, query: { search?: string; cursor?: string | null }): Promise<CatalogLearnerPage>;
  getPurgePreview(catalogId: string, learnerId: string): Promise<PurgePreview>;
  startPurge(catalogId: string, learnerId: string, confirmation: string): Promise<PurgeJob>;
  getPurge(purgeId: string): Promise<PurgeJob>;
}

function withQuery(path: string, query: Record<string, string | null | undefined>): string {
  const params = Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (params.length === 0) return path;
  return `${path}?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

export class PurgeApiClient implements IPurgeApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async listCatalogLearners(catalogId: string, query: { search?: string; cursor?: string | null }): Promise<CatalogLearnerPage> {
    const path = withQuery(`/api/catalogs/${encodeURIComponent(catalogId)}/learners`, { search: query.search, cursor: query.cursor });
    return parseApiResponse(catalogLearnerPageSchema, await this.http.getJson(path), 'the people of this catalog');
  }

  async getPurgePreview(catalogId: string, learnerId: string): Promise<PurgePreview> {
    const path = `/api/catalogs/${encodeURIComponent(catalogId)}/learners/${encodeURIComponent(learnerId)}/purge-preview`;
    return parseApiResponse(purgePreviewSchema, await this.http.getJson(path), 'what a purge would remove');
  }

  async startPurge(catalogId: string, learnerId: string, confirmation: string): Promise<PurgeJob> {
    const path = `/api/catalogs/${encodeURIComponent(catalogId)}/purges`;
    return parseApiResponse(purgeJobSchema, await this.http.postJson(path, { learnerId, confirmation }), 'the purge');
  }

  async getPurge(purgeId: string): Promise<PurgeJob> {
    return parseApiResponse(purgeJobSchema, await this.http.getJson(`/api/purges/${encodeURIComponent(purgeId)}`), 'the purge');
  }
}
