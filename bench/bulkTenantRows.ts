import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { verificationCode } from '../src/domain/certificate';
import { quizSchema, type Quiz } from '../src/domain/course';
import type { LearnerIdentity } from '../src/domain/identity';
import { SeededRandom } from '../src/server/devstack/directory/seededRandom';
import { identityColumns } from '../src/server/training/learners';
import type { EnrolmentsTable } from '../src/server/store/tenantSchema';
import { CERTIFICATE_COLUMNS, ENROLMENT_COLUMNS, insertStatement, LEARNER_COLUMNS, LESSON_PROGRESS_COLUMNS, QUIZ_ATTEMPT_COLUMNS } from './tenantTableColumns';

/*
 * Learners, enrolments and progress written straight into a tenant's SQLite file: through the use cases
 * two million enrolments would take hours. Column lists: `tenantTableColumns.ts`.
 */

interface CatalogCourse {
  id: string;
  catalogId: string;
  lessonIds: string[];
  sequential: boolean;
  quiz: Quiz | null;
}

function readCourses(db: Database.Database): CatalogCourse[] {
  const courses = db.prepare('SELECT id, catalog_id, sequential_lessons, quiz_json FROM courses ORDER BY created_at, id').all() as Array<{
    id: string;
    catalog_id: string;
    sequential_lessons: number;
    quiz_json: string | null;
  }>;
  const lessons = db.prepare('SELECT id, course_id FROM lessons ORDER BY course_id, position').all() as Array<{ id: string; course_id: string }>;
  return courses.map((c) => ({
    id: c.id,
    catalogId: c.catalog_id,
    lessonIds: lessons.filter((l) => l.course_id === c.id).map((l) => l.id),
    sequential: c.sequential_lessons === 1,
    quiz: c.quiz_json === null ? null : quizSchema.parse(JSON.parse(c.quiz_json)),
  }));
}

/** The answers that pass a quiz, and a set that fails it. */
export function quizAnswers(quiz: Quiz, correct: boolean): Array<number | boolean | number[]> {
  return quiz.questions.map((q) => {
    if (q.kind === 'true-false') return correct ? q.correct : !q.correct;
    if (q.kind === 'multiple-choice') return correct ? q.correct : (q.correct + 1) % q.options.length;
    return correct ? q.correct : [];
  });
}

export interface TenantRowsRequest {
  file: string;
  tenantId: string;
  people: readonly LearnerIdentity[];
  enrolmentsPerLearner: number;
  /** Who assigns the assigned courses (a catalog manager). */
  assignedBy: string;
  seed: string;
  now: Date;
}

export interface RowCounts {
  learners: number;
  enrolments: number;
  lessonProgress: number;
  quizAttempts: number;
  certificates: number;
}

const DAY = 86_400_000;

/**
 * Fills one tenant database in one transaction. Each learner is enrolled in `enrolmentsPerLearner`
 * distinct courses: about 15 % completed (every lesson, a passing quiz attempt, a certificate), 30 % in
 * progress (a share of the lessons, sometimes a failed attempt), the rest not started; 35 % assigned
 * with a due date between 60 days ago and 120 days ahead (so some are overdue, some due soon).
 */
