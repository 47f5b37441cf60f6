import assert from '../support/assert';
import { test } from '@jest/globals';
import type { Kysely } from 'kysely';
import { TenantDatabasePools } from '../../src/server/tenancy/tenantDatabasePools';

/** A stand-in for a Kysely instance: the pools only ever call destroy(). */
function fakeDatabases() {
  const destroyed: string[] = [];
  const opened: string[] = [];
  const open = async (key: string) => {
    opened.push(key);
    const destroy = async (): Promise<void> => {
      destroyed.push(key);
    };
    return { destroy } as unknown as Kysely<unknown>;
  };
  return { open, opened, destroyed };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('at most `max` pools are open: the least recently used is closed', async () => {
  const dbs = fakeDatabases();
  const pools = new TenantDatabasePools<unknown>(dbs.open, { max: 2, idleMs: 60_000 });
  await pools.use('a', async () => undefined);
  await pools.use('b', async () => undefined);
  await pools.use('a', async () => undefined);
  await pools.use('c', async () => undefined);
  await settle();
  assert.deepEqual(dbs.destroyed, ['b'], 'b was the least recently used');
  await pools.use('a', async () => undefined);
  assert.deepEqual(dbs.opened, ['a', 'b', 'c'], 'a stayed open and was reused');
  await pools.closeAll();
});

test('an idle pool is closed after idleMs; the next use opens it again', async () => {
  const dbs = fakeDatabases();
  const pools = new TenantDatabasePools<unknown>(dbs.open, { max: 10, idleMs: 50 });
  await pools.use('a', async () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 120));
  await settle();
  assert.deepEqual(dbs.destroyed, ['a']);
  await pools.use('a', async () => undefined);
  assert.deepEqual(dbs.opened, ['a', 'a']);
  await pools.closeAll();
});

test('a pool evicted while a request uses it is closed only when that request lets go', async () => {
  const dbs = fakeDatabases();
  const pools = new TenantDatabasePools<unknown>(dbs.open, { max: 1, idleMs: 60_000 });
  let release!: () => void;
  const busy = pools.use('a', () => new Promise<void>((resolve) => (release = resolve)));
  await settle();
  await pools.use('b', async () => undefined); // evicts a while it is in use
  await settle();
  assert.deepEqual(dbs.destroyed, [], 'not closed under a running request');
  release();
  await busy;
  assert.deepEqual(dbs.destroyed, ['a']);
  await pools.closeAll();
});

test('one tenant opened by concurrent requests is opened once', async () => {
  const dbs = fakeDatabases();
  const pools = new TenantDatabasePools<unknown>(dbs.open, { max: 10, idleMs: 60_000 });
  await Promise.all([1, 2, 3].map(() => pools.use('a', async () => undefined)));
  assert.deepEqual(dbs.opened, ['a']);
  await pools.closeAll();
});
