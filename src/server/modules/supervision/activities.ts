import { asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { activityStates } from '../../platform/activity/workflow.js';
import { labelOf } from '../../../shared/labels.js';
import { supervisionActivityKinds } from '../../../shared/supervision/labels.js';
import { supervisionActivities, supervisionTopics } from './schema.js';

export type GroupActivity = Awaited<ReturnType<typeof groupActivities>>[number];

/**
 * The supervision activities of some groups or topics, each with its attendance so far. The event's
 * id (its page: QR code, leave, attendance) only for who may open it — the office, leaders and the
 * members it invited (platform/activity's read policy); others see that it took place.
 */
export async function groupActivities(db: Executor, actor: Actor, by: { groupIds?: string[]; topicIds?: string[] }) {
  const conditions: SQL[] = [];
  if (by.groupIds?.length) conditions.push(inArray(supervisionActivities.groupId, by.groupIds));
  if (by.topicIds?.length) conditions.push(inArray(supervisionActivities.topicId, by.topicIds));
  if (conditions.length === 0) return [];
  const rows = await db
    .select({ link: supervisionActivities, a: activities, topicTitle: supervisionTopics.title })
    .from(supervisionActivities)
    .innerJoin(activities, eq(activities.id, supervisionActivities.activityId))
    .leftJoin(supervisionTopics, eq(supervisionTopics.id, supervisionActivities.topicId))
    .where(or(...conditions))
    .orderBy(asc(activities.startsAt));
  const ids = rows.map((r) => r.a.id);
  const invitees = ids.length
    ? await db.select({ activityId: activityInvitees.activityId, memberId: activityInvitees.memberId, checkedInAt: activityInvitees.checkedInAt, outcome: activityInvitees.outcome }).from(activityInvitees).where(inArray(activityInvitees.activityId, ids))
    : [];
  const seesAll = hasRole(actor, 'staff', 'admin', 'leader');
  return rows.map(({ link, a, topicTitle }) => {
    const mine = invitees.filter((i) => i.activityId === a.id);
    return {
      id: link.id, groupId: link.groupId, topicId: link.topicId, topicTitle,
      activityId: seesAll || mine.some((i) => i.memberId === actor.memberId) ? a.id : null,
      kind: a.kind, kindLabel: labelOf(supervisionActivityKinds, a.kind), title: a.title, place: a.location, startsAt: a.startsAt, endsAt: a.endsAt,
      status: a.status, statusLabel: labelOf(activityStates, a.status),
      invited: mine.length, checkedIn: mine.filter((i) => i.checkedInAt).length, attended: mine.filter((i) => i.outcome === 'attended').length,
    };
  });
}
