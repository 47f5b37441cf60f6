import { EventEmitter } from 'node:events';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Fonts are opened with fontkit 2. pdf-lib's own fork (@pdf-lib/fontkit 1.1) writes TrueType subsets of the current
 * Noto fonts with most glyphs blank; fontkit 2 subsets them correctly and shapes the same way.
 */

/** One parsed font per file, shared by measuring and by every PDF (fontkit caches shaping tables on it). */
const opened = new WeakMap<Uint8Array, fontkit.Font>();

/** pdf-lib reads a subset through fontkit 1's `encodeStream()` events; fontkit 2 gives the bytes at once from `encode()`. */
function withSubsetStream(font: fontkit.Font): fontkit.Font {
  const createSubset = font.createSubset.bind(font);
  return Object.assign(font, {
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
}

/** The parsed font of a file's bytes; pass the same array for the same file to parse it once. */
export function openFont(bytes: Uint8Array): fontkit.Font {
  let font = opened.get(bytes);
  if (!font) {
    const parsed = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!('unitsPerEm' in parsed)) throw new Error('a font collection where a single font was expected');
    font = withSubsetStream(parsed);
    opened.set(bytes, font);
  }
  return font;
}

/** fontkit 2 in the shape pdf-lib's `registerFontkit` expects. */
export const pdfLibFontkit: Fontkit = {
  create: (bytes: Uint8Array) => openFont(bytes) as unknown as ReturnType<Fontkit['create']>,
};
