import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { LearnerIdentity } from '../src/domain/identity';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';
import { identityColumns } from '../src/server/training/learners';
import type { AssignmentRulesTable, EnrolmentsTable } from '../src/server/store/tenantSchema';
import { ENROLMENT_COLUMNS, insertStatement, LEARNER_COLUMNS, RESTRICTION_COLUMNS, RULE_ASSIGNMENT_COLUMNS, RULE_COLUMNS } from './tenantTableColumns';

/*
 * The rows a catalog's training report reads, written straight into the tenant's SQLite file (the use cases would
 * take minutes for 50,000 enrolments): learners, enrolments in one catalog, the mandatory rules behind part of them
 * and their rule assignments, and a few people whose processing is restricted. Column lists: `tenantTableColumns.ts`.
 */

export interface ReportRowsRequest {
  file: string;
  tenantId: string;
  catalogId: string;
  /** The catalog's courses; the first `mandatoryCourses` are assigned to everyone by a rule. */
  courseIds: readonly string[];
  mandatoryCourses: number;
  people: readonly LearnerIdentity[];
  /** Enrolments per person, mandatory ones included (distinct courses). */
  enrolmentsPerLearner: number;
  /** People whose processing is restricted: their enrolments are in the database but left out of reports. */
  restrictedLearners: number;
  /** Who assigns the manager-assigned courses (a catalog manager). */
  assignedBy: string;
  seed: string;
  now: Date;
}

export interface ReportRowCounts {
  learners: number;
  enrolments: number;
  ruleAssignments: number;
  restricted: number;
  /** Enrolments of restricted people (kept out of the report). */
  restrictedEnrolments: number;
}

const DAY = 86_400_000;
const MANDATORY_DUE_DAYS = 30;

/**
 * Fills the catalog in one transaction. Each person has `enrolmentsPerLearner` distinct courses: every mandatory one
 * (source `rule`, due 30 days after it was assigned in the last 200 days, 55 % completed, 3 % of the assignments out of
 * scope since), then optional ones picked at random (35 % assigned by a manager with a due date between 60 days ago
 * and 120 days ahead, the rest self-enrolled; 30 % completed, 30 % in progress). So the report holds every state:
 * completed, in progress, not started, due soon and overdue.
 */
