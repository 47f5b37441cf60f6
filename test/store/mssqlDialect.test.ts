import assert from '../support/assert';
import { describe, it } from '@jest/globals';
import { Kysely, sql as rawSql } from 'kysely';
import * as sql from 'mssql';
import { migrateToLatest } from '../../src/server/store/migrations/migrateToLatest';
import { tenantMigrationProvider } from '../../src/server/store/migrations/tenantMigrations';
import { MssqlPoolDialect } from '../../src/server/store/mssql/mssqlKyselyDialect';
import { MIGRATION_LOCK_STATEMENTS } from '../../src/server/store/mssql/mssqlMigrationLock';
import type { MssqlPoolLike, MssqlRequestLike, MssqlTransactionLike } from '../../src/server/store/mssql/mssqlPool';
import { typedParameter } from '../../src/server/store/mssql/mssqlParameters';
import type { RetryPolicy } from '../../src/server/store/mssql/transientErrors';

interface Input {
  name: string;
  type: unknown;
  value: unknown;
}

interface Executed {
  sql: string;
  inputs: Input[];
  /** 'pool' for a statement outside any transaction, else the number of the transaction it ran in. */
  on: 'pool' | number;
}

type Reply = { recordset?: Record<string, unknown>[]; rowsAffected?: number[] } | Error;

/** Stands in for `mssql`'s ConnectionPool: records what runs where, answers from `reply`. */
class FakePool implements MssqlPoolLike {
  readonly executed: Executed[] = [];
  readonly events: string[] = [];
  private transactions = 0;
  /** Errors the next statements (anywhere) throw, in order, before `reply` is asked. */
  readonly failNext: Error[] = [];
  readonly failNextConnect: Error[] = [];

  constructor(private readonly reply: (statement: Executed) => Reply = () => ({ recordset: [], rowsAffected: [0] })) {}

  async connect(): Promise<unknown> {
    this.events.push('connect');
    const failure = this.failNextConnect.shift();
    if (failure) throw failure;
    return this;
  }

  async close(): Promise<unknown> {
    this.events.push('close');
    return undefined;
  }

  request(): MssqlRequestLike {
    return this.requestOn('pool');
  }

  transaction(): MssqlTransactionLike {
    const id = ++this.transactions;
    const events = this.events;
    let aborted = false;
    return {
      begin: async (isolationLevel?: number) => {
        events.push(`begin#${id}${isolationLevel === undefined ? '' : ` level=${isolationLevel}`}`);
      },
      commit: async () => {
        events.push(`commit#${id}`);
      },
      rollback: async () => {
        events.push(`rollback#${id}`);
        if (aborted) throw Object.assign(new Error('Transaction has been aborted.'), { code: 'EABORT' });
      },
      request: () => {
        const request = this.requestOn(id);
        const query = request.query.bind(request);
        request.query = async (command: string) => {
          try {
            return await query(command);
          } catch (error) {
            // SQL Server rolls back a deadlock victim's transaction itself.
            if ((error as { number?: number }).number === 1205) aborted = true;
            throw error;
          }
        };
        return request;
      },
    };
  }

  private requestOn(on: 'pool' | number): MssqlRequestLike {
    const inputs: Input[] = [];
    return {
      input: (name, type, value) => {
        inputs.push({ name, type, value });
      },
      query: async (command: string) => {
        const statement = { sql: command, inputs, on };
        this.executed.push(statement);
        const failure = this.failNext.shift();
        if (failure) throw failure;
        const reply = this.reply(statement);
        if (reply instanceof Error) throw reply;
        return { recordset: reply.recordset as sql.IRecordSet<Record<string, unknown>>, rowsAffected: reply.rowsAffected ?? [] };
      },
    };
  }
}

const NO_WAIT_POLICY: RetryPolicy = {
  maxAttempts: 3,
  serviceFault: { initialDelayMs: 1, maxDelayMs: 1 },
  lockConflict: { initialDelayMs: 1, maxDelayMs: 1 },
  jitterRatio: 0,
};

function kyselyOver(pool: FakePool, delays: number[] = []) {
  const sleep = async (ms: number): Promise<void> => {
    delays.push(ms);
  };
  return new Kysely<any>({
    dialect: new MssqlPoolDialect({ pool, retry: { policy: NO_WAIT_POLICY, sleep } }),
  });
}

const serverError = (number: number, message = `error ${number}`) => Object.assign(new Error(message), { name: 'RequestError', code: 'EREQUEST', number });

