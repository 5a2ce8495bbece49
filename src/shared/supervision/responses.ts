import { z } from 'zod';
import { assignment, rating, reply } from '../handling/responses.js';
import { historyEntry, instant, listOf, type Wire } from '../http/responses.js';

/** What the supervision routes answer, as zod schemas; the web uses the inferred wire types (dates as ISO strings). */

/** 监督活动: an inspection, research visit or forum of a group, an event of 会议活动. */
export const supervisionActivity = z.object({
  id: z.string(),
  groupId: z.string(),
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  /** the event's page (QR code, leave, attendance); null for a viewer who may not open it */
  activityId: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  place: z.string(),
  startsAt: instant,
  endsAt: instant,
  status: z.string(),
  statusLabel: z.string(),
  invited: z.number(),
  checkedIn: z.number(),
  attended: z.number(),
});
export type SupervisionActivity = Wire<typeof supervisionActivity>;

export const supervisionGroup = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  term: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  leaderMemberId: z.string(),
  leaderName: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), roleLabel: z.string(), joinedOn: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  /** the viewer is in this group */
  mine: z.boolean(),
  activities: z.array(supervisionActivity),
  actions: z.array(z.string()),
});
export type SupervisionGroup = Wire<typeof supervisionGroup>;
export const supervisionGroupList = listOf(supervisionGroup);

export const supervisionTopic = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  title: z.string(),
  source: z.string(),
  sourceLabel: z.string(),
  description: z.string().nullable(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  createdByName: z.string(),
  proposals: z.array(z.object({ id: z.string(), title: z.string() })),
  activities: z.array(supervisionActivity),
});
export type SupervisionTopic = Wire<typeof supervisionTopic>;
export const supervisionTopicList = listOf(supervisionTopic);

export const frequentProposal = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  /** already behind a supervision topic */
  inTopic: z.boolean(),
});
export type FrequentProposal = Wire<typeof frequentProposal>;
export const frequentTopics = z.object({
  year: z.number(),
  total: z.number(),
  byCategory: z.array(z.object({ category: z.string(), count: z.number(), proposals: z.array(frequentProposal) })),
  bySimilarity: z.array(z.object({ title: z.string(), count: z.number(), score: z.number(), proposals: z.array(frequentProposal) })),
});
export type FrequentTopics = Wire<typeof frequentTopics>;

export const suggestionRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  serial: z.number().nullable(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** null for a viewer who may not open the group (a department, a member of another group) */
  groupId: z.string().nullable(),
  groupName: z.string(),
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  draftedByName: z.string(),
  sentOn: z.string().nullable(),
  handlingRound: z.number(),
  units: z.array(z.string()),
  replyDeadline: z.string().nullable(),
  overdue: z.boolean(),
  updatedAt: instant,
  actions: z.array(z.string()),
});
export type SuggestionRow = Wire<typeof suggestionRow>;
export const suggestionList = listOf(suggestionRow).extend({ total: z.number() });

export const suggestionDetail = suggestionRow.extend({
  findings: z.string(),
  recommendations: z.string(),
  reviewNote: z.string().nullable(),
  signedByName: z.string().nullable(),
  signedAt: instant.nullable(),
  completedAt: instant.nullable(),
  leaderName: z.string(),
  assignments: z.array(assignment),
  replies: z.array(reply),
  ratings: z.array(rating),
  followUps: z.array(z.object({ id: z.string(), on: z.string(), text: z.string(), authorName: z.string() })),
  history: z.array(historyEntry),
});
export type SuggestionDetail = Wire<typeof suggestionDetail>;

const replyPeriod = z.union([z.object({ workdays: z.number() }), z.object({ months: z.number() })]);

export const supervisionOptions = z.object({
  answerClasses: z.array(z.object({ code: z.string(), label: z.string() })),
  replyPeriod,
  topicSources: z.record(z.string(), z.string()),
  suggestionStates: z.record(z.string(), z.string()),
  ratingLabels: z.record(z.string(), z.string()),
});
export type SupervisionOptions = Wire<typeof supervisionOptions>;

const unitFigures = z.object({ sent: z.number(), replied: z.number(), inTime: z.number(), overdue: z.number() });
export const supervisionStats = z.object({
  year: z.number(),
  total: z.number(),
  byState: z.array(z.object({ status: z.string(), label: z.string(), count: z.number() })),
  byUnit: z.array(unitFigures.extend({ unitId: z.string(), unitName: z.string() })),
  units: unitFigures,
  replyPeriod,
  inTimeRate: z.number().nullable(),
});
export type SupervisionStats = Wire<typeof supervisionStats>;

export const specialSupervisor = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  workplace: z.string(),
  phone: z.string().nullable(),
  groupId: z.string().nullable(),
  term: z.string(),
});
export type SpecialSupervisor = Wire<typeof specialSupervisor>;
export const specialSupervisorList = listOf(specialSupervisor);
