import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../src/server/store/migrations/migrateToLatest';
import { tenantMigrationProvider } from '../../src/server/store/migrations/tenantMigrations';
import type { TenantDatabase } from '../../src/server/store/tenantSchema';

/** A migrated tenant database in memory (the real schema, every migration), with its raw handle for PRAGMAs. */
export async function migratedTenantDatabase(): Promise<{ db: Kysely<TenantDatabase>; raw: Database.Database }> {
  const raw = new Database(':memory:');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<TenantDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db as Kysely<any>, tenantMigrationProvider('sqlite'));
  return { db, raw };
}

/** The tables of the real schema and their columns, read with PRAGMA table_info (Kysely's own tables left out). */
export function realSchema(raw: Database.Database): Map<string, string[]> {
  const tables = raw
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
    .all() as Array<{ name: string }>;
  return new Map(tables.map(({ name }) => [name, (raw.pragma(`table_info(${name})`) as Array<{ name: string }>).map((c) => c.name)]));
}

/**
 * Tables the privacy machinery writes itself (jobs, audit, suppressions, key): the fixture leaves them to a real
 * purge and erasure, and the tests scan them like every other table afterwards.
 */
export const WRITTEN_BY_PRIVACY = new Set(['purge_jobs', 'audit_events', 'sync_suppressions', 'privacy_secrets']);

export interface Fixture {
  tenantId: string;
  learnerId: string;
  otherId: string;
  catalogA: string;
  catalogB: string;
  /** The tables the fixture wrote rows into. */
  filled: Set<string>;
}

/**
 * Fills every table of a tenant database: the learner with records in catalogs A and B, and another person in
 * catalog A whose enrolment the learner assigned and whose manager the learner is. A table added later must
 * get rows here too (the registry test fails until it does).
 */
