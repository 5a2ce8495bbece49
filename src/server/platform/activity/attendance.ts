import type { Outcome } from './kinds.js';

/**
 * Attendance rules as pure functions, so they can be tested without a database. A member who
 * checked in but attended under the configured share of the event (default 2/3) counts as absent
 * (RULES.md, Shandong/Weihai).
 */
export interface Timing {
  startsAt: Date;
  endsAt: Date;
  mandatory: boolean;
}
export interface Presence {
  checkedInAt: Date | null;
  leftAt: Date | null;
}
export type LeaveState = 'approved' | 'refused' | 'pending' | null;

/** The share of the event the member was there for: from arrival (not before the start) to leaving (not after the end). */
export function attendedShare(t: Timing, p: Presence): number {
  if (!p.checkedInAt) return 0;
  const total = t.endsAt.getTime() - t.startsAt.getTime();
  if (total <= 0) return 1;
  const from = Math.max(p.checkedInAt.getTime(), t.startsAt.getTime());
  const to = Math.min(p.leftAt?.getTime() ?? t.endsAt.getTime(), t.endsAt.getTime());
  return Math.max(0, Math.min(1, (to - from) / total));
}

export const isLate = (t: Timing, p: Presence, lateAfterMinutes: number) =>
  p.checkedInAt !== null && p.checkedInAt.getTime() > t.startsAt.getTime() + lateAfterMinutes * 60_000;
export const leftEarly = (t: Timing, p: Presence) => p.leftAt !== null && p.leftAt.getTime() < t.endsAt.getTime();

/**
 * The outcome once the event is over. Approved leave excuses; a refused request on a mandatory
 * event is an unexcused absence of its own kind (deducted more in some schemes); missing an event
 * that is not mandatory costs nothing.
 */
export function attendanceOutcome(t: Timing, p: Presence, leave: LeaveState, minShare: number): Outcome {
  // a tolerance of one second's share so that "exactly 2/3" counts as enough
  if (p.checkedInAt && attendedShare(t, p) + 1e-6 >= minShare) return 'attended';
  if (leave === 'approved') return 'excused';
  if (!t.mandatory) return 'none';
  return leave === 'refused' ? 'leaveRefused' : 'absent';
}

export interface OutcomeCounts {
  invited: number;
  attended: number;
  excused: number;
  absent: number;
  leaveRefused: number;
  none: number;
  late: number;
  leftEarly: number;
  /** 参与率: attended / invited (1 decimal percent), the figure the seeds quote ("参与率高达99%") */
  rate: number;
}

export function countOutcomes(rows: { outcome: Outcome; late: boolean; leftEarly: boolean }[]): OutcomeCounts {
  const c: OutcomeCounts = { invited: rows.length, attended: 0, excused: 0, absent: 0, leaveRefused: 0, none: 0, late: 0, leftEarly: 0, rate: 0 };
  for (const r of rows) {
    c[r.outcome]++;
    if (r.late) c.late++;
    if (r.leftEarly) c.leftEarly++;
  }
  c.rate = c.invited ? Math.round((c.attended / c.invited) * 1000) / 10 : 0;
  return c;
}
