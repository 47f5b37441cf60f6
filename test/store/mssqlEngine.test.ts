import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { describe, it } from '@jest/globals';
import type { TokenCredential } from '@azure/identity';
import type { Kysely } from 'kysely';
import * as sql from 'mssql';
import type { Connection } from 'tedious';
import type { Region } from '../../src/domain/regions';
import { catalogMigrationProvider } from '../../src/server/store/migrations/catalogMigrations';
import { migrateToLatest } from '../../src/server/store/migrations/migrateToLatest';
import { TENANT_SCHEMA_VERSION, tenantMigrationProvider } from '../../src/server/store/migrations/tenantMigrations';
import { azureSqlConfig, connectionStringConfig, TENANT_POOL_SIZING } from '../../src/server/store/mssql/azureSqlConnection';
import {
  PROVISIONING_QUERIES,
  assertCatalogDatabaseName,
  assertTenantDatabaseName,
  createDatabaseStatement,
  elasticPoolPlacement,
} from '../../src/server/store/mssql/databaseProvisioning';
import { LoginErrorNumbers } from '../../src/server/store/mssql/loginErrorNumbers';
import { MssqlEngine } from '../../src/server/store/mssql/mssqlEngine';
import { MIGRATION_LOCK_STATEMENTS } from '../../src/server/store/mssql/mssqlMigrationLock';
import {
  DEFAULT_RETRY_POLICY,
  LOCK_CONFLICT_NUMBERS,
  SERVICE_FAULT_NUMBERS,
  classifyTransientFault,
  retryDelayMs,
  withTransientRetry,
  type RetryPolicy,
} from '../../src/server/store/mssql/transientErrors';
import type { TenantDatabase } from '../../src/server/store/tenantSchema';
import { assertParsesAsTsql } from '../support/tsqlParser';

const sqlError = (number: number) => Object.assign(new Error(`error ${number}`), { name: 'RequestError', code: 'EREQUEST', number });

describe('transient fault classification', () => {
  it("covers every error number Microsoft lists for Azure SQL, and the lock conflicts", () => {
    for (const n of [926, 4060, 40197, 40501, 40613, 49918, 49919, 49920, 4221, 615, 10928, 10929, 40143, 40540]) {
      assert.ok(SERVICE_FAULT_NUMBERS.has(n), `${n} is missing`);
    }
    for (const n of [1205, 1222, 1204]) assert.ok(LOCK_CONFLICT_NUMBERS.has(n), `${n} is missing`);
  });

  it('classifies by the SQL error number, wherever mssql put it', () => {
    assert.equal(classifyTransientFault(sqlError(40613)), 'service');
    assert.equal(classifyTransientFault(sqlError(1205)), 'lock-conflict');
    assert.equal(classifyTransientFault(sqlError(2627)), undefined, 'a unique violation is not transient');
    assert.equal(classifyTransientFault(sqlError(208)), undefined, 'invalid object name is not transient');
    assert.equal(classifyTransientFault({ name: 'RequestError', originalError: { number: 40501 } }), 'service');
    assert.equal(classifyTransientFault({ number: 3621, precedingErrors: [sqlError(1205)] }), 'lock-conflict');
    assert.equal(classifyTransientFault(new AggregateError([new Error('x'), sqlError(40197)])), 'service');
    assert.equal(classifyTransientFault(null), undefined);
    assert.equal(classifyTransientFault('40613'), undefined);
  });

  it('treats a dropped or timed-out connection as transient, a slow statement not', () => {
    assert.equal(classifyTransientFault(Object.assign(new Error('socket hang up'), { name: 'ConnectionError', code: 'ESOCKET' })), 'service');
    assert.equal(classifyTransientFault(Object.assign(new Error('Failed to connect in 30000ms'), { name: 'ConnectionError', code: 'ETIMEOUT' })), 'service');
    assert.equal(classifyTransientFault(Object.assign(new Error('Timeout: Request failed to complete'), { name: 'RequestError', code: 'ETIMEOUT' })), undefined);
    assert.equal(classifyTransientFault(Object.assign(new Error('Login failed for user'), { name: 'ConnectionError', code: 'ELOGIN' })), undefined);
  });

  it('classifies a failed login by the number the server sent with it', () => {
    const numbers = new LoginErrorNumbers();
    const connection = new EventEmitter() as unknown as Connection;
    numbers.watch(connection);
    const message = "Database 'atrium_t_x' on server 'y' is not currently available.";
    connection.emit('errorMessage', { message, number: 40613 } as never);
    const loginError = Object.assign(new Error(message), { name: 'ConnectionError', code: 'ELOGIN' });
    assert.equal(classifyTransientFault(loginError, numbers.lookup), 'service');
    connection.emit('connect');
    connection.emit('errorMessage', { message: 'later', number: 40613 } as never);
    assert.equal(numbers.lookup('later'), undefined, 'stops listening once logged in');
  });

  it('remembers a bounded number of login messages', () => {
    const numbers = new LoginErrorNumbers(2);
    numbers.remember('a', 1);
    numbers.remember('b', 2);
    numbers.remember('c', 3);
    assert.equal(numbers.lookup('a'), undefined);
    assert.equal(numbers.lookup('c'), 3);
  });
});

