import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/**
 * Reads text back out of a PDF the way a PDF reader does: Mozilla's PDF.js maps each drawn glyph to Unicode through
 * the font's ToUnicode map and reports where it sits. PDF.js ships as ES modules only, which jest's CommonJS runtime
 * cannot load, so it runs in a child Node process; one process reads every PDF it is given.
 */
export interface PdfTextItem {
  text: string;
  /** Left edge and baseline, in PDF points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfTextItem[];
  /** Items on the same baseline joined left to right, top line first. */
  lines: string[];
}

const EXTRACTOR = `
import { getDocument } from ${JSON.stringify(pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href)};
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdfs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const out = [];
for (const base64 of pdfs) {
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const [, , width, height] = page.view;
  const content = await page.getTextContent();
  const items = content.items.filter((i) => 'str' in i && i.str.trim() !== '').map((i) => ({ text: i.str, x: i.transform[4], y: i.transform[5], width: i.width, height: i.height }));
  out.push({ width, height, items });
  await doc.destroy();
}
process.stdout.write(JSON.stringify(out));
`;

function joinLines(items: PdfTextItem[]): string[] {
  const byBaseline = new Map<number, PdfTextItem[]>();
  for (const item of items) {
    const key = Math.round(item.y * 10) / 10;
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
  }
  return [...byBaseline.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) =>
      row
        .sort((a, b) => a.x - b.x)
        .map((i) => i.text)
        .join(''),
    );
}

/** The text of the first page of each PDF. */
export async function extractPdfText(pdfs: Uint8Array[]): Promise<PdfPageText[]> {
  const input = JSON.stringify(pdfs.map((pdf) => Buffer.from(pdf).toString('base64')));
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, ['--input-type=module', '-e', EXTRACTOR], { maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
      error ? reject(new Error(`PDF text extraction failed: ${err || error.message}`)) : resolve(out),
    );
    child.stdin!.end(input);
  });
  const pages = JSON.parse(stdout) as Array<Omit<PdfPageText, 'lines'>>;
  return pages.map((page) => ({ ...page, lines: joinLines(page.items) }));
}
