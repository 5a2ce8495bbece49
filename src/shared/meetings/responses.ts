import { z } from 'zod';
import { historyEntry, instant, itemsOf, type Wire } from '../http/responses.js';
import { outcomeLabels, type Outcome } from './labels.js';
import { invitationScope } from './inputs.js';

/** What the meetings API answers, as zod schemas; the web uses the inferred wire types (dates as ISO strings). */

export type { Outcome };

const outcome = z.enum(Object.keys(outcomeLabels) as [Outcome, ...Outcome[]]);

export const leaveState = z.enum(['approved', 'refused', 'pending']).nullable();
export type LeaveState = Wire<typeof leaveState>;

export const meetingSummary = z.object({
  id: z.string(),
  version: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  year: z.number(),
  startsAt: instant,
  endsAt: instant,
  location: z.string(),
  mandatory: z.boolean(),
  status: z.enum(['scheduled', 'closed', 'cancelled']),
  statusLabel: z.string(),
  organiserOffice: z.string(),
  invited: z.number(),
  checkedIn: z.number(),
  mine: z
    .object({
      reply: z.enum(['pending', 'accepted', 'declined']),
      replyLabel: z.string(),
      checkedInAt: instant.nullable(),
      leftAt: instant.nullable(),
      outcome: outcome.nullable(),
      outcomeLabel: z.string().nullable(),
      leave: leaveState,
    })
    .nullable(),
  actions: z.array(z.string()),
});
export type MeetingSummary = Wire<typeof meetingSummary>;

export const counts = z.object({
  invited: z.number(),
  attended: z.number(),
  excused: z.number(),
  absent: z.number(),
  leaveRefused: z.number(),
  none: z.number(),
  late: z.number(),
  leftEarly: z.number(),
  rate: z.number(),
});
export type Counts = Wire<typeof counts>;

export const invitee = z.object({
  memberId: z.string(),
  name: z.string(),
  code: z.string(),
  version: z.number(),
  reply: z.string(),
  replyLabel: z.string(),
  checkedInAt: instant.nullable(),
  checkInMethod: z.enum(['qr', 'staff']).nullable(),
  leftAt: instant.nullable(),
  note: z.string().nullable(),
  late: z.boolean(),
  leftEarly: z.boolean(),
  share: z.number(),
  leave: leaveState,
  outcome,
  outcomeLabel: z.string(),
  final: z.boolean(),
});
export type Invitee = Wire<typeof invitee>;

export const leaveRequest = z.object({
  id: z.string(),
  version: z.number(),
  activityId: z.string(),
  memberId: z.string(),
  memberName: z.string().optional(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused', 'withdrawn']),
  statusLabel: z.string(),
  createdAt: instant,
  decidedAt: instant.nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** in the approval queue */
  title: z.string().optional(),
  startsAt: instant.optional(),
  kindLabel: z.string().optional(),
  mandatory: z.boolean().optional(),
});
export type LeaveRequest = Wire<typeof leaveRequest>;

export const meetingFile = z.object({
  id: z.string(),
  kind: z.enum(['materials', 'minutes']),
  kindLabel: z.string(),
  filename: z.string(),
  size: z.number(),
  uploadedByName: z.string(),
  uploadedAt: instant,
});
export type MeetingFile = Wire<typeof meetingFile>;

export const meetingDetail = meetingSummary.extend({
  sessionId: z.string().nullable(),
  agenda: z.string(),
  materials: z.string(),
  minutes: z.string(),
  closedAt: instant.nullable(),
  /** whom the event invites, as scheduled (the same scopes the form sends), and their names */
  invitationScopes: z.array(invitationScope),
  invitationLabels: z.array(z.string()),
  stats: counts.extend({ checkedIn: z.number(), final: z.boolean() }),
  rules: z.object({ maxLeaveRequests: z.number(), minAttendanceShare: z.number(), lateAfterMinutes: z.number() }),
  myLeaveRequests: z.array(leaveRequest),
  invitees: z.array(invitee),
  leaveRequests: z.array(leaveRequest),
  history: z.array(historyEntry),
  files: z.array(meetingFile),
});
export type MeetingDetail = Wire<typeof meetingDetail>;

const option = z.object({ value: z.string(), label: z.string() });
export const meetingOptions = z.object({
  kinds: z.array(option),
  scopeTypes: z.array(option),
  outcomes: z.array(option),
  sessions: z.array(z.object({ id: z.string(), name: z.string(), year: z.number() })),
  settings: z.object({ maxLeaveRequests: z.number(), checkInOpensMinutesBefore: z.number(), lateAfterMinutes: z.number(), qrTokenSeconds: z.number() }),
  canSubmitSpeech: z.boolean(),
});
export type MeetingOptions = Wire<typeof meetingOptions>;

export const speech = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  year: z.number(),
  memberId: z.string(),
  memberName: z.string(),
  /** a research group's speech: the rest of the group, who share it */
  contributorNames: z.array(z.string()),
  status: z.enum(['submitted', 'oral', 'written', 'notUsed', 'withdrawn']),
  statusLabel: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: instant,
  actions: z.array(z.string()),
});
export type Speech = Wire<typeof speech>;

/** 出席统计: every event of the year and every member, with the totals over closed events. */
export const eventRow = counts.extend({ id: z.string(), /** the event's page: a meeting's, or a joint inspection's of the parent committee */ link: z.string(), title: z.string(), kind: z.string(), kindLabel: z.string(), startsAt: instant, status: z.string(), checkedIn: z.number(), final: z.boolean() });
export type EventRow = Wire<typeof eventRow>;
export const memberAttendance = z.object({ memberId: z.string(), name: z.string(), code: z.string(), invited: z.number(), attended: z.number(), excused: z.number(), absent: z.number(), leaveRefused: z.number(), rate: z.number() });
export type MemberAttendance = Wire<typeof memberAttendance>;
export const attendanceStats = z.object({
  year: z.number(),
  overall: z.object({ events: z.number(), closed: z.number(), invited: z.number(), attended: z.number(), rate: z.number() }),
  events: z.array(eventRow),
  members: z.array(memberAttendance),
});
export type AttendanceStats = Wire<typeof attendanceStats>;

export const meetingList = z.object({ items: z.array(meetingSummary), total: z.number(), canCreate: z.boolean() });
export type MeetingList = Wire<typeof meetingList>;

/** A check-in: when, and the event it was for. */
export const checkInAnswer = z.object({ checkedInAt: instant, meeting: meetingSummary });
export type CheckInAnswer = Wire<typeof checkInAnswer>;

/** The venue QR code's token, renewed every `refreshSeconds`. */
export const checkInToken = z.object({ token: z.string(), expiresAt: instant, refreshSeconds: z.number(), /** the check-in window */ opens: instant, closes: instant });
export type CheckInToken = Wire<typeof checkInToken>;

/** 请假审批队列, 大会发言列表, and the half-day plenary sittings just scheduled. */
export const leaveQueue = itemsOf(leaveRequest);
export const speechList = itemsOf(speech);
export const plenarySittings = itemsOf(meetingSummary);
