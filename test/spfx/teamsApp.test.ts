import assert from '../support/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';
import Ajv from 'ajv';
import ts from 'typescript';
import { readPngHeader, readRgbaPixels } from './pngFile';

const root = path.resolve(__dirname, '../..');
const readJson = (relativePath: string): any => JSON.parse(readFileSync(path.join(root, relativePath), 'utf8'));

/** SPFx component manifests are JSON with comments; TypeScript's reader handles those. */
function readJsonWithComments(relativePath: string): any {
  const parsed = ts.parseConfigFileTextToJson(relativePath, readFileSync(path.join(root, relativePath), 'utf8'));
  if (parsed.error) throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n'));
  return parsed.config;
}

const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/en-us\/json-schemas\/teams\/(v\d+\.\d+)\/MicrosoftTeams\.schema\.json$/;

/**
 * The official schema the manifest names in `$schema`, from Microsoft's `@microsoft/app-manifest` package (it ships
 * every published version under build/json-schemas/teams/<version>/).
 */
function officialTeamsSchemaPath(manifest: { $schema?: string }): string {
  const version = TEAMS_SCHEMA_URL.exec(manifest.$schema ?? '')?.[1];
  assert.ok(version, `teams/manifest.json names Microsoft's Teams schema in $schema: ${manifest.$schema}`);
  return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/${version}/MicrosoftTeams.schema.json`);
}

function teamsManifestValidator(schemaPath: string): Ajv.ValidateFunction {
  // The official schema is draft-04 but uses `const` (e.g. manifestVersion "1.29"); ajv 6 understands both.
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

const teamsManifest = readJson('teams/manifest.json');
const validate = teamsManifestValidator(officialTeamsSchemaPath(teamsManifest));
const webPartManifest = readJsonWithComments('src/webparts/myTraining/MyTrainingWebPart.manifest.json');
const packageSolution = readJson('config/package-solution.json');

test('teams/manifest.json validates against the official Teams schema', () => {
  const valid = validate(teamsManifest);
  assert.equal(valid, true, JSON.stringify(validate.errors, null, 2));
  assert.equal(teamsManifest.manifestVersion, '1.29');
  assert.ok(teamsManifest.$schema.includes(`/v${teamsManifest.manifestVersion}/`), 'the schema named is the manifest version\'s');
});

test('the validation rejects a broken manifest: missing id, wrong schema version, bad accent colour', () => {
  const withoutId = structuredClone(teamsManifest);
  delete withoutId.id;
  assert.equal(validate(withoutId), false);
  assert.ok(validate.errors?.some((e) => e.message?.includes("'id'")), JSON.stringify(validate.errors));

  assert.equal(validate({ ...teamsManifest, manifestVersion: '1.17' }), false);
  assert.equal(validate({ ...teamsManifest, accentColor: 'blue' }), false);
});

test('the icons exist with the sizes Teams requires: color 192x192, outline 32x32', () => {
  const color = readPngHeader(readFileSync(path.join(root, 'teams', teamsManifest.icons.color)));
  assert.deepEqual([color.width, color.height], [192, 192]);
  const outline = readPngHeader(readFileSync(path.join(root, 'teams', teamsManifest.icons.outline)));
  assert.deepEqual([outline.width, outline.height], [32, 32]);
});

test('the outline icon is white on transparent, and not empty', () => {
  const { rgba } = readRgbaPixels(readFileSync(path.join(root, 'teams', teamsManifest.icons.outline)));
  let visible = 0;
  let transparent = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3];
    if (alpha === 0) transparent++;
    else {
      visible++;
      assert.deepEqual([...rgba.subarray(i, i + 3)], [255, 255, 255], `pixel ${i / 4} is visible but not white`);
    }
  }
  assert.ok(visible > 50, 'the glyph is drawn');
  assert.ok(transparent > 300, 'the background is transparent');
});

/** Every web part of the solution, by component id. */
function webPartManifestsById(): Map<string, any> {
  const config = readJson('config/config.json');
  const manifests = Object.values(config.bundles).flatMap((bundle: any) => bundle.components.map((c: any) => readJsonWithComments(String(c.manifest).replace(/^\.\//, ''))));
  return new Map(manifests.map((manifest: any) => [manifest.id, manifest]));
}

test('every Teams tab opens a web part of the solution, through SharePoint as SPFx-hosted tabs must', () => {
  const webParts = webPartManifestsById();
  const componentOf = (url: string, prefix: string, suffix: string): string => {
    assert.ok(url.startsWith(prefix) && url.endsWith(suffix), url);
    return url.slice(prefix.length, url.length - suffix.length);
  };

  assert.ok(teamsManifest.staticTabs.length > 0);
  for (const tab of teamsManifest.staticTabs) {
    assert.deepEqual(tab.scopes, ['personal']);
    const id = componentOf(tab.contentUrl, 'https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx%3Fteams%26personal%26componentId=', '%26forceLocale={locale}');
    assert.ok(webParts.get(id)?.supportedHosts.includes('TeamsPersonalApp'), `${tab.entityId}: ${id} is a web part that may be a personal app`);
  }
  // The personal app opens on My training.
  assert.equal(teamsManifest.staticTabs[0].contentUrl.includes(`componentId=${webPartManifest.id}%26`), true);

  assert.ok(teamsManifest.configurableTabs.length > 0);
  for (const tab of teamsManifest.configurableTabs) {
    const id = componentOf(
      tab.configurationUrl,
      'https://{teamSiteDomain}{teamSitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest={teamSitePath}/_layouts/15/teamshostedapp.aspx%3FopenPropertyPane=true%26teams%26componentId=',
      '%26forceLocale={locale}',
    );
    assert.ok(webParts.get(id)?.supportedHosts.includes('TeamsTab'), `${id} is a web part that may be a channel tab`);
  }
  // Teams signs the user in to SharePoint (TeamsLogon.aspx); the web part then gets API tokens through SharePoint.
  assert.deepEqual(teamsManifest.webApplicationInfo, { resource: 'https://{teamSiteDomain}', id: '00000003-0000-0ff1-ce00-000000000000' });
});

test('the solution package asks for the API permission and is deployable tenant-wide', () => {
  const solution = packageSolution.solution;
  assert.deepEqual(solution.webApiPermissionRequests, [{ resource: 'Atrium LMS API', scope: 'access_as_user' }]);
  assert.equal(solution.skipFeatureDeployment, true);
  assert.equal(solution.includeClientSideAssets, true);
  assert.equal(solution.isDomainIsolated, false);
  assert.equal(packageSolution.paths.zippedPackage, 'solution/atrium-lms.sppkg');
  assert.notEqual(solution.id, teamsManifest.id);
  assert.notEqual(solution.id, webPartManifest.id);
});

test('config.json bundles every web part manifest and its localized strings', () => {
  const config = readJson('config/config.json');
  const components = Object.values(config.bundles).flatMap((bundle: any) => bundle.components);
  const bundled = components.map((c: any) => String(c.manifest).replace(/^\.\//, '')).sort();
  const webParts = readdirSync(path.join(root, 'src/webparts'))
    .flatMap((folder) => {
      const dir = path.join(root, 'src/webparts', folder);
      return statSync(dir).isDirectory() ? readdirSync(dir).filter((file) => file.endsWith('.manifest.json')).map((file) => `src/webparts/${folder}/${file}`) : [];
    })
    .sort();
  assert.deepEqual(bundled, webParts);
  assert.ok(bundled.includes('src/webparts/myTraining/MyTrainingWebPart.manifest.json'));
  for (const [moduleName, resourcePath] of Object.entries(config.localizedResources) as [string, string][]) {
    const source = resourcePath.replace(/^lib\//, 'src/').replace('{locale}', 'en-us');
    const stringsModule = readFileSync(path.join(root, path.dirname(source), 'mystrings.d.ts'), 'utf8');
    assert.ok(stringsModule.includes(`declare module '${moduleName}'`), `${moduleName} is declared`);
    assert.ok(readFileSync(path.join(root, source), 'utf8').includes('define('), `${source} is an AMD strings module`);
  }
});
