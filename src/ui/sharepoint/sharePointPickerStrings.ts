/** Every text the SharePoint material picker shows; hosts pass a translation, English is the default. */
export interface SharePointPickerStrings {
  title: string;
  noSite: string;
  library: string;
  loadingLibraries: string;
  loadingContent: string;
  loadFailed: string;
  retry: string;
  noLibraries: string;
  search: string;
  empty: string;
  noMatches: string;
  kinds: { document: string; page: string };
  use: (title: string) => string;
  modified: (date: string) => string;
}

export const englishSharePointPickerStrings: SharePointPickerStrings = {
  title: 'Material from SharePoint',
  noSite: 'This catalog is not bound to a SharePoint site yet, so there is nothing to pick from.',
  library: 'Library',
  loadingLibraries: 'Loading the libraries…',
  loadingContent: 'Loading the documents and pages…',
  loadFailed: 'SharePoint did not answer. You may not have access to this site.',
  retry: 'Try again',
  noLibraries: 'This site has no document library or pages you can see.',
  search: 'Filter by title or file name',
  empty: 'This library is empty.',
  noMatches: 'Nothing matches.',
  kinds: { document: 'Document', page: 'Page' },
  use: (title) => `Use ${title}`,
  modified: (date) => `Changed ${date}`,
};
