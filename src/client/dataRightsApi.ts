import {
  myPrivacySchema,
  noticeWithdrawalSchema,
  personalDataExportSchema,
  erasureRequestViewSchema,
  noticeAcceptanceSchema,
  type ErasureRequestView,
  type MyPrivacy,
  type PersonalDataExport,
} from '../domain/dataRights';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { ErasureRequestView, MyPrivacy, PersonalDataExport } from '../domain/dataRights';

/** A learner's own data rights: what is stored, the privacy notice, and asking to be forgotten. */
export interface IMyDataRightsApi {
  getMyPrivacy(): Promise<MyPrivacy>;
  getMyData(): Promise<PersonalDataExport>;
  acceptPrivacyNotice(version: number): Promise<void>;
  withdrawPrivacyNoticeAcceptance(): Promise<ErasureRequestView>;
  requestErasure(note: string): Promise<ErasureRequestView>;
}

export class MyDataRightsApiClient implements IMyDataRightsApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async getMyPrivacy(): Promise<MyPrivacy> {
    return parseApiResponse(myPrivacySchema, await this.http.getJson('/api/me/privacy'), 'your privacy settings');
  }

  async getMyData(): Promise<PersonalDataExport> {
    return parseApiResponse(personalDataExportSchema, await this.http.getJson('/api/me/data'), 'your data');
  }

  async acceptPrivacyNotice(version: number): Promise<void> {
    parseApiResponse(noticeAcceptanceSchema, await this.http.postJson('/api/me/privacy-notice/acceptance', { version }), 'the acceptance');
  }

  async withdrawPrivacyNoticeAcceptance(): Promise<ErasureRequestView> {
    const body = await this.http.deleteJson('/api/me/privacy-notice/acceptance');
    return parseApiResponse(noticeWithdrawalSchema, body, 'the withdrawal').erasureRequest;
  }

  async requestErasure(note: string): Promise<ErasureRequestView> {
    const body = await this.http.postJson('/api/me/erasure-request', note.trim() ? { note: note.trim() } : {});
    return parseApiResponse(erasureRequestViewSchema, body, 'your erasure request');
  }
}
