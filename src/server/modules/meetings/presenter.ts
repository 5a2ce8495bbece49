import { meetingHistoryLabel } from '../../../shared/meetings/history.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { activityKinds, outcomeLabels, scopeTypeLabels, type ActivityKind, type InvitationScope, type Outcome } from '../../platform/activity/kinds.js';
import { activityPolicy, seesEveryone, type ActivitySubject } from '../../platform/activity/policy.js';
import { activities, activityInvitees, leaveRequests } from '../../platform/activity/schema.js';
import { attendedShare, isLate, leftEarly, attendanceOutcome } from '../../platform/activity/attendance.js';
import { leaveStateOf, leaveStates } from '../../platform/activity/leave.js';
import { eventStats } from '../../platform/activity/stats.js';
import { listFiles } from '../../platform/activity/files.js';
import { activitySettings } from '../../platform/activity/settings.js';
import { activityStates, activityWorkflow, type Activity } from '../../platform/activity/workflow.js';
import { getSettings } from '../../platform/settings/settings.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { members } from '../members/schema.js';
import { loadLookups } from '../org/lookups.js';
import { speechPolicy } from './policy.js';
import type { Speech } from './schema.js';
import { speechStates, speechWorkflow, type SpeechState } from './workflow.js';

/** Workflow and record actions the actor may take: the client shows exactly these buttons. */
export function actionsFor(actor: Actor, s: ActivitySubject): string[] {
  return [...availableActions(activityWorkflow, actor, s), ...allowedActions(activityPolicy, actor, s).filter((a) => a !== 'read')];
}

const eventActions = new Set(['activity.create', 'activity.update', 'activity.manage', 'activity.close', 'activity.reopen', 'activity.cancel', 'activity.attachFile', 'activity.removeFile']);

const replyLabels = { pending: '未回复', accepted: '将出席', declined: '不出席' } as const;

export function presentSummary(actor: Actor, s: ActivitySubject, counts?: { invited: number; checkedIn: number }, myLeave: string[] = []) {
  return {
    id: s.id, version: s.version, kind: s.kind, kindLabel: activityKinds[s.kind as ActivityKind] ?? s.kind, title: s.title, year: s.year,
    startsAt: s.startsAt, endsAt: s.endsAt, location: s.location, mandatory: s.mandatory, status: s.status,
    statusLabel: activityStates[s.status as keyof typeof activityStates] ?? s.status, organiserOffice: s.organiserOffice,
    invited: counts?.invited ?? 0, checkedIn: counts?.checkedIn ?? 0,
    mine: s.mine
      ? {
          reply: s.mine.reply, replyLabel: replyLabels[s.mine.reply as keyof typeof replyLabels], checkedInAt: s.mine.checkedInAt, leftAt: s.mine.leftAt,
          outcome: s.mine.outcome, outcomeLabel: s.mine.outcome ? outcomeLabels[s.mine.outcome as Outcome] : null, leave: leaveStateOf(myLeave.map((status) => ({ status }))),
        }
      : null,
    actions: actionsFor(actor, s),
  };
}

async function scopeLabels(db: Executor, committeeId: string, scopes: InvitationScope[]) {
  const lookups = await loadLookups(db, committeeId);
  return scopes.map((sc) => {
    switch (sc.type) {
      case 'everyone':
        return scopeTypeLabels.everyone;
      case 'specialCommittee':
        return lookups['special-committees'].byId.get(sc.id) ?? scopeTypeLabels.specialCommittee;
      case 'sector':
        return lookups.sectors.byId.get(sc.id) ?? scopeTypeLabels.sector;
      case 'studio':
        return lookups.studios.byId.get(sc.id) ?? scopeTypeLabels.studio;
      case 'members':
        return `${scopeTypeLabels.members}${sc.ids.length}人`;
    }
  });
}

/**
 * The whole event for its page: details, materials and minutes, attendance statistics, the actor's
 * own invitation and leave requests; for the organisers the invitee list with check-in, late
 * arrival, early leave, leave state and outcome, and the leave requests to decide.
 */