export async function fillEveryTable(db: Kysely<TenantDatabase>): Promise<Fixture> {
  const tenantId = randomUUID();
  const learnerId = randomUUID();
  const otherId = randomUUID();
  const at = '2026-01-05T10:00:00.000Z';
  const filled = new Set<string>();
  const insert = async (table: keyof TenantDatabase, values: Record<string, unknown>) => {
    await (db as Kysely<any>).insertInto(table).values(values).execute();
    filled.add(table);
  };
  const person = (id: string, name: string, managerId: string | null) => ({
    tenant_id: tenantId,
    learner_id: id,
    user_principal_name: `${name}@contoso.example`,
    display_name: name,
    mail: `${name}.mail@contoso.example`,
    department: 'Sales',
    job_title: 'Seller',
    office_location: 'Oslo',
    country: 'Norway',
    city: 'Oslo',
    manager_id: managerId,
    departed_at: null,
    synced_at: at,
    created_at: at,
  });
  await insert('learners', person(learnerId, 'fixture-learner', null));
  await insert('learners', person(otherId, 'fixture-other', learnerId));
  await insert('directory_sync_state', { tenant_id: tenantId, delta_link: 'opaque', last_full_sync_at: at, last_sync_at: at, last_result_json: '{}' });

  const catalogs: string[] = [];
  for (const name of ['A', 'B']) {
    const catalogId = randomUUID();
    catalogs.push(catalogId);
    await insert('catalogs', { id: catalogId, tenant_id: tenantId, name, description: name, site_url: null, created_at: at });
    await insert('catalog_audiences', { tenant_id: tenantId, catalog_id: catalogId, group_id: randomUUID(), display_name: 'Group' });
    await insert('catalog_managers', { tenant_id: tenantId, catalog_id: catalogId, learner_id: learnerId, added_at: at });
    const courseId = randomUUID();
    await insert('courses', {
      id: courseId,
      tenant_id: tenantId,
      catalog_id: catalogId,
      title: 'Course',
      summary: 's',
      format: 'e-learning',
      tags_json: '[]',
      duration_minutes: 10,
      sequential_lessons: 0,
      status: 'published',
      quiz_json: null,
      created_at: at,
      updated_at: at,
    });
    const lessonId = randomUUID();
    await insert('lessons', { id: lessonId, tenant_id: tenantId, course_id: courseId, position: 0, title: 'L', material_url: 'https://x.example/1', duration_minutes: 5 });
    const planId = randomUUID();
    await insert('training_plans', { id: planId, tenant_id: tenantId, catalog_id: catalogId, title: 'P', summary: 's', status: 'published', created_at: at });
    await insert('training_plan_courses', { tenant_id: tenantId, plan_id: planId, course_id: courseId, position: 0 });
    const ruleId = randomUUID();
    await insert('assignment_rules', { id: ruleId, tenant_id: tenantId, catalog_id: catalogId, course_id: courseId, name: 'R', criteria_json: JSON.stringify({ department: ['Nobody'] }), due_within_days: 30, created_at: at });

    const planEnrolmentId = randomUUID();
    await insert('plan_enrolments', { id: planEnrolmentId, tenant_id: tenantId, learner_id: learnerId, plan_id: planId, source: 'self', due_at: null, enrolled_at: at, completed_at: null });
    const enrolmentId = randomUUID();
    const certificateId = randomUUID();
    await insert('enrolments', {
      id: enrolmentId,
      tenant_id: tenantId,
      learner_id: learnerId,
      catalog_id: catalogId,
      course_id: courseId,
      plan_enrolment_id: planEnrolmentId,
      source: 'rule',
      assigned_by: null,
      due_at: at,
      enrolled_at: at,
      started_at: at,
      completed_at: at,
      progress_percent: 100,
      certificate_id: certificateId,
    });
    await insert('lesson_progress', { tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, lesson_id: lessonId, completed_at: at });
    await insert('quiz_attempts', { id: randomUUID(), tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, score_percent: 90, passed: 1, answers_json: '[1]', submitted_at: at });
    await insert('certificates', { id: certificateId, tenant_id: tenantId, learner_id: learnerId, enrolment_id: enrolmentId, course_id: courseId, verification_code: `ATR-${name}AAA-BBBB-CCCC`, issued_at: at });
    await insert('rule_assignments', { tenant_id: tenantId, learner_id: learnerId, rule_id: ruleId, enrolment_id: enrolmentId, assigned_at: at, unmatched_at: null });

    // The other person's enrolment, assigned by the learner.
    await insert('enrolments', {
      id: randomUUID(),
      tenant_id: tenantId,
      learner_id: otherId,
      catalog_id: catalogId,
      course_id: courseId,
      plan_enrolment_id: null,
      source: 'assigned',
      assigned_by: learnerId,
      due_at: at,
      enrolled_at: at,
      started_at: null,
      completed_at: null,
      progress_percent: 0,
      certificate_id: null,
    });
  }
  // Data-subject rights (migration 0011).
  await insert('privacy_notices', { tenant_id: tenantId, version: 1, notice_text: 'We keep your training records.', published_at: at });
  await insert('privacy_notice_acceptances', { tenant_id: tenantId, learner_id: learnerId, version: 1, accepted_at: at, withdrawn_at: null });
  await insert('privacy_notice_acceptances', { tenant_id: tenantId, learner_id: otherId, version: 1, accepted_at: at, withdrawn_at: null });
  await insert('learner_restrictions', { tenant_id: tenantId, learner_id: learnerId, reason: 'contested accuracy', restricted_at: at });
  await insert('erasure_requests', {
    id: randomUUID(),
    tenant_id: tenantId,
    learner_id: learnerId,
    source: 'learner',
    note: 'please forget me',
    status: 'pending',
    requested_at: at,
    decided_at: null,
    decision_reason: null,
    purge_job_id: null,
  });
  await insert('retention_policies', { tenant_id: tenantId, inactive_days: 365, departed_days: 90, notice_not_accepted_days: null, dry_run_first: 1, updated_at: at });
  await insert('retention_runs', { id: randomUUID(), tenant_id: tenantId, kind: 'dry-run', started_by: 'admin', policy_json: '{}', counts_json: '{}', total: 0, purges_requested: 0, ran_at: at });
  await insert('group_members', { tenant_id: tenantId, learner_id: learnerId, group_id: randomUUID(), synced_at: at });
  await insert('group_members', { tenant_id: tenantId, learner_id: otherId, group_id: randomUUID(), synced_at: at });
  return { tenantId, learnerId, otherId, catalogA: catalogs[0], catalogB: catalogs[1], filled };
}

/** Every row of every table that mentions `id` in any column: `table.column` for each hit. */
export function mentionsOf(raw: Database.Database, id: string): string[] {
  const hits: string[] = [];
  for (const [table, columns] of realSchema(raw)) {
    for (const column of columns) {
      const row = raw.prepare(`select count(*) as n from "${table}" where cast("${column}" as text) like ?`).get(`%${id}%`) as { n: number };
      for (let i = 0; i < row.n; i += 1) hits.push(`${table}.${column}`);
    }
  }
  return hits;
}
