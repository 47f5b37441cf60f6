import type { Migration } from 'kysely';
import type { AnyKysely } from '../engine';
import { columnTypes } from './columnTypes';

/**
 * Purge and erasure: the jobs that carry them out (recorded before they start, resumed after a crash), the audit
 * trail (no personal data: the subject is a keyed hash), the per-tenant key of that hash, and the directory-sync
 * suppressions of erased people (the keyed hash only).
 */
export function privacyPurgeMigration(dialect: 'sqlite' | 'mssql'): Migration {
  const t = columnTypes(dialect);
  /** A hex HMAC-SHA-256 digest. */
  const hash = t.text(64);
  return {
    async up(db: AnyKysely) {
      await db.schema
        .createTable('privacy_secrets')
        .addColumn('tenant_id', t.id, (c) => c.notNull().primaryKey())
        // HMAC-SHA-256 key of subject hashes, hex; never leaves the tenant database.
        .addColumn('subject_key', hash, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('purge_jobs')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        // The job's working copy of whom to purge: set to null when the job is done.
        .addColumn('learner_id', t.id)
        .addColumn('subject_hash', hash, (c) => c.notNull())
        .addColumn('scope', t.text(20), (c) => c.notNull())
        .addColumn('catalog_id', t.id)
        .addColumn('reason', t.text(30), (c) => c.notNull())
        .addColumn('requested_by', t.id)
        .addColumn('status', t.text(20), (c) => c.notNull())
        .addColumn('total', t.integer, (c) => c.notNull())
        .addColumn('done', t.integer, (c) => c.notNull())
        .addColumn('counts_json', t.text(2000), (c) => c.notNull())
        .addColumn('attempts', t.integer, (c) => c.notNull())
        .addColumn('error', t.text(400))
        .addColumn('requested_at', t.timestamp, (c) => c.notNull())
        .addColumn('started_at', t.timestamp)
        .addColumn('finished_at', t.timestamp)
        .execute();
      await db.schema.createIndex('ix_purge_jobs_learner').on('purge_jobs').columns(['tenant_id', 'learner_id']).execute();
      await db.schema.createIndex('ix_purge_jobs_status').on('purge_jobs').columns(['tenant_id', 'status', 'requested_at']).execute();
      await db.schema.createIndex('ix_purge_jobs_requested_by').on('purge_jobs').columns(['tenant_id', 'requested_by']).execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('at', t.timestamp, (c) => c.notNull())
        // Who acted; replaced by actor_hash when that person is erased.
        .addColumn('actor_id', t.id)
        .addColumn('actor_hash', hash)
        .addColumn('action', t.text(60), (c) => c.notNull())
        .addColumn('catalog_id', t.id)
        .addColumn('subject_hash', hash)
        .addColumn('counts_json', t.text(2000))
        .execute();
      await db.schema.createIndex('ix_audit_events_at').on('audit_events').columns(['tenant_id', 'at', 'id']).execute();
      await db.schema.createIndex('ix_audit_events_subject').on('audit_events').columns(['tenant_id', 'subject_hash']).execute();
      await db.schema.createIndex('ix_audit_events_actor').on('audit_events').columns(['tenant_id', 'actor_id']).execute();

      await db.schema
        .createTable('sync_suppressions')
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('subject_hash', hash, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_sync_suppressions', ['tenant_id', 'subject_hash'])
        .execute();

      // The catalog's people list pages through learners by name (keyset).
      await db.schema.createIndex('ix_learners_display_name').on('learners').columns(['tenant_id', 'display_name', 'learner_id']).execute();
    },
  };
}
