import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import { describe, it } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import type { DatabaseEngine } from '../../src/server/store/engine';
import { MssqlEngine } from '../../src/server/store/mssql/mssqlEngine';
import { SqliteEngine } from '../../src/server/store/sqlite/sqliteEngine';
import { isUniqueViolation } from '../../src/server/store/uniqueViolation';
import { upsertLearnerIdentities } from '../../src/server/training/learners';
import { courseBody, makeDataDir, startTestService } from '../support/testService';

/**
 * The store contract: the same behaviour through the same API on every engine. SQLite always;
 * SQL Server / Azure SQL when ATRIUM_TEST_MSSQL holds a connection string.
 */
const engines: Array<{ name: string; make: ((dataDir: string) => DatabaseEngine) | null; reason?: string }> = [
  { name: 'SQLite', make: (dataDir) => new SqliteEngine(dataDir) },
  {
    name: 'SQL Server',
    make: process.env.ATRIUM_TEST_MSSQL
      ? () => new MssqlEngine({ catalog: { server: 'overridden', database: `atrium_catalog_test_${randomUUID().slice(0, 8)}` }, serverOverride: process.env.ATRIUM_TEST_MSSQL })
      : null,
    reason: 'ATRIUM_TEST_MSSQL not set: the store contract runs on SQLite only',
  },
];

function identity(overrides: Partial<LearnerIdentity> = {}): LearnerIdentity {
  return {
    id: randomUUID(),
    userPrincipalName: 'zoë.ångström@contoso.com',
    displayName: 'Zoë Ångström 张伟',
    mail: 'zoë.ångström@contoso.com',
    department: 'Sales',
    jobTitle: 'Account Executive',
    officeLocation: 'Oslo Aker Brygge',
    country: 'Norway',
    city: 'Oslo',
    managerId: null,
    ...overrides,
  };
}

for (const engine of engines) {
  describe(`store contract on ${engine.name}`, () => {
    // A SQL Server run is skipped, and reported as skipped with its reason, unless one is configured.
    const contractIt = engine.make ? it : it.skip;
    contractIt(`holds: onboarding, unicode round trip, journey to a certificate, unique keys, all-or-nothing use cases, idempotent upserts${engine.make ? '' : ` (${engine.reason})`}`, async () => {
      if (!engine.make) return;
      const dataDir = makeDataDir();
      const service = await startTestService({ dataDir, engine: engine.make(dataDir) });
      try {
        const tenantId = randomUUID();
        await service.onboard(tenantId);
        const learner = identity();
        await service.service.tenancy.withTenantDatabase(tenantId, (db) => upsertLearnerIdentities(db, tenantId, [learner], new Date()));

        const me = await service.call('GET', '/api/me', { token: await service.token(tenantId, learner.id) });
        assert.equal(me.body.profile.displayName, 'Zoë Ångström 张伟', 'unicode survives the round trip');

        const manager = await service.token(tenantId, randomUUID(), ['Catalog.Manage']);
        const catalog = await service.call('POST', '/api/catalogs', { token: manager, body: { name: 'Säkerhet & Compliance' } });
        const course = await service.call('POST', `/api/catalogs/${catalog.body.id}/courses`, { token: manager, body: courseBody({ sequentialLessons: false }) });
        assert.equal(course.status, 201);

        const token = await service.token(tenantId, learner.id);
        const enrolment = await service.call('POST', `/api/courses/${course.body.id}/enrolments`, { token });
        const posts = await Promise.all([
          ...course.body.lessons.map((l: { id: string }) => service.call('POST', `/api/enrolments/${enrolment.body.id}/progress`, { token, body: { type: 'lesson-completed', lessonId: l.id } })),
          service.call('POST', `/api/enrolments/${enrolment.body.id}/progress`, { token, body: { type: 'quiz-attempt', answers: [1, true, [0, 2]] } }),
        ]);
        assert.deepEqual(posts.map((p) => p.status), [200, 200, 200], 'concurrent progress posts all land');
        const detail = await service.call('GET', `/api/enrolments/${enrolment.body.id}`, { token });
        assert.equal(detail.body.completedLessonIds.length, 2);
        assert.ok(detail.body.completedAt && detail.body.certificateId);

        // All or nothing: one unknown person in an assignment enrols nobody.
        const before = await service.call('GET', `/api/catalogs/${catalog.body.id}/reports`, { token: manager });
        const assignment = await service.call('POST', `/api/courses/${course.body.id}/assignments`, {
          token: manager,
          body: { learnerIds: [learner.id, randomUUID()], dueAt: new Date(Date.now() + 864e5).toISOString() },
        });
        assert.equal(assignment.status, 404);
        assert.deepEqual((await service.call('GET', `/api/catalogs/${catalog.body.id}/reports`, { token: manager })).body.byCourse, before.body.byCourse);

        await service.service.tenancy.withTenantDatabase(tenantId, async (db) => {
          const duplicate = db.insertInto('catalogs').values({ id: catalog.body.id, tenant_id: tenantId, name: 'x', description: '', site_url: null, created_at: new Date().toISOString() }).execute();
          await assert.rejects(duplicate, (error) => isUniqueViolation(error), 'a duplicate key is recognised as a unique violation');
          const again = await upsertLearnerIdentities(db, tenantId, [learner, { ...learner, id: randomUUID() }], new Date());
          assert.deepEqual(again, { inserted: 1, updated: 1 });
        });
      } finally {
        await service.close();
      }
    }, 10 * 60_000);
  });
}
