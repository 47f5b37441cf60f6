/**
 * Kysely table types of a tenant database. Every table that refers to a person carries
 * (tenant_id, learner_id) with an index on it, so one person's records are found,
 * exported and erased by that key alone.
 *
 * Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both engines,
 * so the same query returns the same values from SQLite and SQL Server.
 */
export interface LearnersTable {
  tenant_id: string;
  learner_id: string;
  user_principal_name: string | null;
  display_name: string | null;
  mail: string | null;
  department: string | null;
  job_title: string | null;
  office_location: string | null;
  country: string | null;
  city: string | null;
  manager_id: string | null;
  departed_at: string | null;
  synced_at: string | null;
  created_at: string;
}

export interface CatalogsTable {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  site_url: string | null;
  created_at: string;
}

export interface CatalogManagersTable {
  tenant_id: string;
  catalog_id: string;
  learner_id: string;
  added_at: string;
}

export interface CoursesTable {
  id: string;
  tenant_id: string;
  catalog_id: string;
  title: string;
  summary: string;
  format: string;
  tags_json: string;
  duration_minutes: number;
  sequential_lessons: number;
  status: string;
  quiz_json: string | null;
  created_at: string;
  updated_at: string;
}

export interface LessonsTable {
  id: string;
  tenant_id: string;
  course_id: string;
  position: number;
  title: string;
  material_url: string;
  duration_minutes: number | null;
}

export interface TrainingPlansTable {
  id: string;
  tenant_id: string;
  catalog_id: string;
  title: string;
  summary: string;
  status: string;
  created_at: string;
}

export interface TrainingPlanCoursesTable {
  tenant_id: string;
  plan_id: string;
  course_id: string;
  position: number;
}

export interface EnrolmentsTable {
  id: string;
  tenant_id: string;
  learner_id: string;
  catalog_id: string;
  course_id: string;
  plan_enrolment_id: string | null;
  source: string;
  assigned_by: string | null;
  due_at: string | null;
  enrolled_at: string;
  started_at: string | null;
  completed_at: string | null;
  /** Lessons done and quiz passed, 0–100: kept by recordProgress so "my training" needs no aggregates. */
  progress_percent: number;
  certificate_id: string | null;
}

export interface PlanEnrolmentsTable {
  id: string;
  tenant_id: string;
  learner_id: string;
  plan_id: string;
  source: string;
  due_at: string | null;
  enrolled_at: string;
  completed_at: string | null;
}

export interface LessonProgressTable {
  tenant_id: string;
  learner_id: string;
  enrolment_id: string;
  lesson_id: string;
  completed_at: string;
}

export interface QuizAttemptsTable {
  id: string;
  tenant_id: string;
  learner_id: string;
  enrolment_id: string;
  score_percent: number;
  passed: number;
  answers_json: string;
  submitted_at: string;
}

export interface CertificatesTable {
  id: string;
  tenant_id: string;
  learner_id: string;
  enrolment_id: string;
  course_id: string;
  verification_code: string;
  issued_at: string;
}

export interface AssignmentRulesTable {
  id: string;
  tenant_id: string;
  catalog_id: string;
  course_id: string;
  name: string;
  criteria_json: string;
  due_within_days: number;
  created_at: string;
}

export interface RuleAssignmentsTable {
  tenant_id: string;
  learner_id: string;
  rule_id: string;
  enrolment_id: string;
  assigned_at: string;
  /** Set when the person stops matching the rule; their records stay. */
  unmatched_at: string | null;
}

export interface CatalogAudiencesTable {
  tenant_id: string;
  catalog_id: string;
  group_id: string;
  display_name: string | null;
}

export interface GroupMembersTable {
  tenant_id: string;
  learner_id: string;
  group_id: string;
  synced_at: string;
}

export interface DirectorySyncStateTable {
  tenant_id: string;
  delta_link: string | null;
  last_full_sync_at: string | null;
  last_sync_at: string | null;
  last_result_json: string | null;
}

/** The per-tenant key of subject hashes (HMAC-SHA-256), created at first use. */
export interface PrivacySecretsTable {
  tenant_id: string;
  subject_key: string;
  created_at: string;
}

