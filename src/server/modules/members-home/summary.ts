import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount } from '../../../shared/summary/report.js';
import { yearFigures } from './queries.js';

/**
 * 委员之家 of a year, counted from the visit log (seed: "接待委员268人次,收集工作建议90余条,转化提案和
 * 社情民意信息30余件"): visits received on duty days, suggestions collected, suggestions converted.
 */
export const homeSummary: SummarySource = async (db, committeeId, year) => {
  const f = await yearFigures(db, committeeId, year);
  const link = `/members-home/visits?year=${year}`;
  const figures = [
    { key: 'visits', label: '委员之家接待来访', value: f.visits, unit: '人次', link },
    { key: 'suggestions', label: '收集工作建议', value: f.suggestions, unit: '条', link },
    { key: 'converted', label: '转化提案和社情民意信息', value: f.converted, unit: '件', link },
  ];
  const [visits, suggestions, converted] = figures;
  return {
    key: 'membersHome', title: '委员之家和主席接待日', order: 62, figures,
    text: `委员之家坚持主席会议成员和专委会负责人轮流值班接待，全年接待来访${amount(visits!)}，收集工作建议${amount(suggestions!)}，转化提案和社情民意信息${amount(converted!)}。`,
  };
};
