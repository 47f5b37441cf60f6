// The Node service, compiled ahead of time into one CommonJS file: `node dist/server/main.js` needs no TypeScript
// tooling. Packages stay in node_modules (a production install, `npm ci --omit=dev`), except `jose`: it ships ES
// modules only, and a CommonJS require() of an ES module needs Node ≥ 20.19 / 22.12, so it is bundled in and the
// output runs on every Node that package.json `engines` allows.
import path from 'node:path';
import * as esbuild from 'esbuild';
import { PROJECT_DIR } from './buildPage.mjs';

/** Bundled into the output rather than required at run time (see above). */
const BUNDLED_PACKAGES = new Set(['jose']);

const packagesStayExternal = {
  name: 'packages-stay-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/** Writes `outDir/main.js` (and its source map). */
export async function buildServer(outDir) {
  const result = await esbuild.build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: [path.join(PROJECT_DIR, 'src', 'server', 'main.ts')],
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ['node20'],
    sourcemap: 'linked',
    // Source maps point at src/: `node --enable-source-maps` shows TypeScript lines in stack traces.
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [packagesStayExternal],
    metafile: true,
  });
  return result.metafile;
}
