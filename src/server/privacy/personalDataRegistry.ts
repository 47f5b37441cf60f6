import type { TenantDatabase } from '../store/tenantSchema';

/**
 * Every table of a tenant database, with what it holds about people and what each data-subject right does to it
 * (in the manner of Moodle's privacy metadata providers). Purge, erasure and export are driven by these entries,
 * so a table added later is handled once it is declared here; test/privacy/personalDataRegistry.test.ts fails
 * for a table or person column of the real, migrated schema that is missing.
 *
 * Order matters: rows are removed in declaration order, so a table comes before the tables its rows reference
 * (lesson progress before enrolments, enrolments before plan enrolments).
 */

export type TableName = keyof TenantDatabase & string;
export type ColumnOf<T extends TableName> = keyof TenantDatabase[T] & string;

/** How the rows of one learner in one catalog are found. */
export type CatalogScope<T extends TableName> =
  /** The row carries the catalog id itself. */
  | { via: 'column'; column: ColumnOf<T> }
  /** The row points at a parent row that carries the catalog id (e.g. a lesson's progress → its enrolment). */
  | { via: 'parent'; column: ColumnOf<T>; parent: TableName; parentKey: string; parentCatalogColumn: string };

/** What a right does to a column that names *another* person than the row's subject (or names someone in a row with no subject). */
export type PointerAction =
  /** The pointer is set to null; the row, which is someone else's, stays. */
  | 'null'
  /** The pointer is replaced by the person's keyed hash in a companion column (audit: "who acted" stays answerable). */
  | { pseudonymiseInto: string }
  /** Left as it is, and why. */
  | { keep: string };

export interface PersonPointer<T extends TableName> {
  column: ColumnOf<T>;
  /** What clearing it counts as, e.g. `assignedByPointers`. */
  kind: string;
  /** On a catalog purge of the person named, for rows in that catalog. */
  onCatalogPurge: PointerAction;
  /** On the erasure of the person named. */
  onErasure: PointerAction;
}

export interface TableRegistration<T extends TableName> {
  /** What the table is for, in a sentence. */
  purpose: string;
  /**
   * The column naming the person each row is about (rows keyed and indexed by (tenant_id, subject)), or null for a
   * table whose rows are about no one (or about someone only through a pointer).
   */
  subject: ColumnOf<T> | null;
  /** The kind of record, as counted in a purge preview and a purge's result (camelCase). */
  kind?: string;
  /** The columns that identify a row (its primary key), so rows are removed in bounded batches by key. */
  rowKey?: ReadonlyArray<ColumnOf<T>>;
  /** Columns of the subject's rows that a data export contains, or why it contains none. */
  export: { kind: 'rows'; columns: ReadonlyArray<ColumnOf<T>> } | { kind: 'none'; reason: string };
  /** A catalog purge: the subject's rows of that catalog are deleted, or the table is not catalog-scoped. */
  catalogPurge: { action: 'delete'; scope: CatalogScope<T> } | { action: 'not-catalog-scoped'; reason: string };
  /** Erasure (every catalog, then the profile): the subject's rows are deleted, or why none are. */
  erasure: { action: 'delete' } | { action: 'none'; reason: string };
  /** Columns that name other people (or, with no subject, anyone). */
  pointers: ReadonlyArray<PersonPointer<T>>;
  /** Further columns that hold personal data of the subject (beyond the subject column), for the completeness test. */
  personalColumns?: ReadonlyArray<ColumnOf<T>>;
  /** Columns whose names look like a person (`*_by`, ...) but hold none, and what they hold instead. */
  notPeople?: Partial<Record<ColumnOf<T>, string>>;
}

export type PersonalDataRegistry = { readonly [T in TableName]: TableRegistration<T> };

const NO_PERSON = { subject: null, export: { kind: 'none', reason: 'no personal data' }, pointers: [] } as const;
const NOT_CATALOG_SCOPED = (reason: string) => ({ action: 'not-catalog-scoped', reason }) as const;
const enrolmentParent = { via: 'parent', column: 'enrolment_id', parent: 'enrolments', parentKey: 'id', parentCatalogColumn: 'catalog_id' } as const;

