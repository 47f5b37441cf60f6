import { afterAll, beforeAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { loadOrCreateDevIssuer, type DevIssuer } from '../../src/server/auth/devIssuer';
import { readConfig } from '../../src/server/config';
import { DEMO_DIRECTORY_SEED, DEMO_TENANT_ID, DEMO_TENANT_NAME, seedDemoTenant, type DemoPeople } from '../../src/server/devstack/demo/demoSeed';
import { demoSignInPeople } from '../../src/server/devstack/devSignInPeople';
import { registerDevSignInRoutes, type DevSignInPerson } from '../../src/server/devstack/devSignInRoutes';
import { startLocalGraph, type LocalGraph } from '../../src/server/devstack/localGraph';
import { generateDirectoryUsers } from '../../src/server/devstack/directory/directoryGenerator';
import { registerStandalonePageRoutes, type StandalonePage } from '../../src/server/http/routes/standalonePageRoutes';
import { buildStandalonePage } from '../support/builtPage';
import { launchChromium, ScreenAlbum } from './browserSession';
import { makeDataDir, startTestService, type TestService } from '../support/testService';

export interface DemoStack {
  t: TestService;
  graph: LocalGraph;
  cast: DemoPeople;
  page: StandalonePage;
  close(): Promise<void>;
}

/**
 * The stack `npm start` runs, on a fresh data dir: the Graph stand-in with the demo directory, the service synced
 * from it through the real Graph client, the demo tenant seeded, and the standalone page with the dev sign-in.
 */
export async function startDemoStack(directorySize = 300, moreSignInPeople: readonly DevSignInPerson[] = []): Promise<DemoStack> {
  const dataDir = makeDataDir();
  const graph = await startLocalGraph(await loadOrCreateDevIssuer(dataDir), [{ tenantId: DEMO_TENANT_ID, seed: DEMO_DIRECTORY_SEED, size: directorySize }]);
  const t = await startTestService({ dataDir, graph: graph.access });
  const sync = t.service.directorySync;
  const { cast } = await seedDemoTenant({
    tenancy: t.service.tenancy,
    people: [...generateDirectoryUsers({ seed: DEMO_DIRECTORY_SEED, size: directorySize })],
    now: new Date(),
    syncDirectory: sync ? () => sync.start(DEMO_TENANT_ID) : undefined,
  });
  const apiAudience = readConfig({}).auth.audience;
  const issuer = t.service.devIssuer as DevIssuer;
  registerDevSignInRoutes(t.service.app, { issuer, apiAudience, tenantId: DEMO_TENANT_ID, tenantName: DEMO_TENANT_NAME, people: [...demoSignInPeople(cast), ...moreSignInPeople] });
  const builtPage = buildStandalonePage();
  const page = registerStandalonePageRoutes(t.service.app, { pageDir: builtPage.dir, authMode: 'dev', apiAudience, graphBaseUrl: graph.standIn.url });
  return {
    t,
    graph,
    cast,
    page,
    async close() {
      await t.close();
      await graph.standIn.close();
      builtPage.remove();
    },
  };
}

/** What a browser test on the demo stack works with; filled in by the hooks `onDemoStackInChromium` registers. */
export interface DemoBrowser {
  stack: DemoStack;
  browser: Browser;
  /** Where the stack listens, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  album: ScreenAlbum;
}

/**
 * Registers the test file's hooks: the demo stack listening on a free port, Chromium, and an album of screenshots
 * whose paths are printed when the file ends. The fields are there from the first test on.
 */
export function onDemoStackInChromium(albumName: string, moreSignInPeople: readonly DevSignInPerson[] = []): DemoBrowser {
  const env = { album: new ScreenAlbum(albumName) } as DemoBrowser;
  beforeAll(async () => {
    env.stack = await startDemoStack(300, moreSignInPeople);
    env.baseUrl = await env.stack.t.service.app.listen({ port: 0, host: '127.0.0.1' });
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
    console.log(env.album.summary(albumName));
  });
  return env;
}
