import { invalid } from '../../domain/errors';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded. Clients pass them back
 * untouched; anything that does not decode to the expected number of strings is a 400.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, fields: readonly string[]): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== fields.length || !key.every((k) => typeof k === 'string')) {
    throw invalid('cursor: not a cursor this list gave out; start again without one');
  }
  return key as string[];
}
