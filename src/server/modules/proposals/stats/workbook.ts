import { newWorkbook } from '../../../platform/documents/workbook.js';
import { ratingLabels } from '../../../platform/handling/plan.js';
import type { ProposalStats } from './report.js';

type Column = { header: string; key: string; width: number };
const rate = (v: number | null) => (v === null ? '—' : `${v}%`);

/** The session's figures as an .xlsx workbook: 总体情况, 按类别, 按承办单位 (Chinese headers throughout). */
export async function statsWorkbook(s: ProposalStats, committeeName: string): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = committeeName;
  const sheet = (name: string, columns: Column[], rows: object[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    ws.addRows(rows);
  };
  const o = s.overall;
  const title = `${committeeName} ${s.session?.name ?? ''}`.trim();
  sheet('总体情况', [{ header: '项目', key: 'k', width: 30 }, { header: '数值', key: 'v', width: 14 }], [
    { k: '统计范围', v: title },
    { k: '收到提案（件）', v: o?.received ?? 0 },
    { k: '立案（件）', v: o?.filed ?? 0 },
    { k: '并案（件）', v: o?.merged ?? 0 },
    { k: '转为意见建议（件）', v: o?.converted ?? 0 },
    { k: '不予立案（件）', v: o?.notFiled ?? 0 },
    { k: '审查中（件）', v: o?.pending ?? 0 },
    { k: '立案率（立案＋并案÷收到）', v: rate(o?.filingRate ?? null) },
    { k: '已办复（件）', v: o?.replied ?? 0 },
    { k: '办复率（已办复÷立案）', v: rate(o?.replyRate ?? null) },
    { k: '重点提案（件）', v: o?.key ?? 0 },
    { k: '个人提案（件）', v: o?.byAuthorType.individual ?? 0 },
    { k: '联名提案（件）', v: o?.byAuthorType.joint ?? 0 },
    { k: '集体提案（件）', v: o?.byAuthorType.collective ?? 0 },
    { k: '提出提案的委员（人）', v: o?.proposers ?? 0 },
    { k: '委员提案参与率', v: rate(o?.proposerShare ?? null) },
    { k: '承办单位（个）', v: o?.units ?? 0 },
    ...(['attitude', 'result'] as const).flatMap((a) => {
      const x = s.satisfaction?.[a];
      const name = a === 'attitude' ? '办理态度' : '办理结果';
      return [
        ...(['satisfied', 'basically', 'unsatisfied'] as const).map((v) => ({ k: `${name}${ratingLabels[v]}（件）`, v: x?.[v] ?? 0 })),
        { k: `${name}满意率（满意＋基本满意）`, v: rate(x?.rate ?? null) },
      ];
    }),
    ...s.answerClasses.map((c) => ({ k: `${c.code}类答复（${c.label}）`, v: `${c.count}件（${rate(c.share)}）` })),
  ]);
  sheet(
    '按类别',
    [
      { header: '类别', key: 'category', width: 14 }, { header: '收到', key: 'received', width: 8 }, { header: '立案', key: 'filed', width: 8 },
      { header: '并案', key: 'merged', width: 8 }, { header: '转为意见建议', key: 'converted', width: 14 }, { header: '不予立案', key: 'notFiled', width: 10 },
      { header: '立案率', key: 'filingRate', width: 10 }, { header: '已办复', key: 'replied', width: 8 }, { header: '办复率', key: 'replyRate', width: 10 },
    ],
    s.byCategory.map((c) => ({ ...c, filingRate: rate(c.filingRate), replyRate: rate(c.replyRate) })),
  );
  sheet(
    '按承办单位',
    [
      { header: '承办单位', key: 'unit', width: 28 }, { header: '交办件数', key: 'assigned', width: 10 }, { header: '主办/单办/分办', key: 'leading', width: 14 },
      { header: '协办/会办', key: 'assisting', width: 10 }, { header: '已答复', key: 'replied', width: 8 }, { header: '办复率', key: 'replyRate', width: 10 },
      ...s.answerClasses.map((c) => ({ header: `${c.code}类`, key: `class_${c.code}`, width: 6 })),
      { header: '超期未办', key: 'overdue', width: 10 }, { header: '态度满意率', key: 'attitudeRate', width: 12 }, { header: '结果满意率', key: 'resultRate', width: 12 },
    ],
    s.byUnit.map((u) => ({
      ...u, replyRate: rate(u.replyRate), attitudeRate: rate(u.attitudeRate), resultRate: rate(u.resultRate),
      ...Object.fromEntries(Object.entries(u.classes).map(([code, n]) => [`class_${code}`, n])),
    })),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
