import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CommandContext } from '../commands/context.js';
import { AppError } from '../errors.js';
import { recordLedger, voidLedger, type LedgerEntry } from '../ledger/ledger.js';
import { getSettings } from '../settings/settings.js';
import { applyTransition } from '../workflow/apply.js';
import { attendanceOutcome, attendedShare, isLate, leftEarly } from './attendance.js';
import { ledgerKindOf, outcomeLabels, type Outcome } from './kinds.js';
import { leaveStateOf } from './leave.js';
import { loadActivity } from './load.js';
import { chinaToday as chinaDay } from '../calendar/workdays.js';
import { activities, activityInvitees, leaveRequests } from './schema.js';
import { activitySettings, type ActivitySettings } from './settings.js';
import { activityWorkflow, type Activity } from './workflow.js';

export interface InviteeOutcome {
  memberId: string;
  outcome: Outcome;
  share: number;
  late: boolean;
  leftEarly: boolean;
  leave: ReturnType<typeof leaveStateOf>;
}

/** Each invitee's outcome as things stand (provisional while open, final once closed). */
export async function computeOutcomes(db: Executor, a: Activity, settings: ActivitySettings): Promise<InviteeOutcome[]> {
  const [invitees, requests] = await Promise.all([
    db.select().from(activityInvitees).where(eq(activityInvitees.activityId, a.id)),
    db.select({ memberId: leaveRequests.memberId, status: leaveRequests.status }).from(leaveRequests).where(eq(leaveRequests.activityId, a.id)),
  ]);
  const byMember = new Map<string, { status: string }[]>();
  for (const r of requests) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
  return invitees.map((i) => {
    const leave = leaveStateOf(byMember.get(i.memberId) ?? []);
    return {
      memberId: i.memberId,
      outcome: attendanceOutcome(a, i, leave, settings.minAttendanceShare),
      share: attendedShare(a, i),
      late: isLate(a, i, settings.lateAfterMinutes),
      leftEarly: leftEarly(a, i),
      leave,
    };
  });
}

function noteOf(o: InviteeOutcome, minShare: number): string | undefined {
  const parts = [o.late ? '迟到' : '', o.leftEarly ? '早退' : '', o.share > 0 && o.outcome !== 'attended' ? `出席时长不足${Math.round(minShare * 100)}%` : ''].filter(Boolean);
  return parts.length ? parts.join('，') : undefined;
}

/**
 * 结束并确认考勤: fixes each invitee's outcome and writes one ledger entry per outcome that counts
 * (`activity.<kind>.<outcome>`, dated the event's day in China, sourced to the event). Refused
 * while a leave request is still waiting for a decision.
 */
export async function closeActivity({ database, actor, now }: CommandContext, { id, version }: { id: string; version: number }): Promise<Activity> {
  await loadActivity(database.db, actor, id); // not readable → not found, before any state talk
  return applyTransition(database, {
    workflow: activityWorkflow, table: activities, id, action: 'close', actor, version, label: '会议活动',
    patch: async () => ({ closedAt: now }),
    alsoDo: async (a: Activity, _before, { tx }) => settleAttendance(tx, a),
  });
}

/**
 * Fixes each invitee's outcome and writes the ledger entries of a closed event, in the caller's
 * transaction (refused while leave waits for a decision). The entries are the event's committee's:
 * a district's part in a joint event of its parent (`modules/joint`) credits the district's members there.
 */
export async function settleAttendance(tx: Executor, a: Activity): Promise<void> {
  const [pending] = await tx.select({ id: leaveRequests.id }).from(leaveRequests).where(and(eq(leaveRequests.activityId, a.id), eq(leaveRequests.status, 'pending'))).limit(1);
  if (pending) throw AppError.invalidState('尚有请假申请未审批，请先审批');
  const settings = await getSettings(tx, activitySettings, a.committeeId, a.year);
  const outcomes = await computeOutcomes(tx, a, settings);
  const groups = new Map<Outcome, string[]>();
  for (const o of outcomes) groups.set(o.outcome, [...(groups.get(o.outcome) ?? []), o.memberId]);
  for (const [outcome, memberIds] of groups) {
    for (let i = 0; i < memberIds.length; i += 1000) {
      await tx.update(activityInvitees).set({ outcome }).where(and(eq(activityInvitees.activityId, a.id), inArray(activityInvitees.memberId, memberIds.slice(i, i + 1000))));
    }
  }
  const day = chinaDay(a.startsAt);
  const entries: LedgerEntry[] = outcomes
    .filter((o) => o.outcome !== 'none')
    .map((o) => ({ committeeId: a.committeeId, memberId: o.memberId, kind: ledgerKindOf(a.kind, o.outcome as Exclude<Outcome, 'none'>), day, sourceType: 'activity', sourceId: a.id, occasionId: a.sessionId, note: noteOf(o, settings.minAttendanceShare) }));
  for (let i = 0; i < entries.length; i += 1000) await recordLedger(tx, entries.slice(i, i + 1000));
}

/** 重新打开考勤: voids the event's ledger entries (history stays) so attendance can be corrected and closed again. */
export async function reopenActivity({ database, actor, now }: CommandContext, { id, version }: { id: string; version: number }): Promise<Activity> {
  await loadActivity(database.db, actor, id);
  return applyTransition(database, {
    workflow: activityWorkflow, table: activities, id, action: 'reopen', actor, version, label: '会议活动',
    patch: async () => ({ closedAt: null }),
    alsoDo: async (a: Activity, _before, { tx }) => {
      for (const outcome of Object.keys(outcomeLabels) as Outcome[]) {
        if (outcome !== 'none') await voidLedger(tx, { sourceType: 'activity', sourceId: a.id, kind: ledgerKindOf(a.kind, outcome), at: now });
      }
      await tx.update(activityInvitees).set({ outcome: null }).where(eq(activityInvitees.activityId, a.id));
    },
  });
}

export async function cancelActivity({ database, actor }: CommandContext, { id, version, reason }: { id: string; version: number; reason: string }): Promise<Activity> {
  await loadActivity(database.db, actor, id);
  return applyTransition(database, { workflow: activityWorkflow, table: activities, id, action: 'cancel', actor, version, label: '会议活动', note: reason });
}
