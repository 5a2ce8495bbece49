import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { activities, activityInvitees } from '../../../platform/activity/schema.js';
import { notifyMembers } from '../../../platform/activity/notices.js';
import type { Activity } from '../../../platform/activity/workflow.js';
import { claimJoint, loadJoint, loadPart } from '../load.js';
import { jointPolicy } from '../policy.js';
import { organiserName } from '../part.js';

/**
 * 取消区政协参加: the organising office calls off one district's part of a scheduled joint event —
 * the district's event is cancelled (nothing is written to its members' ledgers when the joint
 * event closes), its invited members are told why in their own committee — with an audit row in the
 * parent's trail and one in the district's; a stale version of the joint event is 409.
 */
export async function cancelPart(ctx: CommandContext, input: { id: string; committeeId: string; version: number; reason: string }): Promise<Activity> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const joint = await loadJoint(tx, actor, input.id);
    authorize(jointPolicy, 'districts', actor, joint);
    const { part, event, name } = await loadPart(tx, joint.id, input.committeeId);
    if (event.status !== 'scheduled') throw AppError.invalidState(`${name}的参加已取消或已结束`);
    const claimed = await claimJoint(tx, joint, input.version, now);
    await tx
      .update(activities)
      .set({ status: 'cancelled', updatedAt: now, version: sql`${activities.version} + 1` })
      .where(and(eq(activities.id, event.id), eq(activities.status, 'scheduled')));
    const invited = (await tx.select({ id: activityInvitees.memberId }).from(activityInvitees).where(eq(activityInvitees.activityId, event.id))).map((i) => i.id);
    await notifyMembers(tx, part.districtId, invited, `${await organiserName(tx, actor.committeeId)}取消了本会参加：${joint.title}`, input.reason, `/meetings/${event.id}`);
    await audit(tx, actor, { action: 'joint.cancelPart', subjectType: 'activity', subjectId: joint.id, before: { committeeId: part.districtId, status: 'scheduled' }, after: { committeeId: part.districtId, status: 'cancelled' }, note: input.reason });
    await audit(tx, { ...actor, committeeId: part.districtId }, { action: 'activity.cancel', subjectType: 'activity', subjectId: event.id, before: { status: 'scheduled' }, after: { status: 'cancelled' }, note: input.reason });
    return claimed;
  });
}
