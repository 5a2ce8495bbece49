import type { ThemeConfig } from 'antd';

/**
 * The committee's red, with every text and control colour that antd derives checked against WCAG
 * 2.0 AA (GB/T 37668): text 4.5:1, large text and UI parts 3:1, on white and on the light greys
 * (#fafafa table heads, #f5f5f5 pages, #f0f0f0 fills). antd's defaults fall short in many places —
 * link blue 4.1:1, secondary grey 3.4:1, green tags 3.4:1, success text 2.2:1, warning 1.8:1,
 * placeholders 1.8:1 — so each is set here once instead of page by page.
 *
 * Contrast on white / on its tag background (#fff-ish palette step 1):
 *   primary #b71c1c 6.6 · link/info #0958d9 6.2 · error #cf1322 5.6 / 4.8 · success #237804 5.6 / 5.4 ·
 *   warning #ad4e00 5.4 / 5.1 · secondary text 0.65 black 7.0 · tertiary 0.6 black 5.7 · placeholder 0.56 black 5.0
 */
const tokens = {
  colorPrimary: '#b71c1c',
  colorLink: '#0958d9',
  colorInfo: '#0958d9',

  // status colours are seeds: antd would derive pale backgrounds from them that are too grey, so the
  // backgrounds and borders keep antd's usual light tints
  colorSuccess: '#237804',
  colorSuccessBg: '#f6ffed',
  colorSuccessBgHover: '#d9f7be',
  colorSuccessBorder: '#b7eb8f',
  colorSuccessBorderHover: '#95de64',
  colorSuccessHover: '#389e0d',
  colorWarning: '#ad4e00',
  colorWarningBg: '#fff7e6',
  colorWarningBgHover: '#ffe7ba',
  colorWarningBorder: '#ffd591',
  colorWarningBorderHover: '#ffc069',
  colorWarningHover: '#d46b08',
  colorError: '#cf1322',
  colorErrorBg: '#fff1f0',
  colorErrorBgHover: '#ffccc7',
  colorErrorBorder: '#ffa39e',
  colorErrorBorderHover: '#ff7875',
  colorErrorHover: '#a8071a',

  // greys: 0.45 black (#8c8c8c) is 3.4:1 on white
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  colorIcon: 'rgba(0, 0, 0, 0.6)',
  // disabled text is exempt, but antd also draws “no data” in it (lists, tables): 1.8:1 at 0.25
  colorTextDisabled: 'rgba(0, 0, 0, 0.56)',

  // a focus ring that shows (3:1 against white): antd draws it in the pale primary border colour
  colorPrimaryBorder: '#b71c1c',

};

/**
 * Tags of a preset colour draw their text in step 7 of the palette on step 1; these steps are
 * darkened to 4.5:1 (red, blue, geekblue, purple and magenta already pass). antd keeps each step
 * under two names (`green7` and `green-7`), and the CSS variable comes from the second.
 */
const tagText: Record<string, string> = {
  volcano: '#ad2102',
  orange: '#ad4e00',
  gold: '#874d00',
  yellow: '#876800',
  lime: '#3f6600',
  green: '#237804',
  cyan: '#006d75',
};
const palettes = Object.fromEntries(Object.entries(tagText).flatMap(([color, text]) => [[`${color}7`, text], [`${color}-7`, text]]));

/** Motion off for people who asked their system for less of it (and for the accessibility checks). */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export const theme: ThemeConfig = {
  token: { ...tokens, ...palettes, motion: !reducedMotion },
};
