import { bigint, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Stored scores of a year, kept current incrementally (recompute.ts): rankings and lists read
 * these rows instead of scoring every member on every request. The truth stays the ledger and the
 * rules; these rows are always re-derivable and a full recompute gives the same numbers.
 */
export const performanceScores = pgTable(
  'performance_scores',
  {
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    total: doublePrecision('total').notNull(),
    /** grade, categories, lacking quotas and sanctions, as score.ts computed them */
    summary: jsonb('summary').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year, t.memberId] }), index('performance_scores_rank_idx').on(t.committeeId, t.year, t.total)],
);

/** Which rules and roster the stored scores of a year were computed with: when either changes, all are recomputed. */
export const performanceScoreYears = pgTable(
  'performance_score_years',
  {
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    rulesHash: text('rules_hash').notNull(),
    rosterHash: text('roster_hash').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year] })],
);

/**
 * Members whose stored score of a year may be out of date, written by a trigger on ledger_entries
 * (every insert and every void, in the writer's own transaction, so none is missed) and consumed by
 * the next refresh. An entry marks its own year and the other years of its term (term-scoped
 * sanctions count the whole term); the source lets joint work mark its co-authors too.
 */
export const performanceDirty = pgTable(
  'performance_dirty',
  {
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    sourceId: uuid('source_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year, t.memberId, t.sourceId] })],
);

/**
 * A committee's active roster in two numbers, kept by statement triggers on members in the writer's
 * own transaction: how many active members, and the sum of a 64-bit hash of each one's id and
 * position. A refresh compares them with what the stored scores were computed for (a change of
 * roster or position means a full recompute) without reading 30,000 members each time.
 * `shangliang_rebuild_performance_rosters()` recomputes them from members.
 */
export const performanceRosters = pgTable('performance_rosters', {
  committeeId: uuid('committee_id').primaryKey(),
  members: bigint('members', { mode: 'number' }).notNull(),
  hashSum: numeric('hash_sum').notNull(),
});
