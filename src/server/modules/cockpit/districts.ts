import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { committees } from '../../platform/tenancy/schema.js';
import { activities } from '../../platform/activity/schema.js';
import { opinions } from '../opinions/schema.js';
import { proposals } from '../proposals/schema.js';
import { filedStates } from '../proposals/workflow.js';
import type { DistrictTotals } from '../../../shared/cockpit/cockpit.js';

/**
 * The committees directly below this one (a city's districts), side by side: each one's totals of
 * the year, counted in one grouped query per kind of record — sums only; no record of theirs is
 * read or linked (the city opens what a district sends up through 下级报送, not its lists).
 * Counted the way each committee's own cockpit counts them.
 */
export async function districtTotals(db: Executor, committeeId: string, year: number): Promise<DistrictTotals[]> {
  const below = await db.select({ id: committees.id, name: committees.shortName }).from(committees).where(eq(committees.parentId, committeeId)).orderBy(committees.shortName);
  if (below.length === 0) return [];
  const ids = below.map((c) => c.id);
  const [p, o, m] = await Promise.all([
    db
      .select({
        committeeId: proposals.committeeId,
        received: sql<number>`count(*)::int`,
        filed: sql<number>`count(*) filter (where ${inArray(proposals.status, filedStates)})::int`,
        replied: sql<number>`count(*) filter (where ${inArray(proposals.status, ['replied', 'rehandling', 'closed'])})::int`,
      })
      .from(proposals)
      .where(and(inArray(proposals.committeeId, ids), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.status} not in ('draft', 'withdrawn')`))
      .groupBy(proposals.committeeId),
    db
      .select({ committeeId: opinions.committeeId, received: sql<number>`count(*)::int`, adopted: sql<number>`count(*) filter (where ${opinions.status} = 'adopted')::int` })
      .from(opinions)
      .where(and(inArray(opinions.committeeId, ids), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`))
      .groupBy(opinions.committeeId),
    db
      .select({ committeeId: activities.committeeId, held: sql<number>`count(*)::int` })
      .from(activities)
      .where(and(inArray(activities.committeeId, ids), eq(activities.ownerType, 'meeting'), eq(activities.year, year), eq(activities.status, 'closed')))
      .groupBy(activities.committeeId),
  ]);
  return below.map((c) => {
    const pr = p.find((r) => r.committeeId === c.id);
    const op = o.find((r) => r.committeeId === c.id);
    const me = m.find((r) => r.committeeId === c.id);
    return {
      committeeId: c.id,
      name: c.name,
      figures: [
        { key: 'proposalsReceived', label: '收到提案', value: pr?.received ?? 0, unit: '件' },
        { key: 'proposalsFiled', label: '立案', value: pr?.filed ?? 0, unit: '件' },
        { key: 'proposalsReplied', label: '已办复', value: pr?.replied ?? 0, unit: '件' },
        { key: 'opinionsReceived', label: '社情民意信息', value: op?.received ?? 0, unit: '篇' },
        { key: 'opinionsAdopted', label: '编发采用', value: op?.adopted ?? 0, unit: '篇' },
        { key: 'meetingsHeld', label: '举行会议活动', value: me?.held ?? 0, unit: '次' },
      ],
    };
  });
}
