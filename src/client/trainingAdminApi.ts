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
import { catalogReportSchema, type CatalogReport, type ReportFilters } from '../domain/reports';
import {
  catalogManagersSchema,
  directoryGroupsSchema,
  directoryPeopleSchema,
  groupAssignmentResultSchema,
  ruleAssignmentPageSchema,
  rulePreviewSchema,
  type CatalogManager,
  type DirectoryGroup,
  type DirectoryPerson,
  type GroupAssignmentResult,
  type RuleAssignmentPage,
  type RulePreview,
} from '../domain/trainingAdmin';
import type { DownloadedFile, IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type {
  AssignmentRule,
  AssignmentRuleBody,
  AudienceGroup,
  CatalogManager,
  CatalogReport,
  CatalogView,
  Course,
  CourseInput,
  CourseSummary,
  DirectoryGroup,
  DirectoryPerson,
  DownloadedFile,
  EnrolmentView,
  GroupAssignmentResult,
  PlanView,
  ReportFilters,
  RuleApplication,
  RuleAssignmentPage,
  RulePreview,
};
export type CatalogInput = Omit<CatalogBody, 'siteUrl'> & { siteUrl: string | null };
export type PlanInput = PlanBody;
export type ReportFormat = 'csv' | 'xlsx';

/** Training managers' (and tenant admins') side of the Atrium API: catalogs, courses, plans, rules, assignments, reports. */
export interface ITrainingAdminApi {
  listCatalogs(): Promise<CatalogView[]>;
  createCatalog(input: CatalogInput): Promise<CatalogView>;
  updateCatalog(catalogId: string, input: CatalogInput): Promise<CatalogView>;
  listCatalogManagers(catalogId: string): Promise<CatalogManager[]>;
  addCatalogManager(catalogId: string, learnerId: string): Promise<void>;
  removeCatalogManager(catalogId: string, learnerId: string): Promise<void>;
  /** Current people of the whole directory whose name or mail starts with `search` (two characters or more). */
  searchDirectoryPeople(search: string): Promise<DirectoryPerson[]>;
  /** Entra ID groups whose display name starts with `search` (two characters or more). */
  searchDirectoryGroups(search: string): Promise<DirectoryGroup[]>;
  getAudience(catalogId: string): Promise<AudienceGroup[]>;
  setAudience(catalogId: string, groups: CatalogAudienceBody['groups']): Promise<AudienceGroup[]>;
  listCourses(catalogId: string): Promise<CourseSummary[]>;
  getCourse(courseId: string): Promise<Course>;
  createCourse(catalogId: string, input: CourseInput): Promise<Course>;
  updateCourse(courseId: string, input: CourseInput): Promise<Course>;
  assignCourse(courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]>;
  assignCourseToGroup(courseId: string, groupId: string, dueAt: string): Promise<GroupAssignmentResult>;
  listPlans(catalogId: string): Promise<PlanView[]>;
  createPlan(catalogId: string, input: PlanInput): Promise<PlanView>;
  updatePlan(planId: string, input: PlanInput): Promise<PlanView>;
  listRules(catalogId: string): Promise<AssignmentRule[]>;
  /** Who the rule would assign if saved now; writes nothing. */
  previewRule(catalogId: string, rule: AssignmentRuleBody): Promise<RulePreview>;
  createRule(catalogId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }>;
  updateRule(ruleId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }>;
  /** The rule goes; the enrolments it made stay with the people. */
  deleteRule(ruleId: string): Promise<void>;
  listRuleAssignments(ruleId: string, cursor?: string): Promise<RuleAssignmentPage>;
  /** The catalog's report, narrowed to the enrolments matching every filter given. */
  getReport(catalogId: string, filters?: ReportFilters): Promise<CatalogReport>;
  downloadReport(catalogId: string, format: ReportFormat, filters?: ReportFilters): Promise<DownloadedFile>;
}

const id = (value: string): string => encodeURIComponent(value);

/** `?courseId=…&department=…&office=…` with only the filters set, or nothing. */
function reportQuery(filters: ReportFilters = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}
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

  async updateCatalog(catalogId: string, input: CatalogInput): Promise<CatalogView> {
    return parseApiResponse(catalogSchema, await this.http.putJson(`/api/catalogs/${id(catalogId)}`, input), 'the catalog');
  }

  async listCatalogManagers(catalogId: string): Promise<CatalogManager[]> {
    return parseApiResponse(catalogManagersSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/managers`), 'the catalog managers').managers;
  }

  async addCatalogManager(catalogId: string, learnerId: string): Promise<void> {
    await this.http.postJson(`/api/catalogs/${id(catalogId)}/managers`, { learnerId });
  }

  async removeCatalogManager(catalogId: string, learnerId: string): Promise<void> {
    await this.http.deleteJson(`/api/catalogs/${id(catalogId)}/managers/${id(learnerId)}`);
  }

  async searchDirectoryPeople(search: string): Promise<DirectoryPerson[]> {
    return parseApiResponse(directoryPeopleSchema, await this.http.getJson(`/api/directory/people?search=${encodeURIComponent(search.trim())}`), 'the people').people;
  }

  async searchDirectoryGroups(search: string): Promise<DirectoryGroup[]> {
    return parseApiResponse(directoryGroupsSchema, await this.http.getJson(`/api/directory/groups?search=${encodeURIComponent(search.trim())}`), 'the groups').groups;
  }

  async getAudience(catalogId: string): Promise<AudienceGroup[]> {
    return parseApiResponse(catalogAudienceSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/audience`), 'the audience');
  }

  async setAudience(catalogId: string, groups: CatalogAudienceBody['groups']): Promise<AudienceGroup[]> {
    return parseApiResponse(catalogAudienceSchema, await this.http.putJson(`/api/catalogs/${id(catalogId)}/audience`, { groups }), 'the audience');
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

  async assignCourseToGroup(courseId: string, groupId: string, dueAt: string): Promise<GroupAssignmentResult> {
    return parseApiResponse(groupAssignmentResultSchema, await this.http.postJson(`/api/courses/${id(courseId)}/group-assignments`, { groupId, dueAt }), 'the assignment');
  }

  async listPlans(catalogId: string): Promise<PlanView[]> {
    return parseApiResponse(planListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/plans`), 'the training plans');
  }

  async createPlan(catalogId: string, input: PlanInput): Promise<PlanView> {
    return parseApiResponse(planSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/plans`, input), 'the new training plan');
  }

  async updatePlan(planId: string, input: PlanInput): Promise<PlanView> {
    return parseApiResponse(planSchema, await this.http.putJson(`/api/plans/${id(planId)}`, input), 'the training plan');
  }

  async listRules(catalogId: string): Promise<AssignmentRule[]> {
    return parseApiResponse(ruleListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/rules`), 'the assignment rules');
  }

  async createRule(catalogId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }> {
    return parseApiResponse(createdAssignmentRuleSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/rules`, rule), 'the new rule');
  }

  async previewRule(catalogId: string, rule: AssignmentRuleBody): Promise<RulePreview> {
    return parseApiResponse(rulePreviewSchema, await this.http.postJson(`/api/catalogs/${id(catalogId)}/rules/preview`, rule), 'the rule preview');
  }

  async updateRule(ruleId: string, rule: AssignmentRuleBody): Promise<{ rule: AssignmentRule; applied: RuleApplication }> {
    return parseApiResponse(createdAssignmentRuleSchema, await this.http.putJson(`/api/rules/${id(ruleId)}`, rule), 'the rule');
  }

  async deleteRule(ruleId: string): Promise<void> {
    await this.http.deleteJson(`/api/rules/${id(ruleId)}`);
  }

  async listRuleAssignments(ruleId: string, cursor?: string): Promise<RuleAssignmentPage> {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    return parseApiResponse(ruleAssignmentPageSchema, await this.http.getJson(`/api/rules/${id(ruleId)}/assignments${query}`), 'the rule assignments');
  }

  async getReport(catalogId: string, filters?: ReportFilters): Promise<CatalogReport> {
    return parseApiResponse(catalogReportSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/reports${reportQuery(filters)}`), 'the report');
  }

  downloadReport(catalogId: string, format: ReportFormat, filters?: ReportFilters): Promise<DownloadedFile> {
    return this.http.getBlob(`/api/catalogs/${id(catalogId)}/reports/enrolments.${format}${reportQuery(filters)}`);
  }
}
