import assert from '../support/assert';
import { describe, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { migrateToLatest } from '../../src/server/store/migrations/migrateToLatest';
import { TENANT_SCHEMA_VERSION, tenantMigrationProvider } from '../../src/server/store/migrations/tenantMigrations';

/** The tenant migrations up to and including `last`, as a database of that version had them applied. */
function migrationsUpTo(last: string): MigrationProvider {
  return {
    getMigrations: async () => {
      const all = await tenantMigrationProvider('sqlite').getMigrations();
      return Object.fromEntries(Object.entries(all).filter(([name]) => name <= last)) as Record<string, Migration>;
    },
  };
}

describe('a tenant database of schema 0011, opened after the upgrade', () => {
  it('gets ix_enrolments_catalog, and the catalog report filter searches by it', async () => {
    const raw = new Database(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    try {
      assert.equal(await migrateToLatest(db, migrationsUpTo('0011_privacy_rights')), '0011_privacy_rights');
      const indexOf = () => raw.prepare("select sql from sqlite_master where type = 'index' and name = 'ix_enrolments_catalog'").get() as { sql: string } | undefined;
      assert.equal(indexOf(), undefined, 'a 0011 database has no catalog index yet');

      assert.equal(TENANT_SCHEMA_VERSION, '0012_catalog_report_index');
      assert.equal(await migrateToLatest(db, tenantMigrationProvider('sqlite')), TENANT_SCHEMA_VERSION);
      assert.match(indexOf()?.sql ?? '', /on "enrolments" \("tenant_id", "catalog_id"\)/);

      const plan = raw
        .prepare('explain query plan select count(*) from enrolments e where e.tenant_id = ? and e.catalog_id = ?')
        .all('t', 'c') as Array<{ detail: string }>;
      assert.ok(plan.some((step) => /USING (COVERING )?INDEX ix_enrolments_catalog/.test(step.detail)), JSON.stringify(plan));

      assert.equal(await migrateToLatest(db, tenantMigrationProvider('sqlite')), TENANT_SCHEMA_VERSION, 'migrating again changes nothing');
    } finally {
      await db.destroy();
    }
  });
});
