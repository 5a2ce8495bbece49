import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 民生诉求: what a member of the public sends through the portal. The sender is known only by a
 * receipt code (回执码) they follow it with; the name and phone stay with the staff who may see them.
 * Staff route it to a member studio or a member, who records what was done.
 */
export const livelihoodRequests = pgTable(
  'livelihood_requests',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** the receipt code, e.g. K7PM4-Q2XRD: unguessable, short, no 0/O/1/I */
    code: text('code').notNull(),
    /** received | routed | handling | done | declined */
    status: text('status').notNull().default('received'),
    /** optional: the sender may stay anonymous */
    senderName: text('sender_name'),
    senderPhone: text('sender_phone').notNull(),
    category: text('category').notNull(),
    place: text('place').notNull(),
    body: text('body').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** where staff routed it: a studio (its members handle it) and/or the member in charge */
    studioId: uuid('studio_id'),
    memberId: uuid('member_id'),
    routeNote: text('route_note'),
    outcome: text('outcome'),
    declineReason: text('decline_reason'),
    doneOn: date('done_on', { mode: 'string' }),
    /** the sender's rating after it is done: satisfied | basic | unsatisfied */
    rating: text('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /** moderation: shown on the portal (without name and phone) only once staff publish it */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** what it became (转化): a proposal draft of the member, or an opinion report */
    proposalId: uuid('proposal_id'),
    opinionId: uuid('opinion_id'),
  },
  (t) => [
    uniqueIndex('livelihood_requests_code_uq').on(t.code),
    index('livelihood_requests_committee_idx').on(t.committeeId, t.status),
    index('livelihood_requests_member_idx').on(t.memberId),
    index('livelihood_requests_proposal_idx').on(t.proposalId),
    index('livelihood_requests_opinion_idx').on(t.opinionId),
  ],
);

/** 办理记录: what the member (or staff) did, as the sender reads it on the follow page. */
export const livelihoodRequestNotes = pgTable(
  'livelihood_request_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    requestId: uuid('request_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    byName: text('by_name').notNull(),
    byUserId: uuid('by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('livelihood_request_notes_request_idx').on(t.requestId)],
);
