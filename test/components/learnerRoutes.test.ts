import { describe, expect, it } from '@jest/globals';
import { parseRoute, routeHash, type AppRoute } from '../../src/app/appRoutes';
import { fileNameFromContentDisposition } from '../../src/client/http/readFileResponse';
import { filterCourses, NO_FILTER } from '../../src/ui/catalog/courseFilters';
import { materialKind } from '../../src/ui/player/materialKind';
import { courseSummary } from './fixtures/learningFixtures';

describe('the standalone page’s addresses', () => {
  it('reads screens and courses from the hash, or from the query when a link lost its hash', () => {
    expect(parseRoute('#/course/abc', '')).toEqual({ screen: 'course', courseId: 'abc' });
    expect(parseRoute('#course/abc/', '')).toEqual({ screen: 'course', courseId: 'abc' });
    expect(parseRoute('#/manage/k1', '')).toEqual({ screen: 'manage', catalogId: 'k1' });
    expect(parseRoute('#/team', '?course=ignored')).toEqual({ screen: 'team' });
    expect(parseRoute('', '?course=abc')).toEqual({ screen: 'course', courseId: 'abc' });
    expect(parseRoute('', '?screen=catalog')).toEqual({ screen: 'catalog' });
    expect(parseRoute('#/nowhere', '')).toBeNull();
    expect(parseRoute('', '')).toBeNull();
    expect(parseRoute('#/course/%E0%A4%A', '')).toBeNull();
  });

  it('writes every route so that reading it back gives the same route', () => {
    const routes: AppRoute[] = [
      { screen: 'training' },
      { screen: 'catalog' },
      { screen: 'course', courseId: 'a b/c' },
      { screen: 'team' },
      { screen: 'privacy' },
      { screen: 'manage', catalogId: null },
      { screen: 'manage', catalogId: 'k1' },
      { screen: 'admin' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route), '')).toEqual(route);
  });
});

describe('small helpers of the learner screens', () => {
  it('names a download from Content-Disposition', () => {
    expect(fileNameFromContentDisposition('attachment; filename="certificate-ATR-7K3M-QX9P-2WHD.pdf"')).toBe('certificate-ATR-7K3M-QX9P-2WHD.pdf');
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")).toBe('résumé.pdf');
    expect(fileNameFromContentDisposition('attachment')).toBeNull();
    expect(fileNameFromContentDisposition(null)).toBeNull();
  });

  it('tells SharePoint pages, documents, videos and links apart', () => {
    expect(materialKind('https://contoso.sharepoint.com/sites/l/page.aspx')).toBe('sharepoint-page');
    expect(materialKind('https://contoso.sharepoint.com/sites/l/doc.pdf')).toBe('document');
    expect(materialKind('https://contoso.sharepoint.com/sites/l/_layouts/15/stream.aspx?id=1')).toBe('video');
    expect(materialKind('https://support.microsoft.com/office/teams')).toBe('link');
    expect(materialKind('not a url')).toBe('link');
  });

  it('matches every search word in the title, summary or tags', () => {
    const courses = [courseSummary({ id: '1', title: 'GDPR for Everyone', tags: ['privacy'] }), courseSummary({ id: '2', title: 'Fire Safety', summary: 'Evacuation' })];
    expect(filterCourses(courses, { ...NO_FILTER, search: 'gdpr PRIVACY' }).map((c) => c.id)).toEqual(['1']);
    expect(filterCourses(courses, { ...NO_FILTER, search: 'evacuation' }).map((c) => c.id)).toEqual(['2']);
    expect(filterCourses(courses, { ...NO_FILTER, duration: 'short' }).map((c) => c.id)).toEqual(['1', '2']);
  });
});
