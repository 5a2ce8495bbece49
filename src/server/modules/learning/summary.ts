import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount } from '../../../shared/summary/report.js';
import { yearFigures } from './queries.js';

/**
 * 学习 of a year: 每日一学 items published and the members' 已学 marks (the read rate is marks over
 * items × serving members), 书香政协 reading groups and their check-ins.
 */
export const learningSummary: SummarySource = async (db, committeeId, year) => {
  const f = await yearFigures(db, committeeId, year);
  const figures = [
    { key: 'items', label: '推送每日一学', value: f.items, unit: '期', link: '/learning/items' },
    { key: 'marks', label: '委员已学', value: f.marks, unit: '人次', link: '/learning/items' },
    { key: 'rate', label: '学习率', value: f.rate, unit: '%', link: '/learning/items' },
    { key: 'groups', label: '书香政协读书小组', value: f.groups, unit: '个', link: '/learning/groups' },
    { key: 'checkins', label: '读书打卡', value: f.checkins, unit: '次', link: '/learning/groups' },
  ];
  const [items, marks, , groups, checkins] = figures;
  return {
    key: 'learning', title: '委员学习', order: 64, figures,
    text: `坚持把学习作为履职的基础，全年推送每日一学${amount(items!)}，委员已学${amount(marks!)}，学习率${f.rate}%；组织书香政协读书小组${amount(groups!)}，委员读书打卡${amount(checkins!)}。`,
  };
};
