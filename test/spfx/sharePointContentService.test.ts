import { describe, expect, it } from '@jest/globals';
import { spfi, type SPFI } from '@pnp/sp';
import { DefaultHeaders, DefaultInit } from '@pnp/sp/behaviors/defaults';
import { DefaultParse, type Queryable } from '@pnp/queryable';
import { PnPSharePointContentService } from '../../src/client/sharepoint/sharePointContentService';
import { sharePointViewerUrl } from '../../src/client/sharepoint/sharePointContent';

const SITE = 'https://contoso.sharepoint.com/sites/learning';

interface SentRequest {
  url: URL;
  method: string;
  accept: string | null;
}

/**
 * The PnPjs pipeline the web part uses (default headers, init and parsing, as the SPFx behavior sets them up), with
 * the network replaced: a behavior that answers every send from `answer`, so no tenant is needed.
 */
function fakeSharePoint(answer: (url: URL) => unknown): { sp: SPFI; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fakeFetch = (instance: Queryable): Queryable => {
    instance.on.send.clear();
    instance.on.send(async (url: URL, init: RequestInit) => {
      const parsed = new URL(url.toString());
      sent.push({ url: parsed, method: init.method ?? 'GET', accept: new Headers(init.headers).get('Accept') });
      const body = answer(parsed);
      if (body === undefined) return new Response(JSON.stringify({ 'odata.error': { message: { value: 'Access denied.' } } }), { status: 403 });
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    return instance;
  };
  return { sp: spfi(SITE).using(DefaultHeaders(), DefaultInit(), DefaultParse(), fakeFetch), sent };
}

describe('PnPSharePointContentService', () => {
  it('lists the visible document libraries and the Site Pages library of the catalog site, pages first', async () => {
    const { sp, sent } = fakeSharePoint(() => [
      { Id: 'd1', Title: 'Training documents', BaseTemplate: 101 },
      { Id: 'p1', Title: 'Site Pages', BaseTemplate: 119 },
      { Id: 'd0', Title: 'Handbooks', BaseTemplate: 101 },
    ]);
    const libraries = await new PnPSharePointContentService(sp).listLibraries(`${SITE}/onboarding`);
    expect(libraries).toEqual([
      { id: 'p1', title: 'Site Pages', kind: 'pages' },
      { id: 'd0', title: 'Handbooks', kind: 'documents' },
      { id: 'd1', title: 'Training documents', kind: 'documents' },
    ]);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request.method).toBe('GET');
    expect(request.url.origin + request.url.pathname).toBe(`${SITE}/onboarding/_api/web/lists`);
    expect(request.url.searchParams.get('$select')).toBe('Id,Title,BaseTemplate');
    expect(request.url.searchParams.get('$filter')).toBe('Hidden eq false and (BaseTemplate eq 101 or BaseTemplate eq 119)');
    expect(request.accept).toBe('application/json');
  });

  it('lists a library\'s files, newest first, as links that open in SharePoint\'s viewer', async () => {
    const { sp, sent } = fakeSharePoint(() => [
      { Title: null, FileLeafRef: 'Code of Conduct 2026.docx', FileRef: '/sites/learning/Shared Documents/Code of Conduct 2026.docx', Modified: '2026-11-20T10:00:00Z' },
      { Title: 'Fire safety', FileLeafRef: 'fire.pdf', FileRef: '/sites/learning/Shared Documents/Safety/fire.pdf', Modified: '2026-10-01T08:00:00Z' },
    ]);
    const items = await new PnPSharePointContentService(sp).listContent(SITE, { id: 'd1', title: 'Documents', kind: 'documents' });
    expect(items).toEqual([
      {
        title: 'Code of Conduct 2026',
        fileName: 'Code of Conduct 2026.docx',
        kind: 'document',
        url: 'https://contoso.sharepoint.com/sites/learning/Shared%20Documents/Code%20of%20Conduct%202026.docx?web=1',
        modified: '2026-11-20T10:00:00Z',
      },
      {
        title: 'Fire safety',
        fileName: 'fire.pdf',
        kind: 'document',
        url: 'https://contoso.sharepoint.com/sites/learning/Shared%20Documents/Safety/fire.pdf?web=1',
        modified: '2026-10-01T08:00:00Z',
      },
    ]);
    const [request] = sent;
    expect(request.url.pathname).toBe("/sites/learning/_api/web/lists('d1')/items");
    expect(request.url.searchParams.get('$filter')).toBe('FSObjType eq 0');
    expect(request.url.searchParams.get('$orderby')).toBe('Modified desc');
    expect(request.url.searchParams.get('$top')).toBe('500');
  });

  it('gives pages their own address, without the viewer parameter', async () => {
    const { sp } = fakeSharePoint(() => [
      { Title: 'Welcome to sales', FileLeafRef: 'Welcome.aspx', FileRef: '/sites/learning/SitePages/Welcome.aspx', Modified: '2026-11-01T00:00:00Z' },
    ]);
    const [page] = await new PnPSharePointContentService(sp).listContent(SITE, { id: 'p1', title: 'Site Pages', kind: 'pages' });
    expect(page).toMatchObject({ title: 'Welcome to sales', kind: 'page', url: 'https://contoso.sharepoint.com/sites/learning/SitePages/Welcome.aspx' });
  });

  it('rejects when SharePoint refuses, so the picker can say so', async () => {
    const { sp } = fakeSharePoint(() => undefined);
    await expect(new PnPSharePointContentService(sp).listLibraries(SITE)).rejects.toThrow(/403/);
  });
});

describe('sharePointViewerUrl', () => {
  it('asks for the browser view of documents and keeps pages as they are', () => {
    expect(sharePointViewerUrl(SITE, '/sites/learning/Docs/a b.pptx', 'document')).toBe('https://contoso.sharepoint.com/sites/learning/Docs/a%20b.pptx?web=1');
    expect(sharePointViewerUrl(SITE, '/sites/learning/SitePages/Home.aspx', 'page')).toBe('https://contoso.sharepoint.com/sites/learning/SitePages/Home.aspx');
  });
});