export async function presentDetail(db: Executor, actor: Actor, s: ActivitySubject) {
  const staffView = seesEveryone(actor, s);
  const settings = await getSettings(db, activitySettings, s.committeeId, s.year);
  const [stats, requests, history, scopes, files] = await Promise.all([
    eventStats(db, s),
    db.select().from(leaveRequests).where(eq(leaveRequests.activityId, s.id)).orderBy(asc(leaveRequests.createdAt)),
    db.select({ action: auditLog.action, actorId: auditLog.actorId, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note }).from(auditLog).where(and(eq(auditLog.subjectType, 'activity'), eq(auditLog.subjectId, s.id))).orderBy(asc(auditLog.seq)),
    scopeLabels(db, s.committeeId, s.invitationScopes as InvitationScope[]),
    listFiles(db, s.id),
  ]);
  const myRequests = requests.filter((r) => r.memberId === actor.memberId);
  let invitees: unknown[] = [];
  let leaveQueue: unknown[] = [];
  if (staffView) {
    const rows = await db
      .select({ i: activityInvitees, name: members.name, code: members.code })
      .from(activityInvitees)
      .innerJoin(members, eq(members.id, activityInvitees.memberId))
      .where(eq(activityInvitees.activityId, s.id))
      .orderBy(asc(members.code));
    const byMember = new Map<string, { status: string }[]>();
    for (const r of requests) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
    invitees = rows.map(({ i, name, code }) => {
      const leave = leaveStateOf(byMember.get(i.memberId) ?? []);
      const outcome = (i.outcome ?? attendanceOutcome(s, i, leave, settings.minAttendanceShare)) as Outcome;
      return {
        memberId: i.memberId, name, code, version: i.version, reply: i.reply, replyLabel: replyLabels[i.reply as keyof typeof replyLabels],
        checkedInAt: i.checkedInAt, checkInMethod: i.checkInMethod, leftAt: i.leftAt, note: i.note,
        late: isLate(s, i, settings.lateAfterMinutes), leftEarly: leftEarly(s, i), share: Math.round(attendedShare(s, i) * 100),
        leave, outcome, outcomeLabel: outcomeLabels[outcome], final: i.outcome !== null,
      };
    });
    const names = new Map(rows.map((r) => [r.i.memberId, r.name]));
    leaveQueue = requests.map((r) => ({ ...r, memberName: names.get(r.memberId) ?? '', statusLabel: leaveStates[r.status as keyof typeof leaveStates] }));
  }
  return {
    ...presentSummary(actor, s, { invited: stats.invited, checkedIn: stats.checkedIn }, myRequests.map((r) => r.status)),
    sessionId: s.sessionId, agenda: s.agenda, materials: s.materials, minutes: s.minutes, closedAt: s.closedAt,
    invitationScopes: s.invitationScopes, invitationLabels: scopes,
    stats,
    rules: { maxLeaveRequests: settings.maxLeaveRequests, minAttendanceShare: settings.minAttendanceShare, lateAfterMinutes: settings.lateAfterMinutes },
    myLeaveRequests: myRequests.map((r) => ({ ...r, statusLabel: leaveStates[r.status as keyof typeof leaveStates] })),
    invitees,
    leaveRequests: leaveQueue,
    // a member sees what happened to the event and their own steps, not other members' leave or check-in
    history: history.filter((h) => staffView || eventActions.has(h.action) || h.actorId === actor.userId).map(({ actorId: _id, ...h }) => ({ ...h, actionLabel: meetingHistoryLabel(h.action) })),
    // materials and minutes: text on the page and files to download
    files,
  };
}

/** The leave requests the actor may decide (their office is a designated approver), with names and events. */
export async function leaveQueueFor(db: Executor, actor: Actor, status?: string) {
  const rows = await db
    .select({ r: leaveRequests, title: activities.title, startsAt: activities.startsAt, kind: activities.kind, mandatory: activities.mandatory })
    .from(leaveRequests)
    .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
    .where(and(eq(leaveRequests.committeeId, actor.committeeId), ...(status ? [eq(leaveRequests.status, status)] : [])))
    .orderBy(asc(leaveRequests.createdAt))
    .limit(500);
  if (rows.length === 0) return [];
  const memberRows = await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, [...new Set(rows.map((x) => x.r.memberId))]));
  const names = new Map(memberRows.map((m) => [m.id, m.name]));
  return rows.map(({ r, ...event }) => ({
    ...r, ...event, kindLabel: activityKinds[event.kind as ActivityKind] ?? event.kind, memberName: names.get(r.memberId) ?? '', statusLabel: leaveStates[r.status as keyof typeof leaveStates],
  }));
}

export type PresentedActivity = ReturnType<typeof presentSummary>;
export type { Activity };

/** A speech for the client: its author's name, its state's label, the actions allowed. */
export function presentSpeech(actor: Actor, s: Speech, memberName: string) {
  return {
    ...s, memberName, statusLabel: speechStates[s.status as SpeechState] ?? s.status,
    actions: [...availableActions(speechWorkflow, actor, s), ...allowedActions(speechPolicy, actor, s).filter((a) => a !== 'read')],
  };
}
