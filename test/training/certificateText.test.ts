import { describe, expect, test } from '@jest/globals';
import { fitText, type FitOptions } from '../../src/server/training/certificateText';

// How one piece of certificate text is split into runs (font, direction), ordered for display and wrapped.

const options: FitOptions = { weight: 'bold', maxWidth: 698, maxLines: 3, size: 22, minSize: 12 };
const runsOf = (text: string, fit: Partial<FitOptions> = {}) =>
  fitText(text, { ...options, ...fit }).lines.map((line) => line.runs.map((run) => ({ text: run.text, font: run.face.family })));

describe('fonts per run', () => {
  test('each script gets a font that has it; spaces and digits stay with the text around them', () => {
    expect(runsOf('Zoë 山田 たろう')).toEqual([[{ text: 'Zoë ', font: 'Noto Sans' }, { text: '山田 たろう', font: 'Noto Sans JP' }]]);
  });

  test('Han without kana prints in Japanese forms, unless the Japanese font lacks a character', () => {
    expect(runsOf('山田太郎')[0][0].font).toBe('Noto Sans JP');
    expect(runsOf('王伟')[0][0].font).toBe('Noto Sans SC');
  });

  test('emoji come from the emoji font, and the space after one does not', () => {
    expect(runsOf('王伟 🎉 X')).toEqual([
      [
        { text: '王伟 ', font: 'Noto Sans SC' },
        { text: '🎉', font: 'Noto Emoji' },
        { text: ' X', font: 'Noto Sans' },
      ],
    ]);
  });
});

describe('right-to-left order', () => {
  test('runs are ordered for display: a number after Arabic words stands to their left', () => {
    // The Arabic run goes to the shaper in logical order: fontkit shapes it, then lays it out right to left.
    expect(runsOf('أمن المعلومات 2025')).toEqual([[{ text: '2025', font: 'Noto Sans Arabic' }, { text: 'أمن المعلومات ', font: 'Noto Sans Arabic' }]]);
  });

  test('brackets in a right-to-left run are mirrored', () => {
    expect(runsOf('محمد (علي)')[0].map((r) => r.text)).toEqual(['محمد )علي(']);
  });

  test('Arabic-Indic digits read left to right: reversed here because the shaper reverses Arabic script', () => {
    expect(runsOf('محمد ٢٠٢٥')[0].map((r) => r.text)).toEqual(['٥٢٠٢', 'محمد ']);
  });
});

describe('wrapping', () => {
  test('CJK text without spaces breaks between characters', () => {
    const block = fitText('情報セキュリティ'.repeat(30), { ...options, maxLines: 2, minSize: 22 });
    expect(block.lines).toHaveLength(2);
    for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(options.maxWidth);
    expect(block.lines[1].text.endsWith('…')).toBe(true);
  });

  test('text shrinks before it is cut', () => {
    const title = 'Information security for everyone who handles customer data '.repeat(4).trim();
    const block = fitText(title, options);
    expect(block.size).toBeLessThan(options.size);
    expect(block.lines.map((l) => l.text).join(' ')).toBe(title);
  });
});
