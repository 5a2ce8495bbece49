import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 委员之家 (the Members' Home) and 主席接待日: a rota of duty days kept by staff, the visits the
 * member on duty receives, and the work suggestions those visits bring. Nothing is deleted: a duty
 * is cancelled with a reason; a suggestion keeps the record it became.
 */
export const homeDuties = pgTable(
  'home_duties',
  {
    ...recordColumns(),
    day: date('day', { mode: 'string' }).notNull(),
    memberId: uuid('member_id').notNull(),
    /** chair 主席会议成员 | director 专委会负责人 */
    capacity: text('capacity').notNull(),
    /** the special committee a director is on duty for */
    specialCommitteeId: uuid('special_committee_id'),
    note: text('note'),
    /** active | cancelled */
    status: text('status').notNull().default('active'),
    cancelReason: text('cancel_reason'),
    createdByUserId: uuid('created_by_user_id').notNull(),
  },
  (t) => [index('home_duties_committee_day_idx').on(t.committeeId, t.day), index('home_duties_member_idx').on(t.memberId, t.day)],
);

/** 接待记录: one visitor received on a duty — a member of the committee, or a named non-member. */
export const homeVisits = pgTable(
  'home_visits',
  {
    ...recordColumns(),
    dutyId: uuid('duty_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    visitorMemberId: uuid('visitor_member_id'),
    /** the member's name as it was, or the non-member's */
    visitorName: text('visitor_name').notNull(),
    visitorNote: text('visitor_note'),
    topic: text('topic').notNull(),
    said: text('said').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
  },
  (t) => [index('home_visits_committee_day_idx').on(t.committeeId, t.day), index('home_visits_duty_idx').on(t.dutyId)],
);

/** 工作建议 collected during a duty; converted once into a proposal draft or an opinion report (linked both ways). */
export const homeSuggestions = pgTable(
  'home_suggestions',
  {
    ...recordColumns(),
    visitId: uuid('visit_id').notNull(),
    dutyId: uuid('duty_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    proposalId: uuid('proposal_id'),
    opinionId: uuid('opinion_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    convertedByName: text('converted_by_name'),
  },
  (t) => [index('home_suggestions_visit_idx').on(t.visitId), index('home_suggestions_proposal_idx').on(t.proposalId), index('home_suggestions_opinion_idx').on(t.opinionId)],
);

export type HomeDutyRow = typeof homeDuties.$inferSelect;
export type HomeVisitRow = typeof homeVisits.$inferSelect;
export type HomeSuggestionRow = typeof homeSuggestions.$inferSelect;
