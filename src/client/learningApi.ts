import { z } from 'zod';
import {
  catalogListSchema,
  enrolmentDetailSchema,
  enrolmentSchema,
  planEnrolmentSchema,
  planListSchema,
  progressOutcomeSchema,
  type CatalogView,
  type EnrolmentDetail,
  type EnrolmentView,
  type PlanEnrolment,
  type PlanView,
  type ProgressOutcome,
} from '../domain/apiResponses';
import { courseForLearnerSchema, courseSummarySchema, type CourseForLearner, type CourseSummary } from '../domain/course';
import { myTrainingSchema, type MyTraining } from '../domain/myTraining';
import type { QuizAnswers } from '../domain/quiz';
import type { DownloadedFile, IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { CatalogView, CourseForLearner, CourseSummary, DownloadedFile, EnrolmentDetail, EnrolmentView, MyTraining, PlanEnrolment, PlanView, ProgressOutcome, QuizAnswers };

/** A learner's side of the Atrium API: browse catalogs, enrol, take courses, download certificates. */
export interface ILearningApi {
  listCatalogs(): Promise<CatalogView[]>;
  listCourses(catalogId: string): Promise<CourseSummary[]>;
  listPlans(catalogId: string): Promise<PlanView[]>;
  getCourse(courseId: string): Promise<CourseForLearner>;
  enrolInCourse(courseId: string): Promise<EnrolmentView>;
  enrolInPlan(planId: string): Promise<PlanEnrolment>;
  getMyTraining(): Promise<MyTraining>;
  getEnrolment(enrolmentId: string): Promise<EnrolmentDetail>;
  completeLesson(enrolmentId: string, lessonId: string): Promise<ProgressOutcome>;
  submitQuiz(enrolmentId: string, answers: QuizAnswers): Promise<ProgressOutcome>;
  downloadCertificate(certificateId: string): Promise<DownloadedFile>;
}

const courseListSchema = z.array(courseSummarySchema);
const id = (value: string): string => encodeURIComponent(value);

export class LearningApiClient implements ILearningApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async listCatalogs(): Promise<CatalogView[]> {
    return parseApiResponse(catalogListSchema, await this.http.getJson('/api/catalogs'), 'the catalogs');
  }

  async listCourses(catalogId: string): Promise<CourseSummary[]> {
    return parseApiResponse(courseListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/courses`), 'the courses');
  }

  async listPlans(catalogId: string): Promise<PlanView[]> {
    return parseApiResponse(planListSchema, await this.http.getJson(`/api/catalogs/${id(catalogId)}/plans`), 'the training plans');
  }

  /** Catalog managers receive the quiz answers too; parsing as the learner's view drops them. */
  async getCourse(courseId: string): Promise<CourseForLearner> {
    return parseApiResponse(courseForLearnerSchema, await this.http.getJson(`/api/courses/${id(courseId)}`), 'the course');
  }

  async enrolInCourse(courseId: string): Promise<EnrolmentView> {
    return parseApiResponse(enrolmentSchema, await this.http.postJson(`/api/courses/${id(courseId)}/enrolments`, {}), 'your enrolment');
  }

  async enrolInPlan(planId: string): Promise<PlanEnrolment> {
    return parseApiResponse(planEnrolmentSchema, await this.http.postJson(`/api/plans/${id(planId)}/enrolments`, {}), 'your plan enrolment');
  }

  async getMyTraining(): Promise<MyTraining> {
    return parseApiResponse(myTrainingSchema, await this.http.getJson('/api/me/training'), 'your training');
  }

  async getEnrolment(enrolmentId: string): Promise<EnrolmentDetail> {
    return parseApiResponse(enrolmentDetailSchema, await this.http.getJson(`/api/enrolments/${id(enrolmentId)}`), 'your progress');
  }

  async completeLesson(enrolmentId: string, lessonId: string): Promise<ProgressOutcome> {
    const body = await this.http.postJson(`/api/enrolments/${id(enrolmentId)}/progress`, { type: 'lesson-completed', lessonId });
    return parseApiResponse(progressOutcomeSchema, body, 'your progress');
  }

  async submitQuiz(enrolmentId: string, answers: QuizAnswers): Promise<ProgressOutcome> {
    const body = await this.http.postJson(`/api/enrolments/${id(enrolmentId)}/progress`, { type: 'quiz-attempt', answers });
    return parseApiResponse(progressOutcomeSchema, body, 'your quiz result');
  }

  downloadCertificate(certificateId: string): Promise<DownloadedFile> {
    return this.http.getBlob(`/api/certificates/${id(certificateId)}/pdf`);
  }
}
