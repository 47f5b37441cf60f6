import { type GraphApiClient, type IIdentityService, readSignedInPerson, type SignedInPerson } from './identityService';

/**
 * IIdentityService in SharePoint: over SPFx's `MSGraphClientV3`, from `context.msGraphClientFactory.getClient('3')`.
 * SharePoint gets the Graph token (User.Read is granted to SPFx by default), so nothing here knows about tokens.
 */
export class MsGraphClientV3IdentityService implements IIdentityService {
  private readonly client: GraphApiClient;

  constructor(client: GraphApiClient) {
    this.client = client;
  }

  getMe(): Promise<SignedInPerson> {
    return readSignedInPerson(this.client);
  }
}
