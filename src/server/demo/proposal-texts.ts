import { parseCsv } from '../platform/csv.js';
import { splitSections } from '../modules/proposals/import/content.js';

/** A provincial proposal retold by a district member: the province's places become the district. */
export const localise = (s: string) =>
  s
    .replace(/江苏省|江苏|我省|本省/g, '我区')
    .replace(/全省/g, '全区')
    .replace(/省委/g, '区委')
    .replace(/省政府|省人民政府/g, '区政府')
    .replace(/省政协/g, '区政协')
    .replace(/各设区市|各市县|市县/g, '各街道')
    .replace(/南京市|南京/g, '龙岗');

/** At most `max` characters, cut after the last full sentence inside them. */
export function sentencesUpTo(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'), head.lastIndexOf('！'));
  return end > max / 3 ? head.slice(0, end + 1) : head + '……';
}

export interface DemoText {
  title: string;
  background: string;
  analysis: string;
  suggestions: string;
  category: string;
}

/** Titles about the province's own places and bodies, which no district member would write. */
const provincial = /淮安|盐城|苏北|苏南|苏中|运河|沿江|沿海|长江|太湖|徐州|苏州|无锡|常州|镇江|扬州|泰州|南通|连云港|宿迁|省属|省级|省交响|东部|机场|航空|申遗|台湾|两岸/;

/**
 * Hands out the real proposals of the Jiangsu 2019 list one by one per category, localised and
 * shortened, for the demo district's current proposals. Topics the proposal tests write about
 * themselves (waste sorting, elderly care, cycling) are left to the tests.
 */
export function proposalTexts(csv: string) {
  const rows = parseCsv(csv)
    .map((r) => ({ category: r.type, title: localise(r.reason.replace(/\s+/g, ' ').trim()), ...splitSections(r.content) }))
    .filter((r) => [...r.title].length >= 8 && [...r.title].length <= 40 && r.analysis && r.suggestions && !/垃圾|养老|自行车|绿道|慢行|校园周边/.test(r.title) && !provincial.test(r.title));
  const used = new Set<number>();
  return (category: string): DemoText => {
    const i = rows.findIndex((r, k) => !used.has(k) && r.category === category);
    if (i < 0) throw new Error(`演示数据：类别“${category}”的提案不够`);
    used.add(i);
    const r = rows[i];
    const title = /^关于/.test(r.title) ? r.title : `关于${r.title.replace(/[的]?(几点)?建议$/, '')}的建议`;
    return {
      title,
      category,
      background: sentencesUpTo(localise(r.background), 420),
      analysis: sentencesUpTo(localise(r.analysis), 420),
      suggestions: sentencesUpTo(localise(r.suggestions), 600),
    };
  };
}