describe('retry policy', () => {
  const policy: RetryPolicy = {
    maxAttempts: 4,
    serviceFault: { initialDelayMs: 5_000, maxDelayMs: 12_000 },
    lockConflict: { initialDelayMs: 100, maxDelayMs: 2_000 },
    jitterRatio: 0.5,
  };

  it('backs off exponentially, capped, with jitter that only lengthens the delay', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => retryDelayMs('service', n, policy, () => 0)),
      [5_000, 10_000, 12_000, 12_000],
    );
    assert.equal(retryDelayMs('service', 1, policy, () => 1), 7_500);
    assert.equal(retryDelayMs('lock-conflict', 1, policy, () => 0), 100);
    assert.equal(retryDelayMs('lock-conflict', 3, policy, () => 0), 400);
  });

  it("follows Microsoft's guidance by default: at least 5 s before retrying a service fault, at most 60 s", () => {
    assert.ok(retryDelayMs('service', 1, DEFAULT_RETRY_POLICY, () => 0) >= 5_000);
    assert.ok(retryDelayMs('service', 20, DEFAULT_RETRY_POLICY, () => 0) <= 60_000);
    assert.ok(DEFAULT_RETRY_POLICY.maxAttempts > 1 && DEFAULT_RETRY_POLICY.maxAttempts <= 6);
  });

  it('retries transient faults until the work succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withTransientRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw sqlError(40197);
        if (calls === 2) throw sqlError(1205);
        return 'done';
      },
      {
        policy,
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0,
      },
    );
    assert.equal(result, 'done');
    assert.equal(calls, 3);
    assert.deepEqual(delays, [5_000, 200], 'service fault first, then a lock conflict at its own, shorter schedule');
  });

  it('gives up after the bounded attempts and throws the last error as it was', async () => {
    let calls = 0;
    const last = sqlError(40501);
    await assert.rejects(
      withTransientRetry(
        async () => {
          calls += 1;
          throw calls < policy.maxAttempts ? sqlError(40613) : last;
        },
        { policy, sleep: async () => undefined },
      ),
      (error) => error === last,
    );
    assert.equal(calls, policy.maxAttempts);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const retries: number[] = [];
    await assert.rejects(
      withTransientRetry(
        async () => {
          calls += 1;
          throw sqlError(547); // foreign key violation
        },
        { policy, sleep: async () => undefined, onRetry: ({ attempt }) => retries.push(attempt) },
      ),
      /error 547/,
    );
    assert.equal(calls, 1);
    assert.deepEqual(retries, []);
  });

  it('retries a whole transaction when the caller wraps it', async () => {
    const attempts: string[] = [];
    await withTransientRetry(
      async () => {
        attempts.push('begin');
        if (attempts.length === 1) throw sqlError(1205); // deadlock victim: SQL Server rolled it all back
        attempts.push('commit');
      },
      { policy, sleep: async () => undefined },
    );
    assert.deepEqual(attempts, ['begin', 'begin', 'commit']);
  });
});

