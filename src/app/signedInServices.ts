import type { IAccessTokenProvider } from '../client/identity/accessTokenProvider';
import { GraphClientIdentityService } from '../client/identity/graphClientIdentityService';
import type { IIdentityService } from '../client/identity/identityService';
import { FetchHttpPort } from '../client/http/fetchHttpPort';
import { type ILmsApi, LmsApiClient } from '../client/lmsApi';
import type { AtriumPageConfig } from './pageConfig';

/** What the signed-in page's components need, over fetch and the Graph client, with the person's tokens. */
export interface SignedInServices {
  api: ILmsApi;
  identity: IIdentityService;
}

export function createSignedInServices(config: AtriumPageConfig, tokens: IAccessTokenProvider): SignedInServices {
  return {
    api: new LmsApiClient(new FetchHttpPort({ baseUrl: config.apiBaseUrl, getAccessToken: () => tokens.getAccessToken('lmsApi') })),
    identity: new GraphClientIdentityService({
      baseUrl: config.graphBaseUrl,
      authProvider: { getAccessToken: () => tokens.getAccessToken('graph') },
    }),
  };
}
