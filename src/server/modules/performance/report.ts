import { renderDocx } from '../../platform/documents/docx.js';
import { sizes, type Block, type Cell, type OfficialDocument } from '../../platform/documents/model.js';
import type { memberRecord } from './queries.js';

type Record = Awaited<ReturnType<typeof memberRecord>>;

const head = (texts: string[]): Cell[] => texts.map((text) => ({ text, label: true }));
const row = (texts: string[]): Cell[] => texts.map((text) => ({ text }));
/** a table with a header row in 小四, so that five columns fit the line */
const table = (widths: number[], header: string[], rows: string[][]): Block => ({ type: 'table', widths, headerRows: 1, size: sizes.xiaosi, rows: [head(header), ...rows.map(row)] });
const heading = (text: string): Block => ({ type: 'heading', level: 1, text });

/**
 * 委员年度履职报告 on the shared official page: who, the score and grade, each item, the yearly
 * minimum, and every entry with its points.
 */
export function reportLayout(committeeName: string, r: Record): OfficialDocument {
  const m = r.member;
  const blocks: Block[] = [
    { type: 'masthead', name: committeeName, maxSize: 26 },
    { type: 'title', text: `委员${r.year}年度履职报告` },
    table([1, 1, 1, 1.4], ['姓名', '委员编号', '职务', '界别'], [[m.name, m.code, m.positionLabel, m.sectorName ?? '—']]),
    heading('一、履职得分'),
    { type: 'paragraph', content: `考核办法：${r.rulesName}。总分 ${r.total} 分${r.grade ? `，等次：${r.grade.label}` : ''}${r.base ? `（含基础分 ${r.base} 分）` : ''}。` },
    ...(r.categories.length ? [table([3, 1], ['分类', '得分'], r.categories.map((c) => [c.tier ? `${c.label}（${c.tier}）` : c.label, String(c.points)]))] : []),
    table([3, 1, 1, 1.5], ['计分项目', '数量', '得分', '说明'], r.items.map((i) => [i.label, String(i.units), String(i.points), i.capped ? '已达上限' : ''])),
    heading('二、年度基本要求'),
    r.quotas.length
      ? table([3, 1, 1, 1.5], ['要求', '应完成', '已完成', '情况'], r.quotas.map((q) => [q.label, String(q.need), String(q.have), q.met ? '已完成' : `尚需${q.need - q.have}`]))
      : { type: 'paragraph', content: '本办法未设年度基本要求。' },
    ...(r.sanctions.length ? [heading('三、提示'), ...r.sanctions.map((s): Block => ({ type: 'paragraph', content: `${s.label}：${s.count}次` }))] : []),
    heading(r.sanctions.length ? '四、履职记录' : '三、履职记录'),
    table([1.6, 2, 1.2, 0.8, 2.4], ['日期', '事项', '角色', '得分', '说明'], r.entries.map((e) => [e.day, e.kindLabel, e.part === 'lead' ? '主笔/本人' : '参与', String(e.points), [e.note, e.reason].filter(Boolean).join('；')])),
  ];
  return { title: `${m.name} ${r.year}年度履职报告`, author: committeeName, blocks };
}

/** The report as a .docx. */
export const reportDocx = (committeeName: string, r: Record): Promise<Buffer> => renderDocx(reportLayout(committeeName, r));
