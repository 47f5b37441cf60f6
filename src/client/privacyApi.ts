import type { IHttpPort } from './httpPort';

/** A person with records in a catalog, as a catalog manager sees them before a purge. */
export interface CatalogLearner {
  id: string;
  displayName: string | null;
  mail: string | null;
  department: string | null;
  /** Rows that refer to the person in this catalog. */
  records: number;
  lastActivityAt: string | null;
}

export interface CatalogLearnerPage {
  learners: CatalogLearner[];
  nextCursor: string | null;
}

/** Counts by kind of record a purge would remove, and what has to be typed to confirm it. */
export interface PurgePreview {
  counts: Record<string, number>;
  total: number;
  confirmation: string;
}

export type PurgeStatus = 'queued' | 'running' | 'done' | 'failed';

export interface PurgeJob {
  id: string;
  status: PurgeStatus;
  progress: { done: number; total: number };
  counts: Record<string, number>;
}

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

  listCatalogLearners(catalogId: string, query: { search?: string; cursor?: string | null }): Promise<CatalogLearnerPage> {
    return this.http.getJson(withQuery(`/api/catalogs/${encodeURIComponent(catalogId)}/learners`, { search: query.search, cursor: query.cursor }));
  }

  getPurgePreview(catalogId: string, learnerId: string): Promise<PurgePreview> {
    return this.http.getJson(`/api/catalogs/${encodeURIComponent(catalogId)}/learners/${encodeURIComponent(learnerId)}/purge-preview`);
  }

  startPurge(catalogId: string, learnerId: string, confirmation: string): Promise<PurgeJob> {
    return this.http.postJson(`/api/catalogs/${encodeURIComponent(catalogId)}/purges`, { learnerId, confirmation });
  }

  getPurge(purgeId: string): Promise<PurgeJob> {
    return this.http.getJson(`/api/purges/${encodeURIComponent(purgeId)}`);
  }
}
