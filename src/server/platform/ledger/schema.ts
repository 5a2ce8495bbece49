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

/**
 * The kinds of joint work whose entries ledger_joint_counts keeps by their source's makeup: those
 * the modules write with a lead and contributors (proposals, research reports, plenary speeches,
 * social-condition reports). Scoring rules that split any other kind among its source's authors
 * are read from the entries (still correct, only slower); a kind added here needs
 * `shangliang_rebuild_ledger_joint_counts()`.
 */
export const ledgerJointKinds = pgTable('ledger_joint_kinds', {
  kind: text('kind').primaryKey(),
});

/**
 * The live entries of joint-work kinds (ledger_joint_kinds) of a year counted per member, kind,
 * part and the makeup of their source: how many entries of each kind and part that source has in
 * the year, as the text of a JSON array of {kind, part, n} in byte order (text: compared and hashed
 * far faster than jsonb by a recompute that groups by it). A split item's share of an entry depends only
 * on that makeup (how many leads and contributors its source has), so a full recompute reads a few
 * rows a member here instead of sorting every proposal entry by source. Kept by statement triggers
 * in the writer's own transaction (a change to a source moves all its authors' rows to the new
 * makeup; rows left at 0 stay, as in ledger_counts, and are read as nothing);
 * `shangliang_rebuild_ledger_joint_counts()` recomputes it from the entries.
 */
export const ledgerJointCounts = pgTable(
  'ledger_joint_counts',
  {
    committeeId: uuid('committee_id').notNull(),
    year: integer('year').notNull(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').notNull(),
    part: text('part').notNull(),
    makeup: text('makeup').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.year, t.memberId, t.kind, t.part, t.makeup] })],
);
