import { and, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { getSettings } from '../settings/settings.js';
import { countOutcomes, isLate, leftEarly, type OutcomeCounts } from './attendance.js';
import { computeOutcomes } from './close.js';
import type { Outcome } from './kinds.js';
import { activities, activityInvitees } from './schema.js';
import { activitySettings } from './settings.js';
import type { Activity } from './workflow.js';

/** Attendance of one event: final once closed, provisional (as things stand) while open. */
export async function eventStats(db: Executor, a: Activity): Promise<OutcomeCounts & { checkedIn: number; final: boolean }> {
  const settings = await getSettings(db, activitySettings, a.committeeId, a.year);
  if (a.status === 'closed') {
    const rows = await db.select().from(activityInvitees).where(eq(activityInvitees.activityId, a.id));
    const counts = countOutcomes(rows.map((i) => ({ outcome: (i.outcome ?? 'none') as Outcome, late: isLate(a, i, settings.lateAfterMinutes), leftEarly: leftEarly(a, i) })));
    return { ...counts, checkedIn: rows.filter((r) => r.checkedInAt).length, final: true };
  }
  const outcomes = await computeOutcomes(db, a, settings);
  const [{ n }] = await db.select({ n: count() }).from(activityInvitees).where(and(eq(activityInvitees.activityId, a.id), sql`${activityInvitees.checkedInAt} is not null`));
  return { ...countOutcomes(outcomes), checkedIn: n, final: false };
}

export interface MemberAttendance {
  memberId: string;
  invited: number;
  attended: number;
  excused: number;
  absent: number;
  leaveRefused: number;
  /** attended / events that required them or that they attended, in percent */
  rate: number;
}

/** Attendance per member over the closed events of a year (one member, or the whole committee). */
export async function memberAttendance(db: Executor, committeeId: string, year: number, memberId?: string): Promise<MemberAttendance[]> {
  const rows = await db
    .select({ memberId: activityInvitees.memberId, outcome: activityInvitees.outcome, n: count() })
    .from(activityInvitees)
    .innerJoin(activities, eq(activities.id, activityInvitees.activityId))
    .where(and(eq(activities.committeeId, committeeId), eq(activities.year, year), eq(activities.status, 'closed'), ...(memberId ? [eq(activityInvitees.memberId, memberId)] : [])))
    .groupBy(activityInvitees.memberId, activityInvitees.outcome);
  const byMember = new Map<string, MemberAttendance>();
  for (const r of rows) {
    const m = byMember.get(r.memberId) ?? { memberId: r.memberId, invited: 0, attended: 0, excused: 0, absent: 0, leaveRefused: 0, rate: 0 };
    const outcome = (r.outcome ?? 'none') as Outcome;
    m.invited += r.n;
    if (outcome !== 'none') m[outcome] += r.n;
    byMember.set(r.memberId, m);
  }
  for (const m of byMember.values()) {
    const counted = m.attended + m.excused + m.absent + m.leaveRefused;
    m.rate = counted ? Math.round((m.attended / counted) * 1000) / 10 : 0;
  }
  return [...byMember.values()];
}
