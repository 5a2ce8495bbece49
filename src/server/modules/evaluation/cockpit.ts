import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { chartOf, type CockpitChart } from '../../../shared/cockpit/cockpit.js';
import { findingStates, resultGrades, type FindingState, type ResultGrade } from '../../../shared/evaluation/labels.js';
import { resultsOf } from './load.js';
import { evaluationCampaigns, evaluationFindings } from './schema.js';
import type { Campaign } from './workflow.js';

const gradeOrder: ResultGrade[] = ['satisfactory', 'ranked', 'focus'];
const gradeLabel: Record<ResultGrade, string> = { ...resultGrades, ranked: '其他参评部门' };

/**
 * 民主评议 on the cockpit: the departments of the year's published campaigns by what the ranking
 * named them (满意单位, 重点跟踪整改, the others) — each chart opening its campaign's results — and
 * the rectification items (整改事项) by state, the rate being those the look-back (回头看) passed.
 */
export const evaluationCockpit: CockpitSource = async (db: Executor, committeeId, year) => {
  const [published, findings] = await Promise.all([
    db.select().from(evaluationCampaigns).where(and(eq(evaluationCampaigns.committeeId, committeeId), eq(evaluationCampaigns.year, year), isNotNull(evaluationCampaigns.publishedOn))).orderBy(asc(evaluationCampaigns.createdAt)) as Promise<Campaign[]>,
    db.select({ status: evaluationFindings.status, n: sql<number>`count(*)::int` }).from(evaluationFindings).where(and(eq(evaluationFindings.committeeId, committeeId), eq(evaluationFindings.year, year))).groupBy(evaluationFindings.status),
  ]);
  const charts: Omit<CockpitChart, 'total' | 'rate'>[] = [];
  for (const c of published) {
    const { departments } = await resultsOf(db, c);
    charts.push({
      key: `evaluationGrades-${c.id}`, section: 'supervision', title: `民主评议结果：${c.title}`, kind: 'pie', unit: '个部门', link: `/evaluation/campaigns/${c.id}`,
      note: departments.filter((d) => d.rank === 1).map((d) => `第一名${d.name}（${d.score}分）`).join('；') || undefined,
      parts: gradeOrder.map((g) => ({ key: g, label: gradeLabel[g], value: departments.filter((d) => d.grade === g).length })),
    });
  }
  charts.push({
    key: 'evaluationRectification', section: 'supervision', title: '民主评议整改完成率', kind: 'rate', unit: '项', good: ['passed'], note: '整改事项经回头看通过的比例',
    parts: (Object.keys(findingStates) as FindingState[]).map((k) => ({ key: k, label: findingStates[k], value: findings.find((f) => f.status === k)?.n ?? 0 })),
  });
  return charts.map(chartOf);
};
