import type { Block, Cell, OfficialDocument } from '../../platform/documents/model.js';
import type { SummaryReport } from '../../../shared/summary/report.js';

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/**
 * 《年度工作报告（数据）》: one section per module in the report's order — a 黑体 heading, the
 * sentence that reads its figures out, the figures as a two-column table and the office's own words
 * (a saved version's) — then the issuing body.
 */
export function summaryLayout(r: SummaryReport, issuedOn: string): OfficialDocument {
  const blocks: Block[] = [
    { type: 'title', text: r.title },
    { type: 'subtitle', text: r.version ? `（第${r.version.number}版，各项数据由系统根据业务记录统计生成）` : '（各项数据由系统根据业务记录统计生成）' },
    ...(r.intro ? [{ type: 'paragraph', content: r.intro } as Block] : []),
  ];
  r.sections.forEach((s, i) => {
    const rows: Cell[][] = [
      [{ text: '项目', label: true }, { text: '数量', label: true }],
      ...s.figures.map((f) => [{ text: f.label }, { text: `${f.value}${f.unit}`, align: 'center' as const }]),
    ];
    blocks.push({ type: 'heading', level: 1, text: `${ordinals[i] ?? i + 1}、${s.title}` }, { type: 'paragraph', content: s.text }, { type: 'table', widths: [70, 30], rows, headerRows: 1, size: 12 });
    // the office's own words about this part of the year, under its figures
    if (r.narratives[s.key]) blocks.push({ type: 'paragraph', content: r.narratives[s.key] });
  });
  blocks.push({ type: 'signature', name: r.committeeName, date: issuedOn });
  return { title: r.title, author: r.committeeName, blocks };
}
