import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { assignments } from '../../platform/handling/schema.js';
import { ratingLabels, type RatingValue } from '../../platform/handling/plan.js';
import { chartOf, listLink, type CockpitChart } from '../../../shared/cockpit/cockpit.js';
import { suggestionStates, type SuggestionState } from '../../../shared/supervision/labels.js';
import { units } from '../org/schema.js';
import { latestRating } from './queries.js';
import { supervisionSuggestions as s } from './schema.js';
import { suggestionStats } from './stats.js';

const stateOrder = Object.keys(suggestionStates) as SuggestionState[];

/**
 * 民主监督 on the cockpit: the year's suggestions by state, the units they were sent to, the units'
 * written answers within the reply period (the statistics page's figures) and the groups' ratings.
 * A leader's list shows every suggestion past the group's draft, so the charts count those — each
 * part opens `/supervision/suggestions` filtered to exactly its suggestions.
 */
export const supervisionCockpit: CockpitSource = async (db: Executor, committeeId, year, today) => {
  const where = and(eq(s.committeeId, committeeId), eq(s.year, year), ne(s.status, 'draft'))!;
  const list = (query: Record<string, string | number | undefined> = {}) => listLink('/supervision/suggestions', { year, ...query });
  const [byState, byUnit, rated, stats] = await Promise.all([
    db.select({ status: s.status, n: sql<number>`count(*)::int` }).from(s).where(where).groupBy(s.status),
    db
      .select({ unitId: assignments.unitId, unit: units.name, n: sql<number>`count(distinct ${assignments.subjectId})::int` })
      .from(assignments)
      .innerJoin(s, eq(s.id, assignments.subjectId))
      .leftJoin(units, eq(units.id, assignments.unitId))
      .where(and(eq(assignments.subjectType, 'supervision'), ne(assignments.status, 'withdrawn'), where))
      .groupBy(assignments.unitId, units.name),
    db.select({ result: sql<string | null>`${latestRating(s.id)}`, n: sql<number>`count(*)::int` }).from(s).where(where).groupBy(sql`1`),
    suggestionStats(db, committeeId, year, today),
  ]);
  const period = 'workdays' in stats.replyPeriod ? `${stats.replyPeriod.workdays}个工作日` : `${stats.replyPeriod.months}个月`;
  const u = stats.units;
  const charts: Omit<CockpitChart, 'total' | 'rate'>[] = [
    {
      key: 'supervisionByState', section: 'supervision', title: '监督建议办理状态', kind: 'bar', unit: '件', link: list(), note: '小组起草中的建议不计',
      parts: stateOrder.map((k) => ({ key: k, label: suggestionStates[k], value: byState.find((r) => r.status === k)?.n ?? 0, link: list({ status: k }) })).filter((p) => p.value > 0),
    },
    {
      key: 'supervisionByUnit', section: 'supervision', title: '被监督单位收到监督建议', kind: 'bar', unit: '件次', note: '一件建议送多个单位时，每个单位各计一次',
      parts: byUnit.sort((a, b) => b.n - a.n || (a.unit ?? '').localeCompare(b.unit ?? '', 'zh')).map((r) => ({ key: r.unitId, label: r.unit ?? '', value: r.n, link: list({ unitId: r.unitId }) })),
    },
    {
      key: 'supervisionReplyInTime', section: 'supervision', title: `${period}内书面反馈率`, kind: 'rate', unit: '家次', good: ['inTime'],
      note: `按单位和轮次计（${u.sent}家次），超过${period}反馈或逾期未反馈的不计入按期`,
      parts: [
        { key: 'inTime', label: '按期反馈', value: u.inTime },
        { key: 'late', label: '超期反馈', value: u.replied - u.inTime },
        { key: 'overdue', label: '逾期未反馈', value: u.overdue },
        { key: 'waiting', label: '未到期限', value: u.sent - u.replied - u.overdue },
      ],
    },
    {
      key: 'supervisionSatisfaction', section: 'supervision', title: '监督小组评价满意率', kind: 'rate', unit: '件', good: ['satisfied', 'basically'], note: '按监督小组对最后一轮反馈的评价',
      parts: (Object.keys(ratingLabels) as RatingValue[]).map((v) => ({ key: v, label: ratingLabels[v], value: rated.find((r) => r.result === v)?.n ?? 0, link: list({ rating: v }) })),
    },
  ];
  return charts.map(chartOf);
};
