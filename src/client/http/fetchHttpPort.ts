import type { IHttpPort } from '../httpPort';
import { lmsApiErrorFromTransport } from '../lmsApiError';
import { apiUrl } from './apiUrl';
import { readJsonResponse, type JsonResponseLike } from './readJsonResponse';

export type FetchLike = (url: string, init: RequestInit) => Promise<JsonResponseLike>;

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

  private async send(method: 'GET' | 'POST', path: string, body: unknown): Promise<unknown> {
    const fetchImpl: FetchLike = this.options.fetch ?? ((url, init) => fetch(url, init));
    let response: JsonResponseLike;
    try {
      const token = await this.options.getAccessToken();
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      response = await fetchImpl(apiUrl(this.options.baseUrl, path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw lmsApiErrorFromTransport(cause);
    }
    return readJsonResponse(response);
  }
}
