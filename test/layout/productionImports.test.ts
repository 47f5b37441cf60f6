import assert from '../support/assert';
import fs from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';

// What ships: the production service never loads the local stack (Graph stand-in, generated directories, demo),
// and server code never reaches into browser code.

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'src/server');

/** Modules loaded at run time: static imports and re-exports, not `import type`. */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)';/gm)].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const base = path.resolve(path.dirname(file), s.replace(/\.js$/, ''));
      return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
    })
    .filter((file): file is string => file !== undefined);
}

function reachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...runtimeImports(file));
  }
  return seen;
}

test('the production service loads nothing of the dev stack and no browser code', () => {
  const loaded = [...reachableFrom(path.join(SERVER, 'main.ts'))].map((file) => path.relative(ROOT, file));
  assert.ok(loaded.includes('src/server/graph/graphDirectory.ts'), 'the walk follows imports');
  assert.ok(loaded.includes('src/server/http/routes/standalonePageRoutes.ts'), 'the walk starts where production starts');
  assert.deepEqual(loaded.filter((file) => file.startsWith('src/server/devstack/') || file.startsWith('src/client/')), []);
});

test('main.ts imports the dev stack only dynamically, in dev mode', () => {
  const main = path.join(SERVER, 'main.ts');
  assert.deepEqual(runtimeImports(main).filter((file) => file.includes(`${path.sep}devstack${path.sep}`)), []);
  assert.match(fs.readFileSync(main, 'utf8'), /devMode \? await \(await import\('\.\/devstack\/devStack\.js'\)\)/, 'loaded when the auth mode is dev');
});

test('no server module imports browser code: shared pieces live in src/graphMiddleware', () => {
  const serverFiles = fs.readdirSync(SERVER, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts')).map((file) => path.join(SERVER, file));
  const intoClient = serverFiles.flatMap((file) => runtimeImports(file).filter((target) => target.includes(`${path.sep}src${path.sep}client${path.sep}`)).map((target) => `${path.relative(ROOT, file)} -> ${path.relative(ROOT, target)}`));
  assert.deepEqual(intoClient, []);
});
