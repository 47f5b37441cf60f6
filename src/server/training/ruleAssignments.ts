import { sql } from 'kysely';
import { ruleAssignmentStatus } from '../../domain/assignmentRules';
import type { RuleAssignmentPage } from '../../domain/trainingAdmin';
import { decodeCursor, encodeCursor } from '../privacy/keysetCursor';
import { loadManagedRule } from './assignmentRules';
import type { UseCaseContext } from './useCaseContext';
import { notRestricted } from '../privacy/restrictedLearners';

const PAGE_SIZE = 100;

/**
 * The enrolments a rule made, by display name then learner id, keyset-paged (the cursor is the last row's name and
 * id), with where each person stands. As in reports, people whose processing is restricted are left out (their
 * records are kept), from the page and from the total.
 */
export async function listRuleAssignments(ctx: UseCaseContext, ruleId: string, cursor: string | undefined): Promise<RuleAssignmentPage> {
  await loadManagedRule(ctx, ruleId);
  const after = cursor === undefined ? null : decodeCursor(cursor, ['name', 'id']);
  const sortName = sql<string>`coalesce(${sql.ref('l.display_name')}, '')`;
  const assignments = ctx.db
    .selectFrom('rule_assignments as ra')
    .innerJoin('enrolments as e', 'e.id', 'ra.enrolment_id')
    .leftJoin('learners as l', (j) => j.onRef('l.tenant_id', '=', 'ra.tenant_id').onRef('l.learner_id', '=', 'ra.learner_id'))
    .where('ra.tenant_id', '=', ctx.principal.tenantId)
    .where('ra.rule_id', '=', ruleId)
    .where(notRestricted('ra'));

  const { total } = await assignments.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let page = assignments
    .select(['ra.learner_id', 'ra.assigned_at', 'ra.unmatched_at', 'e.id as enrolment_id', 'e.due_at', 'e.started_at', 'e.completed_at', 'l.display_name', 'l.department'])
    .select(sortName.as('sort_name'));
  if (after) {
    const [name, id] = after;
    page = page.where((eb) => eb.or([eb(sortName, '>', name), eb.and([eb(sortName, '=', name), eb('ra.learner_id', '>', id)])]));
  }
  // row_number() rather than LIMIT/TOP: the one paging form SQLite and SQL Server share.
  const numbered = page.select(sql<number>`row_number() over (order by ${sortName}, ${sql.ref('ra.learner_id')})`.as('row_number'));
  const rows = await ctx.db.selectFrom(numbered.as('page')).selectAll().where('page.row_number', '<=', PAGE_SIZE + 1).orderBy('page.row_number').execute();
  const shown = rows.slice(0, PAGE_SIZE);
  const last = shown[shown.length - 1];
  return {
    assignments: shown.map((r) => ({
      enrolmentId: r.enrolment_id,
      learnerId: r.learner_id,
      displayName: r.display_name,
      department: r.department,
      status: ruleAssignmentStatus({ dueAt: r.due_at, startedAt: r.started_at, completedAt: r.completed_at }, ctx.now),
      dueAt: r.due_at,
      assignedAt: r.assigned_at,
      unmatchedAt: r.unmatched_at,
    })),
    total: Number(total),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor([last.sort_name, last.learner_id]) : null,
  };
}
