import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 履职档案: every act that counts for a member leaves an entry here (member, kind, date, source
 * record). Scoring rules, configured per committee and year, turn entries into points later, so a
 * score always traces back to the record that earned it.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** e.g. proposal.submitted, proposal.cosigned, proposal.filed, proposal.key, proposal.excellent */
    kind: text('kind').notNull(),
    /** the member's part: lead (第一提案人/主笔) or contributor (联名/参与) */
    part: text('part').notNull().default('lead'),
    day: date('day', { mode: 'string' }).notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** the occasion several source records make together, e.g. the plenary session (次会议) of a half-day's attendance */
    occasionId: uuid('occasion_id'),
    note: text('note'),
    /** an entry withdrawn because its source was undone (kept for history, never deleted) */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_member_idx').on(t.memberId, t.day),
    // by source id first: the co-authors of joint work are found by source id alone (performance refresh)
    index('ledger_source_idx').on(t.sourceId, t.sourceType),
    // term-scoped sanctions read a few kinds (absences) over a whole term without scanning its years
    index('ledger_kind_idx').on(t.committeeId, t.kind, t.day),
    // the few entries of an occasion (plenary half-days), which items per time count once
    index('ledger_occasion_idx').on(t.committeeId, t.kind, t.day).where(sql`${t.occasionId} is not null`),
  ],
);

/**
 * The live entries of a year counted per member, kind and part (and whether they belong to an
 * occasion): a summary of ledger_entries kept by triggers in the writer's own transaction, like an
 * index, so a full recompute of a city's year reads a few hundred thousand counts instead of
 * scanning ten million entries. `shangliang_rebuild_ledger_counts()` recomputes it from the
 * entries; a test checks that the triggers and the rebuild agree after inserts, voids and edits.
 */
export const ledgerCounts = pgTable(
  'ledger_counts',
  {
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull(),
    part: text('part').notNull(),
    onOccasion: boolean('on_occasion').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year, t.memberId, t.kind, t.part, t.onOccasion] })],
);
