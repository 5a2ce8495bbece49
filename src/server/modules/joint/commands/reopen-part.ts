import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { chinaToday as chinaDay } from '../../../platform/calendar/workdays.js';
import { activities, activityInvitees } from '../../../platform/activity/schema.js';
import { notifyMembers } from '../../../platform/activity/notices.js';
import type { Activity } from '../../../platform/activity/workflow.js';
import { claimJoint, loadJoint, loadPart } from '../load.js';
import { jointPolicy } from '../policy.js';
import { organiserName } from '../part.js';

/**
 * 恢复区政协参加: a district's part called off is scheduled again, with the same members invited
 * (their replies kept), each told again in their own committee — with an audit row in the parent's
 * trail and one in the district's; a stale version of the joint event is 409.
 */
export async function reopenPart(ctx: CommandContext, input: { id: string; committeeId: string; version: number }): Promise<Activity> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const joint = await loadJoint(tx, actor, input.id);
    authorize(jointPolicy, 'districts', actor, joint);
    const { part, event, name } = await loadPart(tx, joint.id, input.committeeId);
    if (event.status !== 'cancelled') throw AppError.invalidState(`${name}的参加未被取消`);
    const claimed = await claimJoint(tx, joint, input.version, now);
    await tx
      .update(activities)
      .set({ status: 'scheduled', updatedAt: now, version: sql`${activities.version} + 1` })
      .where(and(eq(activities.id, event.id), eq(activities.status, 'cancelled')));
    const invited = (await tx.select({ id: activityInvitees.memberId }).from(activityInvitees).where(eq(activityInvitees.activityId, event.id))).map((i) => i.id);
    await notifyMembers(tx, part.districtId, invited, `${await organiserName(tx, actor.committeeId)}恢复邀请您参加：${joint.title}`, `${joint.location} ${chinaDay(joint.startsAt)}`, `/meetings/${event.id}`);
    await audit(tx, actor, { action: 'joint.reopenPart', subjectType: 'activity', subjectId: joint.id, before: { committeeId: part.districtId, status: 'cancelled' }, after: { committeeId: part.districtId, status: 'scheduled' } });
    await audit(tx, { ...actor, committeeId: part.districtId }, { action: 'activity.reopen', subjectType: 'activity', subjectId: event.id, before: { status: 'cancelled' }, after: { status: 'scheduled' } });
    return claimed;
  });
}
