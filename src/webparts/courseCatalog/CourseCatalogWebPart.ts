import * as React from 'react';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, type IPropertyPaneDropdownOption, PropertyPaneDropdown } from '@microsoft/sp-property-pane';

import * as strings from 'CourseCatalogWebPartStrings';
import { LearningApiClient, type ILearningApi } from '../../client/learningApi';
import type { IHttpPort } from '../../client/httpPort';
import type { ISharePointContentService } from '../../client/sharepoint/sharePointContent';
import { CourseCatalog } from '../../ui/catalog/CourseCatalog';
import { englishCatalogStrings } from '../../ui/catalog/catalogStrings';
import { AtriumWebPartBase } from '../common/AtriumWebPartBase';
import type { IApiConnectionProps } from '../common/apiConnection';
import { scopeToCatalog } from '../common/catalogScope';
import { TEAMS_APP } from '../common/deepLink';
import { LazyCoursePlayer } from '../common/LazyCoursePlayer';
import { localizedPlayerStrings, localizedScreenStrings } from '../common/localizedScreens';

export interface ICourseCatalogWebPartProps extends IApiConnectionProps {
  /** The one catalog shown; empty: every catalog open to the user, the one bound to this site first. */
  catalogId: string;
  /** A course shown on its own (e.g. a Teams channel tab for one course); empty: the catalog. */
  courseId: string;
}

type Choices = { status: 'idle' | 'loading' | 'failed' } | { status: 'loaded'; options: IPropertyPaneDropdownOption[] };

/**
 * Course catalog, and the course player opened from it in the same web part: a learner who picks a course stays
 * where they were (page or Teams tab) and comes back to the catalog. The player is its own lazily loaded chunk.
 */
export default class CourseCatalogWebPart extends AtriumWebPartBase<ICourseCatalogWebPartProps> {
  private learning: { port: IHttpPort; api: ILearningApi } | undefined;
  private sharePoint: Promise<ISharePointContentService> | undefined;
  private catalogChoices: Choices = { status: 'idle' };
  private courseChoices: Choices = { status: 'idle' };

  /**
   * Lesson materials from a catalog's SharePoint site, for the screens that pick them (SharePointContentPicker).
   * PnPjs is configured once per web part, on first use rather than in onInit, and in its own chunk: it is a
   * third of this bundle otherwise, and learners browsing the catalog never need it.
   */
  protected sharePointContent(): Promise<ISharePointContentService> {
    if (!this.sharePoint) {
      this.sharePoint = import(/* webpackChunkName: 'atrium-sharepoint-content' */ '../common/sharePointContentForWebPart').then((module) =>
        module.createSharePointContentService(this.context),
      );
    }
    return this.sharePoint;
  }

  public render(): void {
    const api = this.learningApi();
    if (!api) {
      this.renderNotConfigured();
      return;
    }
    const courseId = this.openedCourseId || this.properties.courseId;
    const scoped = scopeToCatalog(api, { catalogId: this.properties.catalogId, siteUrl: this.context.pageContext.web.absoluteUrl });
    const courseHref = this.courseHref(TEAMS_APP.catalogEntityId);
    this.renderScreen(
      courseId
        ? React.createElement(LazyCoursePlayer, {
            api,
            courseId,
            locale: this.locale,
            strings: localizedPlayerStrings(),
            onBackToCatalog: this.properties.courseId ? undefined : this.closeCourse,
          })
        : React.createElement(CourseCatalog, {
            api: scoped,
            locale: this.locale,
            strings: localizedScreenStrings(englishCatalogStrings, strings.Catalog),
            onOpenCourse: this.openCourse,
            courseHref,
          }),
    );
  }

  private learningApi(): ILearningApi | undefined {
    const port = this.apiPort();
    if (!port) return undefined;
    if (!this.learning || this.learning.port !== port) this.learning = { port, api: new LearningApiClient(port) };
    return this.learning.api;
  }

  protected onPropertyPaneConfigurationStart(): void {
    this.loadCatalogChoices();
    this.loadCourseChoices();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue: unknown, newValue: unknown): void {
    super.onPropertyPaneFieldChanged(propertyPath, oldValue, newValue);
    if (propertyPath === 'catalogId' && oldValue !== newValue) {
      this.properties.courseId = '';
      this.courseChoices = { status: 'idle' };
      this.loadCourseChoices();
    }
  }

  private loadCatalogChoices(): void {
    const api = this.learningApi();
    if (!api || this.catalogChoices.status === 'loading' || this.catalogChoices.status === 'loaded') return;
    this.catalogChoices = { status: 'loading' };
    api.listCatalogs().then(
      (catalogs) => this.choicesLoaded('catalog', [{ key: '', text: strings.AllCatalogsOption }, ...catalogs.map((c) => ({ key: c.id, text: c.name }))]),
      () => this.choicesLoaded('catalog', undefined),
    );
  }

  private loadCourseChoices(): void {
    const api = this.learningApi();
    const catalogId = this.properties.catalogId;
    if (!api || !catalogId || this.courseChoices.status === 'loading') return;
    this.courseChoices = { status: 'loading' };
    api.listCourses(catalogId).then(
      (courses) => this.choicesLoaded('course', [{ key: '', text: strings.WholeCatalogOption }, ...courses.map((c) => ({ key: c.id, text: c.title }))]),
      () => this.choicesLoaded('course', undefined),
    );
  }

  private choicesLoaded(which: 'catalog' | 'course', options: IPropertyPaneDropdownOption[] | undefined): void {
    const choices: Choices = options ? { status: 'loaded', options } : { status: 'failed' };
    if (which === 'catalog') this.catalogChoices = choices;
    else this.courseChoices = choices;
    this.context.propertyPane.refresh();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const dropdown = (choices: Choices, fallback: IPropertyPaneDropdownOption): { options: IPropertyPaneDropdownOption[]; disabled: boolean } =>
      choices.status === 'loaded' ? { options: choices.options, disabled: false } : { options: [fallback], disabled: true };
    const catalogs = dropdown(this.catalogChoices, {
      key: this.properties.catalogId,
      text: this.catalogChoices.status === 'failed' ? strings.ChoicesUnavailable : strings.ChoicesLoading,
    });
    const courses = dropdown(this.courseChoices, {
      key: this.properties.courseId,
      text: this.courseChoices.status === 'failed' ? strings.ChoicesUnavailable : strings.WholeCatalogOption,
    });
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ContentGroupName,
              groupFields: [
                PropertyPaneDropdown('catalogId', { label: strings.CatalogFieldLabel, ...catalogs }),
                PropertyPaneDropdown('courseId', { label: strings.CourseFieldLabel, ...courses, disabled: courses.disabled || !this.properties.catalogId }),
              ],
            },
            this.connectionPropertyGroup(),
          ],
        },
      ],
    };
  }
}
