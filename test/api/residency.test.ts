import assert from '../support/assert';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import type { LearnerIdentity } from '../../src/domain/identity';
import { tenantDatabaseName } from '../../src/server/tenancy/tenancy';
import { assertCleanError } from '../support/apiSurface';
import { courseBody, startTestService, type TestService } from '../support/testService';

// Residency is checked on the bytes on disk: whatever a tenant writes must be found in its own region's
// files and nowhere else, and the tenant catalog (control plane) must hold no personal data at all.

interface ResidentTenant {
  tenantId: string;
  region: string;
  learnerId: string;
  /** Strings this tenant writes, unique to the test run. */
  markers: { catalogName: string; courseTitle: string; lessonTitle: string; learnerName: string; learnerMail: string };
}

const identities = new Map<string, LearnerIdentity>();
const tenants: ResidentTenant[] = ['westeurope', 'japaneast', 'eastus'].map((region) => {
  const marker = randomUUID().slice(0, 8);
  return {
    tenantId: randomUUID(),
    region,
    learnerId: randomUUID(),
    markers: {
      catalogName: `Catalog-${region}-${marker}`,
      courseTitle: `Course-${region}-${marker}`,
      lessonTitle: `Lesson-${region}-${marker}`,
      learnerName: `Learner-${region}-${marker}`,
      learnerMail: `learner.${marker}@${region}.example`,
    },
  };
});
for (const tenant of tenants) {
  identities.set(`${tenant.tenantId}/${tenant.learnerId}`, {
    id: tenant.learnerId,
    userPrincipalName: tenant.markers.learnerMail,
    displayName: tenant.markers.learnerName,
    mail: tenant.markers.learnerMail,
    department: 'Finance',
    jobTitle: 'Accountant',
    officeLocation: null,
    country: null,
    city: null,
    managerId: null,
  });
}

let t: TestService;

beforeAll(async () => {
  t = await startTestService({
    identitySource: { fetchIdentity: async (tenantId, userId) => identities.get(`${tenantId}/${userId}`) ?? null },
  });
  for (const tenant of tenants) {
    const adminId = await t.onboard(tenant.tenantId, tenant.region);
    // Only people the directory knows may sign in (onboarding itself needs no directory).
    identities.set(`${tenant.tenantId}/${adminId}`, { ...identities.get(`${tenant.tenantId}/${tenant.learnerId}`)!, id: adminId, userPrincipalName: null, displayName: null, mail: null });
    const admin = await t.token(tenant.tenantId, adminId, ['Tenant.Admin']);
    const learner = await t.token(tenant.tenantId, tenant.learnerId);
    const catalog = await t.call('POST', '/api/catalogs', { token: admin, body: { name: tenant.markers.catalogName } });
    assert.equal(catalog.status, 201);
    const course = await t.call('POST', `/api/catalogs/${catalog.body.id}/courses`, {
      token: admin,
      body: courseBody({ title: tenant.markers.courseTitle, lessons: [{ title: tenant.markers.lessonTitle, materialUrl: 'https://contoso.example/1' }] }),
    });
    assert.equal(course.status, 201);
    const enrol = await t.call('POST', `/api/courses/${course.body.id}/enrolments`, { token: learner });
    assert.equal(enrol.status, 201);
    const progress = await t.call('POST', `/api/enrolments/${enrol.body.id}/progress`, {
      token: learner,
      body: { type: 'lesson-completed', lessonId: course.body.lessons[0].id },
    });
    assert.equal(progress.status, 200);
  }
});
afterAll(() => t.close());

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const regionsDir = () => path.join(t.dataDir, 'regions');
const regionFolders = () => (fs.existsSync(regionsDir()) ? fs.readdirSync(regionsDir()).sort() : []);
const isTenantFile = (file: string, tenant: ResidentTenant) =>
  path.dirname(file) === path.join(regionsDir(), tenant.region) && path.basename(file).startsWith(`${tenantDatabaseName(tenant.tenantId)}.sqlite`);
