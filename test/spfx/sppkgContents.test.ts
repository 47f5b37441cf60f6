import { beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import ts from 'typescript';

/**
 * What `npm run package` produced (.ci/run builds it before `npm test`): the .sppkg SharePoint installs. It is an
 * Open Packaging zip: one `WebPart_<id>.xml` per component with its manifest, AppManifest.xml with the API
 * permission requests, and ClientSideAssets/ with the bundles, chunks, strings and the Teams app.
 */
const root = path.resolve(__dirname, '../..');
const SPPKG = path.join(root, 'sharepoint/solution/atrium-lms.sppkg');

function readJsonWithComments(relativePath: string): any {
  const parsed = ts.parseConfigFileTextToJson(relativePath, readFileSync(path.join(root, relativePath), 'utf8'));
  if (parsed.error) throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n'));
  return parsed.config;
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const config = JSON.parse(readFileSync(path.join(root, 'config/config.json'), 'utf8'));
const expectedWebParts: any[] = Object.values(config.bundles).flatMap((bundle: any) => bundle.components.map((c: any) => readJsonWithComments(c.manifest.replace(/^\.\//, ''))));

let pkg: JSZip;
let manifests: Map<string, any>;
let assetNames: string[];

beforeAll(async () => {
  if (!existsSync(SPPKG)) {
    throw new Error(`${path.relative(root, SPPKG)} is missing: run \`npm run package\` first (.ci/run does, before \`npm test\`).`);
  }
  pkg = await JSZip.loadAsync(readFileSync(SPPKG));
  manifests = new Map();
  for (const name of Object.keys(pkg.files).filter((n) => /(^|\/)WebPart_[0-9a-f-]+\.xml$/.test(n))) {
    const xml = await pkg.file(name)!.async('string');
    const attribute = /ComponentManifest="([^"]*)"/.exec(xml);
    if (!attribute) throw new Error(`${name} has no ComponentManifest`);
    const manifest = JSON.parse(unescapeXml(attribute[1]));
    manifests.set(manifest.id, manifest);
  }
  assetNames = Object.keys(pkg.files).filter((n) => n.startsWith('ClientSideAssets/') && !pkg.files[n].dir).map((n) => n.slice('ClientSideAssets/'.length));
});

describe('the SharePoint package (sharepoint/solution/atrium-lms.sppkg)', () => {
  it('holds every web part of config.json, each for SharePoint pages, Teams tabs and the Teams personal app', () => {
    expect([...manifests.keys()].sort()).toEqual(expectedWebParts.map((m) => m.id).sort());
    for (const expected of expectedWebParts) {
      const packaged = manifests.get(expected.id);
      expect([packaged.alias, [...packaged.supportedHosts].sort()]).toEqual([expected.alias, ['SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']]);
      expect(packaged.loaderConfig.internalModuleBaseUrls).toEqual(['HTTPS://SPCLIENTSIDEASSETLIBRARY/']);
    }
  });

  it('asks the tenant admin for the API permission of config/package-solution.json', async () => {
    const appManifest = await pkg.file('AppManifest.xml')!.async('string');
    const requests = [...appManifest.matchAll(/<WebApiPermissionRequest ResourceId="([^"]*)" Scope="([^"]*)"/g)].map((m) => ({ resource: unescapeXml(m[1]), scope: unescapeXml(m[2]) }));
    const solution = JSON.parse(readFileSync(path.join(root, 'config/package-solution.json'), 'utf8')).solution;
    expect(requests).toEqual(solution.webApiPermissionRequests);
    expect(requests.length).toBeGreaterThan(0);
    expect(appManifest).toContain('SkipFeatureDeployment="true"');
  });

  it('carries the Teams app: the zip SharePoint deploys to Teams, with the manifest of teams/ and its icons', async () => {
    expect(assetNames).toContain('TeamsSPFxApp.zip');
    const teamsZip = await JSZip.loadAsync(await pkg.file('ClientSideAssets/TeamsSPFxApp.zip')!.async('nodebuffer'));
    const packaged = JSON.parse(await teamsZip.file('manifest.json')!.async('string'));
    expect(packaged).toEqual(JSON.parse(readFileSync(path.join(root, 'teams/manifest.json'), 'utf8')));
    const translations = packaged.localizationInfo.additionalLanguages.map((language: { file: string }) => language.file);
    expect(translations).toEqual(['de.json']);
    for (const icon of [packaged.icons.color, packaged.icons.outline, ...translations]) {
      expect(Buffer.compare(await teamsZip.file(icon)!.async('nodebuffer'), readFileSync(path.join(root, 'teams', icon)))).toBe(0);
    }
    const tabComponents = [...packaged.staticTabs.map((t: any) => t.contentUrl), ...packaged.configurableTabs.map((t: any) => t.configurationUrl)].map(
      (url: string) => /componentId=([0-9a-f-]{36})/.exec(url)?.[1],
    );
    for (const id of tabComponents) expect(manifests.has(String(id))).toBe(true);
  });

  it('has no stale assets: every file is loaded by a packaged manifest, a bundle it loads, or is the Teams app', async () => {
    const text = async (name: string): Promise<string> => pkg.file(`ClientSideAssets/${name}`)!.async('string');
    const referenced = new Set<string>();
    for (const manifest of manifests.values()) {
      for (const resource of Object.values(manifest.loaderConfig.scriptResources) as any[]) {
        if (resource.type === 'path') referenced.add(resource.path);
        if (resource.type === 'localizedPath') for (const file of [resource.defaultPath, ...Object.values(resource.paths)]) referenced.add(file as string);
      }
    }
    // Bundles load their lazy chunks (webpack names them `chunk.<name>_<hash>.js` from maps in the runtime). Licence
    // comments are extracted next to the bundle they came from (a bundle without lazy chunks does not name its file).
    const bundles = [...referenced].filter((name) => assetNames.includes(name) && name.endsWith('.js'));
    const bundleTexts = await Promise.all(bundles.map(text));
    for (const name of assetNames) {
      const chunk = /^chunk\.(.+)_([0-9a-f]{20})\.js$/.exec(name);
      if (chunk && bundleTexts.some((source) => source.includes(chunk[2]) && source.includes(chunk[1]))) referenced.add(name);
      if (name.endsWith('.LICENSE.txt') && referenced.has(name.slice(0, -'.LICENSE.txt'.length))) referenced.add(name);
    }
    // The teams/ folder that package-solution copies: the app zip, and the files it was made from.
    const teamsZip = await JSZip.loadAsync(await pkg.file('ClientSideAssets/TeamsSPFxApp.zip')!.async('nodebuffer'));
    for (const name of ['TeamsSPFxApp.zip', ...Object.keys(teamsZip.files)]) referenced.add(name);

    expect(assetNames.filter((name) => !referenced.has(name))).toEqual([]);
    expect([...referenced].filter((name) => !assetNames.includes(name))).toEqual([]);
  });
});
