import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogView, ILearningApi } from '../../src/client/learningApi';
import { catalogsInScope, scopeToCatalog } from '../../src/webparts/common/catalogScope';
import { courseLink, deepLinkTarget, firstDeepLinkTarget, pageCourseLink, TEAMS_APP, teamsCourseDeepLink } from '../../src/webparts/common/deepLink';
import { resolveApiConnection } from '../../src/webparts/common/apiConnection';
import { withEnglishFallback } from '../../src/webparts/common/withEnglishFallback';

const root = path.resolve(__dirname, '../..');

describe('deep links', () => {
  it('read the course from a Teams subEntityId or a page hash, in the #/course/{id} convention', () => {
    expect(deepLinkTarget('#/course/abc')).toEqual({ kind: 'course', courseId: 'abc' });
    expect(deepLinkTarget('course/abc')).toEqual({ kind: 'course', courseId: 'abc' });
    expect(deepLinkTarget('/course/a%20b/')).toEqual({ kind: 'course', courseId: 'a b' });
    expect(deepLinkTarget('')).toEqual({ kind: 'none' });
    expect(deepLinkTarget(undefined)).toEqual({ kind: 'none' });
    expect(deepLinkTarget('#/catalog/abc')).toEqual({ kind: 'none' });
    expect(deepLinkTarget('#/course/%E0%A4%A')).toEqual({ kind: 'none' });
  });

  it('read a course from the query when a mail client dropped the hash, as the standalone page does', () => {
    expect(deepLinkTarget('', '?course=abc')).toEqual({ kind: 'course', courseId: 'abc' });
    expect(deepLinkTarget('#/course/from-hash', '?course=abc')).toEqual({ kind: 'course', courseId: 'from-hash' });
    expect(deepLinkTarget('', '?screen=team')).toEqual({ kind: 'none' });
  });

  it('prefer the Teams sub-entity over the page hash, and fall back to the hash', () => {
    expect(firstDeepLinkTarget('course/from-teams', '#/course/from-hash')).toEqual({ kind: 'course', courseId: 'from-teams' });
    expect(firstDeepLinkTarget(undefined, '#/course/from-hash')).toEqual({ kind: 'course', courseId: 'from-hash' });
  });

  it('round-trip: the links the web parts hand out open the same course', () => {
    const id = '6f2c…/odd id';
    expect(deepLinkTarget(courseLink(id))).toEqual({ kind: 'course', courseId: id });
    const page = pageCourseLink({ origin: 'https://contoso.sharepoint.com', pathname: '/sites/learning/SitePages/Training.aspx', search: '?a=1' }, id);
    expect(deepLinkTarget(new URL(page).hash)).toEqual({ kind: 'course', courseId: id });
    const teams = new URL(teamsCourseDeepLink(TEAMS_APP.catalogEntityId, id));
    expect(teams.origin).toBe('https://teams.microsoft.com');
    expect(teams.pathname).toBe(`/l/entity/${TEAMS_APP.id}/${TEAMS_APP.catalogEntityId}`);
    const context = JSON.parse(teams.searchParams.get('context') ?? '{}');
    expect(deepLinkTarget(context.subEntityId)).toEqual({ kind: 'course', courseId: id });
  });

  it('name the Teams app and tabs of teams/manifest.json', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'teams/manifest.json'), 'utf8'));
    expect(TEAMS_APP.id).toBe(manifest.id);
    expect(manifest.staticTabs.map((tab: { entityId: string }) => tab.entityId)).toEqual([TEAMS_APP.myTrainingEntityId, TEAMS_APP.catalogEntityId]);
  });
});

function catalog(id: string, siteUrl: string | null): CatalogView {
  return { id, name: id, description: '', siteUrl, createdAt: '2026-01-01T00:00:00.000Z', canManage: false };
}

describe('catalog scope', () => {
  const catalogs = [catalog('a', null), catalog('b', 'https://contoso.sharepoint.com/sites/Sales/'), catalog('c', 'https://contoso.sharepoint.com/sites/hr')];

  it('shows only the configured catalog', () => {
    expect(catalogsInScope(catalogs, { catalogId: 'c', siteUrl: '' }).map((c) => c.id)).toEqual(['c']);
    expect(catalogsInScope(catalogs, { catalogId: 'gone', siteUrl: '' })).toEqual([]);
  });

  it('puts the catalog bound to this site first when none is configured', () => {
    expect(catalogsInScope(catalogs, { catalogId: '', siteUrl: 'https://contoso.sharepoint.com/sites/sales' }).map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(catalogsInScope(catalogs, { catalogId: '', siteUrl: 'https://contoso.sharepoint.com/sites/other' }).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('passes every other call through to the API unchanged', async () => {
    const calls: string[] = [];
    const api = {
      listCatalogs: async () => catalogs,
      listCourses: async function (this: unknown, catalogId: string) {
        calls.push(`courses ${catalogId} ${this === api}`);
        return [];
      },
    } as unknown as ILearningApi;
    const scoped = scopeToCatalog(api, { catalogId: 'b', siteUrl: '' });
    expect((await scoped.listCatalogs()).map((c) => c.id)).toEqual(['b']);
    await scoped.listCourses('b');
    expect(calls).toEqual(['courses b true']);
  });
});

describe('API connection', () => {
  const tenant = { apiBaseUrl: 'https://atrium.contoso.com', apiResource: 'api://atrium' };
  it('takes the web part properties first, then the tenant properties', () => {
    expect(resolveApiConnection({ apiBaseUrl: '', apiResource: '' }, tenant)).toEqual(tenant);
    expect(resolveApiConnection({ apiBaseUrl: ' https://other.example ', apiResource: '' }, tenant)).toEqual({ apiBaseUrl: 'https://other.example', apiResource: 'api://atrium' });
  });
  it('is absent until an HTTPS address and a resource are known', () => {
    expect(resolveApiConnection({ apiBaseUrl: '', apiResource: '' }, { apiBaseUrl: '', apiResource: '' })).toBeUndefined();
    expect(resolveApiConnection({ apiBaseUrl: 'http://atrium.contoso.com', apiResource: 'x' }, tenant)).toBeUndefined();
  });
});

describe('withEnglishFallback', () => {
  const english = { title: 'Title', count: (n: number) => `${n} items`, group: { a: 'A', b: 'B' } };
  it('keeps the English of every key a translation lacks, one level down too', () => {
    const merged = withEnglishFallback(english, { title: 'Titel', group: { a: 'Ä' } as typeof english.group });
    expect(merged.title).toBe('Titel');
    expect(merged.count(2)).toBe('2 items');
    expect(merged.group).toEqual({ a: 'Ä', b: 'B' });
    expect(english.group).toEqual({ a: 'A', b: 'B' });
  });
  it('is the English itself without a translation', () => {
    expect(withEnglishFallback(english, undefined)).toBe(english);
  });
});