const isCatalogFile = (file: string) => path.dirname(file) === t.dataDir && path.basename(file).startsWith('catalog.sqlite');

describe('where tenant data lives', () => {
  test("each tenant's database files are in its own region's folder, and region folders hold nothing else", () => {
    assert.deepEqual(regionFolders(), ['eastus', 'japaneast', 'westeurope']);
    for (const tenant of tenants) {
      const inRegion = filesUnder(path.join(regionsDir(), tenant.region));
      assert.ok(inRegion.some((f) => path.basename(f) === `${tenantDatabaseName(tenant.tenantId)}.sqlite`), `${tenant.region}: ${inRegion.join(', ')}`);
      for (const file of inRegion) assert.ok(isTenantFile(file, tenant), `${file} does not belong to the ${tenant.region} tenant`);
    }
  });

  test("a tenant's identifiers and content are in its own files only; the catalog holds no personal data", () => {
    const files = filesUnder(t.dataDir).map((file) => ({ file, bytes: fs.readFileSync(file) }));
    assert.ok(files.some((f) => isCatalogFile(f.file)), 'the catalog database exists');
    for (const tenant of tenants) {
      const personalAndContent = [...Object.values(tenant.markers), tenant.learnerId];
      for (const marker of [...personalAndContent, tenant.tenantId]) {
        assert.ok(
          files.some((f) => isTenantFile(f.file, tenant) && f.bytes.includes(marker)),
          `"${marker}" was written to ${tenant.region}'s database (positive control)`,
        );
      }
      for (const { file, bytes } of files) {
        if (isTenantFile(file, tenant)) continue;
        for (const marker of personalAndContent) {
          assert.ok(!bytes.includes(marker), `"${marker}" of the ${tenant.region} tenant found in ${path.relative(t.dataDir, file)}`);
        }
        // The control plane maps tenant ids to regions; no other region may know the tenant at all.
        if (!isCatalogFile(file)) {
          assert.ok(!bytes.includes(tenant.tenantId), `tenant id of ${tenant.region} found in ${path.relative(t.dataDir, file)}`);
          assert.ok(!bytes.includes(tenantDatabaseName(tenant.tenantId)), `database name of ${tenant.region} found in ${path.relative(t.dataDir, file)}`);
        }
      }
    }
  });

  test('the catalog records each tenant in the region it chose', async () => {
    for (const tenant of tenants) {
      const record = await t.service.tenancy.tenantRecord(tenant.tenantId);
      assert.equal(record?.region, tenant.region);
      assert.equal(record?.status, 'active');
      assert.equal(record?.databaseName, tenantDatabaseName(tenant.tenantId));
    }
  });
});

