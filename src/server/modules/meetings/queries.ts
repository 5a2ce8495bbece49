import { and, arrayContains, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { activities, activityInvitees, leaveRequests } from '../../platform/activity/schema.js';
import type { meetingQuery } from '../../../shared/meetings/inputs.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { attendanceStats as attendanceAnswer, speech } from '../../../shared/meetings/responses.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy/policy.js';
import { activityKinds } from '../../platform/activity/kinds.js';
import { eventStats, memberAttendance } from '../../platform/activity/stats.js';
import { members } from '../members/schema.js';
import { jointOwner } from '../joint/owner.js';
import { meetingOwner } from './owner.js';
import { speechPolicy } from './policy.js';
import { presentSpeech } from './presenter.js';
import { plenarySpeeches, type Speech } from './schema.js';

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

export async function loadSpeech(db: Executor, actor: Actor, id: string): Promise<Speech> {
  const [s] = await db.select().from(plenarySpeeches).where(eq(plenarySpeeches.id, id));
  if (!s) throw AppError.notFound('大会发言');
  authorize(speechPolicy, 'read', actor, s);
  return s;
}

export async function listSpeeches(db: Executor, actor: Actor, q: { scope: 'mine' | 'all'; year?: number }): Promise<Presented<typeof speech>[]> {
  const mine = q.scope === 'mine' || !hasRole(actor, 'staff', 'admin', 'leader');
  const where = [eq(plenarySpeeches.committeeId, actor.committeeId)];
  // a member's own: those they lead, and a research group's speech they are a co-author of
  const me = actor.memberId ?? '00000000-0000-0000-0000-000000000000';
  if (mine) where.push(or(eq(plenarySpeeches.memberId, me), arrayContains(plenarySpeeches.contributorMemberIds, [me]))!);
  if (q.year) where.push(eq(plenarySpeeches.year, q.year));
  const rows = await db.select().from(plenarySpeeches).where(and(...where)).orderBy(desc(plenarySpeeches.createdAt)).limit(500);
  return presentSpeeches(db, actor, rows);
}

/** Speeches for the client, with their authors' and co-authors' names (one query for all of them). */
export async function presentSpeeches(db: Executor, actor: Actor, speeches: Speech[]): Promise<Presented<typeof speech>[]> {
  const ids = [...new Set(speeches.flatMap((s) => [s.memberId, ...s.contributorMemberIds]))];
  const names = new Map(ids.length ? (await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids))).map((m) => [m.id, m.name]) : []);
  return speeches.map((s) => presentSpeech(actor, s, names));
}

/**
 * 出席统计 for a year: every event (not cancelled) with its figures, each member's attendance, and
 * the overall rate over closed events — an event still ahead would count its invitees as absent;
 * `invited` and `attended` add up the closed events.
 */
export async function attendanceStats(db: Executor, actor: Actor, year: number): Promise<Presented<typeof attendanceAnswer>> {
  // every event of the year, whichever module owns it (meetings, consultations, research visits):
  // a member's attendance below counts them all, so the events it adds up must be all of them too
  const rows = await db.select().from(activities).where(and(eq(activities.committeeId, actor.committeeId), eq(activities.year, year))).orderBy(desc(activities.startsAt));
  const events = [];
  for (const row of rows.filter((x) => x.status !== 'cancelled')) {
    // a parent committee's joint inspection is run from its own page, never as a meeting (loadActivity refuses it)
    const link = row.ownerType === jointOwner.type ? jointOwner.link(row.id) : meetingOwner.link(row.id);
    events.push({ id: row.id, link, title: row.title, kind: row.kind, kindLabel: activityKinds[row.kind as keyof typeof activityKinds], startsAt: row.startsAt, status: row.status, ...(await eventStats(db, row)) });
  }
  const perMember = await memberAttendance(db, actor.committeeId, year);
  const names = new Map((await db.select({ id: members.id, name: members.name, code: members.code }).from(members).where(eq(members.committeeId, actor.committeeId))).map((m) => [m.id, m]));
  const closed = events.filter((e) => e.status === 'closed');
  const invited = closed.reduce((n, e) => n + e.invited, 0);
  const attended = closed.reduce((n, e) => n + e.attended, 0);
  return {
    year,
    overall: { events: events.length, closed: closed.length, invited, attended, rate: invited ? Math.round((attended / invited) * 1000) / 10 : 0 },
    events,
    members: perMember.map((m) => ({ ...m, name: names.get(m.memberId)?.name ?? '', code: names.get(m.memberId)?.code ?? '' })).sort((a, b) => a.rate - b.rate || a.code.localeCompare(b.code)),
  };
}
