/** A library of a catalog's site whose content can become lesson material. */
export interface SharePointLibrary {
  id: string;
  title: string;
  /** `documents`: a document library; `pages`: the Site Pages library. */
  kind: 'documents' | 'pages';
}

/** A document or page a lesson can link to. The LMS stores only `url`, never the content. */
export interface SharePointContentItem {
  title: string;
  fileName: string;
  kind: 'document' | 'page';
  /** Opens in SharePoint's own viewer: Office Online / the file viewer for documents, the page itself for pages. */
  url: string;
  modified: string;
}

/** Lesson materials from a catalog's SharePoint site (its `siteUrl`). */
export interface ISharePointContentService {
  listLibraries(siteUrl: string): Promise<SharePointLibrary[]>;
  listContent(siteUrl: string, library: SharePointLibrary): Promise<SharePointContentItem[]>;
}

/**
 * The address that opens a file in SharePoint's viewer. `?web=1` asks SharePoint for the browser view (Word, Excel
 * and PowerPoint for the web, the PDF and media viewers) instead of a download; pages are web pages already.
 */
export function sharePointViewerUrl(siteUrl: string, serverRelativeUrl: string, kind: SharePointContentItem['kind']): string {
  const url = new URL(encodeURI(serverRelativeUrl), siteUrl);
  if (kind === 'document') url.searchParams.set('web', '1');
  return url.toString();
}
