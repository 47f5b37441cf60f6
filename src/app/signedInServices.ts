import { MyDataRightsApiClient, type IMyDataRightsApi } from '../client/dataRightsApi';
import type { IAccessTokenProvider } from '../client/identity/accessTokenProvider';
import { GraphClientIdentityService } from '../client/identity/graphClientIdentityService';
import type { IIdentityService } from '../client/identity/identityService';
import { FetchHttpPort } from '../client/http/fetchHttpPort';
import { LearningApiClient, type ILearningApi } from '../client/learningApi';
import { type ILmsApi, LmsApiClient } from '../client/lmsApi';
import { MeApiClient, type IMeApi } from '../client/meApi';
import { PurgeApiClient, type IPurgeApi } from '../client/privacyApi';
import { TeamApiClient, type ITeamApi } from '../client/teamApi';
import { TenantPrivacyApiClient, type ITenantPrivacyApi } from '../client/tenantPrivacyApi';
import { TenantSetupApiClient, type ITenantSetupApi } from '../client/tenantSetupApi';
import { TrainingAdminApiClient, type ITrainingAdminApi } from '../client/trainingAdminApi';
import { certificateVerificationPath } from '../domain/certificate';
import type { AtriumPageConfig } from './pageConfig';

/** What the signed-in page's components need, over fetch and the Graph client, with the person's tokens. */
export interface SignedInServices {
  api: ILmsApi;
  identity: IIdentityService;
  me: IMeApi;
  learning: ILearningApi;
  team: ITeamApi;
  myDataRights: IMyDataRightsApi;
  purge: IPurgeApi;
  tenantPrivacy: ITenantPrivacyApi;
  trainingAdmin: ITrainingAdminApi;
  tenantSetup: ITenantSetupApi;
  /** The public address that verifies a certificate of the organisation. */
  certificateVerificationUrl: (tenantId: string, code: string) => string;
}

export function createSignedInServices(config: AtriumPageConfig, tokens: IAccessTokenProvider): SignedInServices {
  const http = new FetchHttpPort({ baseUrl: config.apiBaseUrl, getAccessToken: () => tokens.getAccessToken('lmsApi') });
  const apiRoot = config.apiBaseUrl || window.location.origin;
  return {
    api: new LmsApiClient(http),
    identity: new GraphClientIdentityService({
      baseUrl: config.graphBaseUrl,
      authProvider: { getAccessToken: () => tokens.getAccessToken('graph') },
    }),
    me: new MeApiClient(http),
    learning: new LearningApiClient(http),
    team: new TeamApiClient(http),
    myDataRights: new MyDataRightsApiClient(http),
    purge: new PurgeApiClient(http),
    tenantPrivacy: new TenantPrivacyApiClient(http),
    trainingAdmin: new TrainingAdminApiClient(http),
    tenantSetup: new TenantSetupApiClient(http, { getAccessToken: () => tokens.getAccessToken('lmsApi'), apiBaseUrl: apiRoot.replace(/\/+$/, '') }),
    certificateVerificationUrl: (tenantId, code) => apiRoot.replace(/\/+$/, '') + certificateVerificationPath(tenantId, code),
  };
}
