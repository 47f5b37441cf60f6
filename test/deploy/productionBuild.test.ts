import assert from '../support/assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';

// What production runs: `npm run build`, a production install (no dev dependency), `node dist/server/main.js`.
// The install is a copy of this checkout's node_modules pruned with `npm prune --omit=dev`: the copy is made of
// hard links (seconds, and better-sqlite3 keeps its compiled binary instead of building for 80 s).

const ROOT = path.resolve(__dirname, '../..');
const DEV_ONLY_PACKAGES = ['typescript', 'tsx', 'esbuild', 'jest', '@swc/core', 'playwright-core', 'gulp', '@microsoft/sp-build-web'];
const SHAREPOINT = 'https://contoso.sharepoint.com';

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** A production install beside a copy of what `npm run build` made: dist/, config/, package.json and its lock. */
function productionInstall(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-production-'));
  for (const item of ['dist', 'config', 'package.json', 'package-lock.json']) fs.cpSync(path.join(ROOT, item), path.join(dir, item), { recursive: true });
  const linked = spawnSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')], { stdio: 'ignore' });
  if (linked.status !== 0) run('cp', ['-a', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')], ROOT);
  // npm rewrites its record of the tree in place: the copy gets its own, so the checkout's stays untouched.
  fs.rmSync(path.join(dir, 'node_modules', '.package-lock.json'), { force: true });
  run('npm', ['prune', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  return dir;
}

interface RunningService {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** `node dist/server/main.js` in its own process group; resolves when it says where it listens. */
async function startProduction(dir: string, env: Record<string, string>): Promise<RunningService> {
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "running at" within 60 s:\n${output}`)), 60_000);
    const look = () => {
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`node dist/server/main.js exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

let dir: string;

beforeAll(() => {
  run('npm', ['run', '--silent', 'build'], ROOT);
  dir = productionInstall();
}, 150_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the production install has no dev dependency, and better-sqlite3 has its compiled binary', () => {
  const present = DEV_ONLY_PACKAGES.filter((name) => fs.existsSync(path.join(dir, 'node_modules', name)));
  assert.deepEqual(present, []);
  assert.ok(fs.existsSync(path.join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')));
  assert.ok(fs.existsSync(path.join(dir, 'dist', 'app', 'app.js')) && fs.existsSync(path.join(dir, 'dist', 'app', 'index.html')));
});

describe('node dist/server/main.js in dev mode (the local stack, from the built files)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startProduction(dir, { ATRIUM_DATA_DIR: path.join(dir, 'data'), ATRIUM_ALLOWED_ORIGINS: SHAREPOINT });
  }, 90_000);
  afterAll(async () => {
    await service?.stop();
  });

  test('answers /healthz and its OpenAPI document', async () => {
    const health = await fetch(`${service.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const openApi = (await (await fetch(`${service.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(openApi.openapi, '3.0.3');
    assert.ok(openApi.paths['/api/me/training']);
  });

  test('serves the prebuilt page with its Content-Security-Policy, compressed', async () => {
    const page = await fetch(`${service.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await page.text(), /<script src="\/app\.js" defer><\/script>/);
    const app = await fetch(`${service.url}/app.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(app.status, 200);
    assert.equal(app.headers.get('content-encoding'), 'br');
    // fetch decodes it: what arrives is the built file.
    assert.equal(await app.text(), fs.readFileSync(path.join(dir, 'dist', 'app', 'app.js'), 'utf8'));
  });

  test('an API call with a dev token (from the dev sign-in) is answered', async () => {
    const offer = (await (await fetch(`${service.url}/dev/sign-in`)).json()) as { people: Array<{ id: string; role: string }> };
    const learner = offer.people.find((person) => person.role === 'Learner');
    assert.ok(learner);
    const signIn = await fetch(`${service.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: learner.id }) });
    assert.equal(signIn.status, 200);
    const { accessTokens } = (await signIn.json()) as { accessTokens: { lmsApi: string } };
    const training = await fetch(`${service.url}/api/me/training`, { headers: { authorization: `Bearer ${accessTokens.lmsApi}`, origin: SHAREPOINT } });
    assert.equal(training.status, 200, service.output());
    assert.ok(((await training.json()) as { items: unknown[] }).items.length > 0);
    assert.equal(training.headers.get('access-control-allow-origin'), SHAREPOINT);
  });
});

test('in entra mode it serves the page with MSAL sign-in, and refuses dev tokens', async () => {
  const service = await startProduction(dir, {
    ATRIUM_DATA_DIR: path.join(dir, 'data-entra'),
    ATRIUM_AUTH_MODE: 'entra',
    ATRIUM_SPA_CLIENT_ID: '6b2f1c0e-9a8d-4c7b-b6a5-948372615049',
    // Nothing is reachable here: a closed local port, so a key lookup fails at once.
    ATRIUM_ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys',
  });
  try {
    assert.equal((await fetch(`${service.url}/healthz`)).status, 200);
    const config = await (await fetch(`${service.url}/app-config.js`)).text();
    assert.match(config, /"mode":"entra"/);
    assert.equal((await fetch(`${service.url}/dev/sign-in`)).status, 404);
    const refused = await fetch(`${service.url}/api/me/training`, { headers: { authorization: 'Bearer not.a.token' } });
    assert.equal(refused.status, 401);
  } finally {
    await service.stop();
  }
}, 90_000);
