import fs from 'node:fs';
import path from 'node:path';
import { catalogBodySchema } from '../src/domain/api';
import { toLearnerIdentity } from '../src/domain/identity';
import { readConfig } from '../src/server/config';
import { generateDirectoryUsers } from '../src/server/devstack/directory/directoryGenerator';
import { deterministicGuid } from '../src/server/devstack/directory/seededRandom';
import { createService } from '../src/server/service';
import { SqliteEngine } from '../src/server/store/sqlite/sqliteEngine';
import { createCatalog } from '../src/server/training/catalogs';
import { createCourse } from '../src/server/training/courses';
import type { UseCaseContext } from '../src/server/training/useCaseContext';
import { benchCourses } from './benchCatalog';
import { REPO_ROOT, seedFolder, type SeedShape } from './benchParameters';
import { fillTenantDatabase, type RowCounts } from './bulkTenantRows';

/** Bump when the seeded content changes, so old data sets are seeded again. */
const SEED_FORMAT = 3;
const MARKER_FILE = 'bench-seed.json';

export interface SeededTenant {
  tenantId: string;
  region: string;
  /** The tenant database file, relative to the data dir. */
  file: string;
}

export interface SeededDataSet {
  dataDir: string;
  shape: SeedShape;
  tenants: SeededTenant[];
  counts: RowCounts;
  bytesOnDisk: number;
  seededAt: string;
  timings: { onboardSeconds: number; catalogSeconds: number; bulkSeconds: number; totalSeconds: number };
  /** True when an existing data set with the same shape was reused. */
  reused: boolean;
}

type Marker = Omit<SeededDataSet, 'dataDir' | 'reused'> & { seedFormat: number };

function readMarker(dataDir: string, shape: SeedShape): Marker | undefined {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dataDir, MARKER_FILE), 'utf8')) as Marker;
    if (marker.seedFormat !== SEED_FORMAT || JSON.stringify(marker.shape) !== JSON.stringify(shape)) return undefined;
    if (!marker.tenants.every((t) => fs.existsSync(path.join(dataDir, t.file)))) return undefined;
    return marker;
  } catch {
    return undefined;
  }
}

export function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** The service's configuration for a data dir; the same settings the benchmark starts the server with. */
export function benchServiceEnvironment(dataDir: string): Record<string, string> {
  return {
    ATRIUM_DATA_DIR: dataDir,
    ATRIUM_REGIONS_FILE: path.join(REPO_ROOT, 'config', 'regions.json'),
    ATRIUM_SEED_DEMO: 'false',
    ATRIUM_AUTH_MODE: 'dev',
  };
}

/**
 * Seeds `shape` into its folder under `dataRoot`, or reuses what an earlier run seeded with the same shape.
 * Tenants are onboarded by the service's own code (round-robin over the offered regions) and their catalogs
 * made by the use cases; learners, enrolments and progress are bulk-inserted (see bulkTenantRows).
 */
export async function seedDataSet(dataRoot: string, shape: SeedShape, log: (line: string) => void): Promise<SeededDataSet> {
  const dataDir = seedFolder(dataRoot, shape);
  const existing = readMarker(dataDir, shape);
  if (existing) {
    log(`reusing the seeded data set in ${dataDir} (seeded ${existing.seededAt} in ${existing.timings.totalSeconds.toFixed(1)} s)`);
    const { seedFormat: _format, ...rest } = existing;
    return { ...rest, dataDir, reused: true };
  }

  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const now = new Date();
  const service = await createService(readConfig({ ...benchServiceEnvironment(dataDir), LOG_LEVEL: 'silent' }));
  const engine = new SqliteEngine(dataDir);
  const regions = service.tenancy.regions.regions;
  const tenants: Array<SeededTenant & { index: number; managerId: string; people: ReturnType<typeof toLearnerIdentity>[] }> = [];
  let onboardMs = 0;
  let catalogMs = 0;
  const folderName = path.basename(dataDir);
  try {
    for (let index = 0; index < shape.tenants; index++) {
      const tenantId = deterministicGuid(`atrium-bench/${folderName}`, `tenant:${index}`);
      const region = regions[index % regions.length];
      const t0 = performance.now();
      const record = await service.tenancy.onboard({ tenantId, displayName: `Bench tenant ${index + 1}`, regionId: region.id }, () => now);
      const t1 = performance.now();
      onboardMs += t1 - t0;

      const people = [...generateDirectoryUsers({ seed: tenantId, size: shape.learnersPerTenant, domain: `bench${index + 1}.example.com` })].map(
        (user) => toLearnerIdentity(user, user.managerId),
      );
      const managerId = people[Math.min(1, people.length - 1)].id;
      await service.tenancy.withTenantDatabase(tenantId, async (db) => {
        const manager: UseCaseContext = { db, now, principal: { tenantId, userId: managerId, roles: ['Catalog.Manage'] } };
        const catalog = await createCatalog(manager, catalogBodySchema.parse({ name: 'Contoso Learning', description: 'Benchmark catalog' }));
        for (const course of benchCourses(tenantId, shape.coursesPerTenant)) await createCourse(manager, catalog.id, course);
      });
      catalogMs += performance.now() - t1;
      const file = path.relative(dataDir, engine.tenantDatabaseFile(region, record.databaseName));
      tenants.push({ tenantId, region: region.id, file, index, managerId, people });
      if ((index + 1) % 100 === 0) log(`  onboarded ${index + 1}/${shape.tenants} tenants`);
    }
  } finally {
    await service.close();
  }
  log(`onboarded ${shape.tenants} tenants and their catalogs in ${((onboardMs + catalogMs) / 1000).toFixed(1)} s`);

  const bulkStarted = performance.now();
  const counts: RowCounts = { learners: 0, enrolments: 0, lessonProgress: 0, quizAttempts: 0, certificates: 0 };
  for (const tenant of tenants) {
    const added = fillTenantDatabase({
      file: path.join(dataDir, tenant.file),
      tenantId: tenant.tenantId,
      people: tenant.people,
      enrolmentsPerLearner: shape.enrolmentsPerLearner,
      assignedBy: tenant.managerId,
      seed: tenant.tenantId,
      now,
    });
    for (const key of Object.keys(counts) as Array<keyof RowCounts>) counts[key] += added[key];
    if (shape.tenants >= 20 && (tenant.index + 1) % Math.ceil(shape.tenants / 10) === 0) {
      log(`  bulk-inserted ${tenant.index + 1}/${shape.tenants} tenants (${counts.enrolments.toLocaleString('en')} enrolments so far)`);
    }
  }
  const bulkMs = performance.now() - bulkStarted;

  const marker: Marker = {
    seedFormat: SEED_FORMAT,
    shape,
    tenants: tenants.map(({ tenantId, region, file }) => ({ tenantId, region, file })),
    counts,
    bytesOnDisk: folderBytes(dataDir),
    seededAt: now.toISOString(),
    timings: {
      onboardSeconds: onboardMs / 1000,
      catalogSeconds: catalogMs / 1000,
      bulkSeconds: bulkMs / 1000,
      totalSeconds: (performance.now() - started) / 1000,
    },
  };
  fs.writeFileSync(path.join(dataDir, MARKER_FILE), JSON.stringify(marker, null, 2));
  const { seedFormat: _format, ...rest } = marker;
  return { ...rest, dataDir, reused: false };
}
