// The standalone page (src/app), built ahead of time: production serves these files and never bundles anything.
// `node scripts/buildPage.mjs <outDir>` builds the page alone (the tests use it); `npm run build` calls buildPage().
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIR = path.join(PROJECT_DIR, 'src', 'app');
const ICON_FONT_PACKAGE = '@fluentui/font-icons-mdl2';
const ICON_FONT_FILE = /^fabric-icons(?:-\d+)?-[0-9a-f]{8}\.woff$/;

/**
 * Writes into `outDir`: `index.html`, `app.js` (production React, minified, for current browsers), `icon.png` (the
 * Teams app's colour icon, so the tab and the page look the same) and `fonts/icons/*.woff` (the icon font of the very
 * `@fluentui/font-icons-mdl2` the bundle was built with: its file names carry a hash the code refers to).
 * Returns the files written, relative to `outDir`.
 */
export async function buildPage(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'fonts', 'icons'), { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: PROJECT_DIR,
    entryPoints: [path.join(APP_DIR, 'main.tsx')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    metafile: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  fs.copyFileSync(path.join(APP_DIR, 'index.html'), path.join(outDir, 'index.html'));
  fs.copyFileSync(path.join(PROJECT_DIR, 'teams', 'color.png'), path.join(outDir, 'icon.png'));

  const iconModule = Object.keys(result.metafile.inputs).find((input) => input.includes(`node_modules/${ICON_FONT_PACKAGE}/`));
  if (!iconModule) throw new Error(`the page bundle has no ${ICON_FONT_PACKAGE}: where do its icons come from?`);
  const fontDir = path.join(PROJECT_DIR, iconModule.slice(0, iconModule.indexOf(ICON_FONT_PACKAGE) + ICON_FONT_PACKAGE.length), 'fonts');
  const fonts = fs.readdirSync(fontDir).filter((file) => ICON_FONT_FILE.test(file));
  for (const font of fonts) fs.copyFileSync(path.join(fontDir, font), path.join(outDir, 'fonts', 'icons', font));
  return ['index.html', 'app.js', 'icon.png', ...fonts.map((font) => `fonts/icons/${font}`)];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node scripts/buildPage.mjs <outDir>');
    process.exit(2);
  }
  await buildPage(path.resolve(outDir));
}
