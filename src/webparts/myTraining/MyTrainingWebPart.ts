import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { MessageBar, MessageBarType, type PartialTheme, ThemeProvider } from '@fluentui/react';

import * as strings from 'MyTrainingWebPartStrings';
import type { IIdentityService } from '../../client/identity/identityService';
import { MsGraphClientV3IdentityService } from '../../client/identity/msGraphClientV3IdentityService';
import { LmsApiClient, type ILmsApi } from '../../client/lmsApi';
import { SignedInPersonHeader } from '../../ui/identity/SignedInPersonHeader';
import { MyTraining } from '../../ui/myTraining/MyTraining';
import { AadHttpPort } from './aadHttpPort';
import { type ApiConnection, readTenantApiConnection } from './tenantApiConnection';

export interface IMyTrainingWebPartProps {
  /** HTTPS base address of the Atrium LMS API; empty means the tenant property. */
  apiBaseUrl: string;
  /** The API's Entra application ID URI or client id, for AadHttpClientFactory.getClient; empty means the tenant property. */
  apiResource: string;
}

function isHttpsUrl(value: string): boolean {
  return /^https:\/\/[^\s/]+/i.test(value.trim());
}

/** Thin host: reads the SPFx context and properties, builds the API client, renders the shared component. */
export default class MyTrainingWebPart extends BaseClientSideWebPart<IMyTrainingWebPartProps> {
  private theme: IReadonlyTheme | undefined;
  private tenantConnection: ApiConnection = { apiBaseUrl: '', apiResource: '' };
  private api: ILmsApi | undefined;
  private apiKey = '';
  private identity: IIdentityService | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.identity = await this.createIdentityService();
    if (this.properties.apiBaseUrl && this.properties.apiResource) return;
    try {
      this.tenantConnection = await readTenantApiConnection(this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    } catch {
      // No tenant properties readable: the web part asks to be configured instead.
    }
  }

  public render(): void {
    const api = this.currentApi();
    const training = api
      ? React.createElement(MyTraining, { api, locale: this.context.pageContext.cultureInfo.currentUICultureName })
      : React.createElement(MessageBar, { messageBarType: MessageBarType.warning }, strings.NotConfigured);
    const content = this.identity
      ? React.createElement(React.Fragment, undefined, React.createElement(SignedInPersonHeader, { identity: this.identity }), training)
      : training;
    ReactDom.render(React.createElement(ThemeProvider, { theme: this.theme as PartialTheme | undefined }, content), this.domElement);
  }

  /** Who is signed in, from Graph through SharePoint's MSGraphClientV3 (User.Read is granted to SPFx by default). */
  private async createIdentityService(): Promise<IIdentityService | undefined> {
    try {
      return new MsGraphClientV3IdentityService(await this.context.msGraphClientFactory.getClient('3'));
    } catch {
      // No Graph client in this host: the web part shows the training without the header.
      return undefined;
    }
  }

  /** One client per connection, so re-renders do not refetch and a property change does. */
  private currentApi(): ILmsApi | undefined {
    const baseUrl = (this.properties.apiBaseUrl || this.tenantConnection.apiBaseUrl || '').trim();
    const resource = (this.properties.apiResource || this.tenantConnection.apiResource || '').trim();
    if (!isHttpsUrl(baseUrl) || !resource) return undefined;
    const key = `${baseUrl}\n${resource}`;
    if (!this.api || key !== this.apiKey) {
      this.api = new LmsApiClient(new AadHttpPort(this.context.aadHttpClientFactory, resource, baseUrl));
      this.apiKey = key;
    }
    return this.api;
  }

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    this.theme = currentTheme;
    if (this.renderedOnce) this.render();
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected get disableReactivePropertyChanges(): boolean {
    // Apply the service address once the author confirms it, not on every keystroke.
    return true;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('apiBaseUrl', {
                  label: strings.ApiBaseUrlFieldLabel,
                  description: strings.ApiBaseUrlFieldDescription,
                  onGetErrorMessage: (value: string) => (!value || isHttpsUrl(value) ? '' : strings.ApiBaseUrlInvalid),
                }),
                PropertyPaneTextField('apiResource', {
                  label: strings.ApiResourceFieldLabel,
                  description: strings.ApiResourceFieldDescription,
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}
