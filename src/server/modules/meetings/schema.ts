import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/** 大会发言: a member submits a speech for the plenary session; staff select it oral, written or not used. */
export const plenarySpeeches = pgTable(
  'plenary_speeches',
  {
    ...recordColumns(),
    /** the yearly plenary session (次会议) */
    sessionId: uuid('session_id'),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    /** members who wrote it with the author (a research group's report turned into a speech); credited on selection */
    contributorMemberIds: uuid('contributor_member_ids').array().notNull().default([]),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** submitted | oral 口头发言 | written 书面发言 | notUsed 未采用 | withdrawn */
    status: text('status').notNull().default('submitted'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByName: text('decided_by_name'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('plenary_speeches_committee_year_idx').on(t.committeeId, t.year), index('plenary_speeches_member_idx').on(t.memberId)],
);

export type Speech = typeof plenarySpeeches.$inferSelect;
