import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi } from '@pnp/sp';
import { SPFx } from '@pnp/sp/behaviors/spfx';
import { type ISharePointContentService, PnPSharePointContentService } from '../../client/sharepoint/sharePointContentService';

/** PnPjs configured for this web part's SharePoint context (authentication, request digest, headers), once. */
export function createSharePointContentService(context: WebPartContext): ISharePointContentService {
  return new PnPSharePointContentService(spfi().using(SPFx(context)));
}
