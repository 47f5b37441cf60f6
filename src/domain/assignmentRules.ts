import { z } from 'zod';
import { guidSchema } from './ids';
import type { LearnerIdentity } from './identity';
import { trainingState, type EnrolmentFacts } from './myTraining';
import { countSchema, recordIdSchema } from './responseFields';
import type { RULE_ASSIGNMENT_STATUSES } from './trainingAdmin';

/**
 * Mandatory training by directory attributes, e.g. "everyone in Sales in Oslo completes
 * Code of Conduct within 30 days". Each criterion lists accepted values (any of them matches,
 * case-insensitively); every criterion given must match.
 */
const values = z.array(z.string().trim().min(1).max(256)).min(1).max(50);

export const ruleCriteriaSchema = z
  .object({
    department: values.optional(),
    jobTitle: values.optional(),
    officeLocation: values.optional(),
    country: values.optional(),
    city: values.optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'a rule needs at least one criterion (department, jobTitle, officeLocation, country or city)');
export type RuleCriteria = z.infer<typeof ruleCriteriaSchema>;

export const assignmentRuleBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    courseId: guidSchema,
    criteria: ruleCriteriaSchema,
    dueWithinDays: z.number().int().min(1).max(3650),
  })
  .strict();
export type AssignmentRuleBody = z.infer<typeof assignmentRuleBodySchema>;

export const assignmentRuleSchema = z.object({
  id: recordIdSchema,
  catalogId: recordIdSchema,
  courseId: recordIdSchema,
  name: z.string(),
  criteria: ruleCriteriaSchema,
  dueWithinDays: z.number().int().min(1),
});
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;

/** What applying the rules changed: people newly assigned, marked out of scope, and back in scope. */
export const ruleApplicationSchema = z.object({ assigned: countSchema, unmatched: countSchema, rematched: countSchema });
export type RuleApplication = z.infer<typeof ruleApplicationSchema>;

export const createdAssignmentRuleSchema = z
  .object({ rule: assignmentRuleSchema, applied: ruleApplicationSchema })
  .describe('The rule as saved, and what applying it to everyone changed');

type Attributes = Pick<LearnerIdentity, 'department' | 'jobTitle' | 'officeLocation' | 'country' | 'city'>;

function matchesOne(accepted: string[] | undefined, actual: string | null): boolean {
  if (accepted === undefined) return true;
  if (actual === null) return false;
  const value = actual.trim().toLowerCase();
  return accepted.some((a) => a.trim().toLowerCase() === value);
}

export function ruleMatches(criteria: RuleCriteria, person: Attributes): boolean {
  return (
    matchesOne(criteria.department, person.department) &&
    matchesOne(criteria.jobTitle, person.jobTitle) &&
    matchesOne(criteria.officeLocation, person.officeLocation) &&
    matchesOne(criteria.country, person.country) &&
    matchesOne(criteria.city, person.city)
  );
}

export interface RuleEnrolmentFact {
  learnerId: string;
  ruleId: string;
  unmatchedAt: string | null;
}

export interface RulePlan {
  /** People who match a rule and have no enrolment from it: assign with a due date. */
  assign: Array<{ learnerId: string; rule: AssignmentRule }>;
  /** People whose enrolment came from a rule they no longer match: keep the records, mark them. */
  unmatch: Array<{ learnerId: string; ruleId: string }>;
  /** People marked earlier who match again: clear the mark. */
  rematch: Array<{ learnerId: string; ruleId: string }>;
}

/**
 * Decides what applying the rules changes for these people. Departed people get no new
 * assignments. Pure: the caller loads the facts and writes the plan.
 */
export function planRuleAssignments(
  rules: readonly AssignmentRule[],
  people: ReadonlyArray<Attributes & { id: string; departedAt: string | null }>,
  existing: readonly RuleEnrolmentFact[],
): RulePlan {
  const byKey = new Map(existing.map((e) => [`${e.ruleId}/${e.learnerId}`, e]));
  const plan: RulePlan = { assign: [], unmatch: [], rematch: [] };
  for (const rule of rules) {
    for (const person of people) {
      const fact = byKey.get(`${rule.id}/${person.id}`);
      const matches = person.departedAt === null && ruleMatches(rule.criteria, person);
      if (matches && !fact) plan.assign.push({ learnerId: person.id, rule });
      else if (matches && fact?.unmatchedAt) plan.rematch.push({ learnerId: person.id, ruleId: rule.id });
      else if (!matches && fact && !fact.unmatchedAt) plan.unmatch.push({ learnerId: person.id, ruleId: rule.id });
    }
  }
  return plan;
}

export type RuleAssignmentStatus = (typeof RULE_ASSIGNMENT_STATUSES)[number];

/** A rule's enrolment as its assignment list shows it: my training's state, with "due soon" read as started or not. */
export function ruleAssignmentStatus(enrolment: EnrolmentFacts, now: Date): RuleAssignmentStatus {
  const state = trainingState(enrolment, now);
  if (state !== 'due-soon') return state;
  return enrolment.startedAt ? 'in-progress' : 'not-started';
}

/** By display name (people without one last), then id: the order of a rule's preview sample. */
export function byDisplayName(a: { id: string; displayName: string | null }, b: { id: string; displayName: string | null }): number {
  if (a.displayName !== b.displayName) {
    if (a.displayName === null) return 1;
    if (b.displayName === null) return -1;
    const byName = a.displayName.localeCompare(b.displayName);
    if (byName !== 0) return byName;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first `limit` of two lists by display name: keeps a preview's sample small while people are read in batches. */
export function firstByDisplayName<T extends { id: string; displayName: string | null }>(kept: readonly T[], more: readonly T[], limit: number): T[] {
  return [...kept, ...more].sort(byDisplayName).slice(0, limit);
}
