import bidiFactory from 'bidi-js';
import { fontChainFor, primaryFace, type FontFace, type FontWeight } from './certificateFonts';

/**
 * Lays out one piece of certificate text (a name, a title) in any script: picks a font per run of characters by
 * what each font covers, wraps into lines that fit a width (shrinking the size for long text), and orders each line
 * for display with the Unicode bidirectional algorithm. Shaping (Arabic joining forms, ligatures, emoji sequences)
 * is fontkit's, applied when pdf-lib encodes a run; fontkit also lays a right-to-left run out in visual order.
 */

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A run ready to draw: text in the order the face's shaper expects, at `x` from the line's left edge. */
export interface PlacedRun {
  text: string;
  face: FontFace;
  x: number;
  width: number;
}

export interface LaidOutLine {
  runs: PlacedRun[];
  width: number;
  /** The line's characters in reading order, as an extractor should read them back. */
  text: string;
}

export interface TextBlock {
  size: number;
  lines: LaidOutLine[];
}

export interface FitOptions {
  weight: FontWeight;
  maxWidth: number;
  maxLines: number;
  /** The preferred size; the text shrinks towards `minSize` until it fits in `maxLines`. */
  size: number;
  minSize: number;
}

interface LogicalRun {
  text: string;
  face: FontFace;
  /** Bidi embedding level: odd is right-to-left. */
  level: number;
}

const LETTER_OR_SYMBOL = /[\p{L}\p{Extended_Pictographic}]/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const STRONG_RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const COMMON_OR_INHERITED = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** Where a line may break: after white space, and around each CJK character (CJK has no spaces between words). */
const BREAK_TOKENS = /\s+|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]+/gu;

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/** The face for each grapheme: marks, spaces, digits and punctuation stay in the face of the text around them. */
function faceRuns(text: string, chain: FontFace[], weight: FontWeight): Array<{ text: string; face: FontFace; start: number }> {
  const runs: Array<{ text: string; face: FontFace; start: number }> = [];
  let offset = 0;
  for (const cluster of splitGraphemes(text)) {
    const codePoint = cluster.codePointAt(0)!;
    const current = runs[runs.length - 1];
    // Not after emoji: the emoji font's space is as wide as an emoji.
    const staysInRun = current && current.face.family !== 'Noto Emoji' && !LETTER_OR_SYMBOL.test(cluster) && current.face.covers(codePoint);
    const chosen = staysInRun ? current.face : (chain.find((f) => f.covers(codePoint)) ?? primaryFace(weight));
    if (current && current.face === chosen) current.text += cluster;
    else runs.push({ text: cluster, face: chosen, start: offset });
    offset += cluster.length;
  }
  return runs;
}

/** Variation selectors, joiners and the like that a face has no glyph for would print as boxes: drop them. */
function drawable(face: FontFace, text: string): string {
  return text.replace(IGNORABLE, (ch) => (face.covers(ch.codePointAt(0)!) ? ch : ''));
}

function baseDirection(text: string): 'ltr' | 'rtl' {
  const paragraph = bidi.getEmbeddingLevels(text).paragraphs[0];
  return paragraph && paragraph.level % 2 === 1 ? 'rtl' : 'ltr';
}

/** Runs of one face and one embedding level, in logical order. */
function logicalRuns(line: string, chain: FontFace[], weight: FontWeight, direction: 'ltr' | 'rtl'): LogicalRun[] {
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const runs: LogicalRun[] = [];
  for (const faceRun of faceRuns(line, chain, weight)) {
    let offset = faceRun.start;
    for (const cluster of splitGraphemes(faceRun.text)) {
      const level = levels[offset];
      const current = runs[runs.length - 1];
      if (current && current.face === faceRun.face && current.level === level) current.text += cluster;
      else runs.push({ text: cluster, face: faceRun.face, level });
      offset += cluster.length;
    }
  }
  return runs;
}

/** Unicode bidi rule L2: reverse every maximal sequence at each level, from the highest down to the lowest odd one. */
function visualOrder(runs: LogicalRun[]): LogicalRun[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < ordered.length; ) {
      if (ordered[i].level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < ordered.length && ordered[end].level >= level) end++;
      ordered.splice(i, end - i, ...ordered.slice(i, end).reverse());
      i = end;
    }
  }
  return ordered;
}

/** fontkit lays a run out right to left when the first character of a specific script is of a right-to-left script. */
function shaperReverses(text: string): boolean {
  for (const ch of text) {
    if (COMMON_OR_INHERITED.test(ch)) continue;
    return STRONG_RTL.test(ch);
  }
  return false;
}

