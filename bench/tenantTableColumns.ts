import type Database from 'better-sqlite3';
import type {
  AssignmentRulesTable,
  CertificatesTable,
  EnrolmentsTable,
  LearnerRestrictionsTable,
  LearnersTable,
  LessonProgressTable,
  QuizAttemptsTable,
  RuleAssignmentsTable,
  TenantDatabase,
} from '../src/server/store/tenantSchema';

/*
 * The tenant tables' columns for benchmarks that write rows straight into a tenant's SQLite file. Typed against the
 * store's table types, so a schema change breaks the benchmarks at compile time instead of seeding something the
 * service never reads.
 */

type Columns<Row> = Record<keyof Row, true>;

export const LEARNER_COLUMNS: Columns<LearnersTable> = {
  tenant_id: true, learner_id: true, user_principal_name: true, display_name: true, mail: true, department: true, job_title: true,
  office_location: true, country: true, city: true, manager_id: true, departed_at: true, synced_at: true, created_at: true,
};
export const ENROLMENT_COLUMNS: Columns<EnrolmentsTable> = {
  id: true, tenant_id: true, learner_id: true, catalog_id: true, course_id: true, plan_enrolment_id: true, source: true,
  assigned_by: true, due_at: true, enrolled_at: true, started_at: true, completed_at: true, progress_percent: true, certificate_id: true,
};
export const LESSON_PROGRESS_COLUMNS: Columns<LessonProgressTable> = { tenant_id: true, learner_id: true, enrolment_id: true, lesson_id: true, completed_at: true };
export const QUIZ_ATTEMPT_COLUMNS: Columns<QuizAttemptsTable> = {
  id: true, tenant_id: true, learner_id: true, enrolment_id: true, score_percent: true, passed: true, answers_json: true, submitted_at: true,
};
export const CERTIFICATE_COLUMNS: Columns<CertificatesTable> = {
  id: true, tenant_id: true, learner_id: true, enrolment_id: true, course_id: true, verification_code: true, issued_at: true,
};
export const RULE_COLUMNS: Columns<AssignmentRulesTable> = {
  id: true, tenant_id: true, catalog_id: true, course_id: true, name: true, criteria_json: true, due_within_days: true, created_at: true,
};
export const RULE_ASSIGNMENT_COLUMNS: Columns<RuleAssignmentsTable> = { tenant_id: true, learner_id: true, rule_id: true, enrolment_id: true, assigned_at: true, unmatched_at: true };
export const RESTRICTION_COLUMNS: Columns<LearnerRestrictionsTable> = { tenant_id: true, learner_id: true, reason: true, restricted_at: true };

export function insertStatement<Row>(db: Database.Database, table: keyof TenantDatabase, columns: Columns<Row>): Database.Statement<[Row]> {
  const names = Object.keys(columns);
  return db.prepare<[Row]>(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`);
}
