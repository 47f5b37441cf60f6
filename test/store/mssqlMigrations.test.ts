import assert from '../support/assert';
import { beforeAll, describe, it } from '@jest/globals';
import { catalogMigrationProvider } from '../../src/server/store/migrations/catalogMigrations';
import { migrateToLatest } from '../../src/server/store/migrations/migrateToLatest';
import { tenantMigrationProvider } from '../../src/server/store/migrations/tenantMigrations';
import { LEARNER_KEYED_TABLES } from '../../src/server/store/tenantSchema';
import { assertAllParseAsTsql, assertParsesAsTsql } from '../support/tsqlParser';
import { createTsqlRecordingKysely, type RecordedTsql } from '../support/tsqlRecorder';

async function recordMigrations(provider: Parameters<typeof migrateToLatest>[1]): Promise<RecordedTsql[]> {
  const { db, recorder } = createTsqlRecordingKysely();
  try {
    await migrateToLatest(db, provider);
  } finally {
    await db.destroy();
  }
  return recorder.statements;
}

function createTable(statements: RecordedTsql[], table: string): string {
  const found = statements.find((s) => s.kind === 'CreateTableNode' && s.sql.startsWith(`create table "${table}" (`));
  assert.ok(found, `no create table "${table}" was issued`);
  return found.sql;
}

describe('tenant schema migrations, compiled for SQL Server', () => {
  let statements: RecordedTsql[] = [];
  beforeAll(async () => {
    statements = await recordMigrations(tenantMigrationProvider('mssql'));
  });

  it('runs through the Migrator: its own tables, the lock, every table of the schema, the migration row', () => {
    assert.ok(statements.some((s) => s.sql.startsWith('create table "kysely_migration" (')));
    assert.ok(statements.some((s) => s.sql.startsWith('create table "kysely_migration_lock" (')));
    assert.ok(statements.some((s) => /^exec sp_getapplock /.test(s.sql)), 'the migration lock is taken');
    assert.ok(statements.some((s) => /^exec sp_releaseapplock /.test(s.sql)), 'the migration lock is released');
    for (const table of ['learners', 'catalogs', 'courses', 'lessons', 'enrolments', 'quiz_attempts', 'certificates']) createTable(statements, table);
    const recorded = statements.find((s) => s.sql.startsWith('insert into "kysely_migration"'));
    assert.ok(recorded, 'the applied migration is recorded');
    assert.ok(recorded.parameters.includes('0001_initial'));
  });

  it('every statement parses as T-SQL', () => {
    assert.ok(statements.length > 30, `only ${statements.length} statements were recorded`);
    const outcomes = assertAllParseAsTsql(statements);
    // The foreign keys are the only thing the parser cannot take; they were cut out, not ignored unseen.
    const adjusted = outcomes.flatMap((o) => o.adjustments);
    assert.ok(adjusted.length > 0, 'the schema has foreign keys');
    assert.ok(
      adjusted.every((a) => /^cut out (column reference|foreign key): /.test(a)),
      adjusted.join('\n'),
    );
  });

  it('keeps unbounded text as nvarchar(max) and has no SQLite-only types', () => {
    assert.match(createTable(statements, 'quiz_attempts'), /"answers_json" nvarchar\(max\) not null/);
    assert.match(createTable(statements, 'courses'), /"quiz_json" nvarchar\(max\)/);
    for (const s of statements.filter((x) => x.kind === 'CreateTableNode')) {
      assert.doesNotMatch(s.sql, /"\w+" text\b/, `${s.sql} uses SQLite's text type`);
      assert.doesNotMatch(s.sql, /autoincrement/i);
    }
  });

  it('declares the primary keys', () => {
    assert.match(createTable(statements, 'learners'), /constraint "pk_learners" primary key \("tenant_id", "learner_id"\)/);
    assert.match(createTable(statements, 'lesson_progress'), /constraint "pk_lesson_progress" primary key \("enrolment_id", "lesson_id"\)/);
    assert.match(createTable(statements, 'courses'), /"id" varchar\(36\) not null primary key/);
  });

  it('indexes (tenant_id, learner_id) on every table that holds rows about a person', () => {
    for (const table of LEARNER_KEYED_TABLES) {
      const keyed = statements.some(
        (s) =>
          (s.kind === 'CreateIndexNode' && new RegExp(`^create index "\\w+" on "${table}" \\("tenant_id", "learner_id"\\)`).test(s.sql)) ||
          (s.kind === 'CreateTableNode' && s.sql.startsWith(`create table "${table}" (`) && /primary key \("tenant_id", "learner_id"\)/.test(s.sql)),
      );
      assert.ok(keyed, `${table} has no (tenant_id, learner_id) index or primary key`);
    }
  });

  it('indexes enrolments by catalog, for the catalog report (0012)', () => {
    assert.ok(
      statements.some((s) => s.kind === 'CreateIndexNode' && s.sql === 'create index "ix_enrolments_catalog" on "enrolments" ("tenant_id", "catalog_id")'),
      'no ix_enrolments_catalog was created',
    );
    const recorded = statements.filter((s) => s.sql.startsWith('insert into "kysely_migration"')).flatMap((s) => s.parameters);
    assert.ok(recorded.includes('0012_catalog_report_index'), 'the migration is recorded');
  });

  it('keeps the foreign keys (checked by shape, since the parser cannot read them)', () => {
    assert.match(createTable(statements, 'enrolments'), /"course_id" varchar\(36\) not null references "courses" \("id"\)/);
  });
});