const westEurope: Region = {
  id: 'westeurope',
  displayName: 'West Europe',
  geography: 'Europe',
  country: 'Netherlands',
  azureSql: { server: 'atrium-sql-westeurope.database.windows.net', elasticPool: 'atrium-pool-westeurope', backupStorageRedundancy: 'Zone' },
};

describe('tenant database provisioning statements', () => {
  const name = `atrium_t_${'0123456789abcdef'.repeat(2)}`;

  it('accepts only tenant database names of the expected shape', () => {
    assert.equal(assertTenantDatabaseName(name), name);
    for (const bad of [
      'atrium_t_0123',
      `atrium_t_${'0123456789ABCDEF'.repeat(2)}`,
      `atrium_t_${'0123456789abcdef'.repeat(2)}]; drop database master; --`,
      `master`,
      `atrium_t_${'g'.repeat(32)}`,
      ` ${name}`,
    ]) {
      assert.throws(() => assertTenantDatabaseName(bad), /invalid tenant database name/, bad);
    }
    assert.throws(() => assertCatalogDatabaseName('atrium catalog'), /invalid catalog database name/);
    assert.equal(assertCatalogDatabaseName('atrium_catalog'), 'atrium_catalog');
  });

  it('creates the database in the region elastic pool with in-region backups', () => {
    assert.equal(
      createDatabaseStatement(name, elasticPoolPlacement(westEurope)),
      `CREATE DATABASE [${name}] ( SERVICE_OBJECTIVE = ELASTIC_POOL ( name = [atrium-pool-westeurope] ) ) WITH BACKUP_STORAGE_REDUNDANCY = 'ZONE'`,
    );
    const local = { ...westEurope, azureSql: { ...westEurope.azureSql, backupStorageRedundancy: 'Local' as const } };
    assert.match(createDatabaseStatement(name, elasticPoolPlacement(local)), / WITH BACKUP_STORAGE_REDUNDANCY = 'LOCAL'$/);
    assert.equal(createDatabaseStatement(name, { kind: 'plain' }), `CREATE DATABASE [${name}]`);
  });

  it('never creates geo-redundant backups, and refuses pool names that could break out of the brackets', () => {
    assert.throws(() => createDatabaseStatement(name, { kind: 'elastic-pool', elasticPool: 'p', backupStorageRedundancy: 'Geo' as never }), /Local or Zone/);
    assert.throws(() => createDatabaseStatement(name, { kind: 'elastic-pool', elasticPool: 'p]) drop', backupStorageRedundancy: 'Zone' }), /invalid elastic pool name/);
  });

  it('parses as T-SQL', () => {
    assertParsesAsTsql(createDatabaseStatement(name, { kind: 'plain' }));
    // node-sql-parser's grammar has no Azure-only CREATE DATABASE options (SERVICE_OBJECTIVE,
    // BACKUP_STORAGE_REDUNDANCY). Their exact text is asserted above; the statement they are attached
    // to is parsed without them, and the options are checked against the documented syntax by pattern.
    const azure = createDatabaseStatement(name, elasticPoolPlacement(westEurope));
    const options = / \( SERVICE_OBJECTIVE = ELASTIC_POOL \( name = \[[A-Za-z0-9._-]+\] \) \) WITH BACKUP_STORAGE_REDUNDANCY = '(?:LOCAL|ZONE)'$/;
    assert.match(azure, options);
    assertParsesAsTsql(azure.replace(options, ''));
    for (const query of Object.values(PROVISIONING_QUERIES)) assertParsesAsTsql(query);
  });

  it('takes the migration lock with statements that parse as T-SQL', () => {
    assertParsesAsTsql(MIGRATION_LOCK_STATEMENTS.acquire);
    assertParsesAsTsql(MIGRATION_LOCK_STATEMENTS.check);
    assert.match(MIGRATION_LOCK_STATEMENTS.acquire, /@LockOwner = 'Transaction'/);
  });
});

