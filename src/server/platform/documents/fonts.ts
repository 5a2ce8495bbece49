import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
 * The faces of each role in a PDF: Noto CJK from Debian's fonts-noto-cjk, embedded as subsets.
 * Serif stands in for 宋体/仿宋/楷体 (no free 仿宋 or 楷体 ships with Debian), Serif Bold for 小标宋,
 * Sans Bold for 黑体. TTC files hold several languages; the PostScript name picks Simplified Chinese.
 */
export const pdfFaces = {
  serif: { file: 'NotoSerifCJK-Regular.ttc', postscript: 'NotoSerifCJKsc-Regular' },
  serifBold: { file: 'NotoSerifCJK-Bold.ttc', postscript: 'NotoSerifCJKsc-Bold' },
  sans: { file: 'NotoSansCJK-Regular.ttc', postscript: 'NotoSansCJKsc-Regular' },
  sansBold: { file: 'NotoSansCJK-Bold.ttc', postscript: 'NotoSansCJKsc-Bold' },
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
 * Noto Serif CJK, 1160 + 288 for Noto Sans CJK. Used to set exact line pitches (28.95 pt).
 */
export const pdfLineRatio: Record<PdfFace, number> = { serif: 1.437, serifBold: 1.437, sans: 1.448, sansBold: 1.448 };

/** Where distributions put Noto CJK; CJK_FONT_DIR overrides. */
const fontDirs = () => [process.env.CJK_FONT_DIR, '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/local/share/fonts'].filter(Boolean) as string[];

/**
 * The directory holding all four Noto CJK files, or a 503 telling the administrator what to
 * install: a PDF without them would print boxes instead of Chinese.
 */
export function cjkFontDir(dirs = fontDirs()): string {
  const dir = dirs.find((d) => Object.values(pdfFaces).every((f) => existsSync(join(d, f.file))));
  if (!dir) throw new AppError('unavailable', '服务器未安装中文字体（Noto CJK），暂时无法生成 PDF，请联系管理员安装 fonts-noto-cjk；.docx 文件可正常下载');
  return dir;
}
