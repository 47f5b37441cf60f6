import * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

import * as strings from 'TrainingAdminWebPartStrings';
import type { IHttpPort } from '../../client/httpPort';
import { MeApiClient } from '../../client/meApi';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import { TrainingAdminApiClient } from '../../client/trainingAdminApi';
import { hasRole } from '../../domain/roles';
import { englishAdminStrings } from '../../ui/admin/adminStrings';
import { AdminStringsProvider } from '../../ui/admin/adminStringsContext';
import { TrainingAdmin } from '../../ui/admin/TrainingAdmin';
import { LoadFailure } from '../../ui/common/LoadFailure';
import { LoadingShimmer } from '../../ui/common/LoadingShimmer';
import { AtriumWebPartBase } from '../common/AtriumWebPartBase';
import type { IApiConnectionProps } from '../common/apiConnection';
import { localizedCommonStrings, localizedPlayerStrings, localizedScreenStrings } from '../common/localizedScreens';

export type ITrainingAdminWebPartProps = IApiConnectionProps;

type Roles = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'loaded'; roles: string[] };

/**
 * Training admin: catalogs, courses (lesson material picked from the catalog's SharePoint site), plans, assignment
 * rules and reports, for training managers and tenant admins. What the person may do comes from their app roles
 * (`/api/me`); the API checks every call anyway.
 */
export default class TrainingAdminWebPart extends AtriumWebPartBase<ITrainingAdminWebPartProps> {
  private admin: { port: IHttpPort; api: TrainingAdminApiClient; roles: Roles } | undefined;
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
    const { api, roles } = this.admin;
    if (roles.status === 'loading') {
      this.renderScreen(React.createElement(LoadingShimmer, { label: strings.LoadingRoles }));
    } else if (roles.status === 'failed') {
      this.renderScreen(
        React.createElement(LoadFailure, { error: roles.error, onRetry: this.retryRoles, strings: localizedCommonStrings() }),
      );
    } else {
      const isTenantAdmin = hasRole(roles.roles, 'Tenant.Admin');
      this.renderScreen(
        React.createElement(
          AdminStringsProvider,
          // The course preview shows the learner's course page: in the user's language too.
          { strings: localizedScreenStrings(englishAdminStrings, strings.Admin), playerStrings: localizedPlayerStrings() },
          React.createElement(TrainingAdmin, {
            api,
            isTenantAdmin,
            canCreateCatalogs: isTenantAdmin || hasRole(roles.roles, 'Catalog.Manage'),
            locale: this.locale,
            sharePointContent: this.sharePointContent,
          }),
        ),
      );
    }
  }

  private loadRoles(admin: NonNullable<TrainingAdminWebPart['admin']>): void {
    new MeApiClient(admin.port).getMe().then(
      (me) => this.rolesLoaded(admin, { status: 'loaded', roles: me.roles }),
      (error: unknown) => this.rolesLoaded(admin, { status: 'failed', error }),
    );
  }

  private rolesLoaded(admin: NonNullable<TrainingAdminWebPart['admin']>, roles: Roles): void {
    // A connection changed meanwhile has its own request.
    if (this.admin !== admin) return;
    admin.roles = roles;
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
