import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib';

export interface CertificateContent {
  learnerName: string;
  courseTitle: string;
  organisation: string;
  issuedAt: string;
  verificationCode: string;
}

/** The standard PDF fonts only encode WinAnsi: accents are folded, other scripts become "?". */
function encodable(font: PDFFont, text: string): string {
  const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return [...folded]
    .map((ch) => {
      try {
        font.encodeText(ch);
        return ch;
      } catch {
        return '?';
      }
    })
    .join('');
}

/** Renders a one-page A4 landscape certificate of completion. */
export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificate of completion: ${content.courseTitle}`);
  pdf.setProducer('Atrium LMS');
  pdf.setCreationDate(new Date(content.issuedAt));
  const page = pdf.addPage([842, 595]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.12, 0.16, 0.22);
  const centred = (text: string, y: number, size: number, font: PDFFont) => {
    const safe = encodable(font, text);
    const width = font.widthOfTextAtSize(safe, size);
    page.drawText(safe, { x: (page.getWidth() - width) / 2, y, size, font, color: ink });
  };
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: rgb(0.0, 0.35, 0.62), borderWidth: 3 });
  centred('Certificate of completion', 470, 34, bold);
  centred('This certifies that', 410, 14, regular);
  centred(content.learnerName, 370, 28, bold);
  centred('has completed', 330, 14, regular);
  centred(content.courseTitle.length > 70 ? `${content.courseTitle.slice(0, 67)}...` : content.courseTitle, 290, 22, bold);
  centred(`${content.organisation} - ${content.issuedAt.slice(0, 10)}`, 240, 13, regular);
  centred(`Verification code: ${content.verificationCode}`, 80, 12, regular);
  return pdf.save();
}
