import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import ts from 'typescript';
import { englishAdminStrings } from '../../src/ui/admin/adminStrings';
import { englishCatalogStrings } from '../../src/ui/catalog/catalogStrings';
import { englishCommonStrings } from '../../src/ui/common/commonStrings';
import { englishMyTrainingStrings } from '../../src/ui/myTraining/myTrainingStrings';
import { englishPlayerStrings } from '../../src/ui/player/playerStrings';
import { englishSetupStrings } from '../../src/ui/setup/setupStrings';
import { englishTeamStrings } from '../../src/ui/team/teamStrings';
import { loadStringsModule } from '../support/locFiles';

const root = path.resolve(__dirname, '../..');
const config = JSON.parse(readFileSync(path.join(root, 'config/config.json'), 'utf8'));

function readJsonWithComments(relativePath: string): any {
  const parsed = ts.parseConfigFileTextToJson(relativePath, readFileSync(path.join(root, relativePath), 'utf8'));
  if (parsed.error) throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n'));
  return parsed.config;
}


const components: Array<{ entrypoint: string; manifest: string }> = Object.values(config.bundles).flatMap((bundle: any) => bundle.components);
const WEB_PARTS = ['courseCatalog', 'myTraining', 'teamTraining', 'trainingAdmin'];
const LOCALES = ['en-us', 'de-de'];

