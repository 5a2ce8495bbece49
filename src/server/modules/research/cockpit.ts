import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { chartOf, listLink, type CockpitChart } from '../../../shared/cockpit/cockpit.js';
import { reportStates, researchForms, type ReportState, type ResearchForm } from '../../../shared/research/labels.js';
import { researchTopics as t } from './schema.js';

/**
 * 调研视察 on the cockpit: the year's topics by how far their report has come, and by form (专题调研 or
 * 专项视察). The topics list shows every topic of the year to the office and the leaders, so each part
 * opens `/research/topics` filtered to exactly the topics it counts.
 */
export const researchCockpit: CockpitSource = async (db: Executor, committeeId, year) => {
  const rows = await db
    .select({ status: t.status, form: t.form, n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.committeeId, committeeId), eq(t.year, year)))
    .groupBy(t.status, t.form);
  const list = (query: Record<string, string | number | undefined> = {}) => listLink('/research/topics', { year, ...query });
  const sum = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((n, r) => n + r.n, 0);
  const charts: Omit<CockpitChart, 'total' | 'rate'>[] = [
    {
      key: 'researchByState', section: 'research', title: '调研课题报告进度', kind: 'bar', unit: '个', link: list(),
      parts: (Object.keys(reportStates) as ReportState[]).map((k) => ({ key: k, label: reportStates[k], value: sum((r) => r.status === k), link: list({ status: k }) })),
    },
    {
      key: 'researchByForm', section: 'research', title: '调研视察形式', kind: 'pie', unit: '个', link: list(),
      parts: (Object.keys(researchForms) as ResearchForm[]).map((k) => ({ key: k, label: researchForms[k], value: sum((r) => r.form === k), link: list({ form: k }) })),
    },
  ];
  return charts.map(chartOf);
};
