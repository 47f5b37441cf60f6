import * as React from 'react';
import * as ReactDom from 'react-dom';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';
import { type IPropertyPaneGroup, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { MessageBar, MessageBarType, type PartialTheme, setRTL } from '@fluentui/react';

import * as sharedStrings from 'AtriumSharedStrings';
import type { IHttpPort } from '../../client/httpPort';
import { HostFrame } from '../../ui/theme/HostFrame';
import { fluentThemeForTeams } from '../../ui/theme/teamsTheme';
import { AadHttpPort } from './aadHttpPort';
import { type IApiConnectionProps, isHttpsUrl, resolveApiConnection } from './apiConnection';
import { type DeepLinkTarget, deepLinkTarget, firstDeepLinkTarget, pageCourseLink, teamsCourseDeepLink } from './deepLink';
import { type ApiConnection, readTenantApiConnection } from './tenantApiConnection';

/**
 * What every Atrium web part does the same way, so each web part is only "which screen, with which services":
 * the API connection (web part properties, else tenant properties) and its AadHttpClient port, the host's theme
 * (SharePoint section theme, or the Teams theme, re-rendered when Teams switches), the user's language and
 * writing direction, the deep link the page was opened with, and the property pane's connection fields.
 */
export abstract class AtriumWebPartBase<TProps extends IApiConnectionProps> extends BaseClientSideWebPart<TProps> {
  private tenantConnection: ApiConnection = { apiBaseUrl: '', apiResource: '' };
  private port: { key: string; port: IHttpPort } | undefined;
  private sectionTheme: IReadonlyTheme | undefined;
  /** Set only when the web part runs as a Teams tab or personal app. */
  private teamsTheme: string | undefined;
  private teamsSubPageId: string | undefined;
  private openCourseId: string | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    // Fluent's global flag covers styles made outside the themed tree (layers, callouts, panels).
    setRTL(this.isRightToLeft);
    await Promise.all([this.readTenantConnection(), this.readTeamsContext()]);
    const target = this.deepLinkTarget();
    if (target.kind === 'course') this.openCourseId = target.courseId;
    window.addEventListener('hashchange', this.followHash);
  }

  /** The course open in this web part's player, if one is. */
  protected get openedCourseId(): string | undefined {
    return this.openCourseId;
  }

  protected readonly openCourse = (courseId: string): void => {
    this.openCourseId = courseId;
    this.render();
  };

  protected readonly closeCourse = (): void => {
    // A page opened at a course's link shows the catalog again after a reload once the learner has left the course.
    if (firstDeepLinkTarget(window.location.hash).kind === 'course') {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
    this.openCourseId = undefined;
    this.render();
  };

  /** A course link followed within the page (same address, new hash) opens the course without a reload. */
  private readonly followHash = (): void => {
    const target = firstDeepLinkTarget(window.location.hash);
    if (target.kind === 'course' && target.courseId !== this.openCourseId) this.openCourse(target.courseId);
  };

  /** A shareable address of a course: a Teams deep link inside Teams, else this page with `#/course/{id}`. */
  protected courseHref(teamsEntityId: string): (courseId: string) => string {
    return (courseId) => (this.isInTeams ? teamsCourseDeepLink(teamsEntityId, courseId) : pageCourseLink(window.location, courseId));
  }

  /** BCP 47 tag of the user's language, for dates and numbers. */
  protected get locale(): string {
    return this.context.pageContext.cultureInfo.currentUICultureName;
  }

  protected get isRightToLeft(): boolean {
    return this.context.pageContext.cultureInfo.isRightToLeft;
  }

  protected get isInTeams(): boolean {
    return this.teamsTheme !== undefined;
  }

  /** The course a Teams deep link (subEntityId) or the page hash points at. */
  protected deepLinkTarget(): DeepLinkTarget {
    const fromTeams = deepLinkTarget(this.teamsSubPageId);
    return fromTeams.kind === 'course' ? fromTeams : deepLinkTarget(window.location.hash, window.location.search);
  }

  /** Where the API is: the web part's properties, else the tenant properties read at start; undefined until set. */
  protected apiConnection(): ApiConnection | undefined {
    return resolveApiConnection(this.properties, this.tenantConnection);
  }

  /** One port per connection, so re-renders reuse the client (and its token) and a property change takes effect. */
  protected apiPort(): IHttpPort | undefined {
    const connection = this.apiConnection();
    if (!connection) return undefined;
    const key = `${connection.apiBaseUrl}\n${connection.apiResource}`;
    if (!this.port || this.port.key !== key) {
      this.port = { key, port: new AadHttpPort(this.context.aadHttpClientFactory, connection.apiResource, connection.apiBaseUrl) };
    }
    return this.port.port;
  }

  protected renderScreen(screen: React.ReactElement): void {
    const frame = React.createElement(HostFrame, { theme: this.hostTheme(), dir: this.isRightToLeft ? 'rtl' : 'ltr' }, screen);
    ReactDom.render(frame, this.domElement);
  }

  protected renderNotConfigured(): void {
    this.renderScreen(React.createElement(MessageBar, { messageBarType: MessageBarType.warning, isMultiline: true }, sharedStrings.NotConfigured));
  }

  protected onThemeChanged(currentTheme: IReadonlyTheme | undefined): void {
    this.sectionTheme = currentTheme;
    if (this.renderedOnce) this.render();
  }

  protected onDispose(): void {
    window.removeEventListener('hashchange', this.followHash);
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get disableReactivePropertyChanges(): boolean {
    // Apply the service address once the author confirms it, not on every keystroke.
    return true;
  }

  protected connectionPropertyGroup(): IPropertyPaneGroup {
    return {
      groupName: sharedStrings.ConnectionGroupName,
      groupFields: [
        PropertyPaneTextField('apiBaseUrl', {
          label: sharedStrings.ApiBaseUrlFieldLabel,
          description: sharedStrings.ApiBaseUrlFieldDescription,
          onGetErrorMessage: (value: string) => (!value || isHttpsUrl(value) ? '' : sharedStrings.ApiBaseUrlInvalid),
        }),
        PropertyPaneTextField('apiResource', {
          label: sharedStrings.ApiResourceFieldLabel,
          description: sharedStrings.ApiResourceFieldDescription,
        }),
      ],
    };
  }

  private hostTheme(): PartialTheme | undefined {
    if (this.teamsTheme !== undefined) return fluentThemeForTeams(this.teamsTheme);
    return this.sectionTheme as PartialTheme | undefined;
  }

  private async readTenantConnection(): Promise<void> {
    if (this.properties.apiBaseUrl && this.properties.apiResource) return;
    try {
      this.tenantConnection = await readTenantApiConnection(this.context.spHttpClient, this.context.pageContext.web.absoluteUrl);
    } catch {
      // No tenant properties readable: the web part asks to be configured instead.
    }
  }

  private async readTeamsContext(): Promise<void> {
    const teams = this.context.sdks.microsoftTeams;
    if (!teams) return;
    try {
      const context = await teams.teamsJs.app.getContext();
      this.teamsTheme = context.app.theme;
      this.teamsSubPageId = context.page.subPageId;
      teams.teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this.teamsTheme = theme;
        if (this.renderedOnce) this.render();
      });
    } catch {
      // An older Teams client without app context: Teams' default theme, no deep link.
      this.teamsTheme = 'default';
    }
  }
}
