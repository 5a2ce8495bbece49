import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 调研课题 and its report (调研报告): one row, because a topic has exactly one report and the
 * report's review is the topic's course. `status` is the report's state (起草中 → 专委会审核 →
 * 办公室审核 → 已定稿); the plan (提纲、地点、部门、日期) is edited by the office while drafting.
 */
export const researchTopics = pgTable(
  'research_topics',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** office | specialCommittee (from its work plan) */
    source: text('source').notNull(),
    /** research 专题调研 | inspection 专项视察: the activity kind of its visits */
    form: text('form').notNull().default('research'),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    specialCommitteeId: uuid('special_committee_id'),
    createdByUserId: uuid('created_by_user_id'),
    // ── the plan ──
    questions: text('questions').notNull().default(''),
    places: text('places').array().notNull().default([]),
    unitIds: uuid('unit_ids').array().notNull().default([]),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    // ── the report ──
    /** drafting | committeeReview | officeReview | final */
    status: text('status').notNull().default('drafting'),
    reportTitle: text('report_title').notNull().default(''),
    background: text('background').notNull().default(''),
    problems: text('problems').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    /** why the last review returned it */
    returnNote: text('return_note'),
    finalizedOn: date('finalized_on', { mode: 'string' }),
  },
  (t) => [index('research_topics_committee_year_idx').on(t.committeeId, t.year)],
);

/** 调研组: who volunteered or was named, the office's confirmation, and the lead (组长). */
export const researchMembers = pgTable(
  'research_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** lead | member */
    role: text('role').notNull().default('member'),
    /** volunteered | confirmed | declined */
    state: text('state').notNull(),
    note: text('note').notNull().default(''),
    decidedOn: date('decided_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('research_members_uq').on(t.topicId, t.memberId), index('research_members_member_idx').on(t.memberId)],
);

/** 实地调研视察: each visit is an event of the activity primitive (invitations, check-in, attendance). */
export const researchVisits = pgTable(
  'research_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    place: text('place').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_visits_topic_idx').on(t.topicId), uniqueIndex('research_visits_activity_uq').on(t.activityId)],
);

/**
 * 成果转化: what the finished report became — a proposal or a 社情民意 report created through
 * their own modules' commands. The link lives here, on the report's side.
 */
export const researchConversions = pgTable(
  'research_conversions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    topicId: uuid('topic_id').notNull(),
    /** collectiveProposal | memberProposal | opinion */
    kind: text('kind').notNull(),
    /** proposal | opinion */
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    title: text('title').notNull(),
    authorText: text('author_text').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('research_conversions_topic_idx').on(t.topicId), uniqueIndex('research_conversions_target_uq').on(t.targetType, t.targetId)],
);

/** 落实事项: what the report asks of departments, sent through the handling primitive (type researchItem). */
export const researchItems = pgTable(
  'research_items',
  {
    ...recordColumns(),
    topicId: uuid('topic_id').notNull(),
    year: integer('year').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** handling | replied */
    handlingStatus: text('handling_status').notNull().default('handling'),
    handlingRound: integer('handling_round').notNull().default(1),
  },
  (t) => [index('research_items_topic_idx').on(t.topicId)],
);
