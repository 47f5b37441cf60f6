import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadOrCreateDevIssuer, type DevIssuer } from '../src/server/auth/devIssuer';
import { readConfig } from '../src/server/config';
import { DEMO_DIRECTORY_SEED, DEMO_TENANT_ID, DEMO_TENANT_NAME, seedDemoTenant, type DemoPeople } from '../src/server/devstack/demo/demoSeed';
import { demoSignInPeople } from '../src/server/devstack/devSignInPeople';
import { registerDevSignInRoutes } from '../src/server/devstack/devSignInRoutes';
import { generateDirectoryUsers } from '../src/server/devstack/directory/directoryGenerator';
import { startLocalGraph } from '../src/server/devstack/localGraph';
import { registerStandalonePageRoutes } from '../src/server/http/routes/standalonePageRoutes';
import { createService, type Service } from '../src/server/service';
import { buildStandalonePage } from '../test/support/builtPage';

/*
 * The stack `npm start` runs, in process on a fresh data dir, for benchmarks in a browser: the Graph stand-in, the
 * service on SQLite, the demo tenant, the standalone page with the dev sign-in; what test/ui/demoStack.ts starts for
 * the tests (that one needs jest).
 */

export const CHROMIUM = '/usr/bin/chromium';
const DIRECTORY_SIZE = 300;

export interface BenchStack {
  service: Service;
  cast: DemoPeople;
  dataDir: string;
  /** The API audience tokens must carry. */
  audience: string;
  /** Issues a token as the dev sign-in does. */
  token(userId: string, roles: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchStack(name: string): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `atrium-${name}-`));
  const graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir), [{ tenantId: DEMO_TENANT_ID, seed: DEMO_DIRECTORY_SEED, size: DIRECTORY_SIZE }]);
  const config = readConfig({ ATRIUM_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const service = await createService(config, { graph: graph.access });
  const sync = service.directorySync;
  const { cast } = await seedDemoTenant({
    tenancy: service.tenancy,
    people: [...generateDirectoryUsers({ seed: DEMO_DIRECTORY_SEED, size: DIRECTORY_SIZE })],
    now: new Date(),
    syncDirectory: sync ? () => sync.start(DEMO_TENANT_ID) : undefined,
  });
  const audience = config.auth.audience;
  const issuer = service.devIssuer as DevIssuer;
  registerDevSignInRoutes(service.app, { issuer, apiAudience: audience, tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, people: demoSignInPeople(cast) });
  const builtPage = buildStandalonePage();
  registerStandalonePageRoutes(service.app, { pageDir: builtPage.dir, authMode: 'dev', apiAudience: audience, graphBaseUrl: graph.standIn.url });
  return {
    service,
    cast,
    dataDir,
    audience,
    token: (userId, roles) => issuer.issueToken({ tenantId: DEMO_TENANT_ID, userId, roles, audience }),
    async close() {
      await service.close();
      await graph.standIn.close();
      builtPage.remove();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBenchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
