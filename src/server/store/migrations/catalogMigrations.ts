import type { Migration, MigrationProvider } from 'kysely';
import type { AnyKysely } from '../engine';
import { columnTypes } from './columnTypes';

/** Schema of the tenant catalog (control plane). It holds no personal data. */
export function catalogMigrationProvider(dialect: 'sqlite' | 'mssql'): MigrationProvider {
  const t = columnTypes(dialect);
  const initial: Migration = {
    async up(db: AnyKysely) {
      await db.schema
        .createTable('tenants')
        .addColumn('tenant_id', t.id, (c) => c.notNull().primaryKey())
        .addColumn('display_name', t.text(256), (c) => c.notNull())
        .addColumn('region', t.text(64), (c) => c.notNull())
        .addColumn('database_name', t.text(128), (c) => c.notNull())
        .addColumn('status', t.text(20), (c) => c.notNull())
        .addColumn('schema_version', t.text(64))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('uq_tenants_database', ['database_name'])
        .execute();
    },
  };
  const jobLeases: Migration = {
    async up(db: AnyKysely) {
      await db.schema
        .createTable('job_leases')
        .addColumn('job', t.text(64), (c) => c.notNull())
        .addColumn('tenant_id', t.id, (c) => c.notNull())
        .addColumn('holder', t.text(128), (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_job_leases', ['job', 'tenant_id'])
        .execute();
    },
  };
  return { getMigrations: async () => ({ '0001_initial': initial, '0002_job_leases': jobLeases }) };
}
