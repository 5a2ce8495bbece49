import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 民主监督小组: a supervision group of members with a leader, fixed to a set of units (被监督单位)
 * for the term (e.g. five groups covering 43 departments).
 */
export const supervisionGroups = pgTable(
  'supervision_groups',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** 届次, e.g. 第七届 */
    term: text('term').notNull(),
    leaderMemberId: uuid('leader_member_id').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default([]),
    description: text('description'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('supervision_groups_name_uq').on(t.committeeId, t.term, t.name)],
);

/** A group's members, the leader included (role leader | member); who joined when, for the ledger. */
export const supervisionGroupMembers = pgTable(
  'supervision_group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    role: text('role').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('supervision_group_members_uq').on(t.groupId, t.memberId), index('supervision_group_members_member_idx').on(t.memberId)],
);

/** 特约监督员: people from outside the committee named for the term; not members, no ledger. */
export const specialSupervisors = pgTable('special_supervisors', {
  ...recordColumns(),
  name: text('name').notNull(),
  workplace: text('workplace').notNull(),
  phone: text('phone'),
  groupId: uuid('group_id'),
  term: text('term').notNull(),
});

/** 监督议题: from the annual plan, assigned by the party committee, or raised from frequent proposals. */
export const supervisionTopics = pgTable(
  'supervision_topics',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** plan | party | proposals */
    source: text('source').notNull(),
    description: text('description'),
    groupId: uuid('group_id'),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('supervision_topics_year_idx').on(t.committeeId, t.year)],
);

/** The proposals a topic raised from proposals came from. */
export const supervisionTopicProposals = pgTable(
  'supervision_topic_proposals',
  {
    topicId: uuid('topic_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
  },
  (t) => [uniqueIndex('supervision_topic_proposals_uq').on(t.topicId, t.proposalId), index('supervision_topic_proposals_proposal_idx').on(t.proposalId)],
);

/**
 * 监督建议: drafted by a group, reviewed and signed off by the office, sent to units through the
 * handling primitive (type `supervision`), rated by the group, followed up until done.
 */
export const supervisionSuggestions = pgTable(
  'supervision_suggestions',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** 监督建议 number per committee and year, given when signed off */
    serial: integer('serial'),
    groupId: uuid('group_id').notNull(),
    /** the group's leader and members, kept with the suggestion (updated when the group changes) so the workflow's guards read them from the row */
    leaderMemberId: uuid('leader_member_id').notNull(),
    groupMemberIds: uuid('group_member_ids').array().notNull().default([]),
    topicId: uuid('topic_id'),
    title: text('title').notNull(),
    findings: text('findings').notNull(),
    recommendations: text('recommendations').notNull(),
    status: text('status').notNull().default('draft'),
    draftedByMemberId: uuid('drafted_by_member_id'),
    draftedByName: text('drafted_by_name').notNull(),
    reviewNote: text('review_note'),
    signedByName: text('signed_by_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    sentOn: date('sent_on', { mode: 'string' }),
    handlingRound: integer('handling_round').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('supervision_suggestions_status_idx').on(t.committeeId, t.status), index('supervision_suggestions_group_idx').on(t.groupId)],
);

/** 跟踪落实: what the group found when it followed a suggestion up, until it marked it done. */
export const supervisionFollowUps = pgTable(
  'supervision_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    suggestionId: uuid('suggestion_id').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_follow_ups_suggestion_idx').on(t.suggestionId)],
);

/**
 * 监督活动: a group's inspections (视察), research visits (调研) and forums (座谈) are events of the
 * activity primitive (invitations, leave, QR check-in, attendance and its ledger entries), owned by
 * the group and, when held for one, by a topic.
 */
export const supervisionActivities = pgTable(
  'supervision_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    groupId: uuid('group_id').notNull(),
    topicId: uuid('topic_id'),
    activityId: uuid('activity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_activities_group_idx').on(t.groupId), index('supervision_activities_topic_idx').on(t.topicId), uniqueIndex('supervision_activities_activity_uq').on(t.activityId)],
);
