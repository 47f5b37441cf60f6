import assert from '../support/assert';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { loadOrCreateDevIssuer } from '../../src/server/auth/devIssuer';
import { createTokenValidator } from '../../src/server/auth/tokenValidator';
import { makeTempDir, TENANT_ID, USER_ID } from './tokenFixtures';

const projectRoot = path.resolve(__dirname, '../..');
const AUDIENCE_FROM_ENV = 'api://atrium-cli-test';

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], dataDir: string): Promise<CliRun> {
  const env = { ...process.env, ATRIUM_DATA_DIR: dataDir, ATRIUM_API_AUDIENCE: AUDIENCE_FROM_ENV };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'src/server/auth/devTokenCli.ts', ...args], { cwd: projectRoot, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('dev-token CLI', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = makeTempDir();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints only a token, which the service validator accepts with the same data dir', async () => {
    const run = await runCli(['--tenant', TENANT_ID, '--user', USER_ID, '--role', 'Tenant.Admin', '--role', 'Catalog.Manage'], dataDir);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 1);

    const issuer = await loadOrCreateDevIssuer(dataDir);
    const validator = createTokenValidator({ mode: 'dev', audience: AUDIENCE_FROM_ENV, devJwks: issuer.jwks() });
    assert.deepEqual(await validator.validate(`Bearer ${lines[0]}`), {
      tenantId: TENANT_ID,
      userId: USER_ID,
      roles: ['Tenant.Admin', 'Catalog.Manage'],
    });
  });

  it('takes the audience from --audience over the environment', async () => {
    const run = await runCli(['--tenant', TENANT_ID, '--user', USER_ID, '--audience', 'api://elsewhere', '--hours', '2'], dataDir);
    assert.equal(run.code, 0, run.stderr);
    const issuer = await loadOrCreateDevIssuer(dataDir);
    const validator = createTokenValidator({ mode: 'dev', audience: 'api://elsewhere', devJwks: issuer.jwks() });
    assert.equal((await validator.validate(`Bearer ${run.stdout.trim()}`)).userId, USER_ID);
  });

  it('rejects a tenant that is not a GUID with exit code 2 and prints no token', async () => {
    const run = await runCli(['--tenant', 'contoso.onmicrosoft.com', '--user', USER_ID], dataDir);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--tenant must be a GUID/);
  });

  it('rejects an unknown role, a missing user and unknown options with exit code 2', async () => {
    const unknownRole = await runCli(['--tenant', TENANT_ID, '--user', USER_ID, '--role', 'Global.Admin'], dataDir);
    assert.equal(unknownRole.code, 2);
    assert.match(unknownRole.stderr, /unknown role "Global.Admin"; known roles: Tenant.Admin, Catalog.Manage/);

    const missingUser = await runCli(['--tenant', TENANT_ID], dataDir);
    assert.equal(missingUser.code, 2);
    assert.match(missingUser.stderr, /--user <guid> is required/);

    const unknownOption = await runCli(['--tenant', TENANT_ID, '--user', USER_ID, '--admin'], dataDir);
    assert.equal(unknownOption.code, 2);
    assert.equal(unknownOption.stdout, '');
  });
});
