import { myTrainingSchema, type MyTraining } from '../domain/myTraining';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

/** What the browser asks of the Atrium LMS API. Components depend on this, never on a transport. */
export interface ILmsApi {
  getMyTraining(): Promise<MyTraining>;
}

export const LMS_API_PATHS = {
  myTraining: '/api/me/training',
} as const;

export class LmsApiClient implements ILmsApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async getMyTraining(): Promise<MyTraining> {
    return parseApiResponse(myTrainingSchema, await this.http.getJson(LMS_API_PATHS.myTraining), 'your training');
  }
}
