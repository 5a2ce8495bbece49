import { and, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { settleAttendance } from '../../../platform/activity/close.js';
import { activities } from '../../../platform/activity/schema.js';
import { activityWorkflow, type Activity } from '../../../platform/activity/workflow.js';
import { loadJoint } from '../load.js';
import { jointParts } from '../schema.js';

/**
 * 结束并确认考勤 of a joint event: the parent's event and, in the same transaction, each district's
 * event — outcomes fixed and ledger entries written in the district, for its own members — with an
 * audit row in each district's trail. A stale version of the parent's event is 409.
 */
export async function closeJoint(ctx: CommandContext, { id, version }: { id: string; version: number }): Promise<Activity> {
  const { database, actor, now } = ctx;
  await loadJoint(database.db, actor, id);
  return applyTransition(database, {
    workflow: activityWorkflow, table: activities, id, action: 'close', actor, version, label: '联合视察调研',
    patch: async () => ({ closedAt: now }),
    alsoDo: async (joint: Activity, _before, { tx }) => {
      const parts = await tx.select().from(jointParts).where(eq(jointParts.jointActivityId, joint.id));
      for (const part of parts) {
        const [closed] = await tx
          .update(activities)
          .set({ status: 'closed', closedAt: now, updatedAt: now, version: sql`${activities.version} + 1` })
          .where(and(eq(activities.id, part.activityId), eq(activities.status, 'scheduled')))
          .returning();
        if (!closed) continue; // already closed or cancelled in the district
        await settleAttendance(tx, closed);
        await audit(tx, { ...actor, committeeId: part.districtId }, { action: 'activity.close', subjectType: 'activity', subjectId: closed.id, before: { status: 'scheduled' }, after: { status: 'closed' } });
      }
    },
  });
}
