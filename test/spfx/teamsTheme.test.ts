import { describe, expect, it } from '@jest/globals';
import { createTheme } from '@fluentui/react';
import { fluentThemeForTeams, teamsThemeName } from '../../src/ui/theme/teamsTheme';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('fluentThemeForTeams', () => {
  it('knows the three Teams themes and reads anything else as the default', () => {
    expect(teamsThemeName('dark')).toBe('dark');
    expect(teamsThemeName('contrast')).toBe('contrast');
    expect(teamsThemeName('default')).toBe('default');
    expect(teamsThemeName(undefined)).toBe('default');
    expect(teamsThemeName('sepia')).toBe('default');
    expect(fluentThemeForTeams('sepia')).toBe(fluentThemeForTeams('default'));
  });

  it('gives the default theme light surfaces with Teams purple', () => {
    const theme = createTheme(fluentThemeForTeams('default'));
    expect(theme.isInverted).toBe(false);
    expect(theme.palette.themePrimary).toBe('#6264a7');
    expect(theme.semanticColors.bodyBackground).toBe('#ffffff');
  });

  it('gives the dark theme dark surfaces, light text, and flags it inverted', () => {
    const theme = createTheme(fluentThemeForTeams('dark'));
    expect(theme.isInverted).toBe(true);
    expect(theme.semanticColors.bodyBackground).toBe('#1f1f1f');
    expect(contrast(theme.semanticColors.bodyText, theme.semanticColors.bodyBackground)).toBeGreaterThan(12);
    expect(contrast(theme.palette.themePrimary, theme.semanticColors.bodyBackground)).toBeGreaterThan(4.5);
  });

  it('gives high contrast black and white with yellow actions, every pair at least 7:1', () => {
    const theme = createTheme(fluentThemeForTeams('contrast'));
    const { bodyBackground, bodyText, link, primaryButtonBackground, primaryButtonText, focusBorder } = theme.semanticColors;
    expect([bodyBackground, bodyText, link]).toEqual(['#000000', '#ffffff', '#ffff01']);
    for (const colour of [bodyText, link, focusBorder, primaryButtonBackground]) expect(contrast(colour, bodyBackground)).toBeGreaterThanOrEqual(7);
    expect(contrast(primaryButtonText, primaryButtonBackground)).toBeGreaterThanOrEqual(7);
  });
});
