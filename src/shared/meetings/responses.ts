/** What the meetings API answers; the routes and presenters are typed against these shapes. */

import type { Outcome } from './labels.js';

export type { Outcome };

export type LeaveState = 'approved' | 'refused' | 'pending' | null;

export interface MeetingSummary {
  id: string;
  version: number;
  kind: string;
  kindLabel: string;
  title: string;
  year: number;
  startsAt: string;
  endsAt: string;
  location: string;
  mandatory: boolean;
  status: 'scheduled' | 'closed' | 'cancelled';
  statusLabel: string;
  organiserOffice: string;
  invited: number;
  checkedIn: number;
  mine: null | {
    reply: 'pending' | 'accepted' | 'declined';
    replyLabel: string;
    checkedInAt: string | null;
    leftAt: string | null;
    outcome: Outcome | null;
    outcomeLabel: string | null;
    leave: LeaveState;
  };
  actions: string[];
}

export interface Counts {
  invited: number;
  attended: number;
  excused: number;
  absent: number;
  leaveRefused: number;
  none: number;
  late: number;
  leftEarly: number;
  rate: number;
}

export interface Invitee {
  memberId: string;
  name: string;
  code: string;
  version: number;
  reply: string;
  replyLabel: string;
  checkedInAt: string | null;
  checkInMethod: 'qr' | 'staff' | null;
  leftAt: string | null;
  note: string | null;
  late: boolean;
  leftEarly: boolean;
  share: number;
  leave: LeaveState;
  outcome: Outcome;
  outcomeLabel: string;
  final: boolean;
}

export interface LeaveRequest {
  id: string;
  version: number;
  activityId: string;
  memberId: string;
  memberName?: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused' | 'withdrawn';
  statusLabel: string;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  /** in the approval queue */
  title?: string;
  startsAt?: string;
  kindLabel?: string;
  mandatory?: boolean;
}

export interface MeetingFile {
  id: string;
  kind: 'materials' | 'minutes';
  kindLabel: string;
  filename: string;
  size: number;
  uploadedByName: string;
  uploadedAt: string;
}

export interface MeetingDetail extends MeetingSummary {
  sessionId: string | null;
  agenda: string;
  materials: string;
  minutes: string;
  closedAt: string | null;
  invitationLabels: string[];
  stats: Counts & { checkedIn: number; final: boolean };
  rules: { maxLeaveRequests: number; minAttendanceShare: number; lateAfterMinutes: number };
  myLeaveRequests: LeaveRequest[];
  invitees: Invitee[];
  leaveRequests: LeaveRequest[];
  history: { action: string; actionLabel: string; actorName: string; at: string; note: string | null }[];
  files: MeetingFile[];
}

export interface MeetingOptions {
  kinds: { value: string; label: string }[];
  scopeTypes: { value: string; label: string }[];
  outcomes: { value: string; label: string }[];
  sessions: { id: string; name: string; year: number }[];
  settings: { maxLeaveRequests: number; checkInOpensMinutesBefore: number; lateAfterMinutes: number; qrTokenSeconds: number };
  canSubmitSpeech: boolean;
}

export interface Speech {
  id: string;
  version: number;
  title: string;
  body: string;
  year: number;
  memberId: string;
  memberName: string;
  status: 'submitted' | 'oral' | 'written' | 'notUsed' | 'withdrawn';
  statusLabel: string;
  decidedByName: string | null;
  decisionNote: string | null;
  createdAt: string;
  actions: string[];
}

/** 出席统计: every event of the year and every member, with the totals over closed events. */
export type EventRow = Counts & { id: string; title: string; kind: string; kindLabel: string; startsAt: string; status: string; checkedIn: number; final: boolean };
export type MemberAttendance = { memberId: string; name: string; code: string; invited: number; attended: number; excused: number; absent: number; leaveRefused: number; rate: number };
export interface AttendanceStats {
  year: number;
  overall: { events: number; closed: number; invited: number; attended: number; rate: number };
  events: EventRow[];
  members: MemberAttendance[];
}

export interface MeetingList {
  items: MeetingSummary[];
  total: number;
  canCreate: boolean;
}

/** A check-in: when, and the event it was for. */
export interface CheckInAnswer {
  checkedInAt: string;
  meeting: MeetingSummary;
}

/** The venue QR code's token, renewed every `refreshSeconds`. */
export interface CheckInToken {
  token: string;
  expiresAt: string;
  refreshSeconds: number;
}
