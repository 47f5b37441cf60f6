import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FontFace, FontWeight } from './certificateFonts';
import { fitText, type TextBlock } from './certificateText';
import { pdfLibFontkit } from './pdfFontkit';

export interface CertificateContent {
  learnerName: string;
  courseTitle: string;
  organisation: string;
  issuedAt: string;
  verificationCode: string;
  /** Where anyone can check the certificate without signing in; printed in full. */
  verificationUrl: string;
}

/** A4 landscape, in points. */
const PAGE = { width: 842, height: 595 };
export const CERTIFICATE_FRAME = { x: 24, y: 24, width: 794, height: 547 };
/** Text stays this far inside the frame on the left and right. */
const TEXT_MARGIN = 48;
const TEXT_WIDTH = CERTIFICATE_FRAME.width - 2 * TEXT_MARGIN;
const LINE_HEIGHT = 1.3;
/** The main text is centred vertically in this band; the verification lines sit below it. */
const BODY_TOP = 540;
const BODY_BOTTOM = 120;
const INK = rgb(0.12, 0.16, 0.22);

interface Block {
  text: string;
  weight: FontWeight;
  size: number;
  minSize: number;
  maxLines: number;
  gapBefore: number;
}

const blockHeight = (laid: TextBlock): number => laid.lines.length * laid.size * LINE_HEIGHT;

/** Embeds each face a certificate uses once, as a subset of the glyphs drawn (pdf-lib writes its ToUnicode map). */
class EmbeddedFonts {
  private readonly embedded = new Map<string, PDFFont>();

  constructor(private readonly pdf: PDFDocument) {}

  async prepare(blocks: TextBlock[]): Promise<void> {
    for (const run of blocks.flatMap((b) => b.lines.flatMap((l) => l.runs))) {
      if (!this.embedded.has(run.face.key)) this.embedded.set(run.face.key, await this.pdf.embedFont(run.face.fileBytes(), { subset: true, features: { ...run.face.features } }));
    }
  }

  font(face: FontFace): PDFFont {
    const font = this.embedded.get(face.key);
    if (!font) throw new Error(`font ${face.key} was not embedded`);
    return font;
  }
}

/** Draws each line centred on the page, its runs left to right in visual order; returns the y below the block. */
function drawBlock(page: PDFPage, fonts: EmbeddedFonts, laid: TextBlock, top: number): number {
  let cursor = top;
  for (const line of laid.lines) {
    const baseline = cursor - laid.size;
    const left = (PAGE.width - line.width) / 2;
    for (const run of line.runs) {
      page.drawText(run.text, { x: left + run.x, y: baseline, size: laid.size, font: fonts.font(run.face), color: INK });
    }
    cursor -= laid.size * LINE_HEIGHT;
  }
  return cursor;
}

function layOut(block: Block): TextBlock {
  return fitText(block.text, { weight: block.weight, maxWidth: TEXT_WIDTH, maxLines: block.maxLines, size: block.size, minSize: block.minSize });
}

/**
 * Renders a one-page A4 landscape certificate of completion. Names and titles print in any script the embedded
 * Noto fonts cover (see certificateFonts.ts); long ones wrap and shrink to stay inside the frame.
 */
export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(pdfLibFontkit);
  pdf.setTitle(`Certificate of completion: ${content.courseTitle}`);
  pdf.setProducer('Atrium LMS');
  pdf.setCreationDate(new Date(content.issuedAt));
  const page = pdf.addPage([PAGE.width, PAGE.height]);

  const body: Block[] = [
    { text: 'Certificate of completion', weight: 'bold', size: 34, minSize: 34, maxLines: 1, gapBefore: 0 },
    { text: 'This certifies that', weight: 'regular', size: 14, minSize: 14, maxLines: 1, gapBefore: 22 },
    { text: content.learnerName, weight: 'bold', size: 28, minSize: 14, maxLines: 2, gapBefore: 14 },
    { text: 'has completed', weight: 'regular', size: 14, minSize: 14, maxLines: 1, gapBefore: 10 },
    { text: content.courseTitle, weight: 'bold', size: 22, minSize: 12, maxLines: 3, gapBefore: 14 },
    { text: content.organisation, weight: 'regular', size: 13, minSize: 10, maxLines: 2, gapBefore: 18 },
    { text: `Completed on ${content.issuedAt.slice(0, 10)}`, weight: 'regular', size: 13, minSize: 13, maxLines: 1, gapBefore: 2 },
  ];
  const footer: Block[] = [
    { text: `Verification code: ${content.verificationCode}`, weight: 'regular', size: 12, minSize: 12, maxLines: 1, gapBefore: 0 },
    { text: `Verify at ${content.verificationUrl}`, weight: 'regular', size: 9, minSize: 7, maxLines: 2, gapBefore: 2 },
  ];
  const laidBody = body.map(layOut);
  const laidFooter = footer.map(layOut);
  const fonts = new EmbeddedFonts(pdf);
  await fonts.prepare([...laidBody, ...laidFooter]);

  page.drawRectangle({ ...CERTIFICATE_FRAME, borderColor: rgb(0.0, 0.35, 0.62), borderWidth: 3 });
  const bodyHeight = laidBody.reduce((sum, laid, i) => sum + body[i].gapBefore + blockHeight(laid), 0);
  let cursor = (BODY_TOP + BODY_BOTTOM) / 2 + bodyHeight / 2;
  laidBody.forEach((laid, i) => {
    cursor = drawBlock(page, fonts, laid, cursor - body[i].gapBefore);
  });
  cursor = BODY_BOTTOM - 8;
  laidFooter.forEach((laid, i) => {
    cursor = drawBlock(page, fonts, laid, cursor - footer[i].gapBefore);
  });
  return pdf.save();
}