export function fillReportRows(request: ReportRowsRequest): ReportRowCounts {
  const { tenantId, catalogId, courseIds, now, assignedBy } = request;
  if (request.enrolmentsPerLearner > courseIds.length || request.mandatoryCourses > request.enrolmentsPerLearner) {
    throw new Error('more enrolments per learner than courses, or more mandatory courses than enrolments per learner');
  }
  const random = new SeededRandom(`${request.seed}/report-rows`);
  const iso = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
  const db = new Database(request.file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const insertLearner = insertStatement(db, 'learners', LEARNER_COLUMNS);
    const insertEnrolment = insertStatement(db, 'enrolments', ENROLMENT_COLUMNS);
    const insertRule = insertStatement(db, 'assignment_rules', RULE_COLUMNS);
    const insertRuleAssignment = insertStatement(db, 'rule_assignments', RULE_ASSIGNMENT_COLUMNS);
    const insertRestriction = insertStatement(db, 'learner_restrictions', RESTRICTION_COLUMNS);
    const counts: ReportRowCounts = { learners: 0, enrolments: 0, ruleAssignments: 0, restricted: 0, restrictedEnrolments: 0 };
    const departments = [...new Set(request.people.map((p) => p.department).filter((d): d is string => d !== null))];
    const rulesCreated = now.getTime() - 200 * DAY;
    const rules = courseIds.slice(0, request.mandatoryCourses).map((courseId, i): AssignmentRulesTable => ({
      id: randomUUID(),
      tenant_id: tenantId,
      catalog_id: catalogId,
      course_id: courseId,
      name: `Mandatory ${i + 1}: every department`,
      criteria_json: JSON.stringify({ department: departments.slice(0, 50) }),
      due_within_days: MANDATORY_DUE_DAYS,
      created_at: iso(rulesCreated),
    }));
    const optional = courseIds.slice(request.mandatoryCourses).map((_, i) => i + request.mandatoryCourses);
    const restrictedStride = Math.max(1, Math.floor(request.people.length / Math.max(1, request.restrictedLearners)));
    const optionalPerLearner = request.enrolmentsPerLearner - request.mandatoryCourses;

    const enrol = (row: Omit<EnrolmentsTable, 'id' | 'tenant_id' | 'catalog_id' | 'plan_enrolment_id' | 'certificate_id'>): string => {
      const id = randomUUID();
      insertEnrolment.run({ ...row, id, tenant_id: tenantId, catalog_id: catalogId, plan_enrolment_id: null, certificate_id: null });
      counts.enrolments += 1;
      return id;
    };
    /** Started and completed times for an enrolment from `enrolledAt`, by the given shares. */
    const progress = (enrolledAt: number, completedShare: number, inProgressShare: number) => {
      const roll = random.next();
      const completed = roll < completedShare;
      const started = completed || roll < completedShare + inProgressShare;
      const startedAt = started ? Math.min(enrolledAt + random.integer(0, 5 * DAY), now.getTime()) : null;
      const completedAt = completed ? Math.min((startedAt as number) + random.integer(DAY / 24, 20 * DAY), now.getTime()) : null;
      return { started_at: startedAt === null ? null : iso(startedAt), completed_at: completedAt === null ? null : iso(completedAt), progress_percent: completed ? 100 : started ? random.integer(10, 90) : 0 };
    };

    db.transaction(() => {
      for (const rule of rules) insertRule.run(rule);
      request.people.forEach((person, index) => {
        insertLearner.run({
          tenant_id: tenantId,
          learner_id: person.id,
          ...identityColumns(person),
          manager_id: person.managerId,
          departed_at: null,
          synced_at: iso(now.getTime() - random.integer(0, 7) * DAY),
          created_at: iso(now.getTime() - random.integer(200, 900) * DAY),
        });
        counts.learners += 1;
        if (index % restrictedStride === 0 && counts.restricted < request.restrictedLearners) {
          insertRestriction.run({ tenant_id: tenantId, learner_id: person.id, reason: 'Objection under review', restricted_at: iso(now.getTime() - 3 * DAY) });
          counts.restricted += 1;
          counts.restrictedEnrolments += request.enrolmentsPerLearner;
        }

        for (const rule of rules) {
          const assignedAt = now.getTime() - random.integer(1, 200) * DAY;
          const enrolmentId = enrol({
            learner_id: person.id,
            course_id: rule.course_id,
            source: 'rule',
            assigned_by: null,
            due_at: new Date(assignedAt + MANDATORY_DUE_DAYS * DAY).toISOString(),
            enrolled_at: iso(assignedAt),
            ...progress(assignedAt, 0.55, 0.15),
          });
          insertRuleAssignment.run({
            tenant_id: tenantId,
            learner_id: person.id,
            rule_id: rule.id,
            enrolment_id: enrolmentId,
            assigned_at: iso(assignedAt),
            unmatched_at: random.chance(0.03) ? iso(now.getTime() - random.integer(1, 30) * DAY) : null,
          });
          counts.ruleAssignments += 1;
        }

        // A partial Fisher-Yates shuffle picks distinct optional courses.
        for (let i = 0; i < optionalPerLearner; i++) {
          const j = i + Math.floor(random.next() * (optional.length - i));
          [optional[i], optional[j]] = [optional[j], optional[i]];
          const enrolledAt = now.getTime() - random.integer(1, 400) * DAY;
          const assigned = random.chance(0.35);
          enrol({
            learner_id: person.id,
            course_id: courseIds[optional[i]],
            source: assigned ? 'assigned' : 'self',
            assigned_by: assigned ? assignedBy : null,
            due_at: assigned ? new Date(now.getTime() + random.integer(-60, 120) * DAY).toISOString() : null,
            enrolled_at: iso(enrolledAt),
            ...progress(enrolledAt, 0.3, 0.3),
          });
        }
      });
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    db.close();
  }
}
