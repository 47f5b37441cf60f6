import path from 'node:path';
import { readConfig } from './config';
import { registerStandalonePageRoutes } from './http/routes/standalonePageRoutes';
import { RETENTION_CHECK_INTERVAL_MS } from './privacy/retentionSchedule';
import { createService } from './service';

async function main(): Promise<void> {
  const config = readConfig();
  const devMode = config.auth.mode === 'dev';
  // The local stand-ins, the demo and the dev routes exist for dev mode only: production never loads them.
  const devStack = devMode ? await (await import('./devstack/devStack.js')).startDevStack(config) : null;
  const service = await createService(config, devStack?.serviceOverrides ?? {});
  await devStack?.prepare(service);
  if (service.directorySync && config.graph.syncIntervalMs > 0) {
    service.directorySync.schedule(config.graph.syncIntervalMs, (tenantId, error) =>
      service.app.log.warn({ tenantId, err: { message: error instanceof Error ? error.message : String(error) } }, 'scheduled directory sync failed'),
    );
  }
  service.retention.schedule(RETENTION_CHECK_INTERVAL_MS, (tenantId, error) =>
    service.app.log.warn({ tenantId, err: { type: error instanceof Error ? error.name : 'Error' } }, 'scheduled retention run failed'),
  );
  // The standalone page at `/`: the demo sign-in picker in dev mode, MSAL sign-in with Entra ID.
  registerStandalonePageRoutes(service.app, {
    // Built by `npm run build` into dist/app; the same folder whether this runs as dist/server/main.js or from src/.
    pageDir: path.resolve(__dirname, '..', '..', 'dist', 'app'),
    authMode: config.auth.mode,
    apiAudience: config.auth.audience,
    graphBaseUrl: devStack?.localGraph?.standIn.url ?? config.graph.baseUrl ?? 'https://graph.microsoft.com/',
    entra: config.spa.clientId ? { clientId: config.spa.clientId, authority: config.spa.authority, apiScope: config.spa.apiScope } : undefined,
  });
  const url = await service.app.listen({ port: config.port, host: config.host });
  if (devStack) await devStack.announce(service, url);
  else console.log(`Atrium LMS is running at ${url}`);

  const stop = async (): Promise<void> => {
    await service.close();
    await devStack?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
