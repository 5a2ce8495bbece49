import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { amount, percent } from '../../../shared/summary/report.js';

const plenaryKinds = ['plenary'];
const councilKinds = ['standingCommittee', 'chairs'];

/**
 * 会议活动 of a year: the events held (closed, so attendance is confirmed) of every owning module,
 * the plenary half-days and the standing committee's and chairs' meetings among them, and how many
 * of the members invited attended (出席率).
 */
export const meetingSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const held = and(eq(activities.committeeId, committeeId), eq(activities.year, year), eq(activities.status, 'closed'));
  const [a] = await db
    .select({
      held: sql<number>`count(*)::int`,
      plenary: sql<number>`count(*) filter (where ${inArray(activities.kind, plenaryKinds)})::int`,
      councils: sql<number>`count(*) filter (where ${inArray(activities.kind, councilKinds)})::int`,
    })
    .from(activities)
    .where(held);
  const [i] = await db
    .select({ invited: sql<number>`count(*)::int`, attended: sql<number>`count(*) filter (where ${activityInvitees.outcome} = 'attended')::int` })
    .from(activityInvitees)
    .innerJoin(activities, eq(activities.id, activityInvitees.activityId))
    .where(held);
  const figures = [
    { key: 'held', label: '举办会议活动', value: a.held, unit: '次', link: '/meetings' },
    { key: 'plenary', label: '全体会议（半天）', value: a.plenary, unit: '场', link: '/meetings' },
    { key: 'councils', label: '常委会议、主席会议', value: a.councils, unit: '次', link: '/meetings' },
    { key: 'invited', label: '邀请委员', value: i.invited, unit: '人次', link: '/meetings/stats' },
    { key: 'attended', label: '委员出席', value: i.attended, unit: '人次', link: '/meetings/stats' },
  ];
  const [total, plenary, councils, invited, attended] = figures;
  return {
    key: 'meetings', title: '会议活动', order: 50, figures,
    text: `全年举办会议活动${amount(total)}，其中全体会议${amount(plenary)}、常委会议和主席会议${amount(councils)}；邀请委员${amount(invited)}，出席${amount(attended)}，出席率${percent(attended.value, invited.value)}。`,
  };
};
