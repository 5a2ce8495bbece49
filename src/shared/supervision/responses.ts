import type { Assignment, Rating, Reply } from '../handling/responses.js';

/**
 * What the supervision routes answer, as the web reads it. (Types for now; the presenters in
 * modules/supervision/presenter.ts build exactly these shapes.)
 */
/** 监督活动: an inspection, research visit or forum of a group, an event of 会议活动. */
export interface SupervisionActivity {
  id: string;
  groupId: string;
  topicId: string | null;
  topicTitle: string | null;
  /** the event's page (QR code, leave, attendance); null for a viewer who may not open it */
  activityId: string | null;
  kind: string;
  kindLabel: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  status: string;
  statusLabel: string;
  invited: number;
  checkedIn: number;
  attended: number;
}

export interface SupervisionGroup {
  id: string;
  version: number;
  name: string;
  term: string;
  description: string | null;
  active: boolean;
  leaderMemberId: string;
  leaderName: string;
  members: { id: string; name: string; role: string; roleLabel: string; joinedOn: string }[];
  units: { id: string; name: string }[];
  /** the viewer is in this group */
  mine: boolean;
  activities: SupervisionActivity[];
  actions: string[];
}

export interface SupervisionTopic {
  id: string;
  version: number;
  year: number;
  title: string;
  source: string;
  sourceLabel: string;
  description: string | null;
  groupId: string | null;
  groupName: string | null;
  createdByName: string;
  proposals: { id: string; title: string }[];
  activities: SupervisionActivity[];
}

export interface FrequentProposal {
  id: string;
  title: string;
  category: string;
  /** already behind a supervision topic */
  inTopic: boolean;
}
export interface FrequentTopics {
  year: number;
  total: number;
  byCategory: { category: string; count: number; proposals: FrequentProposal[] }[];
  bySimilarity: { title: string; count: number; score: number; proposals: FrequentProposal[] }[];
}

export interface SuggestionRow {
  id: string;
  version: number;
  year: number;
  serial: number | null;
  title: string;
  status: string;
  statusLabel: string;
  /** null for a viewer who may not open the group (a department, a member of another group) */
  groupId: string | null;
  groupName: string;
  topicId: string | null;
  topicTitle: string | null;
  draftedByName: string;
  sentOn: string | null;
  handlingRound: number;
  units: string[];
  replyDeadline: string | null;
  overdue: boolean;
  actions: string[];
}

export interface SuggestionDetail extends SuggestionRow {
  findings: string;
  recommendations: string;
  reviewNote: string | null;
  signedByName: string | null;
  signedAt: string | null;
  completedAt: string | null;
  leaderName: string;
  assignments: Assignment[];
  replies: Reply[];
  ratings: Rating[];
  followUps: { id: string; on: string; text: string; authorName: string }[];
  history: { action: string; actionLabel: string; actorName: string; at: string; note: string | null }[];
}

export interface SupervisionOptions {
  answerClasses: { code: string; label: string }[];
  replyPeriod: { workdays: number } | { months: number };
  topicSources: Record<string, string>;
  suggestionStates: Record<string, string>;
  ratingLabels: Record<string, string>;
}

export interface SupervisionStats {
  year: number;
  total: number;
  byState: { status: string; label: string; count: number }[];
  byUnit: { unitId: string; unitName: string; sent: number; replied: number; inTime: number; overdue: number }[];
  units: { sent: number; replied: number; inTime: number; overdue: number };
  inTimeRate: number | null;
}

export interface SpecialSupervisor {
  id: string;
  version: number;
  name: string;
  workplace: string;
  phone: string | null;
  groupId: string | null;
  term: string;
}
