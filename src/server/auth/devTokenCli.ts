// Prints a dev access token for the local service:
//   npm run dev-token -- --tenant <guid> --user <guid> [--role Tenant.Admin] [--role Catalog.Manage] [--audience ...] [--hours N]
// Only the token goes to stdout, so `TOKEN=$(npm run -s dev-token -- ...)` works. Usage errors exit with code 2.
import { parseArgs } from 'node:util';
import { isGuid } from '../../domain/ids';
import { APP_ROLES } from '../../domain/roles';
import { readConfig } from '../config';
import { loadOrCreateDevIssuer } from './devIssuer';

const USAGE =
  'usage: npm run dev-token -- --tenant <guid> --user <guid> [--role Tenant.Admin] [--role Catalog.Manage] ' +
  '[--audience <aud>] [--hours <n>] [--name <display name>]';
const MAX_HOURS = 24 * 31;

class UsageError extends Error {}

interface DevTokenArguments {
  tenantId: string;
  userId: string;
  roles: string[];
  audience?: string;
  hours: number;
  name?: string;
}

function parseDevTokenArguments(args: string[]): DevTokenArguments | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        tenant: { type: 'string' },
        user: { type: 'string' },
        role: { type: 'string', multiple: true },
        audience: { type: 'string' },
        hours: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';

  if (values.tenant === undefined) throw new UsageError('--tenant <guid> is required');
  if (!isGuid(values.tenant)) throw new UsageError(`--tenant must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${values.tenant}"`);
  if (values.user === undefined) throw new UsageError('--user <guid> is required');
  if (!isGuid(values.user)) throw new UsageError(`--user must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got "${values.user}"`);

  const roles = values.role ?? [];
  for (const role of roles) {
    if (!(APP_ROLES as readonly string[]).includes(role)) {
      throw new UsageError(`unknown role "${role}"; known roles: ${APP_ROLES.join(', ')}`);
    }
  }

  let hours = 1;
  if (values.hours !== undefined) {
    hours = Number(values.hours);
    if (values.hours.trim() === '' || !Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
      throw new UsageError(`--hours must be a number above 0 and at most ${MAX_HOURS}`);
    }
  }
  if (values.audience !== undefined && values.audience.trim() === '') throw new UsageError('--audience must not be empty');

  return { tenantId: values.tenant, userId: values.user, roles: [...new Set(roles)], audience: values.audience, hours, name: values.name };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseDevTokenArguments>;
  try {
    parsed = parseDevTokenArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`dev-token: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stderr.write(`${USAGE}\nThe signing key lives in $ATRIUM_DATA_DIR/dev-issuer/; the audience defaults to $ATRIUM_API_AUDIENCE.\n`);
    return 0;
  }

  const config = readConfig();
  if (config.auth.mode === 'entra') {
    process.stderr.write('dev-token: note: ATRIUM_AUTH_MODE is "entra"; a service in that mode refuses dev tokens\n');
  }
  const issuer = await loadOrCreateDevIssuer(config.dataDir);
  const token = await issuer.issueToken({
    tenantId: parsed.tenantId,
    userId: parsed.userId,
    roles: parsed.roles,
    audience: parsed.audience ?? config.auth.audience,
    lifetimeSeconds: Math.max(1, Math.round(parsed.hours * 3600)),
    name: parsed.name,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dev-token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
