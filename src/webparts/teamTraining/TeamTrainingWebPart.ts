import * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import type { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';

import * as strings from 'TeamTrainingWebPartStrings';
import type { IHttpPort } from '../../client/httpPort';
import { LearningApiClient } from '../../client/learningApi';
import { TeamApiClient } from '../../client/teamApi';
import { TeamTraining, type TeamTrainingProps } from '../../ui/team/TeamTraining';
import { englishTeamStrings } from '../../ui/team/teamStrings';
import { AtriumWebPartBase } from '../common/AtriumWebPartBase';
import type { IApiConnectionProps } from '../common/apiConnection';
import { localizedScreenStrings } from '../common/localizedScreens';

export type ITeamTrainingWebPartProps = IApiConnectionProps;

/** Team training: a line manager's direct reports and their training; training managers assign courses from it. */
export default class TeamTrainingWebPart extends AtriumWebPartBase<ITeamTrainingWebPartProps> {
  private clients: { port: IHttpPort; props: Pick<TeamTrainingProps, 'teamApi' | 'learningApi'> } | undefined;

  public render(): void {
    const port = this.apiPort();
    if (!port) {
      this.renderNotConfigured();
      return;
    }
    if (!this.clients || this.clients.port !== port) {
      this.clients = { port, props: { teamApi: new TeamApiClient(port), learningApi: new LearningApiClient(port) } };
    }
    this.renderScreen(
      React.createElement(TeamTraining, {
        ...this.clients.props,
        locale: this.locale,
        strings: localizedScreenStrings(englishTeamStrings, strings.TeamTraining),
      }),
    );
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
