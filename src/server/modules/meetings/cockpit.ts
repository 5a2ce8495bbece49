import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CockpitSource } from '../../platform/modules/manifest.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { chartOf, listLink } from '../../../shared/cockpit/cockpit.js';
import { activityKinds, type ActivityKind } from '../../../shared/meetings/labels.js';

/**
 * 会议活动 on the cockpit: the year's meetings held (closed, so attendance is confirmed) by kind, and
 * the members' attendance at them by kind — each kind linking to the meetings list of that kind and
 * year. One grouped query.
 */
export const meetingCockpit: CockpitSource = async (db: Executor, committeeId, year) => {
  const rows = await db
    .select({
      kind: activities.kind,
      held: sql<number>`count(distinct ${activities.id})::int`,
      invited: sql<number>`count(${activityInvitees.memberId})::int`,
      attended: sql<number>`count(${activityInvitees.memberId}) filter (where ${activityInvitees.outcome} = 'attended')::int`,
    })
    .from(activities)
    .leftJoin(activityInvitees, eq(activityInvitees.activityId, activities.id))
    .where(and(eq(activities.committeeId, committeeId), eq(activities.ownerType, 'meeting'), eq(activities.year, year), eq(activities.status, 'closed')))
    .groupBy(activities.kind);
  const kinds = (Object.keys(activityKinds) as ActivityKind[]).filter((k) => rows.some((r) => r.kind === k));
  const link = (kind?: string) => listLink('/meetings', { year, kind, status: 'closed' });
  const of = (k: string) => rows.find((r) => r.kind === k)!;
  const attendance = kinds.map((k) => ({ k, invited: of(k).invited, attended: of(k).attended }));
  return [
    chartOf({ key: 'meetingsHeld', section: 'meetings', title: '举行的会议活动（按类型）', kind: 'pie', unit: '次', link: link(), parts: kinds.map((k) => ({ key: k, label: activityKinds[k], value: of(k).held, link: link(k) })) }),
    chartOf({
      key: 'meetingAttendance', section: 'meetings', title: '委员出席（按会议类型）', kind: 'bar', unit: '人次', link: link(),
      note: attendance.map((a) => `${activityKinds[a.k]}出席率${a.invited > 0 ? Math.round((a.attended / a.invited) * 1000) / 10 : 0}%`).join('；'),
      parts: attendance.map((a) => ({ key: a.k, label: activityKinds[a.k], value: a.attended, link: link(a.k) })),
    }),
  ];
};