describe('MssqlPoolDialect over an mssql pool', () => {
  it('binds parameters as @1, @2, ... in the order the compiler numbered them, with SQL Server types', async () => {
    const pool = new FakePool(() => ({ recordset: [{ id: 'c1', title: 'Fire safety' }], rowsAffected: [1] }));
    const db = kyselyOver(pool);
    const rows = await db.selectFrom('courses').select(['id', 'title']).where('tenant_id', '=', 't1').where('title', '=', 'Sécurité').where('duration_minutes', '>', 30).execute();
    assert.deepEqual(rows, [{ id: 'c1', title: 'Fire safety' }]);
    const [statement] = pool.executed;
    assert.equal(statement.sql, 'select "id", "title" from "courses" where "tenant_id" = @1 and "title" = @2 and "duration_minutes" > @3');
    assert.deepEqual(
      statement.inputs.map((i) => [i.name, i.value]),
      [
        ['1', 't1'],
        ['2', 'Sécurité'],
        ['3', 30],
      ],
    );
    assert.equal(statement.inputs[0].type, sql.VarChar, 'an ASCII id is varchar, so a varchar index is sought');
    assert.equal(statement.inputs[1].type, sql.NVarChar, 'non-ASCII text is nvarchar');
    assert.equal(statement.inputs[2].type, sql.Int);
    assert.equal(statement.on, 'pool');
    await db.destroy();
    assert.deepEqual(pool.events, ['connect', 'close']);
  });

  it('reports the affected row count of a write', async () => {
    const pool = new FakePool(() => ({ rowsAffected: [3] }));
    const db = kyselyOver(pool);
    const result = await db.deleteFrom('enrolments').where('learner_id', '=', 'l1').executeTakeFirstOrThrow();
    assert.equal(result.numDeletedRows, 3n);
    await db.destroy();
  });

  it('retries a statement outside a transaction on a transient fault, and not on other errors', async () => {
    const pool = new FakePool();
    const delays: number[] = [];
    const db = kyselyOver(pool, delays);
    pool.failNext.push(serverError(40613), serverError(1205));
    await db.selectFrom('catalogs').selectAll().execute();
    assert.equal(pool.executed.length, 3, 'two transient failures, then success');
    assert.equal(delays.length, 2);

    pool.executed.length = 0;
    pool.failNext.push(serverError(2627, 'Violation of PRIMARY KEY constraint'));
    await assert.rejects(db.insertInto('catalogs').values({ id: 'c1' }).execute(), /PRIMARY KEY/);
    assert.equal(pool.executed.length, 1, 'a unique violation is not retried');

    pool.executed.length = 0;
    pool.failNext.push(serverError(40501), serverError(40501), serverError(40501), serverError(40501));
    await assert.rejects(db.selectFrom('catalogs').selectAll().execute(), (error: unknown) => (error as { number?: number }).number === 40501);
    assert.equal(pool.executed.length, NO_WAIT_POLICY.maxAttempts, 'bounded attempts');
    await db.destroy();
  });

  it('retries connecting on a transient fault', async () => {
    const pool = new FakePool();
    pool.failNextConnect.push(Object.assign(new Error('Failed to connect'), { name: 'ConnectionError', code: 'ESOCKET' }));
    const db = kyselyOver(pool);
    await db.selectFrom('catalogs').selectAll().execute();
    assert.deepEqual(pool.events.slice(0, 2), ['connect', 'connect']);
    await db.destroy();
  });

  it('runs a transaction on one connection, never retries inside it, and rolls back on error', async () => {
    const pool = new FakePool();
    const delays: number[] = [];
    const db = kyselyOver(pool, delays);
    pool.failNext.push(serverError(40613));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('catalogs').values({ id: 'c1' }).execute();
      }),
      (error: unknown) => (error as { number?: number }).number === 40613,
    );
    assert.equal(pool.executed.length, 1, 'the failed statement was not run again inside the transaction');
    assert.equal(pool.executed[0].on, 1);
    assert.deepEqual(pool.events.filter((e) => e.includes('#')), ['begin#1', 'rollback#1']);
    assert.deepEqual(delays, []);

    await db.transaction().execute(async (trx) => {
      await trx.insertInto('catalogs').values({ id: 'c2' }).execute();
      await trx.updateTable('catalogs').set({ name: 'x' }).where('id', '=', 'c2').execute();
    });
    assert.deepEqual(
      pool.executed.slice(1).map((e) => e.on),
      [2, 2],
    );
    assert.ok(pool.events.includes('commit#2'));
    await db.destroy();
  });

  it('surfaces the deadlock, not "transaction aborted", when the server already rolled the transaction back', async () => {
    const pool = new FakePool();
    const db = kyselyOver(pool);
    pool.failNext.push(serverError(1205, 'Transaction was deadlocked'));
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('catalogs').set({ name: 'x' }).execute();
      }),
      /deadlocked/,
    );
    await db.destroy();
  });

  it('maps isolation levels and sets the session back to read committed before the transaction ends', async () => {
    const pool = new FakePool();
    const db = kyselyOver(pool);
    await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(async (trx) => {
        await trx.selectFrom('catalogs').selectAll().execute();
      });
    assert.ok(pool.events.includes(`begin#1 level=${sql.ISOLATION_LEVEL.SERIALIZABLE}`), pool.events.join(', '));
    assert.deepEqual(
      pool.executed.map((e) => e.sql),
      ['select * from "catalogs"', 'set transaction isolation level read committed'],
    );
    await assert.rejects(
      db
        .transaction()
        .setAccessMode('read only')
        .execute(async () => undefined),
      /read-only/,
    );
    await db.destroy();
  });

  it('supports savepoints with validated names', async () => {
    const pool = new FakePool();
    const db = kyselyOver(pool);
    const trx = await db.startTransaction().execute();
    const afterFirst = await trx.savepoint('after_first').execute();
    await afterFirst.rollbackToSavepoint('after_first').execute();
    await trx.commit().execute();
    assert.deepEqual(
      pool.executed.map((e) => e.sql),
      ['save transaction [after_first]', 'rollback transaction [after_first]'],
    );
    const other = await db.startTransaction().execute();
    await assert.rejects(other.savepoint('x]; drop table y; --').execute(), /invalid savepoint name/);
    await other.rollback().execute();
    await db.destroy();
  });

  it('says clearly that streaming is not supported', async () => {
    const db = kyselyOver(new FakePool());
    await assert.rejects(async () => {
      for await (const row of db.selectFrom('catalogs').selectAll().stream()) assert.fail(`no rows expected, got ${JSON.stringify(row)}`);
    }, /streaming query results is not supported/);
    await db.destroy();
  });

  it('migrates under an application lock held by a transaction of its own, released afterwards', async () => {
    const pool = new FakePool((statement) => (statement.sql === MIGRATION_LOCK_STATEMENTS.check ? { recordset: [{ lock_mode: 'Exclusive' }] } : { recordset: [], rowsAffected: [0] }));
    const db = kyselyOver(pool);
    await migrateToLatest(db, tenantMigrationProvider('mssql'));
    const lock = pool.executed.filter((e) => e.sql === MIGRATION_LOCK_STATEMENTS.acquire || e.sql === MIGRATION_LOCK_STATEMENTS.check);
    assert.equal(lock.length, 2);
    const lockTransaction = lock[0].on;
    assert.equal(typeof lockTransaction, 'number');
    const ddl = pool.executed.filter((e) => e.sql.startsWith('create table "learners"'));
    assert.equal(ddl.length, 1);
    assert.notEqual(ddl[0].on, lockTransaction, 'the schema changes run in the migration transaction, not the lock holder');
    assert.equal(typeof ddl[0].on, 'number', 'the schema changes run inside a transaction');
    const events = pool.events;
    assert.ok(events.indexOf(`rollback#${lockTransaction}`) > events.indexOf(`commit#${ddl[0].on}`), 'the lock is released after the migration commits');
    assert.ok(!pool.executed.some((e) => /sp_getapplock .*'Session'/.test(e.sql)), 'no session-owned lock on a pooled connection');
    await db.destroy();
  });

  it('fails the migration clearly when the lock cannot be taken', async () => {
    const pool = new FakePool((statement) => (statement.sql === MIGRATION_LOCK_STATEMENTS.check ? { recordset: [{ lock_mode: 'NoLock' }] } : { recordset: [] }));
    const db = kyselyOver(pool);
    await assert.rejects(migrateToLatest(db, tenantMigrationProvider('mssql')), /could not take the schema migration lock/);
    assert.ok(!pool.executed.some((e) => e.sql.startsWith('create table "learners"')));
    await db.destroy();
  });

  it('runs raw SQL with its parameters', async () => {
    const pool = new FakePool(() => ({ recordset: [{ n: 1 }] }));
    const db = kyselyOver(pool);
    const result = await rawSql<{ n: number }>`select ${1} as n`.execute(db);
    assert.deepEqual(result.rows, [{ n: 1 }]);
    assert.equal(pool.executed[0].sql, 'select @1 as n');
    await db.destroy();
  });
});

