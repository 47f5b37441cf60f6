import type { DownloadedFile, IHttpPort } from '../httpPort';
import { lmsApiErrorFromTransport } from '../lmsApiError';
import { apiUrl } from './apiUrl';
import { readFileResponse, type FileResponseLike } from './readFileResponse';
import { readJsonResponse } from './readJsonResponse';

export type FetchLike = (url: string, init: RequestInit) => Promise<FileResponseLike>;

export interface FetchHttpPortOptions {
  baseUrl: string;
  /** Returns an access token for the Atrium LMS API (msal-browser, Teams SSO, or the dev token issuer). */
  getAccessToken: () => Promise<string>;
  /** Defaults to the global fetch; tests pass a URL → response fake. */
  fetch?: FetchLike;
}

/** IHttpPort over `fetch` with a bearer token: the standalone page and the Teams tab outside SharePoint. */
export class FetchHttpPort implements IHttpPort {
  private readonly options: FetchHttpPortOptions;

  constructor(options: FetchHttpPortOptions) {
    this.options = options;
  }

  getJson(path: string): Promise<unknown> {
    return this.send('GET', path, undefined);
  }

  postJson(path: string, body: unknown): Promise<unknown> {
    return this.send('POST', path, body);
  }

  putJson(path: string, body: unknown): Promise<unknown> {
    return this.send('PUT', path, body);
  }

  deleteJson(path: string): Promise<unknown> {
    return this.send('DELETE', path, undefined);
  }

  async getBlob(path: string): Promise<DownloadedFile> {
    return readFileResponse(await this.request('GET', path, undefined, '*/*'));
  }

  private async send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown): Promise<unknown> {
    return readJsonResponse(await this.request(method, path, body, 'application/json'));
  }

  private async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body: unknown, accept: string): Promise<FileResponseLike> {
    const fetchImpl: FetchLike = this.options.fetch ?? ((url, init) => fetch(url, init));
    let response: FileResponseLike;
    try {
      const token = await this.options.getAccessToken();
      const headers: Record<string, string> = { Accept: accept, Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      response = await fetchImpl(apiUrl(this.options.baseUrl, path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw lmsApiErrorFromTransport(cause);
    }
    return response;
  }
}
