import { describe, expect, test } from '@jest/globals';
import { PERSONAL_DATA_REGISTRY, type TableRegistration } from '../../src/server/privacy/personalDataRegistry';
import { executePurgeJob } from '../../src/server/privacy/purgeExecution';
import { purgeCounts, requestPurge, sumCounts, targetOf } from '../../src/server/privacy/purgeJobs';
import { fillEveryTable, mentionsOf, migratedTenantDatabase, realSchema, WRITTEN_BY_PRIVACY } from './registryFixture';

/** Columns that name a person by their name alone; anything else personal is declared in the registry. */
const PERSON_COLUMN = /^(learner_id|manager_id|actor_id|.*_by)$/;

function entry(table: string): TableRegistration<any> | undefined {
  return (PERSONAL_DATA_REGISTRY as unknown as Record<string, TableRegistration<any>>)[table];
}

function declaredColumns(registration: TableRegistration<any>): string[] {
  const scope = registration.catalogPurge.action === 'delete' ? [registration.catalogPurge.scope.column] : [];
  return [
    ...(registration.subject ? [registration.subject] : []),
    ...registration.pointers.map((p) => p.column),
    ...(registration.export.kind === 'rows' ? registration.export.columns : []),
    ...(registration.rowKey ?? []),
    ...(registration.personalColumns ?? []),
    ...registration.pointers.flatMap((p) => (typeof p.onErasure === 'object' && 'pseudonymiseInto' in p.onErasure ? [p.onErasure.pseudonymiseInto] : [])),
    ...scope,
    ...Object.keys(registration.notPeople ?? {}),
  ];
}

describe('the personal-data registry covers the real schema', () => {
  test('every table of a migrated tenant database is declared, and every declared table exists', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const schema = realSchema(raw);
    expect([...schema.keys()].filter((table) => !entry(table))).toEqual([]);
    expect(Object.keys(PERSONAL_DATA_REGISTRY).filter((table) => !schema.has(table))).toEqual([]);
    await db.destroy();
  });

  test('every column that refers to a person is declared as the subject or a pointer, and every declared column exists', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const undeclared: string[] = [];
    const missing: string[] = [];
    for (const [table, columns] of realSchema(raw)) {
      const registration = entry(table);
      if (!registration) continue;
      const people = new Set([...(registration.subject ? [registration.subject] : []), ...registration.pointers.map((p) => p.column)]);
      const notPeople = (registration.notPeople ?? {}) as Record<string, string>;
      for (const column of columns) if (PERSON_COLUMN.test(column) && !people.has(column) && !notPeople[column]) undeclared.push(`${table}.${column}`);
      for (const column of declaredColumns(registration)) if (!columns.includes(column)) missing.push(`${table}.${column}`);
    }
    expect(undeclared).toEqual([]);
    expect(missing).toEqual([]);
    await db.destroy();
  });

  test('every table with a subject is indexed by (tenant_id, subject), and every pointer by (tenant_id, pointer)', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const unindexed: string[] = [];
    for (const table of realSchema(raw).keys()) {
      const registration = entry(table);
      if (!registration) continue;
      const indexes = (raw.pragma(`index_list(${table})`) as Array<{ name: string }>).map((index) =>
        (raw.pragma(`index_info(${index.name})`) as Array<{ seqno: number; name: string }>).sort((a, b) => a.seqno - b.seqno).map((c) => c.name),
      );
      const keyed = [registration.subject, ...registration.pointers.map((p) => p.column)].filter((c): c is string => !!c);
      for (const column of keyed) {
        if (!indexes.some((columns) => columns[0] === 'tenant_id' && columns[1] === column)) unindexed.push(`${table}(tenant_id, ${column})`);
      }
    }
    expect(unindexed).toEqual([]);
    await db.destroy();
  });

  test('the fixture fills every table that is not written by the privacy machinery itself', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const fixture = await fillEveryTable(db);
    expect([...realSchema(raw).keys()].filter((table) => !fixture.filled.has(table) && !WRITTEN_BY_PRIVACY.has(table))).toEqual([]);
    await db.destroy();
  });

  test("the export declaration covers every row that holds the learner as its subject", async () => {
    const { db, raw } = await migratedTenantDatabase();
    const fixture = await fillEveryTable(db);
    const uncovered: string[] = [];
    for (const hit of new Set(mentionsOf(raw, fixture.learnerId))) {
      const [table, column] = hit.split('.');
      const registration = entry(table);
      const isPointer = registration?.pointers.some((p) => p.column === column);
      const exported = registration?.subject === column && registration.export.kind === 'rows';
      if (!isPointer && !exported) uncovered.push(hit);
    }
    expect(uncovered).toEqual([]);
    await db.destroy();
  });
});

