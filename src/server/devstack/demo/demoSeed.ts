import { courseInputSchema, type Course } from '../../../domain/course';
import { toLearnerIdentity } from '../../../domain/identity';
import type { DirectoryUser } from '../directory/directoryGenerator';
import type { Tenancy } from '../../tenancy/tenancy';
import { createAssignmentRule } from '../../training/assignmentRules';
import { createCatalog } from '../../training/catalogs';
import { createCourse } from '../../training/courses';
import { assignCourse, selfEnrol } from '../../training/enrolments';
import { upsertLearnerIdentities } from '../../training/learners';
import { createPlan } from '../../training/plans';
import { recordProgress } from '../../training/progress';
import type { UseCaseContext } from '../../training/useCaseContext';
import { DEMO_COURSES } from './demoCourses';

export const DEMO_TENANT_ID = 'c0a7b1d2-3e4f-4a5b-8c9d-0e1f2a3b4c5d';
export const DEMO_TENANT_NAME = 'Contoso (demo)';
export const DEMO_REGION = 'westeurope';
export const DEMO_DIRECTORY_SEED = 'contoso-demo';
export const DEMO_DIRECTORY_SIZE = 2000;

export interface DemoPeople {
  admin: DirectoryUser;
  trainingManager: DirectoryUser;
  learner: DirectoryUser;
  lineManager: DirectoryUser;
}

/** Picks the demo's cast from the generated directory: an IT admin, an HR training manager, a Sales learner and their manager. */
export function pickDemoPeople(people: readonly DirectoryUser[]): DemoPeople {
  const managers = new Set(people.map((p) => p.managerId).filter((id): id is string => id !== null));
  const byId = new Map(people.map((p) => [p.id, p]));
  const first = (test: (p: DirectoryUser) => boolean, what: string): DirectoryUser => {
    const found = people.find(test);
    if (!found) throw new Error(`the demo directory has no ${what}`);
    return found;
  };
  const admin = first((p) => p.department === 'IT' && p.managerId !== null, 'IT person');
  const trainingManager = first((p) => p.department === 'HR' && p.managerId !== null && !managers.has(p.id), 'HR person');
  const learner = first((p) => p.department === 'Sales' && !managers.has(p.id) && p.managerId !== null && byId.has(p.managerId), 'Sales person');
  const lineManager = byId.get(learner.managerId as string) as DirectoryUser;
  return { admin, trainingManager, learner, lineManager };
}

/**
 * Onboards the demo tenant and fills it: the directory's people, a catalog of a dozen courses, a
 * training plan, and some training in progress for the demo learner. Does nothing if already there.
 */
export async function seedDemoTenant(options: {
  tenancy: Tenancy;
  people: readonly DirectoryUser[];
  now: Date;
  /** Brings the directory's people into the tenant (a directory sync); without it they are written directly. */
  syncDirectory?: () => Promise<unknown>;
}): Promise<{ created: boolean; cast: DemoPeople }> {
  const { tenancy, people, now } = options;
  const cast = pickDemoPeople(people);
  if (await tenancy.activeTenant(DEMO_TENANT_ID)) return { created: false, cast };
  await tenancy.onboard({ tenantId: DEMO_TENANT_ID, displayName: DEMO_TENANT_NAME, regionId: DEMO_REGION }, () => now);
  if (options.syncDirectory) await options.syncDirectory();

  await tenancy.withTenantDatabase(DEMO_TENANT_ID, async (db) => {
    if (!options.syncDirectory) await upsertLearnerIdentities(db, DEMO_TENANT_ID, people.map((p) => toLearnerIdentity(p, p.managerId)), now);
    const as = (person: DirectoryUser, roles: string[]): UseCaseContext => ({ db, now, principal: { tenantId: DEMO_TENANT_ID, userId: person.id, roles } });
    const manager = as(cast.trainingManager, ['Catalog.Manage']);
    const catalog = await createCatalog(manager, {
      name: 'Contoso Learning',
      description: 'Company-wide training: compliance, safety, leadership and everyday skills.',
      siteUrl: 'https://contoso.sharepoint.com/sites/learning',
    });
    const courses: Course[] = [];
    for (const course of DEMO_COURSES) {
      courses.push(await createCourse(manager, catalog.id, courseInputSchema.parse({ status: 'published', ...course })));
    }
    const byTitle = (title: string): Course => {
      const course = courses.find((c) => c.title === title);
      if (!course) throw new Error(`demo course ${title} missing`);
      return course;
    };
    await createPlan(manager, catalog.id, {
      title: 'New Manager Essentials',
      summary: 'Everything a first-time people leader needs in their first quarter.',
      courseIds: [byTitle('Leading Effective One-to-Ones').id, byTitle('Inclusive Hiring').id, byTitle('Code of Conduct 2026').id],
      status: 'published',
    });
    await createAssignmentRule(manager, catalog.id, {
      name: 'Sales in Oslo: Code of Conduct within 30 days',
      courseId: byTitle('Code of Conduct 2026').id,
      criteria: { department: ['Sales'], city: ['Oslo'] },
      dueWithinDays: 30,
    });
    await createAssignmentRule(manager, catalog.id, {
      name: 'Everyone in IT: Information Security Essentials within 14 days',
      courseId: byTitle('Information Security Essentials').id,
      criteria: { department: ['IT'] },
      dueWithinDays: 14,
    });
    const inDays = (days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString();
    await assignCourse(manager, byTitle('Code of Conduct 2026').id, [cast.learner.id, cast.lineManager.id], inDays(30));
    await assignCourse(manager, byTitle('Information Security Essentials').id, [cast.learner.id], inDays(7));
    await assignCourse(manager, byTitle('GDPR for Everyone').id, [cast.learner.id], inDays(60));

    const learner = as(cast.learner, []);
    const teams = await selfEnrol(learner, byTitle('Microsoft Teams Meetings Like a Pro').id);
    await recordProgress(learner, teams.enrolment.id, { type: 'lesson-completed', lessonId: byTitle('Microsoft Teams Meetings Like a Pro').lessons[0].id });
    const onboarding = await selfEnrol(learner, byTitle('New Joiner Onboarding').id);
    await recordProgress(learner, onboarding.enrolment.id, { type: 'lesson-completed', lessonId: byTitle('New Joiner Onboarding').lessons[0].id });
  });
  return { created: true, cast };
}
