import { newWorkbook } from '../../platform/documents/workbook.js';
import { chineseDate, type Block, type Cell, type OfficialDocument } from '../../platform/documents/model.js';
import { ballotChoices } from '../../../shared/evaluation/labels.js';
import type { CampaignResults } from './results.js';
import type { Campaign } from './workflow.js';

const gradeWords = { satisfactory: '满意单位', focus: '重点跟踪整改', ranked: '' } as const;
const score = (n: number | null) => (n === null ? '—' : n.toFixed(2));

/**
 * 《民主评议结果报告》 as the committee sends it to the party committee for the departments'
 * annual assessment: how the campaign ran (proposal, approval, participation), the ranking with
 * each indicator's score, who is named satisfactory and who is followed up, the issuing body.
 */
export function reportLayout(c: Campaign, r: CampaignResults, committeeName: string): OfficialDocument {
  const title = `关于${c.year}年度民主评议部门工作结果的报告`;
  const head: Cell[] = ['名次', '评议部门', '参评人数（委员/代表/公众）', ...c.indicators.map((i) => `${i.label}（${i.weight}）`), '综合得分', '评定'].map((text) => ({ text, label: true }));
  const rows: Cell[][] = r.departments.map((d) => [
    { text: d.rank === null ? '—' : String(d.rank), align: 'center' },
    { text: d.name },
    { text: d.byKind.map((k) => k.respondents).join('/'), align: 'center' },
    ...d.indicators.map((i): Cell => ({ text: score(i.score), align: 'center' })),
    { text: score(d.score), align: 'center' },
    { text: d.grade ? gradeWords[d.grade] : '', align: 'center' },
  ]);
  const named = (g: 'satisfactory' | 'focus') => r.departments.filter((d) => d.grade === g).map((d) => d.name).join('、') || '无';
  const weights = c.indicators.map((i) => `${i.label}${i.weight}%`).join('、');
  const kinds = r.departments[0]?.byKind ?? [];
  const others = kinds.filter((k) => k.kind !== 'member').map((k) => `${k.label}${r.departments.reduce((s, d) => s + (d.byKind.find((x) => x.kind === k.kind)?.respondents ?? 0), 0)}人次`).join('、');
  const kindWeights = kinds.map((k) => `${k.label}${k.weight}%`).join('、');
  const blocks: Block[] = [
    { type: 'title', text: title },
    { type: 'addressee', text: '区委：' },
    {
      type: 'paragraph',
      content: `根据区委部署，区政协${c.proposedOn ? `经${chineseDate(c.proposedOn)}主席会议提出、` : ''}${c.approvedOn ? `${chineseDate(c.approvedOn)}区委批准，` : ''}对${c.unitIds.length}个部门开展${c.year}年度民主评议，按照准备、调查走访、评议审议、整改总结四个阶段组织实施。`,
    },
    {
      type: 'paragraph',
      content: `评议采取无记名问卷方式，受邀委员${r.invited}人，每个部门须有${r.quorum}人以上参评方为有效。评议指标及权重为：${weights}；每项按“${Object.values(ballotChoices).join('、')}”作答，“不了解”不计入得分。`,
    },
    {
      type: 'paragraph',
      content: `除委员外，${others}参加评议，分别计票；综合得分按${kindWeights}的权重合成（某类无有效评议的，按其余类别权重折算），参评人数须达法定比例仅计受邀委员。`,
    },
    { type: 'paragraph', content: `经评议，${named('satisfactory')}评为满意单位；${named('focus')}列为重点跟踪整改单位。各部门得分及名次如下。` },
    { type: 'table', widths: [6, 20, 10, ...c.indicators.map(() => Math.floor(44 / c.indicators.length)), 10, 12], rows: [head, ...rows], headerRows: 1, size: 9 },
    { type: 'paragraph', content: '建议将评议结果作为各部门年度绩效考核的重要参考。区政协将督促各部门对评议发现的问题限期整改，并适时开展“回头看”。' },
    { type: 'signature', name: committeeName, date: chineseDate(c.publishedOn ?? c.updatedAt) },
  ];
  return { title, author: committeeName, blocks };
}

/** The results as a workbook: the ranking, and the counts of every answer per indicator. */
export async function resultsWorkbook(c: Campaign, r: CampaignResults): Promise<Buffer> {
  const wb = await newWorkbook();
  const ranking = wb.addWorksheet('评议结果');
  ranking.addRow([`${c.title}（受邀委员${r.invited}人，每部门须${r.quorum}人以上参评）`]);
  const kinds = r.departments[0]?.byKind ?? [];
  ranking.addRow(['名次', '评议部门', '参评人数', ...kinds.map((k) => `${k.label}人数`), '达到法定人数', ...c.indicators.map((i) => `${i.label}（权重${i.weight}）`), ...kinds.map((k) => `${k.label}评分（权重${k.weight}%）`), '综合得分', '评定']);
  for (const d of r.departments) {
    ranking.addRow([d.rank ?? '', d.name, d.respondents, ...d.byKind.map((k) => k.respondents), d.quorumMet ? '是' : '否', ...d.indicators.map((i) => i.score ?? ''), ...d.byKind.map((k) => k.score ?? ''), d.score ?? '', d.grade ? gradeWords[d.grade] : '']);
  }
  ranking.getRow(2).font = { bold: true };
  ranking.columns.forEach((col, n) => (col.width = n === 1 ? 28 : 14));
  const counts = wb.addWorksheet('分项票数');
  counts.addRow(['评议部门', '评议指标', ...Object.values(ballotChoices), '指标得分']);
  for (const d of r.departments) for (const i of d.indicators) counts.addRow([d.name, i.label, i.counts.satisfied, i.counts.basic, i.counts.unsatisfied, i.counts.unknown, i.score ?? '']);
  counts.getRow(1).font = { bold: true };
  counts.columns.forEach((col, n) => (col.width = n < 2 ? 24 : 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
