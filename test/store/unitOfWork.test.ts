import assert from '../support/assert';
import { describe, test } from '@jest/globals';
import { ConnectionError, RequestError } from 'mssql';
import { isDatabaseUnreachable, runUnitOfWork } from '../../src/server/store/unitOfWork';

const deadlock = () => Object.assign(new RequestError('Transaction was deadlocked on lock resources with another process', 'EREQUEST'), { number: 1205 });
const noSleep = { sleep: async () => undefined };

describe('runUnitOfWork', () => {
  test('on SQL Server, a unit that a deadlock failed is run again as a whole', async () => {
    let attempts = 0;
    const result = await runUnitOfWork(
      'mssql',
      async () => {
        attempts += 1;
        if (attempts < 3) throw deadlock();
        return 'done';
      },
      noSleep,
    );
    assert.deepEqual([result, attempts], ['done', 3]);
  });

  test('a fault of the statement is not retried; SQLite runs the unit once', async () => {
    for (const dialect of ['mssql', 'sqlite'] as const) {
      let attempts = 0;
      const failure = Object.assign(new RequestError("Invalid column name 'x'", 'EREQUEST'), { number: 207 });
      await assert.rejects(
        runUnitOfWork(
          dialect,
          async () => {
            attempts += 1;
            throw dialect === 'mssql' ? failure : deadlock();
          },
          noSleep,
        ),
      );
      assert.equal(attempts, 1, dialect);
    }
  });
});

describe('isDatabaseUnreachable', () => {
  test('SQL Server: failed logins, refused or dropped connections and unavailable databases; not faults of a statement', () => {
    assert.equal(isDatabaseUnreachable('mssql', new ConnectionError("Login failed for user '<token-identified principal>'.", 'ELOGIN')), true);
    assert.equal(isDatabaseUnreachable('mssql', new ConnectionError('Failed to connect to db.example:1433 - connect ECONNREFUSED', 'ESOCKET')), true);
    assert.equal(isDatabaseUnreachable('mssql', Object.assign(new RequestError('Database is not currently available', 'EREQUEST'), { number: 40613 })), true);
    assert.equal(isDatabaseUnreachable('mssql', Object.assign(new RequestError("Invalid column name 'x'", 'EREQUEST'), { number: 207 })), false);
    assert.equal(isDatabaseUnreachable('mssql', new TypeError('a bug of ours')), false);
  });

  test('SQLite: a file that cannot be opened or storage that fails; not a constraint', () => {
    const sqliteError = (code: string) => Object.assign(new Error(code), { name: 'SqliteError', code });
    assert.equal(isDatabaseUnreachable('sqlite', sqliteError('SQLITE_CANTOPEN')), true);
    assert.equal(isDatabaseUnreachable('sqlite', sqliteError('SQLITE_IOERR_WRITE')), true);
    assert.equal(isDatabaseUnreachable('sqlite', sqliteError('SQLITE_CONSTRAINT_UNIQUE')), false);
  });
});
