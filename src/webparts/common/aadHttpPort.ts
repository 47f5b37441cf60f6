import { AadHttpClient, type AadHttpClientFactory, type HttpClientResponse } from '@microsoft/sp-http';
import type { DownloadedFile, IHttpPort } from '../../client/httpPort';
import { lmsApiErrorFromTransport } from '../../client/lmsApiError';
import { apiUrl } from '../../client/http/apiUrl';
import { readFileResponse } from '../../client/http/readFileResponse';
import { readJsonResponse } from '../../client/http/readJsonResponse';

/**
 * IHttpPort over SPFx's AadHttpClient: SharePoint obtains the token for the Atrium LMS API (the tenant admin
 * approved the `webApiPermissionRequests` of config/package-solution.json).
 */
export class AadHttpPort implements IHttpPort {
  private readonly factory: AadHttpClientFactory;
  private readonly apiResource: string;
  private readonly baseUrl: string;
  private client: Promise<AadHttpClient> | undefined;

  /** `apiResource` is the API's Entra application ID URI (e.g. `api://…`) or its client id. */
  constructor(factory: AadHttpClientFactory, apiResource: string, baseUrl: string) {
    this.factory = factory;
    this.apiResource = apiResource;
    this.baseUrl = baseUrl;
  }

  getJson(path: string): Promise<unknown> {
    return this.send(path, (client, url) =>
      client.get(url, AadHttpClient.configurations.v1, { headers: { Accept: 'application/json' } }),
    );
  }

  postJson(path: string, body: unknown): Promise<unknown> {
    return this.send(path, (client, url) =>
      client.post(url, AadHttpClient.configurations.v1, {
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  }

  putJson(path: string, body: unknown): Promise<unknown> {
    return this.send(path, (client, url) =>
      client.fetch(url, AadHttpClient.configurations.v1, {
        method: 'PUT',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  }

  deleteJson(path: string): Promise<unknown> {
    return this.send(path, (client, url) =>
      client.fetch(url, AadHttpClient.configurations.v1, { method: 'DELETE', headers: { Accept: 'application/json' } }),
    );
  }

  async getBlob(path: string): Promise<DownloadedFile> {
    return readFileResponse(await this.respond(path, (client, url) => client.get(url, AadHttpClient.configurations.v1)));
  }

  private async send(path: string, call: (client: AadHttpClient, url: string) => Promise<HttpClientResponse>): Promise<unknown> {
    return readJsonResponse(await this.respond(path, call));
  }

  private async respond(path: string, call: (client: AadHttpClient, url: string) => Promise<HttpClientResponse>): Promise<HttpClientResponse> {
    let response: HttpClientResponse;
    try {
      if (!this.client) this.client = this.factory.getClient(this.apiResource);
      response = await call(await this.client, apiUrl(this.baseUrl, path));
    } catch (cause) {
      // A rejected getClient (e.g. consent not yet granted) must not stick: the next call tries again.
      this.client = undefined;
      throw lmsApiErrorFromTransport(cause);
    }
    return response;
  }
}
