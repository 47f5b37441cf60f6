import type { DownloadedFile } from '../httpPort';
import { lmsApiErrorFromResponse } from '../lmsApiError';

/** The part of a response both `fetch`'s Response and SPFx's HttpClientResponse offer for a file. */
export interface FileResponseLike {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  blob(): Promise<Blob>;
}

/** `attachment; filename="certificate-ATR-….pdf"` → `certificate-ATR-….pdf`; null when the header names no file. */
export function fileNameFromContentDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = plain ? (plain[1] ?? plain[2] ?? '').trim() : '';
  return name || null;
}

/** The file of a successful response, or the LmsApiError the failure maps to. */
export async function readFileResponse(response: FileResponseLike): Promise<DownloadedFile> {
  if (!response.ok) throw lmsApiErrorFromResponse(response.status, response.statusText, await response.text());
  return { blob: await response.blob(), fileName: fileNameFromContentDisposition(response.headers.get('Content-Disposition')) };
}
