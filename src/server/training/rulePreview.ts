import { sql } from 'kysely';
import { firstByDisplayName, ruleMatches, type AssignmentRuleBody, type RuleCriteria } from '../../domain/assignmentRules';
import type { RulePreview, RulePreviewPerson } from '../../domain/trainingAdmin';
import { requireRuleCourse } from './assignmentRules';
import type { UseCaseContext } from './useCaseContext';
import { notRestricted } from '../privacy/restrictedLearners';

const BATCH_SIZE = 1000;
const SAMPLE_SIZE = 10;

const CRITERION_COLUMNS = {
  department: 'department',
  jobTitle: 'job_title',
  officeLocation: 'office_location',
  country: 'country',
  city: 'city',
} as const satisfies Record<keyof RuleCriteria, string>;

/**
 * Who a rule would assign if it were saved now: the current people (not departed, not restricted) it matches, how
 * many of them already have an enrolment in the course, and the first few by name. Reads only; writes nothing.
 *
 * The whole directory is read in batches of a few columns, and matching is `ruleMatches` itself, so the preview
 * cannot disagree with what saving the rule does. SQL narrows the rows only where that is certain: a criterion
 * never matches a person without a value for it.
 */
export async function previewAssignmentRule(ctx: UseCaseContext, catalogId: string, body: AssignmentRuleBody): Promise<RulePreview> {
  await requireRuleCourse(ctx, catalogId, body.courseId);
  const tenantId = ctx.principal.tenantId;
  const given = (Object.keys(CRITERION_COLUMNS) as Array<keyof RuleCriteria>).filter((c) => body.criteria[c] !== undefined);
  let matching = 0;
  let alreadyEnrolled = 0;
  let sample: RulePreviewPerson[] = [];
  let after = '';
  for (;;) {
    let people = ctx.db
      .selectFrom('learners as l')
      .select(['l.learner_id', 'l.display_name', 'l.department', 'l.job_title', 'l.office_location', 'l.country', 'l.city'])
      // CASE WHEN EXISTS: SQL Server takes no bare EXISTS in a select list.
      .select((eb) =>
        eb
          .case()
          .when(
            eb.exists(
              eb
                .selectFrom('enrolments as e')
                .select('e.id')
                .whereRef('e.tenant_id', '=', 'l.tenant_id')
                .whereRef('e.learner_id', '=', 'l.learner_id')
                .where('e.course_id', '=', body.courseId),
            ),
          )
          .then(1)
          .else(0)
          .end()
          .as('enrolled'),
      )
      .where('l.tenant_id', '=', tenantId)
      .where('l.learner_id', '>', after)
      .where('l.departed_at', 'is', null)
      .where(notRestricted('l'));
    for (const criterion of given) people = people.where(`l.${CRITERION_COLUMNS[criterion]}`, 'is not', null);
    // row_number() rather than LIMIT/TOP: the one paging form SQLite and SQL Server share.
    const numbered = people.select(sql<number>`row_number() over (order by ${sql.ref('l.learner_id')})`.as('row_number'));
    const rows = await ctx.db.selectFrom(numbered.as('batch')).selectAll().where('batch.row_number', '<=', BATCH_SIZE).orderBy('batch.row_number').execute();

    const matched = rows
      .map((r) => ({
        person: {
          id: r.learner_id,
          displayName: r.display_name,
          department: r.department,
          jobTitle: r.job_title,
          officeLocation: r.office_location,
          country: r.country,
          city: r.city,
        },
        enrolled: Number(r.enrolled) === 1,
      }))
      .filter((m) => ruleMatches(body.criteria, m.person));
    matching += matched.length;
    alreadyEnrolled += matched.filter((m) => m.enrolled).length;
    sample = firstByDisplayName(sample, matched.map((m) => m.person), SAMPLE_SIZE);
    if (rows.length < BATCH_SIZE) break;
    after = rows[rows.length - 1].learner_id;
  }
  return { matching, alreadyEnrolled, sample };
}
