import { and, eq, gte, isNull, lte, ne } from 'drizzle-orm';
import { hasRole } from '../../platform/auth/actor.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import type { CardSource } from '../../platform/modules/manifest.js';
import { summed } from '../../../shared/home/cards.js';

const day = 24 * 3600 * 1000;
const meetingPart = (m: { id: string; title: string }) => ({ key: m.id, label: m.title, value: 1, link: `/meetings/${m.id}` });

/**
 * A member's meetings that need them: invitations not yet answered (for meetings still to come) and
 * meetings today they have not checked in to — each part is one meeting, linking to its page, where
 * the member answers or checks in.
 */
export const meetingCards: CardSource = async (db, actor, now) => {
  if (!hasRole(actor, 'member') || !actor.memberId) return [];
  const mine = and(eq(activityInvitees.activityId, activities.id), eq(activityInvitees.memberId, actor.memberId));
  const open = and(eq(activities.committeeId, actor.committeeId), eq(activities.ownerType, 'meeting'), eq(activities.status, 'scheduled'));
  const [unanswered, near] = await Promise.all([
    db
      .select({ id: activities.id, title: activities.title })
      .from(activities)
      .innerJoin(activityInvitees, mine)
      .where(and(open, eq(activityInvitees.reply, 'pending'), gte(activities.endsAt, now)))
      .orderBy(activities.startsAt),
    // today in China: a window a day either side, narrowed by the calendar day below
    db
      .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt })
      .from(activities)
      .innerJoin(activityInvitees, mine)
      .where(and(open, ne(activityInvitees.reply, 'declined'), isNull(activityInvitees.checkedInAt), gte(activities.startsAt, new Date(now.getTime() - day)), lte(activities.startsAt, new Date(now.getTime() + day))))
      .orderBy(activities.startsAt),
  ]);
  const today = chinaToday(now);
  return [
    summed({ key: 'meetingReplies', label: '待回复的会议邀请', section: 'todo', link: '/meetings/mine', parts: unanswered.map(meetingPart) }),
    summed({ key: 'meetingCheckIn', label: '今日待签到的会议', section: 'todo', link: '/meetings/mine', parts: near.filter((m) => chinaToday(m.startsAt) === today).map(meetingPart) }),
  ];
};