describe('connection settings', () => {
  it('connects to Azure SQL encrypted, validating the certificate, signed in with Entra ID', () => {
    const credential: TokenCredential = { getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const config = azureSqlConfig(
      { server: westEurope.azureSql.server, database: 'atrium_catalog' },
      { type: 'token-credential', credential },
      { pool: TENANT_POOL_SIZING },
    );
    assert.equal(config.server, 'atrium-sql-westeurope.database.windows.net');
    assert.equal(config.database, 'atrium_catalog');
    assert.equal(config.options?.encrypt, true);
    assert.equal(config.options?.trustServerCertificate, false);
    assert.deepEqual(config.authentication, { type: 'token-credential', options: { credential } });
    assert.equal(config.user, undefined);
    assert.equal(config.password, undefined);
    assert.ok((config.connectionTimeout ?? 0) >= 30_000);
    assert.equal(config.pool?.max, 10);

    const viaDefault = azureSqlConfig({ server: 's', database: 'd' }, { type: 'azure-active-directory-default', managedIdentityClientId: 'mi' }, { pool: TENANT_POOL_SIZING });
    assert.deepEqual(viaDefault.authentication, { type: 'azure-active-directory-default', options: { clientId: 'mi' } });
  });

  it("reads a local SQL Server connection string with mssql's parser, replacing the database", () => {
    const config = connectionStringConfig('Server=localhost,14330;Database=ignored;User Id=sa;Password=Pa55word;Encrypt=true;TrustServerCertificate=true', { pool: TENANT_POOL_SIZING }, 'atrium_t_x');
    assert.equal(config.server, 'localhost');
    assert.equal(config.port, 14330);
    assert.equal(config.database, 'atrium_t_x');
    assert.equal(config.user, 'sa');
    assert.equal(config.options?.encrypt, true);
    assert.equal(config.options?.trustServerCertificate, true);
    assert.equal(config.pool?.max, 10);
  });

  it('keeps encryption on unless the connection string turns it off, and signs in with Entra when it says so', () => {
    assert.equal(connectionStringConfig('Server=localhost;User Id=sa;Password=x', { pool: TENANT_POOL_SIZING }).options?.encrypt, true);
    const entra = connectionStringConfig('Server=tcp:x.database.windows.net,1433;Initial Catalog=db;Authentication=Active Directory Default;Encrypt=True', { pool: TENANT_POOL_SIZING });
    assert.equal(entra.authentication?.type, 'token-credential');
    assert.equal(entra.user, undefined);
  });
});

/**
 * Against a real SQL Server or Azure SQL server, when ATRIUM_TEST_MSSQL holds a connection string
 * (e.g. `Server=localhost,1433;User Id=sa;Password=...;Encrypt=true;TrustServerCertificate=true`).
 * Creates uniquely named databases and drops them afterwards.
 */
describe('live SQL Server', () => {
  const connectionString = process.env.ATRIUM_TEST_MSSQL;

  // Skipped, and reported as skipped, unless a SQL Server is configured.
  const liveIt = connectionString ? it : it.skip;
  liveIt('provisions, migrates (idempotently, concurrently), reads, writes and rolls back', async () => {
    if (!connectionString) return;
    const suffix = randomUUID().replace(/-/g, '');
    const tenantDatabase = `atrium_t_${suffix}`;
    const catalogDatabase = `atrium_catalog_test_${suffix.slice(0, 12)}`;
    const engine = new MssqlEngine({
      catalog: { server: 'unused-with-override', database: catalogDatabase },
      serverOverride: connectionString,
      provisioning: { pollIntervalMs: 1_000 },
      log: (message, details) => console.log(`${message} ${JSON.stringify(details ?? {})}`),
    });
    const opened: Kysely<any>[] = [];
    try {
      const catalog = await engine.openCatalog<any>();
      opened.push(catalog);
      await migrateToLatest(catalog, catalogMigrationProvider('mssql'));

      await engine.provisionTenantDatabase(westEurope, tenantDatabase);
      await engine.provisionTenantDatabase(westEurope, tenantDatabase); // idempotent

      const first = await engine.openTenantDatabase<TenantDatabase>(westEurope, tenantDatabase);
      const second = await engine.openTenantDatabase<TenantDatabase>(westEurope, tenantDatabase);
      opened.push(first, second);
      // Two instances migrating a fresh database at once: the lock makes one wait for the other.
      const versions = await Promise.all([first, second].map((db) => migrateToLatest(db, tenantMigrationProvider('mssql'))));
      assert.deepEqual(versions, [TENANT_SCHEMA_VERSION, TENANT_SCHEMA_VERSION]);
      assert.equal(await migrateToLatest(first, tenantMigrationProvider('mssql')), TENANT_SCHEMA_VERSION, 'migrating again changes nothing');

      const tenantId = randomUUID();
      const learner = {
        tenant_id: tenantId,
        learner_id: randomUUID(),
        user_principal_name: 'zoe@contoso.example',
        display_name: 'Zoë Ångström 日本',
        mail: null,
        department: 'Safety',
        job_title: null,
        office_location: null,
        country: null,
        city: null,
        manager_id: null,
        departed_at: null,
        synced_at: null,
        created_at: '2024-05-01T08:00:00.000Z',
      };
      await first.insertInto('learners').values(learner).execute();
      const found = await first.selectFrom('learners').selectAll().where('tenant_id', '=', tenantId).where('learner_id', '=', learner.learner_id).executeTakeFirst();
      assert.deepEqual(found, learner, 'non-ASCII text survives the round trip');

      const updated = await first.updateTable('learners').set({ department: 'Quality' }).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      assert.equal(updated.numUpdatedRows, 1n);

      await assert.rejects(
        first.transaction().execute(async (trx) => {
          await trx.updateTable('learners').set({ department: 'Rolled back' }).where('tenant_id', '=', tenantId).execute();
          throw new Error('abandon');
        }),
        /abandon/,
      );
      const afterRollback = await first.selectFrom('learners').select('department').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      assert.equal(afterRollback.department, 'Quality');

      const trx = await first.startTransaction().setIsolationLevel('serializable').execute();
      await trx.updateTable('learners').set({ city: 'Leiden' }).where('tenant_id', '=', tenantId).execute();
      const beforeCity = await trx.savepoint('before_city').execute();
      await beforeCity.updateTable('learners').set({ city: 'Delft' }).where('tenant_id', '=', tenantId).execute();
      await beforeCity.rollbackToSavepoint('before_city').execute();
      await trx.commit().execute();
      const city = await second.selectFrom('learners').select('city').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      assert.equal(city.city, 'Leiden');

      const page = await first.selectFrom('learners').select('learner_id').orderBy('learner_id').offset(0).fetch(10).execute();
      assert.equal(page.length, 1);
      const deleted = await first.deleteFrom('learners').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      assert.equal(deleted.numDeletedRows, 1n);
    } finally {
      await Promise.allSettled(opened.map((db) => db.destroy()));
      await engine.close();
      await dropDatabases(connectionString, [tenantDatabase, catalogDatabase]);
    }
  }, 15 * 60_000);
});

async function dropDatabases(connectionString: string, names: string[]): Promise<void> {
  const pool = new sql.ConnectionPool(connectionStringConfig(connectionString, { pool: { max: 1, min: 0, idleTimeoutMillis: 1_000 } }, 'master'));
  await pool.connect();
  try {
    for (const name of names) {
      if (!/^atrium_(t|catalog_test)_[0-9a-f]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
      await pool.request().batch(`DROP DATABASE IF EXISTS [${name}]`);
    }
  } finally {
    await pool.close();
  }
}
