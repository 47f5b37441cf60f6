import type { Kysely, Migration } from 'kysely';
import { columnTypes } from './columnTypes';

/**
 * The other data-subject rights: restriction of processing, the versioned privacy notice and its acceptances,
 * erasure requests, and the retention policy with the report of each retention run. Rows about a person carry
 * (tenant_id, learner_id), indexed; the notice, the policy and the run reports hold no personal data.
 */
export function privacyRightsMigration(dialect: 'sqlite' | 'mssql'): Migration {
  const t = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('learner_restrictions')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('reason', t.text(500))
        .addColumn('restricted_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_learner_restrictions', ['tenant_id', 'learner_id'])
        .execute();

      await db.schema
        .createTable('privacy_notices')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('version', t.integer, (c) => c.notNull())
        .addColumn('notice_text', t.longText, (c) => c.notNull())
        .addColumn('published_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_privacy_notices', ['tenant_id', 'version'])
        .execute();

      await db.schema
        .createTable('privacy_notice_acceptances')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('version', t.integer, (c) => c.notNull())
        .addColumn('accepted_at', t.timestamp, (c) => c.notNull())
        .addColumn('withdrawn_at', t.timestamp)
        .addPrimaryKeyConstraint('pk_privacy_notice_acceptances', ['tenant_id', 'learner_id', 'version'])
        .execute();
      await db.schema.createIndex('ix_privacy_notice_acceptances_learner').on('privacy_notice_acceptances').columns(['tenant_id', 'learner_id']).execute();

      await db.schema
        .createTable('erasure_requests')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('learner_id', t.id, (c) => c.notNull())
        .addColumn('source', t.text(30), (c) => c.notNull())
        .addColumn('note', t.text(1000))
        .addColumn('status', t.text(20), (c) => c.notNull())
        .addColumn('requested_at', t.timestamp, (c) => c.notNull())
        .addColumn('decided_at', t.timestamp)
        .addColumn('decision_reason', t.text(1000))
        .addColumn('purge_job_id', t.id)
        .execute();
      await db.schema.createIndex('ix_erasure_requests_learner').on('erasure_requests').columns(['tenant_id', 'learner_id']).execute();
      await db.schema.createIndex('ix_erasure_requests_status').on('erasure_requests').columns(['tenant_id', 'status', 'requested_at']).execute();

      await db.schema
        .createTable('retention_policies')
        .addColumn('tenant_id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('inactive_days', t.integer)
        .addColumn('departed_days', t.integer)
        .addColumn('notice_not_accepted_days', t.integer)
        .addColumn('dry_run_first', t.integer, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('retention_runs')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('kind', t.text(20), (c) => c.notNull())
        .addColumn('started_by', t.text(20), (c) => c.notNull())
        .addColumn('policy_json', t.text(1000), (c) => c.notNull())
        .addColumn('counts_json', t.text(1000), (c) => c.notNull())
        .addColumn('total', t.integer, (c) => c.notNull())
        .addColumn('purges_requested', t.integer, (c) => c.notNull())
        .addColumn('ran_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ix_retention_runs_at').on('retention_runs').columns(['tenant_id', 'ran_at']).execute();
    },
  };
}
