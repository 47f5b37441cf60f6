import { beforeAll, describe, expect, test } from '@jest/globals';
import { CERTIFICATE_FRAME, renderCertificatePdf, type CertificateContent } from '../../src/server/training/certificatePdf';
import { extractPdfText, type PdfPageText } from '../support/pdfText';

// Certificates are read back with a real PDF text extractor (PDF.js): what it finds is what a reader can search,
// copy and have read aloud, so the names must come back exactly, in every script.

const base: CertificateContent = {
  learnerName: 'Learner',
  courseTitle: 'Course',
  organisation: 'Contoso',
  issuedAt: '2026-11-25T10:00:00.000Z',
  verificationCode: 'ATR-7K3M-QX9P-2WHD',
  verificationUrl: 'https://lms.contoso.example/api/public/certificates/0b5e2c1a-1111-4222-8333-944455556666/ATR-7K3M-QX9P-2WHD',
};

const scripts = {
  latin: { learnerName: 'Zoë Ångström-Łukasik', courseTitle: 'Information Security: Phishing & Passwords', organisation: 'Contoso Ltd' },
  japanese: { learnerName: '山田 太郎', courseTitle: '情報セキュリティ入門：基礎編', organisation: '株式会社コントソ' },
  greek: { learnerName: 'Γιώργος Παπαδόπουλος', courseTitle: 'Ασφάλεια πληροφοριών', organisation: 'Contoso Ελλάς' },
  arabic: { learnerName: 'محمد علي', courseTitle: 'أمن المعلومات للمبتدئين', organisation: 'شركة كونتوسو' },
  chineseAndEmoji: { learnerName: '王伟 👩‍🎓🎉', courseTitle: '信息安全培训 ✅', organisation: 'Contoso 中国' },
  tamil: { learnerName: 'முருகன்', courseTitle: 'தகவல் பாதுகாப்பு', organisation: 'Contoso Singapore' },
  uncovered: { learnerName: '김민준', courseTitle: 'דוד สมชาย', organisation: 'Contoso' },
};

const longTitle = (
  'Workplace safety, information security, data protection and the code of conduct: the annual refresher for ' +
  'every employee in every office, with case studies, quizzes, a final assessment and more'
).slice(0, 200);
const longName = 'Maria Fernanda de los Ángeles Rodríguez-Villanueva y Castillo-Montenegro '.repeat(4).trim().slice(0, 256);

const sizes: Record<string, number> = {};
let pages: Record<string, PdfPageText>;

beforeAll(async () => {
  const contents: Record<string, CertificateContent> = {
    ...Object.fromEntries(Object.entries(scripts).map(([name, text]) => [name, { ...base, ...text }])),
    long: { ...base, learnerName: longName, courseTitle: longTitle },
  };
  const names = Object.keys(contents);
  const pdfs: Uint8Array[] = [];
  for (const name of names) {
    const pdf = await renderCertificatePdf(contents[name]);
    sizes[name] = pdf.length;
    pdfs.push(pdf);
  }
  const extracted = await extractPdfText(pdfs);
  pages = Object.fromEntries(names.map((name, i) => [name, extracted[i]]));
});

describe('a certificate prints names and titles in any script', () => {
  for (const name of ['latin', 'japanese', 'greek', 'arabic'] as const) {
    test(`${name}: the exact learner name, course title and organisation come back out of the PDF`, () => {
      const { lines } = pages[name];
      const text = scripts[name];
      expect(lines).toContain(text.learnerName);
      expect(lines).toContain(text.courseTitle);
      expect(lines).toContain(text.organisation);
      expect(lines.join('\n')).not.toContain('?');
    });
  }

  test('Chinese and emoji come back out of the PDF, with no "?"', () => {
    const { lines } = pages.chineseAndEmoji;
    const squeezed = lines.map((line) => line.replace(/\s/g, ''));
    // PDF.js drops the space before a run in another font; the characters themselves all come back.
    expect(squeezed).toContain('王伟👩‍🎓🎉');
    expect(squeezed).toContain('信息安全培训✅');
    expect(lines.join('\n')).not.toMatch(/[?\uFFFD]/);
  });

  test('Tamil (Singapore) prints and comes back out', () => {
    expect(pages.tamil.lines).toContain(scripts.tamil.courseTitle);
  });

  test('a script no embedded font covers (Hangul, Hebrew, Thai) prints as missing-glyph boxes, and the rest of the certificate is whole', () => {
    expect(pages.uncovered.lines).toContain('This certifies that');
    expect(pages.uncovered.lines).toContain(`Verification code: ${base.verificationCode}`);
    expect(pages.uncovered.lines.join('\n')).not.toContain('?');
  });

  test('the verification code and the full verification address are printed', () => {
    expect(pages.latin.lines).toContain(`Verification code: ${base.verificationCode}`);
    expect(pages.latin.lines).toContain(`Verify at ${base.verificationUrl}`);
  });

  test('a 200-character title and a 256-character name wrap inside the frame', () => {
    const page = pages.long;
    const titleLines = page.lines.slice(page.lines.indexOf('has completed') + 1, page.lines.indexOf(base.organisation));
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.length).toBeLessThanOrEqual(3);
    expect(titleLines.join(' ')).toBe(longTitle);
    const nameLines = page.lines.slice(page.lines.indexOf('This certifies that') + 1, page.lines.indexOf('has completed'));
    expect(nameLines.length).toBe(2);
    expect(nameLines[1].endsWith('…')).toBe(true);

    const frame = { left: CERTIFICATE_FRAME.x, right: CERTIFICATE_FRAME.x + CERTIFICATE_FRAME.width, bottom: CERTIFICATE_FRAME.y, top: CERTIFICATE_FRAME.y + CERTIFICATE_FRAME.height };
    for (const item of page.items) {
      expect({ text: item.text, inside: item.x >= frame.left && item.x + item.width <= frame.right && item.y >= frame.bottom && item.y + item.height <= frame.top }).toEqual({
        text: item.text,
        inside: true,
      });
    }
  });

  test('fonts are embedded as subsets: a certificate stays small', () => {
    for (const [name, size] of Object.entries(sizes)) expect({ name, small: size < 60_000 }).toEqual({ name, small: true });
  });
});
