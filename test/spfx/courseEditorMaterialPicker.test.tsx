/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { describe, expect, it } from '@jest/globals';
import { setIconOptions } from '@fluentui/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sharePointViewerUrl, type ISharePointContentService, type SharePointLibrary } from '../../src/client/sharepoint/sharePointContent';
import type { Course, CourseInput, ITrainingAdminApi } from '../../src/client/trainingAdminApi';
import { CourseEditor } from '../../src/ui/admin/CourseEditor';

setIconOptions({ disableWarnings: true });

const SITE = 'https://contoso.sharepoint.com/sites/learning';
const pages: SharePointLibrary = { id: 'p', title: 'Site Pages', kind: 'pages' };
const documents: SharePointLibrary = { id: 'd', title: 'Documents', kind: 'documents' };
const HANDBOOK_VIEWER = sharePointViewerUrl(SITE, '/sites/learning/Shared Documents/Safety handbook.pdf', 'document');

/** A catalog site with a page and a document, as PnPjs would list them (documents open in SharePoint's viewer). */
function fakeContent(): ISharePointContentService & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async listLibraries(siteUrl) {
      asked.push(`libraries ${siteUrl}`);
      return [pages, documents];
    },
    async listContent(_siteUrl, library) {
      asked.push(`content ${library.id}`);
      return library.kind === 'pages'
        ? [{ title: 'Welcome', fileName: 'Welcome.aspx', kind: 'page', url: `${SITE}/SitePages/Welcome.aspx`, modified: '2026-11-01T00:00:00Z' }]
        : [{ title: 'Safety handbook', fileName: 'Safety handbook.pdf', kind: 'document', url: HANDBOOK_VIEWER, modified: '2026-11-02T00:00:00Z' }];
    },
  };
}

/** Only creating a course is called; it records what the editor saved. */
function fakeAdminApi(saved: CourseInput[]): ITrainingAdminApi {
  return {
    async createCourse(_catalogId: string, input: CourseInput) {
      saved.push(input);
      return { id: 'course-1', ...input } as unknown as Course;
    },
  } as unknown as ITrainingAdminApi;
}

const noop = (): void => undefined;

describe('CourseEditor with the SharePoint material picker', () => {
  it('fills a lesson’s material link with the viewer link of the picked document', async () => {
    const content = fakeContent();
    const saved: CourseInput[] = [];
    render(<CourseEditor api={fakeAdminApi(saved)} catalogId="cat-1" course={null} onSaved={noop} onCancel={noop} sharePointMaterial={{ service: content, siteUrl: SITE }} />);
    expect(content.asked).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Pick the material of Lesson 1 from SharePoint' }));
    fireEvent.click(await screen.findByRole('combobox', { name: /^Library/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Documents' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use Safety handbook' }));

    expect((screen.getByRole('textbox', { name: 'Material link' }) as HTMLInputElement).value).toBe(HANDBOOK_VIEWER);
    expect((screen.getByRole('textbox', { name: 'Lesson title' }) as HTMLInputElement).value).toBe('Safety handbook');
    expect(screen.queryByRole('button', { name: 'Use Safety handbook' })).toBeNull();
    expect(content.asked).toEqual([`libraries ${SITE}`, 'content p', 'content d']);

    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), { target: { value: 'Site safety' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /^Duration/ }), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save course' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].lessons).toEqual([{ title: 'Safety handbook', materialUrl: HANDBOOK_VIEWER }]);
  });

  it('offers no picker where the host has no SharePoint (the standalone page)', () => {
    render(<CourseEditor api={fakeAdminApi([])} catalogId="cat-1" course={null} onSaved={noop} onCancel={noop} />);
    expect(screen.getByRole('textbox', { name: 'Material link' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /from SharePoint/ })).toBeNull();
  });
});
