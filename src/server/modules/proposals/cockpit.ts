import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { assignments } from '../../platform/handling/schema.js';
import { overdueAssignment } from '../../platform/handling/scope.js';
import { ratingLabels, type RatingValue } from '../../platform/handling/plan.js';
import { chartOf, listLink, type CockpitChart } from '../../../shared/cockpit/cockpit.js';
import { proposalStates, type ProposalState } from '../../../shared/proposals/labels.js';
import { units } from '../org/schema.js';
import { proposals } from './schema.js';
import { latestResult } from './queries.js';
import { filedStates } from './workflow.js';
import { topicCharts } from './topics/stats.js';

const repliedStates: ProposalState[] = ['replied', 'rehandling', 'closed'];
const stateOrder = Object.keys(proposalStates) as ProposalState[];

/**
 * The proposals of a year as the committee's lists show them to a leader: this committee's own
 * (imported history left out), submitted and not withdrawn — the same rows as `/proposals/all?session=all&year=…&historical=0`.
 */
const ofYear = (committeeId: string, year: number) =>
  and(eq(proposals.committeeId, committeeId), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.status} not in ('draft', 'withdrawn')`)!;

/**
 * 提案 on the cockpit: by state, category and handling unit, the reply and satisfaction rates, the
 * units' overdue proposals (the handling primitive's deadline fact) and the key proposals' progress.
 * Three grouped queries, whatever the number of proposals or units.
 */
export const proposalCockpit: CockpitSource = async (db: Executor, committeeId, year, today) => {
  const where = ofYear(committeeId, year);
  const rated = db.select({ result: sql<string | null>`${latestResult}`.as('result') }).from(proposals).where(where).as('rated');
  const list = (query: Record<string, string | number | undefined> = {}, path = '/proposals/all') => listLink(path, { session: 'all', year, historical: 0, ...query });
  const [groups, byUnit, ratings, topics] = await Promise.all([
    db.select({ status: proposals.status, category: proposals.category, isKey: proposals.isKey, n: sql<number>`count(*)::int` }).from(proposals).where(where).groupBy(proposals.status, proposals.category, proposals.isKey),
    db
      .select({
        unitId: assignments.unitId,
        unit: units.name,
        assigned: sql<number>`count(distinct ${assignments.subjectId})::int`,
        overdue: sql<number>`count(distinct ${assignments.subjectId}) filter (where ${overdueAssignment(today)})::int`,
      })
      .from(assignments)
      .innerJoin(proposals, eq(proposals.id, assignments.subjectId))
      .leftJoin(units, eq(units.id, assignments.unitId))
      .where(and(eq(assignments.subjectType, 'proposal'), sql`${assignments.status} <> 'withdrawn'`, where))
      .groupBy(assignments.unitId, units.name),
    db.select({ result: rated.result, n: sql<number>`count(*)::int` }).from(rated).groupBy(rated.result),
    topicCharts(db, committeeId, year),
  ]);
  const sum = (rows: typeof groups) => rows.reduce((s, r) => s + r.n, 0);
  const byState = (rows: typeof groups, states: ProposalState[], path?: string) =>
    states.map((s) => ({ key: s, label: proposalStates[s], value: sum(rows.filter((r) => r.status === s)), link: list({ status: s }, path) })).filter((p) => p.value > 0);
  const categories = [...new Set(groups.map((g) => g.category ?? ''))].sort((a, b) => a.localeCompare(b, 'zh'));
  const unitRows = byUnit.sort((a, b) => b.assigned - a.assigned || (a.unit ?? '').localeCompare(b.unit ?? '', 'zh'));
  const late = unitRows.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue || (a.unit ?? '').localeCompare(b.unit ?? '', 'zh'));
  const key = groups.filter((g) => g.isKey);
  const charts: Omit<CockpitChart, 'total' | 'rate'>[] = [
    { key: 'proposalsByState', section: 'proposals', title: '提案办理状态', kind: 'bar', unit: '件', link: list(), parts: byState(groups, stateOrder) },
    {
      key: 'proposalsByCategory', section: 'proposals', title: '提案类别', kind: 'pie', unit: '件', link: list(),
      parts: categories.map((c) => ({ key: c || 'none', label: c || '未分类', value: sum(groups.filter((g) => (g.category ?? '') === c)), ...(c ? { link: list({ category: c }) } : {}) })),
    },
    {
      key: 'proposalsByUnit', section: 'proposals', title: '承办单位交办件数', kind: 'bar', unit: '件次', note: '一件提案交多个单位办理时，每个单位各计一次',
      parts: unitRows.map((u) => ({ key: u.unitId, label: u.unit ?? '', value: u.assigned, link: list({ unitId: u.unitId }) })),
    },
    {
      key: 'proposalsOverdueByUnit', section: 'proposals', title: '承办单位超期未答复', kind: 'bar', unit: '件次', note: `截至${today}，超过答复期限（按工作日计）仍未答复`,
      parts: late.map((u) => ({ key: u.unitId, label: u.unit ?? '', value: u.overdue, link: list({ unitId: u.unitId, overdue: 1 }) })),
    },
    { key: 'proposalReplyRate', section: 'proposals', title: '办复率', kind: 'rate', unit: '件', note: '已立案提案中已答复、二次办理和已办结的比例', good: repliedStates, link: list(), parts: byState(groups, filedStates) },
    {
      key: 'proposalSatisfaction', section: 'proposals', title: '办理结果满意率', kind: 'rate', unit: '件', note: '按提案者对最后一轮答复的评价（满意、基本满意）', good: ['satisfied', 'basically'],
      parts: (Object.keys(ratingLabels) as RatingValue[]).map((v) => ({ key: v, label: ratingLabels[v], value: ratings.find((r) => r.result === v)?.n ?? 0, link: list({ rating: v }) })),
    },
    { key: 'keyProposals', section: 'proposals', title: '重点提案办理进度', kind: 'bar', unit: '件', link: list({}, '/proposals/key'), parts: byState(key, stateOrder, '/proposals/key') },
    ...topics,
  ];
  return charts.map(chartOf);
};

