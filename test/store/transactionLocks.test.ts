import assert from '../support/assert';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, test } from '@jest/globals';
import { sql } from 'kysely';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { lockingReads, SQL_SERVER_UPDATE_LOCK_HINT } from '../../src/server/store/rowLocks';
import type { TenantDatabase } from '../../src/server/store/tenantSchema';
import { makeDataDir } from '../support/testService';
import { assertAllParseAsTsql } from '../support/tsqlParser';
import { createTsqlRecordingKysely } from '../support/tsqlRecorder';

describe('locking reads on SQL Server', () => {
  test('lock what they read with updlock, rowlock, holdlock, in T-SQL that parses; joined tables and other statements are left alone', async () => {
    const { db, recorder } = createTsqlRecordingKysely<TenantDatabase>();
    await db.transaction().execute(async (trx) => {
      await lockingReads(trx).selectFrom('enrolments').selectAll().where('id', '=', 'e1').executeTakeFirst();
      await lockingReads(trx).selectFrom('plan_enrolments as p').select('p.id').where('p.tenant_id', '=', 't').where('p.learner_id', '=', 'l').where('p.plan_id', '=', 'x').execute();
      await lockingReads(trx)
        .selectFrom('enrolments as e')
        .innerJoin('courses as c', 'c.id', 'e.course_id')
        .select(['e.id', 'c.title'])
        .where('e.id', '=', 'e1')
        .execute();
      await trx.selectFrom('lesson_progress').select('lesson_id').where('enrolment_id', '=', 'e1').execute();
      await lockingReads(trx).updateTable('enrolments').set({ progress_percent: 50 }).where('id', '=', 'e1').execute();
    });
    const texts = recorder.statements.map((s) => s.sql);
    assert.deepEqual(texts, [
      `select * from "enrolments" ${SQL_SERVER_UPDATE_LOCK_HINT} where "id" = @1`,
      `select "p"."id" from "plan_enrolments" as "p" ${SQL_SERVER_UPDATE_LOCK_HINT} where "p"."tenant_id" = @1 and "p"."learner_id" = @2 and "p"."plan_id" = @3`,
      `select "e"."id", "c"."title" from "enrolments" as "e" ${SQL_SERVER_UPDATE_LOCK_HINT} inner join "courses" as "c" on "c"."id" = "e"."course_id" where "e"."id" = @1`,
      'select "lesson_id" from "lesson_progress" where "enrolment_id" = @1',
      'update "enrolments" set "progress_percent" = @1 where "id" = @2',
    ]);
    assertAllParseAsTsql(recorder.statements);
  });

  test('refuse to hint what is not a table', async () => {
    const { db } = createTsqlRecordingKysely<TenantDatabase>();
    await db.transaction().execute(async (trx) => {
      const fromSubquery = lockingReads(trx)
        .selectFrom((q) => q.selectFrom('enrolments').select('id').as('x'))
        .select('x.id')
        .execute();
      await assert.rejects(fromSubquery, /tables only/);
      await assert.rejects(lockingReads(trx).selectFrom(sql<{ id: string }>`(select 1 as id)`.as('r')).selectAll().execute(), /tables only/);
    });
  });
});

describe('transactions on SQLite', () => {
  test('add no hint, and hold the write lock from the first statement, so another process waits to begin (begin immediate)', async () => {
    const dataDir = makeDataDir();
    const engine = new SqliteEngine(dataDir);
    const db = await engine.openCatalog<any>();
    try {
      await sql`create table counters (id integer primary key, n integer not null)`.execute(db);
      const file = path.join(dataDir, 'catalog.sqlite');
      const otherProcess = new Database(file, { timeout: 0 });
      try {
        await db.transaction().execute(async (trx) => {
          assert.equal(lockingReads(trx), trx, 'no hint on SQLite');
          // Only a read so far: a deferred transaction would hold no write lock yet.
          await trx.selectFrom('counters').selectAll().execute();
          assert.throws(() => otherProcess.exec('begin immediate'), (error: unknown) => (error as { code?: string }).code === 'SQLITE_BUSY');
        });
        otherProcess.exec('begin immediate');
        otherProcess.exec('rollback');
      } finally {
        otherProcess.close();
      }
    } finally {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
