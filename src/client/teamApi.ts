import { enrolmentListSchema, myTeamSchema, type EnrolmentView, type TeamMemberTraining } from '../domain/apiResponses';
import type { IHttpPort } from './httpPort';
import { parseApiResponse } from './parseApiResponse';

export type { TeamMemberTraining };

/** A line manager's view of their direct reports' training, and assigning a course (for those who manage its catalog). */
export interface ITeamApi {
  getMyTeam(): Promise<TeamMemberTraining[]>;
  assignCourse(courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]>;
}

export class TeamApiClient implements ITeamApi {
  private readonly http: IHttpPort;

  constructor(http: IHttpPort) {
    this.http = http;
  }

  async getMyTeam(): Promise<TeamMemberTraining[]> {
    return parseApiResponse(myTeamSchema, await this.http.getJson('/api/me/team'), "your team's training");
  }

  async assignCourse(courseId: string, learnerIds: string[], dueAt: string): Promise<EnrolmentView[]> {
    const body = await this.http.postJson(`/api/courses/${encodeURIComponent(courseId)}/assignments`, { learnerIds, dueAt });
    return parseApiResponse(enrolmentListSchema, body, 'the assignment');
  }
}

