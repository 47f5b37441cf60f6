import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import { openFont } from './pdfFontkit';

/**
 * The fonts a certificate is printed with: Noto (SIL Open Font Licence 1.1), shipped by Expo's Google Fonts
 * packages, which are runtime dependencies: the files are read from node_modules, so the built service finds them
 * with production dependencies only. Each file is read and parsed once per process, and only when some text needs
 * it: a certificate in Latin script never loads the 5-10 MB CJK fonts.
 */
export type FontWeight = 'regular' | 'bold';

type FamilyName = 'Noto Sans' | 'Noto Sans Arabic' | 'Noto Sans Tamil' | 'Noto Sans JP' | 'Noto Sans SC' | 'Noto Emoji';

const FONT_FILES: Record<FamilyName, Record<FontWeight, string>> = {
  // Latin, Greek, Cyrillic, Vietnamese.
  'Noto Sans': {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  'Noto Sans Arabic': {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  // An official language of Singapore (region Southeast Asia).
  'Noto Sans Tamil': {
    regular: '@expo-google-fonts/noto-sans-tamil/400Regular/NotoSansTamil_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-tamil/700Bold/NotoSansTamil_700Bold.ttf',
  },
  // Kana and kanji in Japanese forms.
  'Noto Sans JP': {
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  // Simplified Chinese (GB 18030), also most traditional characters.
  'Noto Sans SC': {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  // Monochrome emoji: PDF has no colour-font support that pdf-lib can write.
  'Noto Emoji': {
    regular: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
    bold: '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
  },
};

/** One font file: its bytes for embedding and a parsed copy to ask which characters it has. */
export class FontFace {
  private bytes: Uint8Array | undefined;
  private parsed: Font | undefined;

  constructor(
    readonly family: FamilyName,
    readonly weight: FontWeight,
    private readonly modulePath: string,
    /**
     * OpenType features for the shaper. Noto Sans Arabic's `ccmp` splits letters into a dotless skeleton and
     * separate dots placed by GPOS mark positioning, which pdf-lib does not apply (and the dots have no Unicode
     * for text extraction): without `ccmp` the font uses its precomposed letters.
     */
    readonly features: Record<string, boolean> = {},
  ) {}

  get key(): string {
    return `${this.family} ${this.weight}`;
  }

  fileBytes(): Uint8Array {
    this.bytes ??= readFileSync(require.resolve(this.modulePath));
    return this.bytes;
  }

  covers(codePoint: number): boolean {
    return this.font().hasGlyphForCodePoint(codePoint);
  }

  /** The width of shaped text in PDF points: the advance widths pdf-lib uses when it draws the same run. */
  widthOf(text: string, size: number): number {
    const font = this.font();
    const advance = font.layout(text, { ...this.features }).glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
    return (advance * size) / font.unitsPerEm;
  }

  private font(): Font {
    this.parsed ??= openFont(this.fileBytes());
    return this.parsed;
  }
}

const faces = new Map<string, FontFace>();

function face(family: FamilyName, weight: FontWeight): FontFace {
  const key = `${family} ${weight}`;
  let found = faces.get(key);
  if (!found) {
    found = new FontFace(family, weight, FONT_FILES[family][weight], family === 'Noto Sans Arabic' ? { ccmp: false } : {});
    faces.set(key, found);
  }
  return found;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/gu;

/**
 * The fallback chain for one piece of text, first choice first. Han characters look different in Japanese and
 * Chinese typography, and a name gives no language tag: text with kana is Japanese, text with an ideograph the
 * Japanese font lacks is Chinese, and any other ideographs print in Japanese forms (Japan East is a region we offer).
 */
export function fontChainFor(text: string, weight: FontWeight): FontFace[] {
  const japanese = face('Noto Sans JP', weight);
  const chinese = face('Noto Sans SC', weight);
  let cjk = [japanese, chinese];
  if (!KANA.test(text)) {
    const ideographs = text.match(HAN) ?? [];
    if (ideographs.some((ch) => !japanese.covers(ch.codePointAt(0)!))) cjk = [chinese, japanese];
  }
  return [face('Noto Sans', weight), face('Noto Sans Arabic', weight), face('Noto Sans Tamil', weight), ...cjk, face('Noto Emoji', weight)];
}

/** The face for what no font covers: it prints the font's "missing glyph" box, never a "?" and never an error. */
export function primaryFace(weight: FontWeight): FontFace {
  return face('Noto Sans', weight);
}
