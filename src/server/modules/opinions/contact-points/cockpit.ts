import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { listLink, type CockpitChart } from '../../../../shared/cockpit/cockpit.js';
import { opinionContactPoints } from '../schema.js';
import { contactPointCounts } from './queries.js';

/**
 * 社情民意联系点 on the cockpit: the year's reports that came through each point, and those adopted —
 * each bar the reports its list shows (`?contactPointId=`, with `&status=adopted`).
 */
export async function contactPointCharts(db: Executor, committeeId: string, year: number): Promise<Omit<CockpitChart, 'total' | 'rate'>[]> {
  const [points, counts] = await Promise.all([
    db.select({ id: opinionContactPoints.id, name: opinionContactPoints.name }).from(opinionContactPoints).where(eq(opinionContactPoints.committeeId, committeeId)).orderBy(asc(opinionContactPoints.name)),
    contactPointCounts(db, committeeId, year),
  ]);
  const used = points.filter((p) => counts.has(p.id));
  if (!used.length) return [];
  const link = (contactPointId: string, status?: string) => listLink('/opinions/queue', { scope: 'all', year, contactPointId, status });
  return [
    {
      key: 'opinionsByContactPoint', section: 'opinions', title: '联系点报送的社情民意信息', kind: 'bar', unit: '篇', note: '经社情民意联系点收集报送的信息（不含草稿和撤回的）',
      parts: used.map((p) => ({ key: p.id, label: p.name, value: counts.get(p.id)!.reports, link: link(p.id) })),
    },
    {
      key: 'opinionsAdoptedByContactPoint', section: 'opinions', title: '联系点信息编入期刊采用', kind: 'bar', unit: '篇',
      parts: used.map((p) => ({ key: p.id, label: p.name, value: counts.get(p.id)!.adopted, link: link(p.id, 'adopted') })),
    },
  ];
}