describe('tenant catalog migrations, compiled for SQL Server', () => {
  let statements: RecordedTsql[] = [];
  beforeAll(async () => {
    statements = await recordMigrations(catalogMigrationProvider('mssql'));
  });

  it('every statement parses as T-SQL, and the tenants table has its keys', () => {
    assertAllParseAsTsql(statements);
    const tenants = createTable(statements, 'tenants');
    assert.match(tenants, /"tenant_id" varchar\(36\) not null primary key/);
    assert.match(tenants, /constraint "uq_tenants_database" unique \("database_name"\)/);
  });
});

describe('the T-SQL parse check itself', () => {
  it('rejects SQLite-only syntax, so passing means something', () => {
    assert.throws(() => assertParsesAsTsql({ sql: 'select * from "x" limit @1', parameters: [5] }), /LIMIT/);
    assert.throws(() => assertParsesAsTsql({ sql: 'insert into "x" ("a") values (@1) returning "a"', parameters: [1] }), /RETURNING/);
    // The grammar itself accepts these; the direct check does not.
    assert.throws(() => assertParsesAsTsql('select "a" || "b" as "ab" from "x"'), /concatenates/);
    assert.throws(() => assertParsesAsTsql('select ifnull("a", 0) as "a" from "x"'), /SQLite function/);
    assert.doesNotThrow(() => assertParsesAsTsql(`select isnull("length", 0) as "a" from "x" where "b" = 'limit 5 || ifnull('`));
    // RESTRICT is not a SQL Server referential action, so that foreign key is not cut out and fails.
    assert.throws(() => assertParsesAsTsql('create table "t" ("a" varchar(36) references "c" ("id") on delete restrict)'));
  });

  it('cuts out well-formed foreign keys only, and parses the rest', () => {
    const outcome = assertParsesAsTsql(
      'create table "t" ("a" varchar(36) not null references "c" ("id") on delete cascade, "b" varchar(36), constraint "fk_t_b" foreign key ("b") references "d" ("id"))',
    );
    assert.equal(outcome.parsedSql, 'create table "t" ("a" varchar(36) not null, "b" varchar(36))');
    assert.equal(outcome.adjustments.length, 2);
  });

  it('inlines row counts only in offset/fetch, and keeps other parameters as placeholders', () => {
    const outcome = assertParsesAsTsql({ sql: 'select * from "x" where "a" = @1 order by "a" offset @2 rows fetch next @3 rows only', parameters: ['k', 20, 10] });
    assert.equal(outcome.parsedSql, 'select * from "x" where "a" = @1 order by "a" offset 20 rows fetch next 10 rows only');
    assert.throws(() => assertParsesAsTsql({ sql: 'select * from "x" order by "a" offset @1 rows', parameters: ['20; drop table x'] }), /not a row count/);
  });
});
