import { and, gte, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { audit } from '../audit/audit.js';
import { systemActor } from '../auth/actor.js';
import { notify } from '../notifications/notify.js';
import { moveDeadline, type WorkCalendar } from '../calendar/workdays.js';
import { unitUserIds } from './assignments.js';
import { assignments } from './schema.js';

/**
 * A year's holiday notice loaded or corrected: the open assignments whose deadlines were reckoned
 * on the old calendar (for a year without its notice, the statutory holidays only — provisional)
 * get them reckoned again, each change audited in the assignment's committee and told to its unit.
 * Runs in the transaction that saves the notice.
 */
export async function recomputeDeadlines(tx: Executor, before: WorkCalendar, after: WorkCalendar, today: string, why: string): Promise<number> {
  const open = await tx
    .select()
    .from(assignments)
    .where(and(inArray(assignments.status, ['assigned', 'signed', 'objected']), or(gte(assignments.replyDeadline, today), gte(assignments.objectionDeadline, today))));
  let moved = 0;
  for (const a of open) {
    const objectionDeadline = a.objectionDeadline >= today ? moveDeadline(before, after, a.assignedOn, a.objectionDeadline) : a.objectionDeadline;
    const replyDeadline = a.replyDeadline >= today ? moveDeadline(before, after, a.assignedOn, a.replyDeadline, a.extendedDays) : a.replyDeadline;
    if (objectionDeadline === a.objectionDeadline && replyDeadline === a.replyDeadline) continue;
    await tx
      .update(assignments)
      .set({ objectionDeadline, replyDeadline, version: sql`${assignments.version} + 1`, updatedAt: new Date() })
      .where(sql`${assignments.id} = ${a.id}`);
    const was = { objectionDeadline: a.objectionDeadline, replyDeadline: a.replyDeadline };
    const now = { objectionDeadline, replyDeadline };
    await audit(tx, { ...systemActor(a.committeeId), name: '系统（节假日安排更新）' }, { action: 'assignment.deadlinesRecomputed', subjectType: 'assignment', subjectId: a.id, before: was, after: now, note: why });
    if (replyDeadline !== a.replyDeadline) {
      await notify(tx, { committeeId: a.committeeId, userIds: await unitUserIds(tx, [a.unitId]), title: `答复期限调整为 ${replyDeadline}`, body: `${why}，原期限 ${a.replyDeadline} 按工作日重新计算。` });
    }
    moved++;
  }
  return moved;
}