export const PERSONAL_DATA_REGISTRY: PersonalDataRegistry = {
  rule_assignments: {
    rowKey: ['rule_id', 'learner_id'],
    purpose: 'which assignment rule enrolled whom, and when they stopped matching',
    subject: 'learner_id',
    kind: 'ruleAssignments',
    export: { kind: 'rows', columns: ['rule_id', 'enrolment_id', 'assigned_at', 'unmatched_at'] },
    catalogPurge: { action: 'delete', scope: { via: 'parent', column: 'rule_id', parent: 'assignment_rules', parentKey: 'id', parentCatalogColumn: 'catalog_id' } },
    erasure: { action: 'delete' },
    pointers: [],
  },
  certificates: {
    rowKey: ['id'],
    purpose: 'completion certificates and their verification codes',
    subject: 'learner_id',
    kind: 'certificates',
    export: { kind: 'rows', columns: ['id', 'course_id', 'enrolment_id', 'verification_code', 'issued_at'] },
    catalogPurge: { action: 'delete', scope: enrolmentParent },
    erasure: { action: 'delete' },
    pointers: [],
  },
  quiz_attempts: {
    rowKey: ['id'],
    purpose: 'quiz answers and scores',
    subject: 'learner_id',
    kind: 'quizAttempts',
    export: { kind: 'rows', columns: ['id', 'enrolment_id', 'score_percent', 'passed', 'answers_json', 'submitted_at'] },
    catalogPurge: { action: 'delete', scope: enrolmentParent },
    erasure: { action: 'delete' },
    pointers: [],
  },
  lesson_progress: {
    rowKey: ['enrolment_id', 'lesson_id'],
    purpose: 'lessons done',
    subject: 'learner_id',
    kind: 'lessonProgress',
    export: { kind: 'rows', columns: ['enrolment_id', 'lesson_id', 'completed_at'] },
    catalogPurge: { action: 'delete', scope: enrolmentParent },
    erasure: { action: 'delete' },
    pointers: [],
  },
  enrolments: {
    rowKey: ['id'],
    purpose: 'a person in a course',
    subject: 'learner_id',
    kind: 'enrolments',
    export: {
      kind: 'rows',
      columns: ['id', 'catalog_id', 'course_id', 'plan_enrolment_id', 'source', 'assigned_by', 'due_at', 'enrolled_at', 'started_at', 'completed_at', 'progress_percent', 'certificate_id'],
    },
    catalogPurge: { action: 'delete', scope: { via: 'column', column: 'catalog_id' } },
    erasure: { action: 'delete' },
    // The manager who assigned the course: the learner's enrolment stays, the pointer to the manager goes.
    pointers: [{ column: 'assigned_by', kind: 'assignedByPointers', onCatalogPurge: 'null', onErasure: 'null' }],
  },
  plan_enrolments: {
    rowKey: ['id'],
    purpose: 'a person in a training plan',
    subject: 'learner_id',
    kind: 'planEnrolments',
    export: { kind: 'rows', columns: ['id', 'plan_id', 'source', 'due_at', 'enrolled_at', 'completed_at'] },
    catalogPurge: { action: 'delete', scope: { via: 'parent', column: 'plan_id', parent: 'training_plans', parentKey: 'id', parentCatalogColumn: 'catalog_id' } },
    erasure: { action: 'delete' },
    pointers: [],
  },
  catalog_managers: {
    rowKey: ['catalog_id', 'learner_id'],
    purpose: 'who manages a catalog',
    subject: 'learner_id',
    kind: 'catalogManager',
    export: { kind: 'rows', columns: ['catalog_id', 'added_at'] },
    catalogPurge: { action: 'delete', scope: { via: 'column', column: 'catalog_id' } },
    erasure: { action: 'delete' },
    pointers: [],
  },
  group_members: {
    rowKey: ['group_id', 'learner_id'],
    purpose: 'audience group membership, from Graph',
    subject: 'learner_id',
    kind: 'groupMemberships',
    export: { kind: 'rows', columns: ['group_id', 'synced_at'] },
    catalogPurge: NOT_CATALOG_SCOPED('a group belongs to the directory, not to a catalog'),
    erasure: { action: 'delete' },
    pointers: [],
  },
  learners: {
    rowKey: ['learner_id'],
    purpose: 'the minimum identity set from Graph',
    subject: 'learner_id',
    kind: 'profile',
    export: {
      kind: 'rows',
      columns: ['learner_id', 'user_principal_name', 'display_name', 'mail', 'department', 'job_title', 'office_location', 'country', 'city', 'manager_id', 'departed_at', 'synced_at', 'created_at'],
    },
    catalogPurge: NOT_CATALOG_SCOPED('the profile serves every catalog; erasure removes it'),
    erasure: { action: 'delete' },
    // Their direct reports keep their profiles; the pointer to the erased manager goes (the next sync may set a new one).
    pointers: [{ column: 'manager_id', kind: 'managerPointers', onCatalogPurge: { keep: 'the manager relation is not catalog data' }, onErasure: 'null' }],
    personalColumns: ['user_principal_name', 'display_name', 'mail', 'department', 'job_title', 'office_location', 'country', 'city'],
  },
  purge_jobs: {
    rowKey: ['id'],
    purpose: 'purges and erasures, recorded before they start so they resume after a crash',
    subject: null,
    export: { kind: 'none', reason: 'a running job names its subject only until it is done; its status resource holds no personal data' },
    catalogPurge: NOT_CATALOG_SCOPED('the job clears its own learner_id when it is done'),
    erasure: { action: 'none', reason: 'the job clears its own learner_id when it is done' },
    pointers: [
      {
        column: 'learner_id',
        kind: 'purgeJobs',
        onCatalogPurge: { keep: "the job's working copy of whom to purge; set to null by the job itself once the person's rows are gone" },
        onErasure: { keep: "the job's working copy of whom to purge; set to null by the job itself once the person's rows are gone" },
      },
      { column: 'requested_by', kind: 'purgeRequests', onCatalogPurge: { keep: 'who asked is not catalog data' }, onErasure: 'null' },
    ],
  },
  audit_events: {
    rowKey: ['id'],
    purpose: 'the audit trail: who acted, when, in which catalog, the counts; the subject only as a keyed hash',
    subject: null,
    export: { kind: 'none', reason: 'holds no personal data of the subject (keyed hash only)' },
    catalogPurge: NOT_CATALOG_SCOPED('the audit trail outlives the records it describes'),
    erasure: { action: 'none', reason: 'the audit trail outlives the records it describes; an erased actor is pseudonymised' },
    pointers: [{ column: 'actor_id', kind: 'auditActor', onCatalogPurge: { keep: 'who acted is not catalog data' }, onErasure: { pseudonymiseInto: 'actor_hash' } }],
  },
  sync_suppressions: {
    ...NO_PERSON,
    purpose: 'erased people the directory sync must not re-import (keyed hash of the object id only)',
    catalogPurge: NOT_CATALOG_SCOPED('directory data'),
    erasure: { action: 'none', reason: 'written by erasure; lifted when the person signs in again' },
  },
  privacy_secrets: { ...NO_PERSON, purpose: 'the per-tenant key of subject hashes', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  catalogs: { ...NO_PERSON, purpose: 'catalogs', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  courses: { ...NO_PERSON, purpose: 'courses', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  lessons: { ...NO_PERSON, purpose: 'lessons of a course', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  training_plans: { ...NO_PERSON, purpose: 'training plans', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  training_plan_courses: { ...NO_PERSON, purpose: 'courses of a plan', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  assignment_rules: { ...NO_PERSON, purpose: 'mandatory-training rules', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  catalog_audiences: {
    ...NO_PERSON,
    purpose: 'the Entra ID groups whose members see a catalog',
    catalogPurge: NOT_CATALOG_SCOPED('no personal data'),
    erasure: { action: 'none', reason: 'no personal data' },
  },
  directory_sync_state: {
    ...NO_PERSON,
    purpose: 'the delta link of the directory sync (an opaque Graph token)',
    catalogPurge: NOT_CATALOG_SCOPED('no personal data'),
    erasure: { action: 'none', reason: 'no personal data' },
  },
  // Data-subject rights (migration 0011_privacy_rights).
  learner_restrictions: {
    purpose: 'a restriction of processing: the person is kept out of rule assignments and reports while their records are kept',
    subject: 'learner_id',
    kind: 'restriction',
    export: { kind: 'rows', columns: ['reason', 'restricted_at'] },
    catalogPurge: NOT_CATALOG_SCOPED('a restriction applies to every catalog'),
    erasure: { action: 'delete' },
    pointers: [],
    personalColumns: ['reason'],
  },
  privacy_notice_acceptances: {
    purpose: 'which version of the privacy notice the person accepted, when, and when they withdrew it',
    subject: 'learner_id',
    kind: 'privacyNoticeAcceptances',
    export: { kind: 'rows', columns: ['version', 'accepted_at', 'withdrawn_at'] },
    catalogPurge: NOT_CATALOG_SCOPED('the notice is the organisation\'s, not a catalog\'s'),
    erasure: { action: 'delete' },
    pointers: [],
  },
  erasure_requests: {
    purpose: 'requests to be forgotten, and the decision on each',
    subject: 'learner_id',
    kind: 'erasureRequests',
    export: { kind: 'rows', columns: ['id', 'source', 'note', 'status', 'requested_at', 'decided_at', 'decision_reason', 'purge_job_id'] },
    catalogPurge: NOT_CATALOG_SCOPED('a request concerns every catalog'),
    erasure: { action: 'delete' },
    pointers: [],
    personalColumns: ['note', 'decision_reason'],
  },
  privacy_notices: { ...NO_PERSON, purpose: "the organisation's privacy notice, one row per version", catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  retention_policies: { ...NO_PERSON, purpose: 'when learners are purged by rule', catalogPurge: NOT_CATALOG_SCOPED('no personal data'), erasure: { action: 'none', reason: 'no personal data' } },
  retention_runs: {
    ...NO_PERSON,
    purpose: 'what each retention run found and did (counts only)',
    notPeople: { started_by: "'admin' or 'schedule': what started the run, not who" },
    catalogPurge: NOT_CATALOG_SCOPED('no personal data'),
    erasure: { action: 'none', reason: 'no personal data' },
  },
};

export interface RegisteredTable {
  table: TableName;
  registration: TableRegistration<TableName>;
}

/** The registry's entries in declaration order: the order rows are removed in. */
export function registeredTables(): RegisteredTable[] {
  return (Object.keys(PERSONAL_DATA_REGISTRY) as TableName[]).map((table) => ({
    table,
    registration: PERSONAL_DATA_REGISTRY[table] as unknown as TableRegistration<TableName>,
  }));
}

/** Tables whose subject's rows a catalog purge deletes, in removal order. */
export function catalogScopedTables(): Array<RegisteredTable & { kind: string; scope: CatalogScope<TableName> }> {
  return registeredTables().flatMap((entry) => {
    const { registration } = entry;
    if (registration.catalogPurge.action !== 'delete' || !registration.subject) return [];
    return [{ ...entry, kind: registration.kind ?? entry.table, scope: registration.catalogPurge.scope }];
  });
}

/** Tables whose subject's rows erasure deletes (catalog-scoped or not), in removal order. */
export function erasedTables(): Array<RegisteredTable & { kind: string; subject: string }> {
  return registeredTables().flatMap((entry) => {
    const { registration } = entry;
    if (registration.erasure.action !== 'delete' || !registration.subject) return [];
    return [{ ...entry, kind: registration.kind ?? entry.table, subject: registration.subject }];
  });
}
