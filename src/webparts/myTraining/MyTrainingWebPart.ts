import * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

import * as strings from 'MyTrainingWebPartStrings';
import type { IIdentityService } from '../../client/identity/identityService';
import { MsGraphClientV3IdentityService } from '../../client/identity/msGraphClientV3IdentityService';
import type { IHttpPort } from '../../client/httpPort';
import { LearningApiClient, type ILearningApi } from '../../client/learningApi';
import { SignedInPersonHeader } from '../../ui/identity/SignedInPersonHeader';
import { MyTraining } from '../../ui/myTraining/MyTraining';
import { englishMyTrainingStrings } from '../../ui/myTraining/myTrainingStrings';
import { AtriumWebPartBase } from '../common/AtriumWebPartBase';
import type { IApiConnectionProps } from '../common/apiConnection';
import { TEAMS_APP } from '../common/deepLink';
import { LazyCoursePlayer } from '../common/LazyCoursePlayer';
import { localizedPlayerStrings } from '../common/localizedScreens';
import { withEnglishFallback } from '../common/withEnglishFallback';

export type IMyTrainingWebPartProps = IApiConnectionProps;

/**
 * My training: the signed-in learner's courses, most urgent first. A course opened from it, or from a reminder's
 * deep link, plays in the same web part.
 */
export default class MyTrainingWebPart extends AtriumWebPartBase<IMyTrainingWebPartProps> {
  private identity: IIdentityService | undefined;
  private learning: { port: IHttpPort; api: ILearningApi } | undefined;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.identity = await this.createIdentityService();
  }

  public render(): void {
    const api = this.learningApi();
    if (!api) {
      this.renderNotConfigured();
      return;
    }
    const courseId = this.openedCourseId;
    const screen = courseId
      ? React.createElement(LazyCoursePlayer, { api, courseId, locale: this.locale, strings: localizedPlayerStrings(), onBackToCatalog: this.closeCourse })
      : React.createElement(MyTraining, {
          api,
          certificates: api,
          locale: this.locale,
          strings: withEnglishFallback(englishMyTrainingStrings, strings.MyTraining),
          onOpenCourse: this.openCourse,
          courseHref: this.courseHref(TEAMS_APP.myTrainingEntityId),
        });
    this.renderScreen(
      this.identity
        ? React.createElement(React.Fragment, undefined, React.createElement(SignedInPersonHeader, { identity: this.identity }), screen)
        : screen,
    );
  }

  private learningApi(): ILearningApi | undefined {
    const port = this.apiPort();
    if (!port) return undefined;
    if (!this.learning || this.learning.port !== port) this.learning = { port, api: new LearningApiClient(port) };
    return this.learning.api;
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

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [{ header: { description: strings.PropertyPaneDescription }, groups: [this.connectionPropertyGroup()] }],
    };
  }
}
