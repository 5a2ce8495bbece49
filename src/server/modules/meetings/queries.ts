import { and, count, desc, eq, exists, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { activities, activityInvitees, leaveRequests } from '../../platform/activity/schema.js';
import type { meetingQuery } from './inputs.js';

type Query = z.output<typeof meetingQuery>;

const invited = (memberId: string) =>
  exists(sql`(select 1 from ${activityInvitees} where ${activityInvitees.activityId} = ${activities.id} and ${activityInvitees.memberId} = ${memberId})`);

/** One page of meetings the actor may see: staff, leaders and admins all; members those they are invited to. */
export async function listMeetings(db: Executor, actor: Actor, q: Query) {
  const where: SQL[] = [eq(activities.committeeId, actor.committeeId), eq(activities.ownerType, 'meeting')];
  const seesAll = hasRole(actor, 'staff', 'admin', 'leader');
  if (!seesAll || q.scope === 'mine') where.push(actor.memberId ? invited(actor.memberId) : sql`false`);
  if (q.year) where.push(eq(activities.year, q.year));
  if (q.kind) where.push(eq(activities.kind, q.kind));
  if (q.status) where.push(eq(activities.status, q.status));
  const [{ total }] = await db.select({ total: count() }).from(activities).where(and(...where));
  const rows = await db.select().from(activities).where(and(...where)).orderBy(desc(activities.startsAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { rows, total };
}

/** Invitee counts and the actor's own invitation for a page of events. */
export async function listExtras(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return { counts: new Map<string, { invited: number; checkedIn: number }>(), mine: new Map<string, typeof activityInvitees.$inferSelect>(), myLeave: new Map<string, string[]>() };
  const [counts, mine, leave] = await Promise.all([
    db
      .select({ id: activityInvitees.activityId, invited: count(), checkedIn: sql<number>`count(${activityInvitees.checkedInAt})::int` })
      .from(activityInvitees)
      .where(inArray(activityInvitees.activityId, ids))
      .groupBy(activityInvitees.activityId),
    actor.memberId ? db.select().from(activityInvitees).where(and(inArray(activityInvitees.activityId, ids), eq(activityInvitees.memberId, actor.memberId))) : Promise.resolve([]),
    actor.memberId ? db.select().from(leaveRequests).where(and(inArray(leaveRequests.activityId, ids), eq(leaveRequests.memberId, actor.memberId))) : Promise.resolve([]),
  ]);
  const myLeave = new Map<string, string[]>();
  for (const l of leave) myLeave.set(l.activityId, [...(myLeave.get(l.activityId) ?? []), l.status]);
  return {
    counts: new Map(counts.map((c) => [c.id, { invited: c.invited, checkedIn: Number(c.checkedIn) }])),
    mine: new Map(mine.map((m) => [m.activityId, m])),
    myLeave,
  };
}
