export type MaterialKind = 'sharepoint-page' | 'document' | 'video' | 'link';

const DOCUMENT = /\.(pdf|docx?|pptx?|xlsx?|txt|rtf|odt|odp|ods)$/i;
const VIDEO = /\.(mp4|webm|mov|m4v)$/i;

/** What a lesson's material is, from its address: a SharePoint page, a document, a video or another link. */
export function materialKind(url: string): MaterialKind {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return 'link';
  }
  if (/\/stream\.aspx$/i.test(pathname) || VIDEO.test(pathname)) return 'video';
  if (DOCUMENT.test(pathname)) return 'document';
  if (/\.aspx$/i.test(pathname)) return 'sharepoint-page';
  return 'link';
}