/** A purge or erasure, recorded before it starts so that it resumes after a crash. */
export interface PurgeJobsTable {
  id: string;
  tenant_id: string;
  /** Whom to purge, while the job runs; null once it is done. */
  learner_id: string | null;
  subject_hash: string;
  scope: string;
  catalog_id: string | null;
  reason: string;
  requested_by: string | null;
  status: string;
  total: number;
  done: number;
  counts_json: string;
  attempts: number;
  error: string | null;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Who did what to whose records, without personal data: the subject is a keyed hash. */
export interface AuditEventsTable {
  id: string;
  tenant_id: string;
  at: string;
  actor_id: string | null;
  /** The actor's keyed hash, once the actor has been erased. */
  actor_hash: string | null;
  action: string;
  catalog_id: string | null;
  subject_hash: string | null;
  counts_json: string | null;
}

/** Erased people the directory sync must not bring back (until they sign in themselves). */
export interface SyncSuppressionsTable {
  tenant_id: string;
  subject_hash: string;
  created_at: string;
}

/** A learner whose processing is restricted (deactivated): kept out of rule assignments and reports; records kept. */
export interface LearnerRestrictionsTable {
  tenant_id: string;
  learner_id: string;
  reason: string | null;
  restricted_at: string;
}

/** The tenant's privacy notice, one row per published version. */
export interface PrivacyNoticesTable {
  tenant_id: string;
  version: number;
  notice_text: string;
  published_at: string;
}

export interface PrivacyNoticeAcceptancesTable {
  tenant_id: string;
  learner_id: string;
  version: number;
  accepted_at: string;
  withdrawn_at: string | null;
}

export interface ErasureRequestsTable {
  id: string;
  tenant_id: string;
  learner_id: string;
  /** 'learner' (asked to be forgotten) or 'notice-withdrawn'. */
  source: string;
  note: string | null;
  /** 'pending', 'approved' or 'rejected'. */
  status: string;
  requested_at: string;
  decided_at: string | null;
  decision_reason: string | null;
  purge_job_id: string | null;
}

export interface RetentionPoliciesTable {
  tenant_id: string;
  inactive_days: number | null;
  departed_days: number | null;
  notice_not_accepted_days: number | null;
  dry_run_first: number;
  updated_at: string;
}

/** What one retention run found and did: counts only, no one's id. */
export interface RetentionRunsTable {
  id: string;
  tenant_id: string;
  /** 'dry-run' or 'purge'. */
  kind: string;
  /** 'admin' or 'schedule'. */
  started_by: string;
  policy_json: string;
  counts_json: string;
  total: number;
  purges_requested: number;
  ran_at: string;
}

export interface TenantDatabase {
  learners: LearnersTable;
  catalogs: CatalogsTable;
  catalog_managers: CatalogManagersTable;
  courses: CoursesTable;
  lessons: LessonsTable;
  training_plans: TrainingPlansTable;
  training_plan_courses: TrainingPlanCoursesTable;
  enrolments: EnrolmentsTable;
  plan_enrolments: PlanEnrolmentsTable;
  lesson_progress: LessonProgressTable;
  quiz_attempts: QuizAttemptsTable;
  certificates: CertificatesTable;
  assignment_rules: AssignmentRulesTable;
  rule_assignments: RuleAssignmentsTable;
  catalog_audiences: CatalogAudiencesTable;
  group_members: GroupMembersTable;
  directory_sync_state: DirectorySyncStateTable;
  privacy_secrets: PrivacySecretsTable;
  purge_jobs: PurgeJobsTable;
  audit_events: AuditEventsTable;
  sync_suppressions: SyncSuppressionsTable;
  learner_restrictions: LearnerRestrictionsTable;
  privacy_notices: PrivacyNoticesTable;
  privacy_notice_acceptances: PrivacyNoticeAcceptancesTable;
  erasure_requests: ErasureRequestsTable;
  retention_policies: RetentionPoliciesTable;
  retention_runs: RetentionRunsTable;
}

/** The tables that hold rows about a person, each keyed and indexed by (tenant_id, learner_id). */
export const LEARNER_KEYED_TABLES = [
  'learners',
  'catalog_managers',
  'enrolments',
  'plan_enrolments',
  'lesson_progress',
  'quiz_attempts',
  'certificates',
  'rule_assignments',
  'group_members',
  'learner_restrictions',
  'privacy_notice_acceptances',
  'erasure_requests',
] as const satisfies ReadonlyArray<keyof TenantDatabase>;
