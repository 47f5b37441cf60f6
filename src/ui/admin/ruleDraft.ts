import type { AssignmentRule, AssignmentRuleBody } from '../../client/trainingAdminApi';
import { assignmentRuleBodySchema, type RuleCriteria } from '../../domain/assignmentRules';
import type { AdminStrings } from './adminStrings';

export const CRITERIA = ['department', 'jobTitle', 'officeLocation', 'country', 'city'] as const;
export type CriterionKey = (typeof CRITERIA)[number];

/** The rule form as typed: criteria are comma-separated text, the due days a number field's text. */
export interface RuleDraft {
  name: string;
  courseId: string | null;
  days: string;
  values: Record<CriterionKey, string>;
}

export type ParsedRuleDraft = { ok: true; body: AssignmentRuleBody } | { ok: false; problems: string[] };

export function emptyRuleDraft(courseId: string | null): RuleDraft {
  return { name: '', courseId, days: '30', values: { department: '', jobTitle: '', officeLocation: '', country: '', city: '' } };
}

export function draftFromRule(rule: AssignmentRule): RuleDraft {
  const values = emptyRuleDraft(null).values;
  for (const key of CRITERIA) values[key] = (rule.criteria[key] ?? []).join(', ');
  return { name: rule.name, courseId: rule.courseId, days: String(rule.dueWithinDays), values };
}

function splitValues(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The draft as the body the service takes, checked with the schema it validates with; else what to fix, in words. */
export function parseRuleDraft(draft: RuleDraft, s: AdminStrings): ParsedRuleDraft {
  const criteria: Record<string, string[]> = {};
  for (const key of CRITERIA) {
    const list = splitValues(draft.values[key]);
    if (list.length > 0) criteria[key] = list;
  }
  if (Object.keys(criteria).length === 0) return { ok: false, problems: [s.criteriaNeeded] };
  const days = draft.days.trim();
  const parsed = assignmentRuleBodySchema.safeParse({ name: draft.name, courseId: draft.courseId, criteria, dueWithinDays: /^\d+$/.test(days) ? Number(days) : Number.NaN });
  if (parsed.success) return { ok: true, body: parsed.data };
  const labels: Record<string, string> = { name: s.ruleName, courseId: s.ruleCourse, dueWithinDays: s.ruleDueDays, criteria: s.problemPlaces.criteria };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${labels[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.code === 'invalid_type' ? s.problemRequired : issue.message}`),
  };
}

/** "Department: Sales; City: Oslo" → criteria text for a rule row. */
export function describeCriteria(criteria: RuleCriteria, s: AdminStrings): string {
  return CRITERIA.filter((key) => criteria[key] !== undefined)
    .map((key) => `${s.criteria[key]}: ${s.criterionValues(criteria[key] ?? [])}`)
    .join('; ');
}
