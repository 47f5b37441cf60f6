import { sql } from 'kysely';
import type { AnyKysely } from '../store/engine';
import type { CatalogLearner, CatalogLearnerPage } from '../../domain/privacy';
import type { UseCaseContext } from '../training/useCaseContext';
import { decodeCursor, encodeCursor } from './keysetCursor';
import { requireManagedCatalog } from './managedCatalog';
import { inScope, purgeSteps, type DeleteStep, type PurgeTarget } from './purgeSteps';

const PAGE_SIZE = 50;

/** The tables whose rows make someone "a person with records in the catalog": the registry's catalog-scoped ones. */
function catalogRecordSteps(): DeleteStep[] {
  return purgeSteps(false).filter((s): s is DeleteStep => s.type === 'delete');
}

/**
 * The people with records in a catalog, by name, keyset-paged (the cursor is the last row's name and id), with
 * how many rows refer to each in this catalog and when they last did something there.
 */
export async function listCatalogLearners(ctx: UseCaseContext, catalogId: string, query: { search?: string; cursor?: string }): Promise<CatalogLearnerPage> {
  await requireManagedCatalog(ctx, catalogId);
  const tenantId = ctx.principal.tenantId;
  const db = ctx.db as unknown as AnyKysely;
  const steps = catalogRecordSteps();
  const sortName = sql<string>`coalesce(${sql.ref('l.display_name')}, '')`;
  let people = db
    .selectFrom('learners as l')
    .select(['l.learner_id', 'l.display_name', 'l.mail', 'l.department'])
    .select(sortName.as('sort_name'))
    .where('l.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or(
        steps.map((step) =>
          eb.exists(
            eb
              .selectFrom(step.table)
              .select(sql.lit(1).as('found'))
              .where(`${step.table}.tenant_id`, '=', tenantId)
              .whereRef(`${step.table}.${step.subject}`, '=', 'l.learner_id')
              .where((inner) => inScope(inner, step.table, step.scope, { tenantId, learnerId: '', catalogId })),
          ),
        ),
      ),
    );
  if (query.search) {
    // No ESCAPE clause (SQL Server's parsers and SQLite agree on none): a % or _ typed acts as a wildcard, which only
    // widens the search within a catalog the caller manages anyway.
    const pattern = `%${query.search.toLowerCase()}%`;
    people = people.where((eb) =>
      eb.or(
        ['l.display_name', 'l.mail', 'l.user_principal_name', 'l.department'].map((column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern}`),
      ),
    );
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, ['name', 'id']);
    people = people.where((eb) => eb.or([eb(sortName, '>', name), eb.and([eb(sortName, '=', name), eb('l.learner_id', '>', id)])]));
  }
  // row_number() rather than LIMIT/TOP: the one paging form SQLite and SQL Server share.
  const numbered = people.select(sql<number>`row_number() over (order by ${sortName}, ${sql.ref('l.learner_id')})`.as('row_number'));
  const rows = await db.selectFrom(numbered.as('page')).selectAll().where('page.row_number', '<=', PAGE_SIZE + 1).orderBy('page.row_number').execute();
  const page = rows.slice(0, PAGE_SIZE);
  const ids = page.map((r) => r.learner_id as string);
  const records = new Map<string, number>();
  for (const step of ids.length > 0 ? steps : []) {
    const counts = await db
      .selectFrom(step.table)
      .select([`${step.table}.${step.subject} as learner_id`, (eb) => eb.fn.countAll().as('n')])
      .where(`${step.table}.tenant_id`, '=', tenantId)
      .where(`${step.table}.${step.subject}`, 'in', ids)
      .where((eb) => inScope(eb, step.table, step.scope, { tenantId, learnerId: '', catalogId } satisfies PurgeTarget))
      .groupBy(`${step.table}.${step.subject}`)
      .execute();
    for (const c of counts) records.set(c.learner_id, (records.get(c.learner_id) ?? 0) + Number(c.n));
  }
  const lastActivity = ids.length > 0 ? await lastActivityIn(ctx, catalogId, ids) : new Map<string, string>();
  const last = page[page.length - 1];
  return {
    learners: page.map(
      (r): CatalogLearner => ({
        id: r.learner_id,
        displayName: r.display_name,
        mail: r.mail,
        department: r.department,
        records: records.get(r.learner_id) ?? 0,
        lastActivityAt: lastActivity.get(r.learner_id) ?? null,
      }),
    ),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor([last.sort_name as string, last.learner_id as string]) : null,
  };
}

/** The latest of enrolling, starting, finishing a course, a lesson done or a quiz attempt, in this catalog. */
async function lastActivityIn(ctx: UseCaseContext, catalogId: string, learnerIds: string[]): Promise<Map<string, string>> {
  const tenantId = ctx.principal.tenantId;
  const latest = new Map<string, string>();
  const note = (id: string, at: string | null): void => {
    if (at && (!latest.has(id) || (latest.get(id) as string) < at)) latest.set(id, at);
  };
  const enrolments = await ctx.db
    .selectFrom('enrolments')
    .select(['learner_id', (eb) => eb.fn.max('enrolled_at').as('enrolled'), (eb) => eb.fn.max('started_at').as('started'), (eb) => eb.fn.max('completed_at').as('completed')])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', 'in', learnerIds)
    .where('catalog_id', '=', catalogId)
    .groupBy('learner_id')
    .execute();
  for (const e of enrolments) [e.enrolled, e.started, e.completed].forEach((at) => note(e.learner_id, at));
  const lessons = await ctx.db
    .selectFrom('lesson_progress as p')
    .innerJoin('enrolments as e', 'e.id', 'p.enrolment_id')
    .select(['p.learner_id', (eb) => eb.fn.max('p.completed_at').as('at')])
    .where('p.tenant_id', '=', tenantId)
    .where('p.learner_id', 'in', learnerIds)
    .where('e.catalog_id', '=', catalogId)
    .groupBy('p.learner_id')
    .execute();
  for (const l of lessons) note(l.learner_id, l.at);
  const quizzes = await ctx.db
    .selectFrom('quiz_attempts as q')
    .innerJoin('enrolments as e', 'e.id', 'q.enrolment_id')
    .select(['q.learner_id', (eb) => eb.fn.max('q.submitted_at').as('at')])
    .where('q.tenant_id', '=', tenantId)
    .where('q.learner_id', 'in', learnerIds)
    .where('e.catalog_id', '=', catalogId)
    .groupBy('q.learner_id')
    .execute();
  for (const q of quizzes) note(q.learner_id, q.at);
  return latest;
}
