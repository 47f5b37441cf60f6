// The browser tests drive Debian's Chromium; no browser is ever downloaded. When it is missing, install it the way
// CI does (Debian's package, as root with apt), or stop at once with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.ATRIUM_CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium';

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`The browser tests need Chromium at ${CHROMIUM_PATH}. Install Debian's package, then run the tests again:\n  sudo sh -c '${INSTALL}'`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${CHROMIUM_PATH}: installing Debian's package (${INSTALL})`);
  execFileSync('sh', ['-c', INSTALL], { stdio: 'inherit' });
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get installed chromium, but ${CHROMIUM_PATH} is still missing.`);
    process.exit(1);
  }
}

if (process.argv[1] && process.argv[1].endsWith('ensure-chromium.mjs')) ensureChromium();
