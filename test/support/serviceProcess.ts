/**
 * The service as a process of its own, for tests that kill it: `tsx test/support/serviceProcess.ts` with the
 * service's settings in the environment (ATRIUM_DATA_DIR, PORT=0, ...). Prints `LISTENING <port>` once it answers,
 * and closes cleanly on SIGTERM. No dev stack, no demo: only what `createService` wires.
 */
import { readConfig } from '../../src/server/config';
import { createService } from '../../src/server/service';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const service = await createService(config, { graph: null, identitySource: null });
  const address = await service.app.listen({ port: config.port, host: '127.0.0.1' });
  process.stdout.write(`LISTENING ${new URL(address).port}\n`);
  process.once('SIGTERM', () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`service process failed: ${error instanceof Error ? error.name : 'Error'}\n`);
  process.exit(1);
});
