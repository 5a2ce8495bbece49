import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 提案. One issue per proposal (一事一案): 情况 (background), 分析 (analysis), 建议 (suggestions).
 * Historical proposals imported from past years have `historical` set and keep the proposer as text.
 */
export const proposals = pgTable(
  'proposals',
  {
    ...recordColumns(),
    sessionId: uuid('session_id'),
    year: integer('year').notNull(),
    /** session 大会提案 | ordinary 平时提案: decided by the session's window at submission */
    kind: text('kind').notNull().default('session'),
    /** individual | joint 联名 | collective 集体 */
    authorType: text('author_type').notNull(),
    /** first proposer (第一提案人); null for a collective proposal */
    leadMemberId: uuid('lead_member_id'),
    /** collective: the body in whose name it is submitted (a party, special committee or sector) */
    collectiveBody: text('collective_body'),
    createdByUserId: uuid('created_by_user_id'),
    /** proposer as printed (historical imports and collective bodies) */
    proposerText: text('proposer_text'),
    title: text('title').notNull(),
    background: text('background').notNull().default(''),
    analysis: text('analysis').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    category: text('category').notNull(),
    status: text('status').notNull().default('draft'),
    /** the review steps this proposal goes through, copied from the settings at submission */
    reviewSteps: text('review_steps').array().notNull().default([]),
    /** internal serial (流水号) given at submission */
    serial: integer('serial'),
    /** filing number per session (e.g. 十四届四次会议 第0087号), given when filed */
    number: integer('number'),
    numberText: text('number_text'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** reason of not filing / returning / converting, shown to the author */
    decisionReason: text('decision_reason'),
    rejectReasonCode: text('reject_reason_code'),
    /** converted: opinion (社情民意) | suggestion (意见建议) */
    convertedTo: text('converted_to'),
    /** merged: the proposal this one was merged into (并案) */
    mergedIntoId: uuid('merged_into_id'),
    isKey: boolean('is_key').notNull().default(false),
    keyLeaderUserId: uuid('key_leader_user_id'),
    keyLeaderName: text('key_leader_name'),
    isExcellent: boolean('is_excellent').notNull().default(false),
    /** the proposer agrees to publish the proposal and its reply (公开) */
    proposerConsent: boolean('proposer_consent').notNull().default(true),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    handlingRound: integer('handling_round').notNull().default(0),
    rateDeadline: text('rate_deadline'),
    /** when the proposer was reminded of the rating deadline (once per deadline) */
    rateRemindedAt: timestamp('rate_reminded_at', { withTimezone: true }),
    historical: boolean('historical').notNull().default(false),
    sourceRef: text('source_ref'),
    /** 来源政协: the committee whose published list an imported proposal comes from (e.g. 江苏省政协); null = this committee's own */
    originCommittee: text('origin_committee'),
    /** 提案参考选题 the proposal answers (proposal_topics), chosen by its author */
    topicId: uuid('topic_id'),
  },
  (t) => [
    index('proposals_committee_status_idx').on(t.committeeId, t.status),
    index('proposals_lead_idx').on(t.leadMemberId),
    // the next serial of a committee's year is read under the committee's lock (shangliang_next_proposal_number):
    // one step down this index, where it scanned the committee's proposals while its submissions waited
    index('proposals_serial_idx').on(t.committeeId, t.year, t.serial),
    // 我的提案 includes the drafts one wrote (queries.ts partyTo)
    index('proposals_created_by_idx').on(t.createdByUserId),
    // the similarity finder follows changes by updated_at
    index('proposals_committee_updated_idx').on(t.committeeId, t.updatedAt),
    index('proposals_merged_into_idx').on(t.mergedIntoId),
    index('proposals_topic_idx').on(t.topicId),
    uniqueIndex('proposals_session_number_uq').on(t.sessionId, t.number),
    // a list's page (queries.ts listProposals): in the list's order within a committee's session, with
    // the columns the visibility and the common filters read, so the total and the page's ids are an
    // index-only scan; only the page's rows are then read whole (their bodies make the heap wide)
    index('proposals_list_idx').on(
      t.committeeId, t.sessionId, t.historical, t.submittedAt.desc().nullsFirst(), t.createdAt.desc().nullsFirst(),
      t.id, t.status, t.createdByUserId, t.leadMemberId, t.category, t.isKey,
    ),
    // the proposals a session received (提案统计, its session choices): every column their counts read,
    // so they are index-only scans instead of a heap page per proposal (stats/figures.ts `received`)
    index('proposals_session_received_idx')
      .on(t.sessionId, t.committeeId, t.status, t.category, t.authorType, t.isKey, t.leadMemberId, t.id)
      .where(sql`not ${t.historical} and ${t.submittedAt} is not null and ${t.status} not in ('draft', 'withdrawn')`),
    // an imported past proposal is identified by its year and original number (re-import updates it)
    uniqueIndex('proposals_historical_number_uq').on(t.committeeId, t.year, t.number).where(sql`${t.historical}`),
  ],
);

/** 联名: co-signers invited by the first proposer; each confirms or declines. */
export const cosigners = pgTable(
  'proposal_cosigners',
  {
    proposalId: uuid('proposal_id').notNull(),
    memberId: uuid('member_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
    /** invited | confirmed | declined */
    status: text('status').notNull().default('invited'),
    position: integer('position').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.memberId] }), index('cosigners_member_idx').on(t.memberId)],
);

