import type { SPFI } from '@pnp/sp';
import { Web } from '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { type ISharePointContentService, type SharePointContentItem, type SharePointLibrary, sharePointViewerUrl } from './sharePointContent';

export type { ISharePointContentService, SharePointContentItem, SharePointLibrary };

/** SharePoint list templates: 101 is a document library, 119 the Site Pages library. */
const DOCUMENT_LIBRARY = 101;
const SITE_PAGES = 119;
/** A picker lists the most recently changed files; a longer list is a search problem, not a picking one. */
const MOST_RECENT = 500;

interface ListRow {
  Id: string;
  Title: string;
  BaseTemplate: number;
}

interface FileRow {
  Title: string | null;
  FileLeafRef: string;
  FileRef: string;
  Modified: string;
}

/**
 * ISharePointContentService over PnPjs. `sp` is configured once by the host (`spfi().using(SPFx(context))` in a
 * web part's onInit); a catalog's site is reached from it with `Web([sp.web, siteUrl])`, which keeps its behaviors
 * (authentication, headers, parsing).
 */
export class PnPSharePointContentService implements ISharePointContentService {
  private readonly sp: SPFI;

  constructor(sp: SPFI) {
    this.sp = sp;
  }

  async listLibraries(siteUrl: string): Promise<SharePointLibrary[]> {
    const lists: ListRow[] = await Web([this.sp.web, siteUrl])
      .lists.select('Id', 'Title', 'BaseTemplate')
      .filter(`Hidden eq false and (BaseTemplate eq ${DOCUMENT_LIBRARY} or BaseTemplate eq ${SITE_PAGES})`)();
    return lists
      .map((list) => ({ id: list.Id, title: list.Title, kind: list.BaseTemplate === SITE_PAGES ? ('pages' as const) : ('documents' as const) }))
      .sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'pages' ? -1 : 1));
  }

  async listContent(siteUrl: string, library: SharePointLibrary): Promise<SharePointContentItem[]> {
    const rows: FileRow[] = await Web([this.sp.web, siteUrl])
      .lists.getById(library.id)
      .items.select('Title', 'FileLeafRef', 'FileRef', 'Modified')
      .filter('FSObjType eq 0')
      .orderBy('Modified', false)
      .top(MOST_RECENT)();
    const kind = library.kind === 'pages' ? 'page' : 'document';
    return rows.map((row) => ({
      title: row.Title || row.FileLeafRef.replace(/\.[^.]+$/, ''),
      fileName: row.FileLeafRef,
      kind,
      url: sharePointViewerUrl(siteUrl, row.FileRef, kind),
      modified: row.Modified,
    }));
  }
}
