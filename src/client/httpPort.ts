/**
 * The little HTTP the LMS API client needs. Adapters (fetch, SPFx AadHttpClient, test fakes) resolve
 * `path` against the API base URL, attach credentials, and reject with an LmsApiError on failure. They answer
 * the parsed JSON as `unknown`: the API client checks it against the response schema before anyone uses it.
 */
export interface IHttpPort {
  getJson(path: string): Promise<unknown>;
  postJson(path: string, body: unknown): Promise<unknown>;
  putJson(path: string, body: unknown): Promise<unknown>;
  deleteJson(path: string): Promise<unknown>;
  /** A file the API serves (a certificate PDF), with the name its Content-Disposition gives, if any. */
  getBlob(path: string): Promise<DownloadedFile>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}