/** Opinions written at each review step (预审、复审、审定), in order. */
export const reviewOpinions = pgTable(
  'proposal_review_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    /** preReview | reReview | decision */
    step: text('step').notNull(),
    reviewerUserId: uuid('reviewer_user_id').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    opinion: text('opinion').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_opinions_proposal_idx').on(t.proposalId)],
);

/**
 * 提案统计's summaries (stats/summary.ts), kept by statement triggers on proposals, co-signers and
 * the handling tables in the writer's own transaction (migration 0064), so a session's figures are
 * read from a few hundred counters instead of joining its proposals to four tables.
 *
 * `proposal_stat_rows`: what each proposal counts for now, one row per proposal (an empty list for
 * one not received — a draft, withdrawn, historical or sessionless one), as keys
 * `kind␟k1␟k2␟k3␟k4` (see `proposal_stat_totals`). A change re-derives the keys of the proposals it
 * touched from their own rows and moves the difference into the totals.
 */
export const proposalStatRows = pgTable(
  'proposal_stat_rows',
  {
    proposalId: uuid('proposal_id').notNull(),
    committeeId: uuid('committee_id'),
    sessionId: uuid('session_id'),
    keys: text('keys').array().notNull(),
  },
  // not unique: a refresh deletes a proposal's row and inserts its new one in one statement
  (t) => [index('proposal_stat_rows_proposal_idx').on(t.proposalId)],
);

/**
 * Per committee and session, how many received proposals count under each key; rows left at 0 stay
 * and are read as nothing. Kinds:
 * - `p` category, status, author type, is_key ('t'/'f') — outcome counts;
 * - `m` member — a first proposer or confirmed co-signer (n = how many times);
 * - `r` unit ('' = the session), attitude, result — each proposal's latest rating, once for the
 *   session and once for each unit that sent a reply on it;
 * - `a` unit, answer class — each unit's final sent reply;
 * - `u` unit, replying role ('1'/'0'), supporting role ('1'/'0'), earliest open reply deadline
 *   ('' when none is open) — each unit given the proposal; overdue is a sum over deadlines < today.
 */
export const proposalStatTotals = pgTable(
  'proposal_stat_totals',
  {
    committeeId: uuid('committee_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    kind: text('kind').notNull(),
    k1: text('k1').notNull(),
    k2: text('k2').notNull(),
    k3: text('k3').notNull(),
    k4: text('k4').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.sessionId, t.kind, t.k1, t.k2, t.k3, t.k4] })],
);
