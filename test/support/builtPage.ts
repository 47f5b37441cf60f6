import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuiltPage {
  /** The folder to pass as `pageDir`: what `npm run build` puts in dist/app. */
  dir: string;
  remove(): void;
}

/** The standalone page built from the current sources by the build's own script (about a second), in a temp folder. */
export function buildStandalonePage(): BuiltPage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-page-'));
  const projectDir = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(projectDir, 'scripts', 'buildPage.mjs'), dir], { cwd: projectDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
