import { meetingHistoryLabel } from '../../../shared/meetings/history.js';
import type { Presented } from '../../../shared/http/responses.js';
import { leaveRequest, speech, type invitee, type meetingDetail, type meetingSummary } from '../../../shared/meetings/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import { keyIn } from '../../../shared/labels.js';
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
/** how a member was checked in: they scanned the venue code, or staff checked them in */
const checkInMethods = { qr: '扫码签到', staff: '工作人员代签' } as const;

/** A leave request's row as the answer's: its state one of leaveStates, with its label. */
const presentLeave = (r: typeof leaveRequests.$inferSelect, more: Partial<Presented<typeof leaveRequest>> = {}): Presented<typeof leaveRequest> =>
  onlyDeclared(leaveRequest, { ...r, ...more, status: keyIn(leaveStates, r.status), statusLabel: leaveStates[keyIn(leaveStates, r.status)] });

export function presentSummary(actor: Actor, s: ActivitySubject, counts?: { invited: number; checkedIn: number }, myLeave: string[] = []): Presented<typeof meetingSummary> {
  return {
    id: s.id, version: s.version, kind: s.kind, kindLabel: activityKinds[s.kind as ActivityKind] ?? s.kind, title: s.title, year: s.year,
    startsAt: s.startsAt, endsAt: s.endsAt, location: s.location, mandatory: s.mandatory, status: keyIn(activityStates, s.status),
    statusLabel: activityStates[s.status as keyof typeof activityStates] ?? s.status, organiserOffice: s.organiserOffice,
    invited: counts?.invited ?? 0, checkedIn: counts?.checkedIn ?? 0,
    mine: s.mine
      ? {
          reply: keyIn(replyLabels, s.mine.reply), replyLabel: replyLabels[keyIn(replyLabels, s.mine.reply)], checkedInAt: s.mine.checkedInAt, leftAt: s.mine.leftAt,
          outcome: s.mine.outcome !== null ? keyIn(outcomeLabels, s.mine.outcome) : null, outcomeLabel: s.mine.outcome ? outcomeLabels[keyIn(outcomeLabels, s.mine.outcome)] : null, leave: leaveStateOf(myLeave.map((status) => ({ status }))),
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
export async function presentDetail(db: Executor, actor: Actor, s: ActivitySubject): Promise<Presented<typeof meetingDetail>> {
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
  let invitees: Presented<typeof invitee>[] = [];
  let leaveQueue: Presented<typeof leaveRequest>[] = [];
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
      const outcome: Outcome = i.outcome !== null ? keyIn(outcomeLabels, i.outcome) : attendanceOutcome(s, i, leave, settings.minAttendanceShare);
      return {
        memberId: i.memberId, name, code, version: i.version, reply: i.reply, replyLabel: replyLabels[i.reply as keyof typeof replyLabels],
        checkedInAt: i.checkedInAt, checkInMethod: i.checkInMethod !== null ? keyIn(checkInMethods, i.checkInMethod) : null, leftAt: i.leftAt, note: i.note,
        late: isLate(s, i, settings.lateAfterMinutes), leftEarly: leftEarly(s, i), share: Math.round(attendedShare(s, i) * 100),
        leave, outcome, outcomeLabel: outcomeLabels[outcome], final: i.outcome !== null,
      };
    });
    const names = new Map(rows.map((r) => [r.i.memberId, r.name]));
    leaveQueue = requests.map((r) => presentLeave(r, { memberName: names.get(r.memberId) ?? '' }));
  }
  return {
    ...presentSummary(actor, s, { invited: stats.invited, checkedIn: stats.checkedIn }, myRequests.map((r) => r.status)),
    sessionId: s.sessionId, agenda: s.agenda, materials: s.materials, minutes: s.minutes, closedAt: s.closedAt,
    invitationScopes: s.invitationScopes as InvitationScope[], invitationLabels: scopes,
    stats,
    rules: { maxLeaveRequests: settings.maxLeaveRequests, minAttendanceShare: settings.minAttendanceShare, lateAfterMinutes: settings.lateAfterMinutes },
    myLeaveRequests: myRequests.map((r) => presentLeave(r)),
    invitees,
    leaveRequests: leaveQueue,
    // a member sees what happened to the event and their own steps, not other members' leave or check-in
    history: history.filter((h) => staffView || eventActions.has(h.action) || h.actorId === actor.userId).map(({ actorId: _id, ...h }) => ({ ...h, actionLabel: meetingHistoryLabel(h.action) })),
    // materials and minutes: text on the page and files to download
    files,
  };
}

/** The leave requests the actor may decide (their office is a designated approver), with names and events. */
export async function leaveQueueFor(db: Executor, actor: Actor, status?: string): Promise<Presented<typeof leaveRequest>[]> {
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
  return rows.map(({ r, kind, ...event }) => presentLeave(r, { ...event, kindLabel: activityKinds[kind as ActivityKind] ?? kind, memberName: names.get(r.memberId) ?? '' }));
}

export type PresentedActivity = ReturnType<typeof presentSummary>;
export type { Activity };

/** A speech for the client: its author's and co-authors' names (`names` by member id), its state's label, the actions allowed. */
export function presentSpeech(actor: Actor, s: Speech, names: ReadonlyMap<string, string>): Presented<typeof speech> {
  // the fields the schema names: not the row's committee, session, co-author ids or timestamps
  return onlyDeclared(speech, {
    ...s, memberName: names.get(s.memberId) ?? '',
    contributorNames: s.contributorMemberIds.filter((m) => m !== s.memberId).map((m) => names.get(m) ?? '').filter(Boolean),
    status: keyIn(speechStates, s.status), statusLabel: speechStates[keyIn(speechStates, s.status)],
    actions: [...availableActions(speechWorkflow, actor, s), ...allowedActions(speechPolicy, actor, s).filter((a) => a !== 'read')],
  });
}
