import { parseArgs } from 'node:util';
import { loadOrCreateDevIssuer } from '../src/server/auth/devIssuer';
import { startLocalGraph } from '../src/server/devstack/localGraph';
import { applyDirectoryChanges } from './directorySyncChanges';
import { answerCommands } from './directorySyncIpc';

/**
 * The Graph stand-in in a process of its own, so the directory it holds (about 110 MB of heap at 100,000 people)
 * is not counted in the sync's memory. Trusts the dev issuer of `--data-dir`, as the service does.
 * Started by the directory-sync benchmark with `node --import tsx bench/directorySyncStandIn.ts ...`; it prints
 * its URL on stdout and takes commands (statistics, directory edits) over the IPC channel only. Started by hand
 * (`npx tsx bench/directorySyncStandIn.ts --data-dir DIR --tenant GUID --size N`) it just serves until Ctrl-C.
 */
export interface StandInReady {
  url: string;
  users: number;
  generationSeconds: number;
}

export interface StandInGroup {
  id: string;
  displayName: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      tenant: { type: 'string' },
      seed: { type: 'string', default: 'directory-sync-bench' },
      size: { type: 'string' },
      port: { type: 'string', default: '0' },
    },
  });
  if (!values['data-dir'] || !values.tenant || !values.size) throw new Error('usage: directorySyncStandIn.ts --data-dir DIR --tenant GUID --size N [--seed S] [--port P]');
  const tenantId = values.tenant;
  const seed = values.seed!;

  const started = performance.now();
  const graph = await startLocalGraph(await loadOrCreateDevIssuer(values['data-dir']), [{ tenantId, seed, size: Number(values.size) }], Number(values.port));
  const directory = graph.standIn.directory(tenantId);
  const generationSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`Graph stand-in for tenant ${tenantId} (${directory.size} users) at ${graph.standIn.url}\n`);

  const ready: StandInReady = { url: graph.standIn.url, users: directory.size, generationSeconds };
  // Started by hand (no IPC channel): just serve until Ctrl-C.
  if (process.send) answerCommands(ready, {
    stats: () => graph.standIn.stats(),
    resetStats: () => graph.standIn.resetStats(),
    groups: (): StandInGroup[] => directory.groups().map((g) => ({ id: g.id, displayName: g.displayName })),
    applyChanges: (argument: { count: number; seed: string }) => applyDirectoryChanges(directory, argument.count, argument.seed),
    size: () => directory.size,
    /** People now in a department: what the benchmark's rule must have assigned. */
    departmentSize: (department: string) => directory.ids().filter((id) => directory.lookup(id)?.department === department).length,
  });
  const stop = (): void => {
    graph.standIn.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