/**
 * The text of a run as the face's shaper wants it, so that it comes out in visual order. fontkit reverses a run of
 * Arabic script itself (and shapes it, which needs logical order); a right-to-left run without Arabic letters
 * (brackets between Arabic words) is reversed here, and so is a left-to-right run fontkit would reverse (Arabic-Indic
 * digits). Mirrored pairs such as brackets are swapped in right-to-left runs.
 */
function textForShaper(run: LogicalRun): string {
  const rightToLeft = run.level % 2 === 1;
  const text = rightToLeft ? Array.from(run.text, (ch) => bidi.getMirroredCharacter(ch) ?? ch).join('') : run.text;
  return rightToLeft === shaperReverses(run.text) ? text : splitGraphemes(text).reverse().join('');
}

function placeLine(line: string, chain: FontFace[], options: FitOptions, size: number, direction: 'ltr' | 'rtl'): LaidOutLine {
  let x = 0;
  const runs: PlacedRun[] = [];
  for (const run of visualOrder(logicalRuns(line, chain, options.weight, direction))) {
    const text = drawable(run.face, textForShaper(run));
    if (!text) continue;
    const width = run.face.widthOf(text, size);
    runs.push({ text, face: run.face, x, width });
    x += width;
  }
  return { runs, width: x, text: line };
}

/**
 * Greedy line filling over break tokens, by their widths at 1 pt (widths scale with the size, so each token is
 * shaped once per text, not once per candidate line and size); a token wider than a whole line is cut between
 * graphemes.
 */
function wrap(text: string, unitWidth: (piece: string) => number, maxUnits: number): string[] {
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  const pending: string[] = [...(text.match(BREAK_TOKENS) ?? [])];
  while (pending.length > 0) {
    const token = pending.shift()!;
    const isSpace = /^\s+$/.test(token);
    if (isSpace && current === '') continue;
    const width = unitWidth(token);
    if (currentWidth + width <= maxUnits) {
      current += token;
      currentWidth += width;
      continue;
    }
    if (current !== '') {
      lines.push(current.trimEnd());
      current = '';
      currentWidth = 0;
      if (!isSpace) pending.unshift(token);
      continue;
    }
    // Nothing on the line yet and the token alone is too wide: place it grapheme by grapheme.
    const pieces = splitGraphemes(token);
    let head = pieces.shift()!;
    let headWidth = unitWidth(head);
    while (pieces.length > 0 && headWidth + unitWidth(pieces[0]) <= maxUnits) {
      headWidth += unitWidth(pieces[0]);
      head += pieces.shift()!;
    }
    lines.push(head);
    if (pieces.length > 0) pending.unshift(pieces.join(''));
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

function withEllipsis(line: string, fits: (line: string) => boolean): string {
  const pieces = splitGraphemes(line);
  while (pieces.length > 0 && !fits(`${pieces.join('').trimEnd()}…`)) pieces.pop();
  return `${pieces.join('').trimEnd()}…`;
}

/**
 * Lays `text` out in at most `maxLines` lines no wider than `maxWidth`, at the largest size from `size` down to
 * `minSize` (in steps of 1 pt) at which it fits; text that does not fit even then is cut with an ellipsis.
 */
export function fitText(text: string, options: FitOptions): TextBlock {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const chain = fontChainFor(normalised, options.weight);
  const direction = baseDirection(normalised);
  const place = (line: string, size: number): LaidOutLine => placeLine(line, chain, options, size, direction);
  const unitWidths = new Map<string, number>();
  const unitWidth = (piece: string): number => {
    let width = unitWidths.get(piece);
    if (width === undefined) {
      width = place(piece, 1).width;
      unitWidths.set(piece, width);
    }
    return width;
  };

  for (let size = options.size; ; size = Math.max(options.minSize, size - 1)) {
    const wrapped = wrap(normalised, unitWidth, options.maxWidth / size);
    if (wrapped.length <= options.maxLines) {
      const lines = wrapped.map((line) => place(line, size));
      // Kerning across token boundaries can make a line a little wider than its tokens: checked on the real line,
      // and at the smallest size such a line still has the frame's margin around it.
      if (size === options.minSize || lines.every((l) => l.width <= options.maxWidth)) return { size, lines };
    } else if (size === options.minSize) {
      const kept = wrapped.slice(0, options.maxLines);
      kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], (line) => place(line, size).width <= options.maxWidth);
      return { size, lines: kept.map((line) => place(line, size)) };
    }
  }
}
