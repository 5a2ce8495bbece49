import { chineseDate, type Block, type Cell, type OfficialDocument } from '../../platform/documents/model.js';

export interface PlanDocument {
  committeeName: string;
  title: string;
  year: number;
  revision: number;
  approvedOn: string | null;
  items: { title: string; formLabel: string; lead: string; units: string; month: number; researchFirst: boolean; source: string }[];
}

/**
 * 《年度协商计划》 as the committee issues it: the title, a short preamble, one table row per topic
 * (议题、形式、牵头专委会、参与部门、时间、先调研), the issuing body and the date of approval.
 */
export function planLayout(d: PlanDocument): OfficialDocument {
  const head: Cell[] = ['序号', '协商议题', '协商形式', '牵头专委会', '参与部门', '时间'].map((text) => ({ text, label: true }));
  const rows: Cell[][] = d.items.map((i, n) => [
    { text: String(n + 1), align: 'center' },
    { text: `${i.title}${i.researchFirst ? '（先调研后协商）' : ''}` },
    { text: i.formLabel, align: 'center' },
    { text: i.lead || '—', align: 'center' },
    { text: i.units || '—' },
    { text: `${i.month}月`, align: 'center' },
  ]);
  const blocks: Block[] = [
    { type: 'title', text: d.title },
    ...(d.revision > 1 ? [{ type: 'subtitle', text: `（第${d.revision}次修订）` } as Block] : []),
    {
      type: 'paragraph',
      content: `根据党政点题、政协选题、委员荐题、群众出题征集情况，经专委会基础审查、办公室研究审查、主席会议协商审查、党委常委会终审，确定${d.year}年度协商议题${d.items.length}项如下。各协商活动坚持“先调研、后协商”，协商成果报送党委、政府并跟踪落实。`,
    },
    { type: 'table', widths: [6, 30, 14, 14, 22, 8], rows: [head, ...rows], headerRows: 1, size: 10.5 },
    { type: 'signature', name: d.committeeName, date: d.approvedOn ? chineseDate(d.approvedOn) : '（待批准）' },
  ];
  return { title: d.title, author: d.committeeName, blocks };
}
