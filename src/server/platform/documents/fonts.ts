import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.js';
import type { FontRole } from './model.js';

/**
 * The faces of each role in a .docx: the name GB/T 9704 asks for, and the face Word and WPS use
 * where that one is not installed (written as w:altName in the font table). 小标宋 and 仿宋_GB2312
 * are what offices install; 宋体, 仿宋, 黑体 and 楷体 come with every Chinese Windows.
 */
export const docxFonts: Record<FontRole, { name: string; alt: string; family: 'roman' | 'modern' | 'swiss' | 'script' }> = {
  title: { name: '方正小标宋简体', alt: '宋体', family: 'script' },
  body: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  hei: { name: '黑体', alt: 'SimHei', family: 'modern' },
  kai: { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  song: { name: '宋体', alt: 'SimSun', family: 'roman' },
};

/**
 * The faces of each role in a PDF: Noto Serif SC and Noto Sans SC, shipped as .ttf files by npm
 * packages (so a PDF works right after `npm ci`, and looks the same on every machine, with or
 * without Debian's fonts), embedded as subsets. Serif stands in for 宋体/仿宋/楷体 (no free 仿宋 or
 * 楷体 exists), Serif Bold for 小标宋, Sans Bold for 黑体.
 */
export const pdfFaces = {
  serif: { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' },
  serifBold: { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' },
  sans: { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  sansBold: { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
} as const;
export type PdfFace = keyof typeof pdfFaces;

/** Role → PDF face, and which face a bold run of that role uses. */
export const pdfRoleFaces: Record<FontRole, { normal: PdfFace; bold: PdfFace }> = {
  title: { normal: 'serifBold', bold: 'serifBold' },
  body: { normal: 'serif', bold: 'serifBold' },
  hei: { normal: 'sansBold', bold: 'sansBold' },
  kai: { normal: 'serif', bold: 'serifBold' },
  song: { normal: 'serif', bold: 'serifBold' },
};

/**
 * Line height of each face as pdfkit measures it, (ascender − descender) / em: 1151 + 286 for
 * Noto Serif SC, 1160 + 288 for Noto Sans SC. Used to set exact line pitches (28.95 pt).
 */
export const pdfLineRatio: Record<PdfFace, number> = { serif: 1.437, serifBold: 1.437, sans: 1.448, sansBold: 1.448 };

const require = createRequire(import.meta.url);
const packageDir = (pkg: string) => {
  try {
    return dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
};

/**
 * The font file of each face, or a 503 telling the administrator what to do: a PDF without them
 * would print boxes instead of Chinese. `resolve` finds a package's folder (tests pass one that fails).
 */
export function pdfFontFiles(resolve: (pkg: string) => string | null = packageDir): Record<PdfFace, string> {
  const files = Object.fromEntries(Object.entries(pdfFaces).map(([face, f]) => [face, join(resolve(f.pkg) ?? '/nonexistent', f.file)])) as Record<PdfFace, string>;
  if (!Object.values(files).every((f) => existsSync(f))) {
    throw new AppError('unavailable', '服务器缺少中文字体包（@expo-google-fonts/noto-serif-sc、noto-sans-sc），暂时无法生成 PDF：请在程序目录运行 npm ci；.docx 文件可正常下载');
  }
  return files;
}