describe('web part manifests and config.json', () => {
  it('bundle every web part, each on its own (see docs/benchmarks.md for why)', () => {
    expect(components.map((c) => c.manifest).sort()).toEqual(WEB_PARTS.map((name) => `./src/webparts/${name}/${name[0].toUpperCase()}${name.slice(1)}WebPart.manifest.json`).sort());
    for (const { entrypoint, manifest } of components) {
      expect(existsSync(path.join(root, entrypoint.replace('./lib/', 'src/').replace(/\.js$/, '.ts')))).toBe(true);
      expect(existsSync(path.join(root, manifest))).toBe(true);
    }
  });

  it('declare the three hosts, a unique id, no custom script, theme variants, and German titles', () => {
    const ids = new Set<string>();
    for (const { manifest: file } of components) {
      const manifest = readJsonWithComments(file);
      expect([...manifest.supportedHosts].sort()).toEqual(['SharePointWebPart', 'TeamsPersonalApp', 'TeamsTab']);
      expect(manifest.requiresCustomScript).toBe(false);
      expect(manifest.supportsThemeVariants).toBe(true);
      ids.add(manifest.id);
      const [entry] = manifest.preconfiguredEntries;
      for (const field of ['title', 'description', 'group']) expect(Object.keys(entry[field]).sort()).toEqual(['de-de', 'default']);
      expect(entry.properties).toMatchObject({ apiBaseUrl: '', apiResource: '' });
    }
    expect(ids.size).toBe(components.length);
  });

  it('map every strings module to loc files in English and German, each declared in a mystrings.d.ts', () => {
    const declarations = [...WEB_PARTS, 'common'].map((name) => readFileSync(path.join(root, `src/webparts/${name}/loc/mystrings.d.ts`), 'utf8')).join('\n');
    expect(Object.keys(config.localizedResources).sort()).toEqual(['AtriumSharedStrings', 'CourseCatalogWebPartStrings', 'MyTrainingWebPartStrings', 'TeamTrainingWebPartStrings', 'TrainingAdminWebPartStrings']);
    for (const [moduleName, resourcePath] of Object.entries(config.localizedResources) as Array<[string, string]>) {
      expect(declarations).toContain(`declare module '${moduleName}'`);
      for (const locale of LOCALES) expect(existsSync(path.join(root, resourcePath.replace(/^lib\//, 'src/').replace('{locale}', locale)))).toBe(true);
    }
  });
});

/** Every key of the English (deep), with the kind of value it holds: a translation must have the same. */
function shape(value: unknown, prefix = ''): string[] {
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => shape(inner, prefix ? `${prefix}.${key}` : key));
  return [`${prefix}: ${typeof value}`];
}

describe('German translations', () => {
  const stringsModules = Object.entries(config.localizedResources as Record<string, string>).map(([name, resource]) => ({
    name,
    load: (locale: string) => loadStringsModule(resource.replace(/^lib\//, 'src/').replace('{locale}', locale)),
  }));

  it('have every web part text the English has', () => {
    for (const { name, load } of stringsModules) {
      const english = load('en-us');
      const german = load('de-de');
      for (const key of Object.keys(english)) expect([name, key, typeof german[key]]).toEqual([name, key, typeof english[key]]);
    }
  });

  it('translate every text of the screens, with the same shape (functions where the English has functions)', () => {
    const load = (name: string): Record<string, unknown> => stringsModules.find((m) => m.name === name)!.load('de-de');
    const { common, ...catalogOwn } = englishCatalogStrings;
    const screens: Array<[string, unknown, unknown]> = [
      ['Common', englishCommonStrings, load('AtriumSharedStrings').Common],
      ['Player', (({ common: _c, ...own }) => own)(englishPlayerStrings), load('AtriumSharedStrings').Player],
      ['Catalog', catalogOwn, load('CourseCatalogWebPartStrings').Catalog],
      ['MyTraining', englishMyTrainingStrings, load('MyTrainingWebPartStrings').MyTraining],
      ['TeamTraining', (({ common: _c, ...own }) => own)(englishTeamStrings), load('TeamTrainingWebPartStrings').TeamTraining],
      ['Admin', (({ common: _c, ...own }) => own)(englishAdminStrings), load('TrainingAdminWebPartStrings').Admin],
      ['Setup', (({ common: _c, ...own }) => own)(englishSetupStrings), load('TrainingAdminWebPartStrings').Setup],
    ];
    expect(common).toBe(englishCommonStrings);
    expect(englishAdminStrings.common).toBe(englishCommonStrings);
    expect(englishSetupStrings.common).toBe(englishCommonStrings);
    for (const [screen, english, german] of screens) {
      const germanShape = new Set(shape(german));
      expect([screen, shape(english).filter((key) => !germanShape.has(key))]).toEqual([screen, []]);
    }
  });

  it('format numbers and plurals the German way', () => {
    const catalog = stringsModules.find((m) => m.name === 'CourseCatalogWebPartStrings')!.load('de-de').Catalog as typeof englishCatalogStrings;
    expect(catalog.lessonCount(1)).toBe('1 Lektion');
    expect(catalog.lessonCount(3)).toBe('3 Lektionen');
    expect(catalog.resultCount(2, 5)).toBe('2 von 5 Kursen passen');
    const admin = stringsModules.find((m) => m.name === 'TrainingAdminWebPartStrings')!.load('de-de').Admin as typeof englishAdminStrings;
    expect([admin.planCourseCount(1), admin.planCourseCount(4)]).toEqual(['1 Kurs', '4 Kurse']);
    expect(admin.assignDone(1, '1. Dez. 2026')).toBe('Zugewiesen an 1 Person, fällig am 1. Dez. 2026.');
    expect(admin.rulePreviewCounts(3, 1)).toBe('3 Personen passen derzeit (1 bereits angemeldet): Beim Speichern erhalten 2 Personen den Kurs.');
    expect(admin.chartLabel(admin.reportBy.byDepartment)).toMatch(/^Abschlussquote nach Abteilung, /);
    const setup = stringsModules.find((m) => m.name === 'TrainingAdminWebPartStrings')!.load('de-de').Setup as typeof englishSetupStrings;
    expect([setup.doneText(1, 'Schweiz Nord'), setup.doneText(250, 'Schweiz Nord')]).toEqual([
      '1 Person wurde aus Ihrem Verzeichnis gelesen. Deren Schulungsnachweise liegen in Schweiz Nord.',
      '250 Personen wurden aus Ihrem Verzeichnis gelesen. Deren Schulungsnachweise liegen in Schweiz Nord.',
    ]);
    expect(setup.steps).toHaveLength(englishSetupStrings.steps.length);
  });
});

it('every web part folder is in config.json (no web part left out of the package)', () => {
  const folders = readdirSync(path.join(root, 'src/webparts'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'common')
    .map((entry) => entry.name);
  expect(folders.sort()).toEqual(WEB_PARTS);
});

describe('Teams app', () => {
  const teams = JSON.parse(readFileSync(path.join(root, 'teams/manifest.json'), 'utf8'));

  it('is translated into German, every string the official localization schema allows, tab names included', () => {
    const schemaPath = require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json');
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
    ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    expect(teams.localizationInfo).toEqual({ defaultLanguageTag: 'en', additionalLanguages: [{ languageTag: 'de', file: 'de.json' }] });
    const german = JSON.parse(readFileSync(path.join(root, 'teams/de.json'), 'utf8'));
    expect([validate(german), validate.errors]).toEqual([true, null]);
    expect(Object.keys(german).filter((key) => key !== '$schema').sort()).toEqual(
      ['description.full', 'description.short', 'name.full', 'name.short', ...teams.staticTabs.map((_: unknown, i: number) => `staticTabs[${i}].name`)].sort(),
    );
  });

  const idOf = (name: string): string => readJsonWithComments(`src/webparts/${name}/${name[0].toUpperCase()}${name.slice(1)}WebPart.manifest.json`).id;

  it('opens My training and the Catalog as personal tabs, in that order', () => {
    expect(teams.staticTabs.map((tab: any) => [tab.entityId, tab.name, /componentId=([0-9a-f-]+)/.exec(tab.contentUrl)?.[1]])).toEqual([
      ['atrium-my-training', 'My training', idOf('myTraining')],
      ['atrium-catalog', 'Catalog', idOf('courseCatalog')],
    ]);
  });

  it('lets a team add a catalog or one course as a channel tab, configured in the Course catalog property pane', () => {
    const [channel] = teams.configurableTabs;
    expect(channel.configurationUrl).toContain(`openPropertyPane=true%26teams%26componentId=${idOf('courseCatalog')}%26`);
    expect(channel.canUpdateConfiguration).toBe(true);
    expect(channel.scopes).toEqual(['team', 'groupChat']);
    const entry = readJsonWithComments('src/webparts/courseCatalog/CourseCatalogWebPart.manifest.json').preconfiguredEntries[0];
    expect(Object.keys(entry.properties).sort()).toEqual(['apiBaseUrl', 'apiResource', 'catalogId', 'courseId']);
  });
});