describe('purge and erasure leave none of the learner', () => {
  const now = () => new Date('2026-02-01T12:00:00.000Z');

  test('a catalog purge removes every row of the learner in that catalog and nothing else; erasure leaves no mention at all', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const f = await fillEveryTable(db);
    const inB = await purgeCounts(db, targetOf(f.tenantId, f.learnerId, { kind: 'catalog', catalogId: f.catalogB }));
    const otherBefore = mentionsOf(raw, f.otherId);

    const purge = await requestPurge(db, { tenantId: f.tenantId, actorId: f.otherId, learnerId: f.learnerId, scope: { kind: 'catalog', catalogId: f.catalogA }, reason: 'admin', now: now() });
    const done = await executePurgeJob(db, purge.id, { batchSize: 1, now });
    expect(done.status).toBe('done');
    expect(sumCounts(await purgeCounts(db, targetOf(f.tenantId, f.learnerId, { kind: 'catalog', catalogId: f.catalogA })))).toBe(0);
    expect(await purgeCounts(db, targetOf(f.tenantId, f.learnerId, { kind: 'catalog', catalogId: f.catalogB }))).toEqual(inB);
    const otherEnrolments = await db.selectFrom('enrolments').select(['catalog_id', 'assigned_by']).where('learner_id', '=', f.otherId).orderBy('catalog_id').execute();
    expect(new Map(otherEnrolments.map((e) => [e.catalog_id, e.assigned_by]))).toEqual(
      new Map([
        [f.catalogA, null],
        [f.catalogB, f.learnerId],
      ]),
    );

    const erasure = await requestPurge(db, { tenantId: f.tenantId, actorId: f.otherId, learnerId: f.learnerId, scope: { kind: 'erasure' }, reason: 'erasure-request', now: now() });
    expect((await executePurgeJob(db, erasure.id, { batchSize: 2, now })).status).toBe('done');
    expect(mentionsOf(raw, f.learnerId)).toEqual([]);
    expect(mentionsOf(raw, 'fixture-learner')).toEqual([]);
    // The other person keeps every row (the job and audit rows name them as the actor).
    const otherAfter = mentionsOf(raw, f.otherId).filter((hit) => !hit.startsWith('purge_jobs.') && !hit.startsWith('audit_events.'));
    expect(otherAfter).toEqual(otherBefore);
    const other = await db.selectFrom('learners').select('manager_id').where('learner_id', '=', f.otherId).executeTakeFirstOrThrow();
    expect(other.manager_id).toBeNull();
    await db.destroy();
  });

  test('an erased actor is pseudonymised in the audit trail and in the purges they asked for', async () => {
    const { db, raw } = await migratedTenantDatabase();
    const f = await fillEveryTable(db);
    // The learner purges the other person from catalog A, then is erased.
    const purge = await requestPurge(db, { tenantId: f.tenantId, actorId: f.learnerId, learnerId: f.otherId, scope: { kind: 'catalog', catalogId: f.catalogA }, reason: 'admin', now: now() });
    await executePurgeJob(db, purge.id, { batchSize: 10, now });
    const erasure = await requestPurge(db, { tenantId: f.tenantId, actorId: f.learnerId, learnerId: f.learnerId, scope: { kind: 'erasure' }, reason: 'erasure-request', now: now() });
    await executePurgeJob(db, erasure.id, { batchSize: 10, now });
    expect(mentionsOf(raw, f.learnerId)).toEqual([]);
    const actors = await db.selectFrom('audit_events').select(['actor_id', 'actor_hash', 'action']).execute();
    expect(actors.every((a) => a.actor_id === null && /^[0-9a-f]{64}$/.test(a.actor_hash ?? ''))).toBe(true);
    await db.destroy();
  });
});
