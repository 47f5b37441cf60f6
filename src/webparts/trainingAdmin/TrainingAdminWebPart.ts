import * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

import * as strings from 'TrainingAdminWebPartStrings';
import type { IHttpPort } from '../../client/httpPort';
import { MeApiClient } from '../../client/meApi';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import { type ITenantSetupApi, TenantSetupApiClient } from '../../client/tenantSetupApi';
import { TrainingAdminApiClient } from '../../client/trainingAdminApi';
import { englishAdminStrings } from '../../ui/admin/adminStrings';
import { AdminStringsProvider } from '../../ui/admin/adminStringsContext';
import { TrainingAdminHome } from '../../ui/admin/TrainingAdminHome';
import { LoadFailure } from '../../ui/common/LoadFailure';
import { LoadingShimmer } from '../../ui/common/LoadingShimmer';
import { englishSetupStrings } from '../../ui/setup/setupStrings';
import { SetupStringsProvider } from '../../ui/setup/setupStringsContext';
import { TenantSetup } from '../../ui/setup/TenantSetup';
import { AtriumWebPartBase } from '../common/AtriumWebPartBase';
import type { IApiConnectionProps } from '../common/apiConnection';
import { localizedCommonStrings, localizedPlayerStrings, localizedScreenStrings } from '../common/localizedScreens';
import { needsTenantSetupApi, type RolesLoad, trainingAdminScreen } from './trainingAdminScreen';

export type ITrainingAdminWebPartProps = IApiConnectionProps;

/**
 * Training admin: catalogs, courses (lesson material picked from the catalog's SharePoint site), plans, assignment
 * rules and reports, for training managers and tenant admins. What the person may do comes from their app roles
 * (`/api/me`); the API checks every call anyway. Before the organisation is set up, its tenant admin sets it up here;
 * afterwards tenant admins also reach the Organisation page from here.
 */
export default class TrainingAdminWebPart extends AtriumWebPartBase<ITrainingAdminWebPartProps> {
  private admin: { port: IHttpPort; api: TrainingAdminApiClient; roles: RolesLoad; setup?: ITenantSetupApi } | undefined;
  private sharePoint: Promise<ISharePointContentService> | undefined;

  /**
   * The SharePoint material picker's service, one per web part instance (the picker reloads when it changes). PnPjs is
   * configured on the first call, in its own chunk, as in the Course catalog: only picking lesson material needs it.
   */
  private readonly sharePointContent: ISharePointContentService = {
    listLibraries: (siteUrl) => this.sharePointService().then((service) => service.listLibraries(siteUrl)),
    listContent: (siteUrl, library) => this.sharePointService().then((service) => service.listContent(siteUrl, library)),
  };

  private sharePointService(): Promise<ISharePointContentService> {
    if (!this.sharePoint) {
      this.sharePoint = import(/* webpackChunkName: 'atrium-sharepoint-content' */ '../common/sharePointContentForWebPart').then((module) =>
        module.createSharePointContentService(this.context),
      );
    }
    return this.sharePoint;
  }

  public render(): void {
    const port = this.apiPort();
    if (!port) {
      this.renderNotConfigured();
      return;
    }
    if (!this.admin || this.admin.port !== port) {
      this.admin = { port, api: new TrainingAdminApiClient(port), roles: { status: 'loading' } };
      this.loadRoles(this.admin);
    }
    const { api, roles, setup } = this.admin;
    const screen = trainingAdminScreen(roles);
    if (screen.kind === 'loading') {
      this.renderScreen(React.createElement(LoadingShimmer, { label: strings.LoadingRoles }));
    } else if (screen.kind === 'failed' || (screen.kind === 'setup' && !setup)) {
      this.renderScreen(React.createElement(LoadFailure, { error: screen.error, onRetry: this.retryRoles, strings: localizedCommonStrings() }));
    } else {
      this.renderScreen(
        React.createElement(
          AdminStringsProvider,
          // The course preview shows the learner's course page: in the user's language too.
          { strings: localizedScreenStrings(englishAdminStrings, strings.Admin), playerStrings: localizedPlayerStrings() },
          React.createElement(
            SetupStringsProvider,
            { strings: localizedScreenStrings(englishSetupStrings, strings.Setup) },
            screen.kind === 'setup' && setup
              ? React.createElement(TenantSetup, { api: setup, onFinished: this.retryRoles })
              : React.createElement(TrainingAdminHome, {
                  api,
                  isTenantAdmin: screen.kind === 'admin' && screen.isTenantAdmin,
                  canCreateCatalogs: screen.kind === 'admin' && screen.canCreateCatalogs,
                  organisation: setup,
                  locale: this.locale,
                  sharePointContent: this.sharePointContent,
                }),
          ),
        ),
      );
    }
  }

  private loadRoles(admin: NonNullable<TrainingAdminWebPart['admin']>): void {
    new MeApiClient(admin.port)
      .getMe()
      .then(
        (me): RolesLoad => ({ status: 'loaded', roles: me.roles }),
        (error: unknown): RolesLoad => ({ status: 'failed', error }),
      )
      .then((roles) => {
        const setup = admin.setup ?? (needsTenantSetupApi(trainingAdminScreen(roles)) ? this.tenantSetupApi(admin.port) : undefined);
        this.rolesLoaded(admin, roles, setup);
      })
      .catch((error: unknown) => this.rolesLoaded(admin, { status: 'failed', error }, admin.setup));
  }

  /**
   * The organisation's set-up over the web part's port. The wizard decides who may set up from the token's `roles`,
   * and the Organisation page shows its `aud`: SharePoint gives the web part the same token its AadHttpClient sends.
   */
  private tenantSetupApi(port: IHttpPort): ITenantSetupApi | undefined {
    const connection = this.apiConnection();
    if (!connection) return undefined;
    const getAccessToken = async (): Promise<string> => (await this.context.aadTokenProviderFactory.getTokenProvider()).getToken(connection.apiResource);
    return new TenantSetupApiClient(port, { getAccessToken, apiBaseUrl: connection.apiBaseUrl });
  }

  private rolesLoaded(admin: NonNullable<TrainingAdminWebPart['admin']>, roles: RolesLoad, setup: ITenantSetupApi | undefined): void {
    // A connection changed meanwhile has its own request.
    if (this.admin !== admin) return;
    admin.roles = roles;
    admin.setup = setup;
    this.render();
  }

  private readonly retryRoles = (): void => {
    if (!this.admin) return;
    this.admin.roles = { status: 'loading' };
    this.loadRoles(this.admin);
    this.render();
  };

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{ header: { description: strings.PropertyPaneDescription }, groups: [this.connectionPropertyGroup()] }],
    };
  }
}
