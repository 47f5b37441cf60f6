import assert from '../support/assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';

// A clone of the repository is all a developer or CI has: nothing may reach for the design notes and reference
// files kept in a `shared/` folder beside the working tree (test fixtures copy what they need, naming the source).

const ROOT = path.resolve(__dirname, '../..');
const BESIDE = path.join(path.dirname(ROOT), 'shared');
const FOLDERS = ['src', 'test', 'bench', 'scripts', '.ci'];
const SOURCE_FILE = /\.(?:ts|tsx|mjs|cjs|js|json)$|^run$/;

function filesUnder(folder: string): string[] {
  const dir = path.join(ROOT, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => !file.split(path.sep).includes('node_modules') && SOURCE_FILE.test(path.basename(file)))
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile());
}

test('no source, test, benchmark or script refers to the shared folder beside the repository', () => {
  const outside: string[] = [];
  for (const file of FOLDERS.flatMap(filesUnder)) {
    const text = fs.readFileSync(file, 'utf8');
    // Relative paths in string literals, as imports, path.join/resolve parts or file names are written.
    for (const match of text.matchAll(/['"`]((?:\.\.?\/)+[^'"`\s]*)['"`]/g)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (target === BESIDE || target.startsWith(BESIDE + path.sep)) outside.push(`${path.relative(ROOT, file)}: ${match[1]}`);
    }
    if (/\/work\/shared|shared\/reference/.test(text)) outside.push(`${path.relative(ROOT, file)}: names the shared reference folder`);
  }
  assert.deepEqual(outside, []);
});
