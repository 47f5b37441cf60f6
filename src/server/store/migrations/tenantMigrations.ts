import type { Migration, MigrationProvider } from 'kysely';
import type { AnyKysely } from '../engine';
import { columnTypes } from './columnTypes';
import { privacyPurgeMigration } from './tenant0010PrivacyPurge';
import { privacyRightsMigration } from './tenant0011PrivacyRights';
import { catalogReportIndexMigration } from './tenant0012CatalogReportIndex';

/**
 * Schema of a tenant database. Migrations are applied once each, in name order, under
 * Kysely's migration lock, so running them again is a no-op.
 */
export function tenantMigrationProvider(dialect: 'sqlite' | 'mssql'): MigrationProvider {
  const t = columnTypes(dialect);

  const initial: Migration = {
    async up(db: AnyKysely) {
      await db.schema
        .createTable('learners')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('user_principal_name', t.text(256))
        .addColumn('display_name', t.text(256))
        .addColumn('mail', t.text(256))
        .addColumn('department', t.text(256))
        .addColumn('job_title', t.text(256))
        .addColumn('office_location', t.text(256))
        .addColumn('country', t.text(256))
        .addColumn('city', t.text(256))
        .addColumn('manager_id', t.id)
        .addColumn('departed_at', t.timestamp)
        .addColumn('synced_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_learners', ['tenant_id', 'learner_id'])
        .execute();
      await db.schema.createIndex('ix_learners_manager').on('learners').columns(['tenant_id', 'manager_id']).execute();

      await db.schema
        .createTable('catalogs')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('name', t.text(200), (c) => c.notNull())
        .addColumn('description', t.text(4000), (c) => c.notNull())
        .addColumn('site_url', t.text(2048))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('catalog_managers')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('added_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_catalog_managers', ['catalog_id', 'learner_id'])
        .execute();
      await db.schema.createIndex('ix_catalog_managers_learner').on('catalog_managers').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('courses')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('title', t.text(200), (c) => c.notNull())
        .addColumn('summary', t.text(4000), (c) => c.notNull())
        .addColumn('format', t.text(20), (c) => c.notNull())
        .addColumn('tags_json', t.text(2000), (c) => c.notNull())
        .addColumn('duration_minutes', t.integer, (c) => c.notNull())
        .addColumn('sequential_lessons', t.integer, (c) => c.notNull())
        .addColumn('status', t.text(20), (c) => c.notNull())
        .addColumn('quiz_json', t.longText)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ix_courses_catalog').on('courses').columns(['tenant_id', 'catalog_id', 'status']).execute();

      await db.schema
        .createTable('lessons')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id'))
        .addColumn('position', t.integer, (c) => c.notNull())
        .addColumn('title', t.text(200), (c) => c.notNull())
        .addColumn('material_url', t.text(2048), (c) => c.notNull())
        .addColumn('duration_minutes', t.integer)
        .execute();
      await db.schema.createIndex('ix_lessons_course').on('lessons').columns(['course_id', 'position']).execute();

      await db.schema
        .createTable('training_plans')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('title', t.text(200), (c) => c.notNull())
        .addColumn('summary', t.text(4000), (c) => c.notNull())
        .addColumn('status', t.text(20), (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('training_plan_courses')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('plan_id', t.id, (c) => c.notNull().references('training_plans.id'))
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id'))
        .addColumn('position', t.integer, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_training_plan_courses', ['plan_id', 'course_id'])
        .execute();

      await db.schema
        .createTable('plan_enrolments')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('plan_id', t.id, (c) => c.notNull().references('training_plans.id'))
        .addColumn('source', t.text(20), (c) => c.notNull())
        .addColumn('due_at', t.timestamp)
        .addColumn('enrolled_at', t.timestamp, (c) => c.notNull())
        .addColumn('completed_at', t.timestamp)
        .addUniqueConstraint('uq_plan_enrolments_learner_plan', ['tenant_id', 'learner_id', 'plan_id'])
        .execute();
      await db.schema.createIndex('ix_plan_enrolments_learner').on('plan_enrolments').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('enrolments')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id'))
        .addColumn('plan_enrolment_id', t.id, (c) => c.references('plan_enrolments.id'))
        .addColumn('source', t.text(20), (c) => c.notNull())
        .addColumn('assigned_by', t.id)
        .addColumn('due_at', t.timestamp)
        .addColumn('enrolled_at', t.timestamp, (c) => c.notNull())
        .addColumn('started_at', t.timestamp)
        .addColumn('completed_at', t.timestamp)
        // Kept up to date by recordProgress, so "my training" reads one row per course.
        .addColumn('progress_percent', t.integer, (c) => c.notNull().defaultTo(0))
        .addColumn('certificate_id', t.id)
        .addUniqueConstraint('uq_enrolments_learner_course', ['tenant_id', 'learner_id', 'course_id'])
        .execute();
      await db.schema.createIndex('ix_enrolments_learner').on('enrolments').columns(['tenant_id', 'learner_id']).execute();
      await db.schema.createIndex('ix_enrolments_course').on('enrolments').columns(['tenant_id', 'course_id']).execute();
      // assigned_by names a person too (the manager who assigned): found by the same key on erasure.
      await db.schema.createIndex('ix_enrolments_assigned_by').on('enrolments').columns(['tenant_id', 'assigned_by']).execute();

      await db.schema
        .createTable('lesson_progress')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('enrolment_id', t.id, (c) => c.notNull().references('enrolments.id'))
        .addColumn('lesson_id', t.id, (c) => c.notNull().references('lessons.id'))
        .addColumn('completed_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_lesson_progress', ['enrolment_id', 'lesson_id'])
        .execute();
      await db.schema.createIndex('ix_lesson_progress_learner').on('lesson_progress').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('quiz_attempts')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('enrolment_id', t.id, (c) => c.notNull().references('enrolments.id'))
        .addColumn('score_percent', t.integer, (c) => c.notNull())
        .addColumn('passed', t.integer, (c) => c.notNull())
        .addColumn('answers_json', t.longText, (c) => c.notNull())
        .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ix_quiz_attempts_learner').on('quiz_attempts').columns(['tenant_id', 'learner_id']).execute();
      await db.schema.createIndex('ix_quiz_attempts_enrolment').on('quiz_attempts').columns(['enrolment_id']).execute();

      await db.schema
        .createTable('certificates')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('enrolment_id', t.id, (c) => c.notNull().references('enrolments.id'))
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id'))
        .addColumn('verification_code', t.text(20), (c) => c.notNull())
        .addColumn('issued_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('uq_certificates_code', ['verification_code'])
        .addUniqueConstraint('uq_certificates_enrolment', ['enrolment_id'])
        .execute();
      await db.schema.createIndex('ix_certificates_learner').on('certificates').columns(['tenant_id', 'learner_id']).execute();
    },
  };

  const identityRules: Migration = {
    async up(db: AnyKysely) {
      await db.schema
        .createTable('assignment_rules')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('course_id', t.id, (c) => c.notNull().references('courses.id'))
        .addColumn('name', t.text(200), (c) => c.notNull())
        .addColumn('criteria_json', t.text(4000), (c) => c.notNull())
        .addColumn('due_within_days', t.integer, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ix_assignment_rules_catalog').on('assignment_rules').columns(['tenant_id', 'catalog_id']).execute();

      await db.schema
        .createTable('rule_assignments')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('rule_id', t.id, (c) => c.notNull().references('assignment_rules.id'))
        .addColumn('enrolment_id', t.id, (c) => c.notNull().references('enrolments.id'))
        .addColumn('assigned_at', t.timestamp, (c) => c.notNull())
        .addColumn('unmatched_at', t.timestamp)
        .addPrimaryKeyConstraint('pk_rule_assignments', ['rule_id', 'learner_id'])
        .execute();
      await db.schema.createIndex('ix_rule_assignments_learner').on('rule_assignments').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('catalog_audiences')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('catalog_id', t.id, (c) => c.notNull().references('catalogs.id'))
        .addColumn('group_id', t.id, (c) => c.notNull())
        .addColumn('display_name', t.text(256))
        .addPrimaryKeyConstraint('pk_catalog_audiences', ['catalog_id', 'group_id'])
        .execute();

      await db.schema
        .createTable('group_members')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('group_id', t.id, (c) => c.notNull())
        .addColumn('synced_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_group_members', ['group_id', 'learner_id'])
        .execute();
      await db.schema.createIndex('ix_group_members_learner').on('group_members').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('directory_sync_state')
        .addColumn('tenant_id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('delta_link', t.longText)
        .addColumn('last_full_sync_at', t.timestamp)
        .addColumn('last_sync_at', t.timestamp)
        .addColumn('last_result_json', t.text(4000))
        .execute();
    },
  };

  return {
    getMigrations: async () => ({
      '0001_initial': initial,
      '0002_identity_rules': identityRules,
      // Later migrations live in files of their own, one per piece of work; add each here.
      '0010_privacy_purge': privacyPurgeMigration(dialect),
      '0011_privacy_rights': privacyRightsMigration(dialect),
      '0012_catalog_report_index': catalogReportIndexMigration(),
    }),
  };
}

/** The name of the newest migration: the schema version recorded in the tenant catalog. */
export const TENANT_SCHEMA_VERSION = '0012_catalog_report_index';
