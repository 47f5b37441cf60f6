/**
 * The little HTTP the LMS API client needs. Adapters (fetch, SPFx AadHttpClient, test fakes) resolve
 * `path` against the API base URL, attach credentials, and reject with an LmsApiError on failure.
 */
export interface IHttpPort {
  getJson<T>(path: string): Promise<T>;
  postJson<T>(path: string, body: unknown): Promise<T>;
}