export function fillTenantDatabase(request: TenantRowsRequest): RowCounts {
  const { tenantId, now, assignedBy } = request;
  const random = new SeededRandom(`${request.seed}/rows`);
  const db = new Database(request.file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -262144');
    const courses = readCourses(db);
    if (courses.length < request.enrolmentsPerLearner) {
      throw new Error(`tenant ${tenantId} has ${courses.length} courses, fewer than ${request.enrolmentsPerLearner} enrolments per learner`);
    }
    const insertLearner = insertStatement(db, 'learners', LEARNER_COLUMNS);
    const insertEnrolment = insertStatement(db, 'enrolments', ENROLMENT_COLUMNS);
    const insertLessonProgress = insertStatement(db, 'lesson_progress', LESSON_PROGRESS_COLUMNS);
    const insertQuizAttempt = insertStatement(db, 'quiz_attempts', QUIZ_ATTEMPT_COLUMNS);
    const insertCertificate = insertStatement(db, 'certificates', CERTIFICATE_COLUMNS);
    const counts: RowCounts = { learners: 0, enrolments: 0, lessonProgress: 0, quizAttempts: 0, certificates: 0 };
    const iso = (ms: number) => new Date(Math.min(ms, now.getTime())).toISOString();
    const courseIndexes = courses.map((_, i) => i);

    const attempt = (learnerId: string, enrolmentId: string, quiz: Quiz, passed: boolean, at: number) => {
      insertQuizAttempt.run({
        id: randomUUID(),
        tenant_id: tenantId,
        learner_id: learnerId,
        enrolment_id: enrolmentId,
        score_percent: passed ? 100 : 0,
        passed: passed ? 1 : 0,
        answers_json: JSON.stringify(quizAnswers(quiz, passed)),
        submitted_at: iso(at),
      });
      counts.quizAttempts += 1;
    };

    db.transaction(() => {
      for (const person of request.people) {
        const joined = now.getTime() - random.integer(30, 900) * DAY;
        insertLearner.run({
          tenant_id: tenantId,
          learner_id: person.id,
          ...identityColumns(person),
          manager_id: person.managerId,
          departed_at: null,
          synced_at: iso(now.getTime() - random.integer(0, 7) * DAY),
          created_at: iso(joined),
        });
        counts.learners += 1;

        // A partial Fisher-Yates shuffle picks distinct courses.
        for (let i = 0; i < request.enrolmentsPerLearner; i++) {
          const j = i + Math.floor(random.next() * (courseIndexes.length - i));
          [courseIndexes[i], courseIndexes[j]] = [courseIndexes[j], courseIndexes[i]];
          const course = courses[courseIndexes[i]];
          const enrolledAt = now.getTime() - random.integer(5, 400) * DAY;
          const assigned = random.chance(0.35);
          const roll = random.next();
          const completed = roll < 0.15;
          const inProgress = !completed && roll < 0.45;
          const startedAt = completed || inProgress ? enrolledAt + random.integer(0, 5 * DAY) : null;
          const completedAt = completed ? (startedAt as number) + random.integer(DAY / 24, 20 * DAY) : null;
          const lessonsDone = startedAt === null
            ? 0
            : completed
            ? course.lessonIds.length
            : course.lessonIds.length > 1
              ? random.integer(1, course.lessonIds.length - 1)
              : course.quiz
                ? 1
                : 0;
          const enrolment: EnrolmentsTable = {
            id: randomUUID(),
            tenant_id: tenantId,
            learner_id: person.id,
            catalog_id: course.catalogId,
            course_id: course.id,
            plan_enrolment_id: null,
            source: assigned ? 'assigned' : 'self',
            assigned_by: assigned ? assignedBy : null,
            due_at: assigned ? new Date(now.getTime() + random.integer(-60, 120) * DAY).toISOString() : null,
            enrolled_at: iso(enrolledAt),
            started_at: startedAt === null ? null : iso(startedAt),
            completed_at: completedAt === null ? null : iso(completedAt),
            progress_percent: completed ? 100 : Math.round((100 * lessonsDone) / (course.lessonIds.length + (course.quiz ? 1 : 0) || 1)),
            certificate_id: completed ? randomUUID() : null,
          };
          insertEnrolment.run(enrolment);
          counts.enrolments += 1;
          if (startedAt === null) continue;

          const end = completedAt ?? now.getTime();
          for (let l = 0; l < lessonsDone; l++) {
            insertLessonProgress.run({
              tenant_id: tenantId,
              learner_id: person.id,
              enrolment_id: enrolment.id,
              lesson_id: course.lessonIds[l],
              completed_at: iso(startedAt + ((end - startedAt) * (l + 1)) / (lessonsDone + 1)),
            });
            counts.lessonProgress += 1;
          }
          if (course.quiz) {
            if (completed) {
              if (random.chance(0.3)) attempt(person.id, enrolment.id, course.quiz, false, (completedAt as number) - DAY / 24);
              attempt(person.id, enrolment.id, course.quiz, true, completedAt as number);
            } else if (lessonsDone === course.lessonIds.length || random.chance(0.1)) {
              attempt(person.id, enrolment.id, course.quiz, false, end - DAY / 48);
            }
          }
          if (completed) {
            insertCertificate.run({
              id: enrolment.certificate_id as string,
              tenant_id: tenantId,
              learner_id: person.id,
              enrolment_id: enrolment.id,
              course_id: course.id,
              verification_code: verificationCode(randomBytes(12)),
              issued_at: iso(completedAt as number),
            });
            counts.certificates += 1;
          }
        }
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return counts;
  } finally {
    db.close();
  }
}
