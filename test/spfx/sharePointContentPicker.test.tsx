/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ISharePointContentService, SharePointContentItem, SharePointLibrary } from '../../src/client/sharepoint/sharePointContent';
import { SharePointContentPicker } from '../../src/ui/sharepoint/SharePointContentPicker';

setIconOptions({ disableWarnings: true });

const SITE = 'https://contoso.sharepoint.com/sites/learning';
const pages: SharePointLibrary = { id: 'p', title: 'Site Pages', kind: 'pages' };
const documents: SharePointLibrary = { id: 'd', title: 'Documents', kind: 'documents' };
const welcome: SharePointContentItem = { title: 'Welcome', fileName: 'Welcome.aspx', kind: 'page', url: `${SITE}/SitePages/Welcome.aspx`, modified: '2026-11-01T00:00:00Z' };
const handbook: SharePointContentItem = { title: 'Handbook', fileName: 'handbook.pdf', kind: 'document', url: `${SITE}/Documents/handbook.pdf?web=1`, modified: '2026-11-02T00:00:00Z' };
const policy: SharePointContentItem = { title: 'Travel policy', fileName: 'travel.docx', kind: 'document', url: `${SITE}/Documents/travel.docx?web=1`, modified: '2026-11-03T00:00:00Z' };

function fakeService(failLibraries = 0): ISharePointContentService & { asked: string[] } {
  const asked: string[] = [];
  let failures = failLibraries;
  return {
    asked,
    async listLibraries(siteUrl) {
      asked.push(`libraries ${siteUrl}`);
      if (failures-- > 0) throw new Error('403');
      return [pages, documents];
    },
    async listContent(_siteUrl, library) {
      asked.push(`content ${library.id}`);
      return library.kind === 'pages' ? [welcome] : [handbook, policy];
    },
  };
}

describe('SharePointContentPicker', () => {
  it('lists the first library, switches library, filters, and hands back the picked link', async () => {
    const service = fakeService();
    const picked: SharePointContentItem[] = [];
    render(<SharePointContentPicker service={service} siteUrl={SITE} onPick={(item) => picked.push(item)} locale="en-GB" />);
    expect(await screen.findByRole('button', { name: 'Use Welcome' })).toBeTruthy();

    fireEvent.click(screen.getByRole('combobox', { name: /^Library/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Documents' }));
    expect(await screen.findByRole('button', { name: 'Use Travel policy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use Handbook' })).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'TRAVEL' } });
    expect(screen.queryByRole('button', { name: 'Use Handbook' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Use Travel policy' }));
    expect(picked).toEqual([policy]);
    expect(service.asked).toEqual([`libraries ${SITE}`, 'content p', 'content d']);
  });

  it('says so when SharePoint refuses, and tries again on request', async () => {
    const service = fakeService(1);
    render(<SharePointContentPicker service={service} siteUrl={SITE} onPick={() => undefined} />);
    expect(await screen.findByText(/SharePoint did not answer/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Use Welcome' })).toBeTruthy();
  });

  it('explains that a catalog without a site has nothing to pick from', async () => {
    const service = fakeService();
    render(<SharePointContentPicker service={service} siteUrl={null} onPick={() => undefined} />);
    expect(await screen.findByText(/not bound to a SharePoint site/)).toBeTruthy();
    expect(service.asked).toEqual([]);
  });
});
