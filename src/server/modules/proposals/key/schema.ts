import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../../db/columns.js';

/**
 * 重点提案督办: one row per proposal the proposal office shortlists (拟重点). `status` follows
 * `keyWorkflow`: the chairs' meeting's decision (its date and reference), the leading chair (领衔督办
 * 政协领导, a leader account) and the government leader (a name, or an account where one exists),
 * then the chair's steps: 阅批 before handling, 调度 during it (`key_proposal_schedules`), 阅签 of the reply.
 */
export const keyProposals = pgTable(
  'key_proposals',
  {
    ...recordColumns(),
    proposalId: uuid('proposal_id').notNull(),
    year: integer('year').notNull(),
    /** shortlisted | declined | selected | reviewed | signedOff */
    status: text('status').notNull().default('shortlisted'),
    shortlistNote: text('shortlist_note').notNull(),
    shortlistedOn: date('shortlisted_on', { mode: 'string' }).notNull(),
    shortlistedByUserId: uuid('shortlisted_by_user_id').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** the chairs' meeting and its decision as recorded (e.g. 十四届第12次主席会议) */
    decisionRef: text('decision_ref'),
    chairUserId: uuid('chair_user_id'),
    chairName: text('chair_name'),
    govLeaderUserId: uuid('gov_leader_user_id'),
    govLeaderName: text('gov_leader_name'),
    reviewedOn: date('reviewed_on', { mode: 'string' }),
    reviewText: text('review_text'),
    signedOn: date('signed_on', { mode: 'string' }),
    signText: text('sign_text'),
  },
  (t) => [uniqueIndex('key_proposals_proposal_uq').on(t.proposalId), index('key_proposals_committee_year_idx').on(t.committeeId, t.year), index('key_proposals_chair_idx').on(t.chairUserId)],
);

/** 办中调度: each scheduling meeting or inspection is an event of the activity primitive, linked here. */
export const keyProposalSchedules = pgTable(
  'key_proposal_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    keyProposalId: uuid('key_proposal_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    agenda: text('agenda').notNull(),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('key_schedules_key_idx').on(t.keyProposalId), uniqueIndex('key_schedules_activity_uq').on(t.activityId)],
);

/**
 * 优秀提案: a nomination of one filed proposal in a year's round, by the proposal office or a special
 * committee (entered by the office), through review and decision to publication on the portal.
 */
export const excellentNominations = pgTable(
  'excellent_nominations',
  {
    ...recordColumns(),
    proposalId: uuid('proposal_id').notNull(),
    year: integer('year').notNull(),
    /** office | specialCommittee */
    source: text('source').notNull(),
    specialCommitteeId: uuid('special_committee_id'),
    reason: text('reason').notNull(),
    /** nominated | reviewed | decided | published | notSelected */
    status: text('status').notNull().default('nominated'),
    nominatedOn: date('nominated_on', { mode: 'string' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    note: text('note'),
  },
  (t) => [uniqueIndex('excellent_nominations_proposal_uq').on(t.proposalId), index('excellent_nominations_committee_year_idx').on(t.committeeId, t.year)],
);
