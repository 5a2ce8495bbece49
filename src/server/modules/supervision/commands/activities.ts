import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { ActivityOwner } from '../../../platform/activity/owner.js';
import { scheduleActivity } from '../../../platform/activity/schedule.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { activityBody } from '../../../../shared/supervision/inputs.js';
import { supervisionActivityKinds } from '../../../../shared/supervision/labels.js';
import { members } from '../../members/schema.js';
import { loadGroup } from '../load.js';
import { groupPolicy } from '../policy.js';
import { supervisionActivities, supervisionTopics } from '../schema.js';

/**
 * A group's activities belong to the supervision module; notices about one (the invitation, a leave
 * request, its decision) open the event's page, which its invitees, the office and leaders may read.
 */
export const groupActivityOwner: ActivityOwner = { type: 'supervision', link: (id) => `/meetings/${id}` };

/**
 * 安排监督活动: the office schedules an inspection (视察), research visit (调研) or forum (座谈) of a
 * group through the activity primitive, inviting the group's leader and members — they are told,
 * may ask for leave and check in by the venue's QR code; closing it on the event's page fixes
 * attendance and writes the ledger entries (`activity.inspection.attended` …). A topic named must
 * be one the group holds.
 */
export async function scheduleGroupActivity(ctx: CommandContext, { groupId, ...v }: { groupId: string } & z.output<typeof activityBody>) {
  const group = await loadGroup(ctx.database.db, ctx.actor, groupId);
  authorize(groupPolicy, 'update', ctx.actor, group);
  if (!group.active) throw AppError.invalidState('该监督小组已停止工作，不能安排活动');
  if (v.topicId) {
    const [t] = await ctx.database.db.select({ groupId: supervisionTopics.groupId }).from(supervisionTopics).where(and(eq(supervisionTopics.id, v.topicId), eq(supervisionTopics.committeeId, group.committeeId)));
    if (!t) throw AppError.field('topicId', '监督议题', '不存在');
    if (t.groupId !== group.id) throw AppError.field('topicId', '监督议题', '不是本小组承担的议题');
  }
  // members who have left the committee stay on the group's record but are not invited
  const wanted = [...new Set([group.leaderMemberId, ...group.memberIds])];
  const memberIds = (await ctx.database.db.select({ id: members.id }).from(members).where(and(inArray(members.id, wanted), eq(members.status, 'active')))).map((m) => m.id);
  if (memberIds.length === 0) throw AppError.invalidState('该监督小组没有在任的委员，不能安排活动');
  return scheduleActivity(
    ctx,
    groupActivityOwner,
    {
      kind: v.kind, title: v.title, startsAt: v.startsAt, endsAt: v.endsAt, location: v.place, mandatory: false, agenda: v.agenda ?? '',
      invitations: [{ type: 'members', ids: memberIds }],
    },
    // the link and the group's audit row in the event's transaction: no event without its group
    async (event, { tx }) => {
      await tx.insert(supervisionActivities).values({ committeeId: group.committeeId, groupId: group.id, topicId: v.topicId ?? null, activityId: event.id });
      await audit(tx, ctx.actor, {
        action: 'supervisionGroup.schedule', subjectType: 'supervisionGroup', subjectId: group.id,
        after: { activityId: event.id, kind: v.kind, topicId: v.topicId ?? null }, note: `${supervisionActivityKinds[v.kind]}：${v.title}`,
      });
    },
  );
}
