import type { Transaction } from 'kysely';
import { conflict, notFound } from '../../domain/errors';
import {
  quizForLearner,
  quizSchema,
  type Course,
  type CourseForLearner,
  type CourseFormat,
  type CourseInput,
  type CourseStatus,
  type CourseSummary,
} from '../../domain/course';
import type { CoursesTable, LessonsTable, TenantDatabase } from '../store/tenantSchema';
import { canManageCatalog, isInCatalogAudience, requireCatalogManager } from './catalogAccess';
import { getCatalog } from './catalogs';
import { newId, type UseCaseContext } from './useCaseContext';

type CourseHeaderRow = Omit<CoursesTable, 'tenant_id' | 'quiz_json'>;

function toCourseHeader(row: CourseHeaderRow): Omit<Course, 'lessons' | 'quiz'> {
  return {
    id: row.id,
    catalogId: row.catalog_id,
    title: row.title,
    summary: row.summary,
    format: row.format as CourseFormat,
    tags: JSON.parse(row.tags_json) as string[],
    durationMinutes: row.duration_minutes,
    sequentialLessons: row.sequential_lessons === 1,
    status: row.status as CourseStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toCourse(row: CoursesTable, lessons: LessonsTable[]): Course {
  return {
    ...toCourseHeader(row),
    lessons: lessons.map((l) => ({
      id: l.id,
      position: l.position,
      title: l.title,
      materialUrl: l.material_url,
      durationMinutes: l.duration_minutes,
    })),
    quiz: row.quiz_json === null ? null : quizSchema.parse(JSON.parse(row.quiz_json)),
  };
}

type CourseContentColumns = Pick<CoursesTable, 'title' | 'summary' | 'format' | 'tags_json' | 'duration_minutes' | 'sequential_lessons' | 'status' | 'quiz_json'>;

/** The columns a course's author sets. */
function courseContentColumns(input: CourseInput): CourseContentColumns {
  return {
    title: input.title,
    summary: input.summary,
    format: input.format,
    tags_json: JSON.stringify(input.tags),
    duration_minutes: input.durationMinutes,
    sequential_lessons: input.sequentialLessons ? 1 : 0,
    status: input.status,
    quiz_json: input.quiz === null ? null : JSON.stringify(input.quiz),
  };
}

/** Inserts lessons at the end of a course, numbered from `firstPosition`. */
async function insertLessons(
  trx: Transaction<TenantDatabase>,
  tenantId: string,
  courseId: string,
  lessons: CourseInput['lessons'],
  firstPosition: number,
): Promise<void> {
  if (lessons.length === 0) return;
  await trx
    .insertInto('lessons')
    .values(
      lessons.map((lesson, index) => ({
        id: newId(),
        tenant_id: tenantId,
        course_id: courseId,
        position: firstPosition + index,
        title: lesson.title,
        material_url: lesson.materialUrl,
        duration_minutes: lesson.durationMinutes ?? null,
      })),
    )
    .execute();
}

export async function createCourse(ctx: UseCaseContext, catalogId: string, input: CourseInput): Promise<Course> {
  await getCatalog(ctx, catalogId);
  await requireCatalogManager(ctx.db, ctx.principal, catalogId);
  const at = ctx.now.toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('courses')
      .values({
        id,
        tenant_id: ctx.principal.tenantId,
        catalog_id: catalogId,
        ...courseContentColumns(input),
        created_at: at,
        updated_at: at,
      })
      .execute();
    await insertLessons(trx, ctx.principal.tenantId, id, input.lessons, 1);
  });
  return loadCourse(ctx, id);
}

/**
 * Replaces a course's content. Lessons that learners have progress on keep their ids when the
 * title and URL are unchanged; once anyone has progress, lessons can only be added at the end.
 */
export async function updateCourse(ctx: UseCaseContext, courseId: string, input: CourseInput): Promise<Course> {
  const current = await loadCourse(ctx, courseId);
  await requireCatalogManager(ctx.db, ctx.principal, current.catalogId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('courses')
      .set({
        ...courseContentColumns(input),
        updated_at: ctx.now.toISOString(),
      })
      .where('tenant_id', '=', ctx.principal.tenantId)
      .where('id', '=', courseId)
      .execute();
    // The unchanged leading lessons stay (with their ids and progress); everything after them is replaced.
    const unchangedPrefix = current.lessons.findIndex((l, i) => input.lessons[i]?.title !== l.title || input.lessons[i]?.materialUrl !== l.materialUrl);
    const keep = unchangedPrefix < 0 ? current.lessons : current.lessons.slice(0, unchangedPrefix);
    const keptIds = keep.map((l) => l.id);
    const changed = current.lessons.filter((l) => !keptIds.includes(l.id));
    if (changed.length > 0) {
      const withProgress = await trx
        .selectFrom('lesson_progress')
        .select('lesson_id')
        .where('lesson_id', 'in', changed.map((l) => l.id))
        .executeTakeFirst();
      if (withProgress) {
        throw conflict('learners have progress on lessons this change would remove or reorder; add new lessons at the end instead');
      }
      await trx.deleteFrom('lessons').where('id', 'in', changed.map((l) => l.id)).execute();
    }
    await insertLessons(trx, ctx.principal.tenantId, courseId, input.lessons.slice(keep.length), keep.length + 1);
    await refreshCourseProgress(trx, courseId, input.quiz !== null);
  });
  return loadCourse(ctx, courseId);
}

