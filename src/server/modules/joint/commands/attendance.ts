import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { activityInvitees } from '../../../platform/activity/schema.js';
import type { Invitee } from '../../../platform/activity/policy.js';
import { loadJoint } from '../load.js';
import { jointPolicy } from '../policy.js';
import { jointParts } from '../schema.js';

/**
 * 代为签到 at a joint event: the parent's organising office records that a district member came
 * (or clears it), on the member's invitation in their own district's event — 409 on a stale
 * version — with an audit row in the parent's trail and one in the district's.
 */
export async function recordJointAttendance(ctx: CommandContext, input: { id: string; memberId: string; version: number; present: boolean }): Promise<Invitee> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const joint = await loadJoint(tx, actor, input.id);
    authorize(jointPolicy, 'attendance', actor, joint);
    const [found] = await tx
      .select({ i: activityInvitees, districtId: jointParts.districtId })
      .from(jointParts)
      .innerJoin(activityInvitees, eq(activityInvitees.activityId, jointParts.activityId))
      .where(and(eq(jointParts.jointActivityId, joint.id), eq(activityInvitees.memberId, input.memberId)));
    if (!found) throw AppError.field('memberId', '委员', '不在本次联合活动的邀请名单中');
    const current = found.i;
    if (current.version !== input.version) throw AppError.versionConflict();
    const checkedInAt = input.present ? (current.checkedInAt ?? now) : null;
    const [updated] = await tx
      .update(activityInvitees)
      .set({ checkedInAt, leftAt: input.present ? current.leftAt : null, checkInMethod: checkedInAt ? (current.checkedInAt ? current.checkInMethod : 'staff') : null, checkedInBy: checkedInAt ? (current.checkedInBy ?? actor.userId) : null, version: current.version + 1 })
      .where(and(eq(activityInvitees.activityId, current.activityId), eq(activityInvitees.memberId, current.memberId), eq(activityInvitees.version, input.version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    const entry = { action: 'activity.recordAttendance', before: { memberId: current.memberId, checkedInAt: current.checkedInAt }, after: { memberId: current.memberId, checkedInAt } };
    await audit(tx, actor, { ...entry, subjectType: 'activity', subjectId: joint.id });
    await audit(tx, { ...actor, committeeId: found.districtId }, { ...entry, subjectType: 'activity', subjectId: current.activityId });
    return updated;
  });
}
