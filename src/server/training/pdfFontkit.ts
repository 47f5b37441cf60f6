import { EventEmitter } from 'node:events';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Opens a font file with fontkit 2. pdf-lib's own fork (@pdf-lib/fontkit 1.1) writes TrueType subsets of the
 * current Noto fonts with most glyphs blank; fontkit 2 subsets them correctly and shapes the same way.
 */
export function openFont(bytes: Uint8Array): fontkit.Font {
  const opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('unitsPerEm' in opened)) throw new Error('a font collection where a single font was expected');
  return opened;
}

/**
 * fontkit 2 in the shape pdf-lib expects: pdf-lib reads a subset through the 1.x `encodeStream()` events, fontkit 2
 * gives the bytes at once from `encode()`.
 */
export const pdfLibFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    const font = openFont(bytes);
    const createSubset = font.createSubset.bind(font);
    const withStream = Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, {
          encodeStream: () => {
            const stream = new EventEmitter();
            queueMicrotask(() => {
              try {
                stream.emit('data', subset.encode());
                stream.emit('end');
              } catch (error) {
                stream.emit('error', error);
              }
            });
            return stream;
          },
        });
      },
    });
    return withStream as unknown as ReturnType<Fontkit['create']>;
  },
};
