/**
 * Bundle sizes of the SPFx web parts, as the .sppkg ships them: `npx tsx bench/bundleSizes.ts` after `npm run package`.
 *
 * Per web part: its own bundle (what a page with only that web part downloads before it renders, besides what
 * SharePoint provides), its English strings, and the lazy chunks it loads when a course is opened. SharePoint
 * provides React, ReactDOM, the @microsoft/sp-* libraries, tslib and the Graph client (the manifest lists them as
 * `component` resources): they are not in our bundles. Fluent UI (@fluentui/react) is not provided by SPFx 1.23's rig:
 * it is in every bundle, as far as tree shaking leaves it.
 *
 * `--why` adds where the bytes come from: each web part's entry (the SPFx compiler's output in lib/) bundled again with
 * esbuild, minified, SharePoint's libraries external, and its inputs grouped by package, lazy chunks included. An
 * approximation of webpack's output (different minifier, no SPFx wrapper), good for proportions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..');
const SPPKG = path.join(ROOT, 'sharepoint/solution/atrium-lms.sppkg');
/** The learner web parts' budget; Training admin, used by few and holding every admin tab, has 200 KB (its issue's target). */
const LEARNER_BUDGET_GZIP_BYTES = 150 * 1024;
const BUDGET_GZIP_BYTES: Record<string, number> = { AtriumTrainingAdminWebPart: 200 * 1024 };
const budgetOf = (alias: string): number => BUDGET_GZIP_BYTES[alias] ?? LEARNER_BUDGET_GZIP_BYTES;

interface WebPartSizes {
  alias: string;
  bundle: string;
  bundleBytes: number;
  bundleGzip: number;
  stringsGzip: number;
  lazyChunks: Array<{ name: string; gzip: number }>;
  provided: string[];
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const gzip = (data: Buffer): number => gzipSync(data, { level: 9 }).length;

async function measurePackage(): Promise<WebPartSizes[]> {
  if (!existsSync(SPPKG)) throw new Error(`${path.relative(ROOT, SPPKG)} is missing: run \`npm run package\` first.`);
  const pkg = await JSZip.loadAsync(readFileSync(SPPKG));
  const asset = async (name: string): Promise<Buffer> => pkg.file(`ClientSideAssets/${name}`)!.async('nodebuffer');
  const assets = Object.keys(pkg.files).filter((n) => n.startsWith('ClientSideAssets/')).map((n) => n.slice('ClientSideAssets/'.length));
  const results: WebPartSizes[] = [];
  for (const name of Object.keys(pkg.files).filter((n) => /WebPart_[0-9a-f-]+\.xml$/.test(n))) {
    const xml = await pkg.file(name)!.async('string');
    const manifest = JSON.parse(/ComponentManifest="([^"]*)"/.exec(xml)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const resources = Object.entries(manifest.loaderConfig.scriptResources) as Array<[string, any]>;
    const bundle = resources.find(([id]) => id === manifest.loaderConfig.entryModuleId)![1].path as string;
    const bundleData = await asset(bundle);
    const source = bundleData.toString('utf8');
    let stringsGzip = 0;
    for (const [, resource] of resources.filter(([, r]) => r.type === 'localizedPath')) stringsGzip += gzip(await asset(resource.paths['en-US'] ?? resource.defaultPath));
    const lazyChunks = [];
    for (const chunk of assets) {
      const match = /^chunk\.(.+)_([0-9a-f]{20})\.js$/.exec(chunk);
      if (match && source.includes(match[2])) lazyChunks.push({ name: chunk, gzip: gzip(await asset(chunk)) });
    }
    results.push({
      alias: manifest.alias,
      bundle,
      bundleBytes: bundleData.length,
      bundleGzip: gzip(bundleData),
      stringsGzip,
      lazyChunks,
      provided: resources.filter(([, r]) => r.type === 'component').map(([id]) => id),
    });
  }
  return results.sort((a, b) => a.alias.localeCompare(b.alias));
}

/** Where the bytes of each web part's bundle come from, by package, from an esbuild re-bundle of lib/. */
async function explain(): Promise<void> {
  const esbuild = await import('esbuild');
  const config = JSON.parse(readFileSync(path.join(ROOT, 'config/config.json'), 'utf8'));
  const external = ['react', 'react-dom', '@microsoft/sp-*', 'tslib', '@microsoft/microsoft-graph-client', '*Strings'];
  for (const [bundleName, bundle] of Object.entries(config.bundles) as Array<[string, any]>) {
    const entry = path.join(ROOT, bundle.components[0].entrypoint);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first.`);
    const result = await esbuild.build({ entryPoints: [entry], bundle: true, minify: true, write: false, metafile: true, format: 'esm', splitting: false, outdir: '/tmp/atrium-bundle-why', external, logLevel: 'silent', target: 'es2017' });
    // Without splitting, esbuild inlines what the web part loads lazily (the course player): counted here too.
    const output = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)![1];
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? `src/${input.replace(/^lib\//, '').split('/').slice(0, 2).join('/')}`;
      byPackage.set(packageName, (byPackage.get(packageName) ?? 0) + bytesInOutput);
    }
    const total = [...byPackage.values()].reduce((a, b) => a + b, 0);
    console.log(`\n${bundleName} (esbuild re-bundle, minified ${kb(total)}): where the bytes come from`);
    for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${name.padEnd(44)} ${kb(bytes).padStart(9)}  ${((100 * bytes) / total).toFixed(0).padStart(3)}%`);
  }
}

async function main(): Promise<void> {
  const sizes = await measurePackage();
  console.log('| web part | bundle (minified) | bundle (gzip) | + strings en-us (gzip) | lazy chunks it can load (gzip) | within budget (gzip) |');
  console.log('|---|---|---|---|---|---|');
  for (const s of sizes) {
    const chunks = s.lazyChunks.map((c) => `${c.name.replace(/_[0-9a-f]{20}\.js$/, '')} ${kb(c.gzip)}`).join(', ') || 'none';
    console.log(`| ${s.alias} | ${kb(s.bundleBytes)} | **${kb(s.bundleGzip)}** | ${kb(s.stringsGzip)} | ${chunks} | ${s.bundleGzip < budgetOf(s.alias) ? 'yes' : '**no**'}: ${kb(budgetOf(s.alias))} |`);
  }
  console.log(`\nProvided by SharePoint, not in the bundles: ${[...new Set(sizes.flatMap((s) => s.provided))].sort().join(', ')}`);
  if (process.argv.includes('--why')) await explain();
  if (sizes.some((s) => s.bundleGzip >= budgetOf(s.alias))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