/** After a course's lessons or quiz change, unfinished enrolments' progress is worked out again. */
async function refreshCourseProgress(trx: Transaction<TenantDatabase>, courseId: string, hasQuiz: boolean): Promise<void> {
  const lessons = await trx.selectFrom('lessons').select('id').where('course_id', '=', courseId).execute();
  const open = await trx
    .selectFrom('enrolments as e')
    .select('e.id')
    .select((eb) => [
      eb.selectFrom('lesson_progress as p').select((x) => x.fn.countAll<number>().as('n')).whereRef('p.enrolment_id', '=', 'e.id').as('lessons_done'),
      eb.selectFrom('quiz_attempts as q').select((x) => x.fn.max('q.passed').as('p')).whereRef('q.enrolment_id', '=', 'e.id').as('quiz_passed'),
    ])
    .where('e.course_id', '=', courseId)
    .where('e.completed_at', 'is', null)
    .execute();
  const steps = lessons.length + (hasQuiz ? 1 : 0);
  for (const row of open) {
    const done = Number(row.lessons_done ?? 0) + (hasQuiz && Number(row.quiz_passed ?? 0) === 1 ? 1 : 0);
    const percent = steps === 0 ? 0 : Math.min(99, Math.round((done / steps) * 100));
    await trx.updateTable('enrolments').set({ progress_percent: percent }).where('id', '=', row.id).execute();
  }
}

/** Loads a course of the caller's tenant, drafts included. */
export async function loadCourse(ctx: Pick<UseCaseContext, 'db' | 'principal'>, courseId: string): Promise<Course> {
  const row = await ctx.db
    .selectFrom('courses')
    .selectAll()
    .where('tenant_id', '=', ctx.principal.tenantId)
    .where('id', '=', courseId)
    .executeTakeFirst();
  if (!row) throw notFound('course');
  const lessons = await ctx.db.selectFrom('lessons').selectAll().where('course_id', '=', courseId).orderBy('position').execute();
  return toCourse(row, lessons);
}

/** Anyone but the catalog's managers sees only published courses of catalogs they may see; other courses are not found for them. */
export async function requireVisibleCourse(ctx: UseCaseContext, course: Pick<Course, 'status' | 'catalogId'>): Promise<void> {
  if (course.status !== 'published' || !(await isInCatalogAudience(ctx.db, ctx.principal, course.catalogId))) throw notFound('course');
}

/** A course for display: learners see published courses only, and never the quiz answers. */
export async function getCourse(ctx: UseCaseContext, courseId: string): Promise<Course | CourseForLearner> {
  const course = await loadCourse(ctx, courseId);
  if (await canManageCatalog(ctx.db, ctx.principal, course.catalogId)) return course;
  await requireVisibleCourse(ctx, course);
  return { ...course, quiz: course.quiz ? quizForLearner(course.quiz) : null };
}

export async function listCourses(ctx: UseCaseContext, catalogId: string): Promise<CourseSummary[]> {
  const catalog = await getCatalog(ctx, catalogId);
  let query = ctx.db
    .selectFrom('courses as c')
    .select([
      'c.id',
      'c.catalog_id',
      'c.title',
      'c.summary',
      'c.format',
      'c.tags_json',
      'c.duration_minutes',
      'c.sequential_lessons',
      'c.status',
      'c.created_at',
      'c.updated_at',
    ])
    .select((eb) => [
      eb.selectFrom('lessons as l').select((e) => e.fn.countAll<number>().as('n')).whereRef('l.course_id', '=', 'c.id').as('lesson_count'),
      eb.case().when('c.quiz_json', 'is', null).then(0).else(1).end().as('has_quiz'),
    ])
    .where('c.tenant_id', '=', ctx.principal.tenantId)
    .where('c.catalog_id', '=', catalogId);
  if (!catalog.canManage) query = query.where('c.status', '=', 'published');
  const rows = await query.orderBy('c.title').execute();
  return rows.map((row) => ({
    ...toCourseHeader(row),
    lessonCount: Number(row.lesson_count ?? 0),
    hasQuiz: Number(row.has_quiz) === 1,
  }));
}
