import type { PartialTheme } from '@fluentui/react';

/** The themes a Teams client reports (`app.getContext()` → `app.theme`, and the theme-change handler). */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

export function teamsThemeName(reported: string | undefined | null): TeamsThemeName {
  return reported === 'dark' || reported === 'contrast' ? reported : 'default';
}

/** Teams' own light palette (brand purple on white). */
const teamsLight: PartialTheme = {
  palette: {
    themePrimary: '#6264a7',
    themeLighterAlt: '#f7f7fb',
    themeLighter: '#e1e1f1',
    themeLight: '#c8c9e4',
    themeTertiary: '#989ac9',
    themeSecondary: '#7173b0',
    themeDarkAlt: '#585a95',
    themeDark: '#4a4c7e',
    themeDarker: '#37385d',
    neutralLighterAlt: '#faf9f8',
    neutralLighter: '#f3f2f1',
    neutralLight: '#edebe9',
    neutralQuaternaryAlt: '#e1dfdd',
    neutralQuaternary: '#d0d0d0',
    neutralTertiaryAlt: '#c8c6c4',
    neutralTertiary: '#a19f9d',
    neutralSecondary: '#605e5c',
    neutralPrimaryAlt: '#3b3a39',
    neutralPrimary: '#252423',
    neutralDark: '#201f1e',
    black: '#11100f',
    white: '#ffffff',
  },
};

/** Teams' dark theme: the palette runs from dark to light, so `isInverted` tells Fluent to flip its shadows and tints. */
const teamsDark: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#7f85f5',
    themeLighterAlt: '#05050a',
    themeLighter: '#141527',
    themeLight: '#262849',
    themeTertiary: '#4c5093',
    themeSecondary: '#7075d7',
    themeDarkAlt: '#8d92f6',
    themeDark: '#9fa4f7',
    themeDarker: '#b9bdf9',
    neutralLighterAlt: '#292929',
    neutralLighter: '#2d2c2c',
    neutralLight: '#3b3a39',
    neutralQuaternaryAlt: '#484644',
    neutralQuaternary: '#4f4d4b',
    neutralTertiaryAlt: '#6d6b69',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f',
  },
};

/**
 * Teams' high-contrast theme: black background, white text, yellow for what can be acted on, cyan for what is
 * selected. Every pair meets WCAG's 7:1.
 */
const teamsContrast: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeLighterAlt: '#000000',
    themeLighter: '#000000',
    themeLight: '#000000',
    themeTertiary: '#ffff01',
    themeSecondary: '#ffff01',
    themeDarkAlt: '#1aebff',
    themeDark: '#1aebff',
    themeDarker: '#1aebff',
    neutralLighterAlt: '#000000',
    neutralLighter: '#000000',
    neutralLight: '#ffffff',
    neutralQuaternaryAlt: '#ffffff',
    neutralQuaternary: '#ffffff',
    neutralTertiaryAlt: '#ffffff',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000',
  },
  semanticColors: {
    bodyBackground: '#000000',
    bodyText: '#ffffff',
    link: '#ffff01',
    linkHovered: '#1aebff',
    buttonText: '#ffffff',
    buttonBorder: '#ffffff',
    primaryButtonBackground: '#ffff01',
    primaryButtonText: '#000000',
    inputBorder: '#ffffff',
    focusBorder: '#1aebff',
    disabledText: '#3ff23f',
    errorText: '#ffffff',
  },
};

const THEMES: Record<TeamsThemeName, PartialTheme> = { default: teamsLight, dark: teamsDark, contrast: teamsContrast };

/** The Fluent UI theme for the Teams theme a client reports; anything unknown reads as Teams' default (light). */
export function fluentThemeForTeams(reported: string | undefined | null): PartialTheme {
  return THEMES[teamsThemeName(reported)];
}
