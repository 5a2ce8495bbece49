import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { chartOf, listLink } from '../../../shared/cockpit/cockpit.js';
import { committeeScores } from './queries.js';

/**
 * 委员履职 on the cockpit: how the active members' scores of the year fall into the scheme's grades
 * (or bands of ten points where it sets none), and how many have not met the yearly requirements —
 * the same scores, brought up to date, that 履职排名 ranks (`committeeScores`), so its list of those
 * below the requirements holds exactly the members counted.
 */
export const performanceCockpit: CockpitSource = async (db: Executor, committeeId, year, _today, now) => {
  const { rules, rows } = await committeeScores(db, committeeId, year, now);
  const rankings = (query: Record<string, string | number> = {}) => listLink('/performance/rankings', { year, ...query });
  const tally = new Map<string, { label: string; value: number; order: number }>();
  const add = (key: string, label: string, order: number) => tally.set(key, { label, order, value: (tally.get(key)?.value ?? 0) + 1 });
  for (const r of rows) {
    if (rules.grades.length > 0) {
      const i = r.grade ? rules.grades.findIndex((g) => g.key === r.grade!.key) : -1;
      if (r.grade) add(r.grade.key, r.grade.label, i >= 0 ? i : rules.grades.length);
      else add('none', '未评定等次', rules.grades.length + 1);
    } else {
      const low = Math.floor(r.total / 10) * 10;
      add(String(low), `${low}–${low + 9.9}分`, -low);
    }
  }
  const lacking = rows.filter((r) => r.lacking.length > 0).length;
  return [
    chartOf({
      key: 'performanceGrades', section: 'performance', title: rules.grades.length > 0 ? '履职等次分布' : '履职得分分布', kind: 'bar', unit: '人', link: rankings(),
      note: `按${rules.name}计分`,
      parts: [...tally].sort((a, b) => a[1].order - b[1].order).map(([key, t]) => ({ key, label: t.label, value: t.value })),
    }),
    chartOf({
      key: 'performanceQuotas', section: 'performance', title: '年度基本要求完成情况', kind: 'rate', unit: '人', link: rankings(), good: ['met'],
      note: '未完成的委员可能达不到年度履职基本要求，宜及早提醒',
      parts: [
        { key: 'met', label: '已完成', value: rows.length - lacking },
        { key: 'lacking', label: '尚未完成', value: lacking, link: rankings({ belowQuota: 1 }) },
      ],
    }),
  ];
};
