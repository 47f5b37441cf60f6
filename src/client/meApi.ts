import { meSchema, type MeView } from '../domain/apiResponses';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { MeView };

/** Who the signed-in person is to Atrium: profile, app roles and organisation. */
export interface IMeApi {
  getMe(): Promise<MeView>;
}

export class MeApiClient implements IMeApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async getMe(): Promise<MeView> {
    return parseApiResponse(meSchema, await this.http.getJson('/api/me'), 'who you are');
  }
}