describe('onboarding', () => {
  test('an unknown region is refused with 400: no tenant recorded, no folder created, and a valid retry works', async () => {
    const tenantId = randomUUID();
    const admin = await t.token(tenantId, randomUUID(), ['Tenant.Admin']);
    const foldersBefore = regionFolders();
    for (const region of ['marsnorth', 'West Europe', '../westeurope', '']) {
      const response = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region, displayName: 'Fabrikam' } });
      const error = assertCleanError(response, 400, region);
      assert.match(error.message, /region/, region);
    }
    const unknown = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'marsnorth', displayName: 'Fabrikam' } });
    assert.match(unknown.body.error.message, /marsnorth/);
    assert.match(unknown.body.error.message, /westeurope/, 'the message lists the regions on offer');
    assert.equal(await t.service.tenancy.tenantRecord(tenantId), undefined);
    assert.deepEqual(regionFolders(), foldersBefore);
    const stillNotSetUp = await t.call('GET', '/api/tenant', { token: admin });
    assert.equal(assertCleanError(stillNotSetUp, 403).code, 'tenant_not_onboarded');

    const retry = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'swedencentral', displayName: 'Fabrikam' } });
    assert.equal(retry.status, 201);
    assert.equal(retry.body.region, 'swedencentral');
    assert.ok(fs.existsSync(path.join(regionsDir(), 'swedencentral', `${tenantDatabaseName(tenantId)}.sqlite`)));
  });

  test('onboarding twice is a 409, in the same or another region, and nothing moves', async () => {
    const tenantId = randomUUID();
    const adminId = await t.onboard(tenantId, 'uksouth');
    const admin = await t.token(tenantId, adminId, ['Tenant.Admin']);
    const again = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'uksouth', displayName: 'Again' } });
    assert.equal(assertCleanError(again, 409).code, 'conflict');
    const elsewhere = await t.call('POST', '/api/tenant/onboarding', { token: admin, body: { region: 'australiaeast', displayName: 'Elsewhere' } });
    assert.equal(assertCleanError(elsewhere, 409).code, 'conflict');
    assert.match(elsewhere.body.error.message, /uksouth/);
    assert.ok(!regionFolders().includes('australiaeast'), 'no folder for the region it did not move to');
    const record = await t.service.tenancy.tenantRecord(tenantId);
    assert.equal(record?.region, 'uksouth');
    assert.equal(record?.displayName, `Tenant ${tenantId.slice(0, 8)}`);
  });

  // Through inject the two requests run one after the other, so this drives Tenancy directly: the
  // second call starts while the first is still in flight, as it would with two real sockets.
  test('two concurrent onboardings to different regions: one lands, the other is told it conflicts', async () => {
    const tenantId = randomUUID();
    const now = () => new Date();
    const outcomes = await Promise.allSettled(
      ['francecentral', 'canadacentral'].map((regionId) => t.service.tenancy.onboard({ tenantId, displayName: 'Race', regionId }, now)),
    );
    const record = await t.service.tenancy.tenantRecord(tenantId);
    assert.equal(record?.region, 'francecentral');
    assert.equal(outcomes[0].status, 'fulfilled');
    assert.equal(outcomes[1].status, 'rejected', 'the caller who asked for canadacentral must not be told it succeeded');
    assert.match(String((outcomes[1] as PromiseRejectedResult).reason?.message), /francecentral/);
  });

  test('only a tenant admin onboards: anyone else gets 403 and nothing is recorded', async () => {
    const tenantId = randomUUID();
    for (const roles of [[], ['Catalog.Manage']]) {
      const token = await t.token(tenantId, randomUUID(), roles);
      const response = await t.call('POST', '/api/tenant/onboarding', { token, body: { region: 'westeurope', displayName: 'Nope' } });
      assert.equal(assertCleanError(response, 403).code, 'forbidden');
    }
    assert.equal(await t.service.tenancy.tenantRecord(tenantId), undefined);
  });
});

describe('GET /api/regions', () => {
  test('lists the regions of config/regions.json, without the production server names', async () => {
    const configured = JSON.parse(fs.readFileSync(path.resolve('config/regions.json'), 'utf8')).regions as Array<Record<string, string>>;
    assert.equal(configured.length, 14);
    // A tenant admin needs the list before the organisation exists.
    const token = await t.token(randomUUID(), randomUUID(), ['Tenant.Admin']);
    const response = await t.call('GET', '/api/regions', { token });
    assert.equal(response.status, 200);
    assert.deepEqual(
      response.body,
      configured.map((r) => ({ id: r.id, displayName: r.displayName, geography: r.geography, country: r.country })),
    );
    assert.ok(!response.raw.toString().includes('database.windows.net'));
    for (const id of ['westeurope', 'northeurope', 'uksouth', 'francecentral', 'germanywestcentral', 'swedencentral', 'switzerlandnorth', 'eastus', 'westus2', 'canadacentral', 'australiaeast', 'japaneast', 'southeastasia']) {
      assert.ok(response.body.some((r: { id: string }) => r.id === id), `${id} is offered`);
    }
  });
});