describe('typedParameter', () => {
  it('chooses the SQL Server type from the value', () => {
    assert.equal(typedParameter('2024-01-01T00:00:00.000Z').type, sql.VarChar);
    assert.equal(typedParameter('Zoë').type, sql.NVarChar);
    assert.equal(typedParameter('日本').type, sql.NVarChar);
    assert.equal(typedParameter(null).type, sql.NVarChar);
    assert.equal(typedParameter(undefined).value, null);
    assert.equal(typedParameter(42).type, sql.Int);
    assert.equal(typedParameter(2 ** 31).type, sql.BigInt);
    assert.equal(typedParameter(-(2 ** 31)).type, sql.Int);
    assert.equal(typedParameter(1.5).type, sql.Float);
    assert.equal(typedParameter(10n).type, sql.BigInt);
    assert.equal(typedParameter(true).type, sql.Bit);
    assert.equal(typedParameter(new Date(0)).type, sql.DateTime2);
    assert.deepEqual(typedParameter(Buffer.from('ab')).value, Buffer.from('ab'));
    assert.ok(Buffer.isBuffer(typedParameter(new Uint8Array([1, 2])).value));
  });

  it('refuses values SQL Server cannot take as they are', () => {
    assert.throws(() => typedParameter(Number.NaN), /cannot bind NaN/);
    assert.throws(() => typedParameter({ a: 1 }), /serialise it first/);
    assert.throws(() => typedParameter(['a']), /serialise it first/);
  });
});
