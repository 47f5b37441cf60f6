// `npm test`: type check, lint, then every test under test/ on jest. Arguments are passed on to jest
// (a path filter such as `npm test -- test/api` runs those files only, without the type check and lint).
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

const args = process.argv.slice(2);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (args.length === 0) {
  run('npx', ['tsc', '-p', 'tsconfig.server.json']);
  run('npm', ['run', '--silent', 'lint']);
}
ensureChromium();
run('npx', ['jest', ...args]);
