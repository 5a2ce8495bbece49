/**
 * An official document (公文) as data: a list of blocks in the layout of GB/T 9704-2012 《党政机关公文格式》.
 * Modules describe their documents once with these blocks; docx.ts and pdf.ts render the same
 * description to .docx and PDF, so the two files always say the same thing.
 *
 * @example
 * const doc: OfficialDocument = { title: '交办通知书', author: '龙岗区政协', blocks: [
 *   { type: 'masthead', name: '中国人民政治协商会议深圳市龙岗区委员会' },
 *   { type: 'title', text: '提案交办通知书' },
 *   { type: 'addressee', text: '区教育局：' },
 *   { type: 'paragraph', content: '现将……交你单位办理。' },
 *   { type: 'signature', name: '龙岗区政协提案委员会', date: '2026年3月2日' },
 * ] };
 */
export interface OfficialDocument {
  /** file metadata (shown by readers as the document title) */
  title: string;
  /** issuing body, written as the file's author */
  author: string;
  blocks: Block[];
}

/** 字号: the Chinese type sizes, in points. */
export const sizes = { chuhao: 42, xiaochu: 36, yihao: 26, erhao: 22, xiaoer: 18, sanhao: 16, xiaosan: 15, sihao: 14, xiaosi: 12, wuhao: 10.5 } as const;

/**
 * Typefaces by role. GB/T 9704 asks for 小标宋 titles, 仿宋_GB2312 text, 黑体 first-level and 楷体
 * second-level headings, 宋体 page numbers.
 */
export type FontRole = 'title' | 'body' | 'hei' | 'kai' | 'song';

/** A run of text with its own face or weight; a plain string is body text. */
export type Inline = string | { text: string; font?: FontRole; bold?: boolean; color?: string };

/** Text placed at the left edge, the centre and the right edge of one line (e.g. 编印单位 … 日期). */
export interface Spread {
  left?: string;
  center?: string;
  right?: string;
}

/** A table cell; `label` cells are the form's captions (bold, centred). Text lines are paragraphs. */
export interface Cell {
  text: string;
  label?: boolean;
  span?: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** 版头: the issuing body's name in red, optional lines under it (发文字号, 期号, 编印单位 and date), a red rule */
  | { type: 'masthead'; name: string; maxSize?: number; below?: Spread[]; rule?: 'single' | 'double' }
  /** a line of text spread across the width, in body type unless `size` says otherwise */
  | { type: 'spread'; spread: Spread; size?: number; font?: FontRole }
  | { type: 'rule'; color?: 'red' | 'black'; weight?: number }
  /** 标题: 二号小标宋, centred */
  | { type: 'title'; text: string; size?: number }
  /** a centred line under the title (author, session), 楷体 */
  | { type: 'subtitle'; text: string }
  /** 主送机关: flush left, ends with a full-width colon */
  | { type: 'addressee'; text: string }
  /** 一、(黑体)  （一）(楷体)  1.(仿宋加粗): the caller writes the ordinal */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  /** body paragraph, first line indented two characters unless `indent` is false */
  | { type: 'paragraph'; content: string | Inline[]; indent?: boolean; align?: 'left' | 'center' | 'right' | 'justify' }
  /** widths are relative; `size` defaults to 四号 */
  | { type: 'table'; widths: number[]; rows: Cell[][]; headerRows?: number; size?: number }
  /** 发文机关署名 and 成文日期 at the end of the text */
  | { type: 'signature'; name: string; date: string }
  /** 附注 such as （联系人：…）, indented two characters */
  | { type: 'note'; text: string }
  /** 版记: 抄送 and 印发 lines between rules, thick rules first and last */
  | { type: 'record'; lines: Spread[] }
  | { type: 'space'; lines?: number };

/**
 * The page of GB/T 9704: A4, 版心 156 × 225 mm, 天头 37 mm, 订口 28 mm; 22 lines of 28 characters
 * of 三号 type; the page number (4号宋体 "— 1 —") 7 mm under the text area, right on odd pages
 * and left on even pages, one character in.
 */
export const page = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  textWidthMm: 156,
  textHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
  pageNumberGapMm: 7,
} as const;

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
/** distance between body lines: the text height shared by 22 lines (≈ 28.95 pt) */
export const bodyPitchPt = mmToPt(page.textHeightMm) / page.linesPerPage;
/** one body character including the spacing that makes 28 fit the line (≈ 15.79 pt) */
export const bodyCharPt = mmToPt(page.textWidthMm) / page.charsPerLine;
export const red = 'FF0000';

/** Width of a text in characters: CJK and full-width forms count 1, ASCII (digits, letters) ½. */
export const emWidth = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * Where 署名 and 日期 sit (GB/T 9704 §7.3.5.2, documents without a seal): the name two characters
 * from the right edge, the date's first character two characters right of the name's; a longer
 * date pushes the name left instead. Returns right indents in characters.
 */
export function signatureIndents(name: string, date: string): { name: number; date: number } {
  const wn = emWidth(name);
  const wd = emWidth(date);
  const dateRight = Math.max(2, wn - wd);
  return { name: dateRight + wd + 2 - wn, date: dateRight };
}

/** Masthead size: as large as `max` allows while the name still fits on one line. */
export const mastheadSize = (name: string, max: number) => Math.min(max, Math.floor(mmToPt(page.textWidthMm) / Math.max(emWidth(name), 1)));

/** Splits stored text into paragraphs (blank lines and line breaks both separate). */
export const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** 成文日期 as GB/T 9704 writes it: Arabic numerals without leading zeros, 2026年5月20日. */
export function chineseDate(day: string | Date): string {
  const iso = typeof day === 'string' ? day : new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(day);
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
