import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { outcomeLabels } from '../../platform/activity/kinds.js';
import { ratingLabels, type RatingValue } from '../../platform/handling/plan.js';
import { proposals } from '../proposals/schema.js';
import { latestResult } from '../proposals/queries.js';
import { filedStates } from '../proposals/workflow.js';
import { opinions } from '../opinions/schema.js';
import type { DistrictFigure, DistrictTotalsAnswer } from '../../../shared/joint/responses.js';
import { childCommittees } from './load.js';

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/**
 * 各区履职统计: each district's totals of a year — proposals received, filed (立案), replied,
 * satisfaction (满意率, from the proposer's latest rating), 社情民意 received and adopted,
 * attendance at closed events, meetings held — by grouped counts over the districts' tables: sums
 * and rates only, no record's id, title or name. The all-districts row is the sum of the districts;
 * every rate comes with its parts. Counted as each district's own cockpit counts them; the city's
 * cockpit draws the counts of the same answer side by side.
 */
export async function districtTotals(db: Executor, committeeId: string, year: number): Promise<DistrictTotalsAnswer> {
  const below = await childCommittees(db, committeeId);
  const ids = below.map((c) => c.id);
  if (ids.length === 0) return { year, districts: [], total: null };
  const ofYear = and(inArray(proposals.committeeId, ids), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.status} not in ('draft', 'withdrawn')`)!;
  const rated = db.select({ committeeId: proposals.committeeId, result: sql<string | null>`${latestResult}`.as('result') }).from(proposals).where(ofYear).as('rated');
  const closedOfYear = and(inArray(activities.committeeId, ids), eq(activities.year, year), eq(activities.status, 'closed'));
  const [p, r, o, m, h] = await Promise.all([
    db
      .select({
        committeeId: proposals.committeeId,
        received: sql<number>`count(*)::int`,
        filed: sql<number>`count(*) filter (where ${inArray(proposals.status, filedStates)})::int`,
        replied: sql<number>`count(*) filter (where ${inArray(proposals.status, ['replied', 'rehandling', 'closed'])})::int`,
      })
      .from(proposals)
      .where(ofYear)
      .groupBy(proposals.committeeId),
    db.select({ committeeId: rated.committeeId, result: rated.result, n: sql<number>`count(*)::int` }).from(rated).where(sql`${rated.result} is not null`).groupBy(rated.committeeId, rated.result),
    db
      .select({ committeeId: opinions.committeeId, received: sql<number>`count(*)::int`, adopted: sql<number>`count(*) filter (where ${opinions.status} = 'adopted')::int` })
      .from(opinions)
      .where(and(inArray(opinions.committeeId, ids), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`))
      .groupBy(opinions.committeeId),
    db
      .select({ committeeId: activities.committeeId, outcome: activityInvitees.outcome, n: sql<number>`count(*)::int` })
      .from(activityInvitees)
      .innerJoin(activities, eq(activities.id, activityInvitees.activityId))
      .where(and(closedOfYear, sql`${activityInvitees.outcome} <> 'none'`))
      .groupBy(activities.committeeId, activityInvitees.outcome),
    db
      .select({ committeeId: activities.committeeId, held: sql<number>`count(*)::int` })
      .from(activities)
      .where(and(closedOfYear, eq(activities.ownerType, 'meeting')))
      .groupBy(activities.committeeId),
  ]);
  /** One district's counts, or (null) all of them summed. */
  const counts = (of: string | null) => {
    const sum = <T extends { committeeId: string }>(rows: T[], f: (x: T) => number) => rows.filter((x) => of === null || x.committeeId === of).reduce((s, x) => s + f(x), 0);
    const rating = (v: string) => sum(r.filter((x) => x.result === v), (x) => x.n);
    const outcome = (v: string) => sum(m.filter((x) => x.outcome === v), (x) => x.n);
    return {
      received: sum(p, (x) => x.received), filed: sum(p, (x) => x.filed), replied: sum(p, (x) => x.replied),
      opinions: sum(o, (x) => x.received), adopted: sum(o, (x) => x.adopted), held: sum(h, (x) => x.held),
      ratings: (Object.keys(ratingLabels) as RatingValue[]).map((v) => ({ key: v, label: ratingLabels[v], value: rating(v) })),
      outcomes: (['attended', 'excused', 'absent', 'leaveRefused'] as const).map((v) => ({ key: v, label: outcomeLabels[v], value: outcome(v) })),
    };
  };
  const figures = (c: ReturnType<typeof counts>): DistrictFigure[] => {
    const rated = c.ratings.reduce((s, x) => s + x.value, 0);
    const good = c.ratings.filter((x) => x.key === 'satisfied' || x.key === 'basically').reduce((s, x) => s + x.value, 0);
    const expected = c.outcomes.reduce((s, x) => s + x.value, 0);
    const attended = c.outcomes.find((x) => x.key === 'attended')!.value;
    return [
      { key: 'proposalsReceived', label: '收到提案', value: c.received, unit: '件' },
      { key: 'proposalsFiled', label: '立案', value: c.filed, unit: '件' },
      { key: 'proposalsReplied', label: '已办复', value: c.replied, unit: '件' },
      { key: 'satisfaction', label: '满意率', value: pct(good, rated), unit: '%', parts: c.ratings },
      { key: 'opinionsReceived', label: '社情民意信息', value: c.opinions, unit: '篇' },
      { key: 'opinionsAdopted', label: '社情民意采用', value: c.adopted, unit: '篇' },
      { key: 'attendance', label: '出席率', value: pct(attended, expected), unit: '%', parts: c.outcomes },
      { key: 'meetingsHeld', label: '举行会议活动', value: c.held, unit: '次' },
    ];
  };
  return {
    year,
    districts: below.map((c) => ({ committeeId: c.id, name: c.name, figures: figures(counts(c.id)) })),
    total: { name: '合计', figures: figures(counts(null)) },
  };
}
