import { z } from 'zod';
import type { CatalogAudienceBody, CatalogBody, PlanBody } from '../domain/api';
import {
  catalogAudienceSchema,
  catalogListSchema,
  catalogSchema,
  enrolmentListSchema,
  planListSchema,
  planSchema,
  type AudienceGroup,
  type CatalogView,
  type EnrolmentView,
  type PlanView,
} from '../domain/apiResponses';
import {
  assignmentRuleSchema,
  createdAssignmentRuleSchema,
  type AssignmentRule,
  type AssignmentRuleBody,
  type RuleApplication,
} from '../domain/assignmentRules';
import { courseSchema, courseSummarySchema, type Course, type CourseInput, type CourseSummary } from '../domain/course';
import { catalogLearnerPageSchema, type CatalogLearner } from '../domain/privacy';
import { catalogReportSchema, type CatalogReport } from '../domain/reports';
import type { DownloadedFile, IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { AssignmentRule, AssignmentRuleBody, AudienceGroup, CatalogLearner, CatalogReport, CatalogView, Course, CourseInput, CourseSummary, DownloadedFile, EnrolmentView, PlanView, RuleApplication };
export type CatalogInput = Omit<CatalogBody, 'siteUrl'> & { siteUrl: string | null };
export type PlanInput = PlanBody;
export type ReportFormat = 'csv' | 'xlsx';

/** Training managers' (and tenant admins') side of the Atrium API: catalogs, courses, plans, rules, assignments, reports. */
export interface ITrainingAdminApi {
  listCatalogs(): Promise<CatalogView[]>;
  createCatalog(input: CatalogInput): Promise<CatalogView>;
  addCatalogManager(catalogId: string, learnerId: string): Promise<void>;
  getAudience(catalogId: string): Promise<AudienceGroup[]>;
  setAudience(catalogId: string, groups: CatalogAudienceBody['groups']): Promise<AudienceGroup[]>;
  /** People with records in the catalog whose name, mail or department contains `search` (the API has no directory-wide people search). */
  searchPeople(catalogId: string, search: string): Promise<CatalogLearner[]>;
  listCourses(catalogId: string): Promise<CourseSummary[]>;
  getCourse(courseId: string): Promise<Course>;
  createCourse(catalogId: string, input: CourseInput): Promise<Course>;
  updateCourse(courseId: string, input: CourseInput): Promise<Course>;
  assignCourse(courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]>;
  listPlans(catalogId: string): Promise<PlanView[]>;
  createPlan(catalogId: string, input: PlanInput): Promise<PlanView>;
  listRules(catalogId: string): Promise<AssignmentRule[]>;
  createRule(catalogId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }>;
  getReport(catalogId: string): Promise<CatalogReport>;
  downloadReport(catalogId: string, format: ReportFormat): Promise<DownloadedFile>;
}

const id = (value: string): string => encodeURIComponent(value);
const courseListSchema = z.array(courseSummarySchema);
const ruleListSchema = z.array(assignmentRuleSchema);

export class TrainingAdminApiClient implements ITrainingAdminApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async listCatalogs(): Promise<CatalogView[]> {
    return parseApiResponse(catalogListSchema, await this.http.getJson('/api/catalogs'), 'the catalogs');
  }

  async createCatalog(input: CatalogInput): Promise<CatalogView> {
    return parseApiResponse(catalogSchema, await this.http.postJson('/api/catalogs', input), 'the new catalog');
  }

  async addCatalogManager(catalogId: string, learnerId: string): Promise<void> {
    await this.http.postJson(`/api/catalogs/${id(catalogId)}/managers`, { learnerId });
  }

  async getAudience(catalogId: string): Promise<AudienceGroup[]> {
    return parseApiResponse(catalogAudienceSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/audience`), 'the audience');
  }

  async setAudience(catalogId: string, groups: CatalogAudienceBody['groups']): Promise<AudienceGroup[]> {
    return parseApiResponse(catalogAudienceSchema, await this.http.putJson(`/api/catalogs/${id(catalogId)}/audience`, { groups }), 'the audience');
  }

  async searchPeople(catalogId: string, search: string): Promise<CatalogLearner[]> {
    const query = search.trim() ? `?search=${encodeURIComponent(search.trim())}` : '';
    return parseApiResponse(catalogLearnerPageSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/learners${query}`), 'the people').learners;
  }

  async listCourses(catalogId: string): Promise<CourseSummary[]> {
    return parseApiResponse(courseListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/courses`), 'the courses');
  }

  async getCourse(courseId: string): Promise<Course> {
    return parseApiResponse(courseSchema, await this.http.getJson(`/api/courses/${id(courseId)}`), 'the course');
  }

  async createCourse(catalogId: string, input: CourseInput): Promise<Course> {
    return parseApiResponse(courseSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/courses`, input), 'the new course');
  }

  async updateCourse(courseId: string, input: CourseInput): Promise<Course> {
    return parseApiResponse(courseSchema, await this.http.putJson(`/api/courses/${id(courseId)}`, input), 'the course');
  }

  async assignCourse(courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]> {
    return parseApiResponse(enrolmentListSchema, await this.http.postJson(`/api/courses/${id(courseId)}/assignments`, { learnerIds, dueAt }), 'the assignment');
  }

  async listPlans(catalogId: string): Promise<PlanView[]> {
    return parseApiResponse(planListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/plans`), 'the training plans');
  }

  async createPlan(catalogId: string, input: PlanInput): Promise<PlanView> {
    return parseApiResponse(planSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/plans`, input), 'the new training plan');
  }

  async listRules(catalogId: string): Promise<AssignmentRule[]> {
    return parseApiResponse(ruleListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/rules`), 'the assignment rules');
  }

  async createRule(catalogId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }> {
    return parseApiResponse(createdAssignmentRuleSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/rules`, rule), 'the new rule');
  }

  async getReport(catalogId: string): Promise<CatalogReport> {
    return parseApiResponse(catalogReportSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/reports`), 'the report');
  }

  downloadReport(catalogId: string, format: ReportFormat): Promise<DownloadedFile> {
    return this.http.getBlob(`/api/catalogs/${id(catalogId)}/reports/enrolments.${format}`);
  }
}
