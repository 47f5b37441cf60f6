// `npm run build`: the service and the standalone page, compiled ahead of time into dist/.
//   dist/server/main.js   the service (`node dist/server/main.js`, dev dependencies not needed)
//   dist/app/             the standalone page: index.html, app.js, icon.png, fonts/icons/
// The SharePoint package is built separately: `npm run package` (or `npm run build:spfx` for a debug bundle).
import fs from 'node:fs';
import path from 'node:path';
import { buildPage, PROJECT_DIR } from './buildPage.mjs';
import { buildServer } from './buildServer.mjs';

const DIST_DIR = path.join(PROJECT_DIR, 'dist');

const started = performance.now();
fs.rmSync(path.join(DIST_DIR, 'server'), { recursive: true, force: true });
const [, pageFiles] = await Promise.all([buildServer(path.join(DIST_DIR, 'server')), buildPage(path.join(DIST_DIR, 'app'))]);

const size = (file) => `${Math.round(fs.statSync(path.join(DIST_DIR, file)).size / 1024)} KiB`;
console.log(
  `built in ${Math.round(performance.now() - started)} ms: dist/server/main.js (${size('server/main.js')}), ` +
    `dist/app/app.js (${size('app/app.js')}) and ${pageFiles.length - 1} more page files`,
);
