/**
 * Splitting a proposal's 建议 into its separate suggestions. Real texts number them in many ways —
 * 一、 / （一） / 一是 / 1. / 1、 / （1） / ① — often nested (1. with 一是… inside), so the outermost
 * numbering that yields at least two items is taken; a text with none is split into sentences.
 */

const families: RegExp[] = [
  // 一、 二、 (the outermost in most published proposals)
  /(?<=^|[\n。；;：:！？!?])\s*([一二三四五六七八九十]{1,3})、/g,
  // （一） (一)
  /[（(]([一二三四五六七八九十]{1,3})[）)]/g,
  // 1. 1、 1． 1) — not a decimal (3.5) nor a percentage
  /(?<=^|[\n。；;：:！？!?\s])(\d{1,2})\s*[、.．)）](?![\d%％])/g,
  // 一是 二是
  /(?<=^|[\n。；;：:！？!?，,])\s*([一二三四五六七八九十]{1,3})是/g,
  // ① ②
  /([①②③④⑤⑥⑦⑧⑨⑩])/g,
  // （1） (1)
  /[（(](\d{1,2})[）)]/g,
];

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const circled = '①②③④⑤⑥⑦⑧⑨⑩';

/** 1, 一, 十二, ③ → their number. */
function numberOf(label: string): number {
  if (/^\d+$/.test(label)) return Number(label);
  if (circled.includes(label)) return circled.indexOf(label) + 1;
  if (label === '十') return 10;
  if (label.startsWith('十')) return 10 + (chineseDigits[label[1]] ?? 0);
  if (label.endsWith('十')) return (chineseDigits[label[0]] ?? 0) * 10;
  if (label.length === 3) return (chineseDigits[label[0]] ?? 0) * 10 + (chineseDigits[label[2]] ?? 0);
  return chineseDigits[label] ?? 0;
}

/**
 * The positions where a numbered sequence 1, 2, 3… starts its items: only marks that continue the
 * sequence count, so a stray "3、" inside a sentence or a nested list restarting at 1 is skipped.
 */
function sequence(text: string, family: RegExp): number[] {
  const marks = [...text.matchAll(family)].map((m) => ({ n: numberOf(m[1]), at: m.index }));
  const starts: number[] = [];
  let next = 1;
  for (const m of marks) {
    if (m.n === next) {
      starts.push(Math.max(0, m.at));
      next++;
    }
  }
  return starts;
}

/** Cuts `text` at the starts, keeping what comes before the first item out (it is the lead-in). */
function cut(text: string, starts: number[]): string[] {
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim()).filter((x) => x.length > 0);
}

/**
 * The separate suggestions of a 建议 text, in order. Numbered lists win; otherwise sentences (ended
 * by 。；！？ or a line break) of at least `minChars` characters.
 *
 * @example splitSuggestions('一是设置接送临时停车区；二是完善交通标志标线。') // → ['一是设置接送临时停车区；', '二是完善交通标志标线。']
 */
export function splitSuggestions(text: string, minChars = 8): string[] {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (!clean) return [];
  for (const family of families) {
    const starts = sequence(clean, family);
    if (starts.length >= 2) return cut(clean, starts);
  }
  return clean
    .split(/(?<=[。；;！？!?\n])/)
    .map((s) => s.trim())
    .filter((s) => [...s].length >= minChars);
}

/** Characters that count as writing: CJK, letters and digits (not spaces or punctuation). */
export const writtenLength = (text: string) => (text.match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? []).length;
