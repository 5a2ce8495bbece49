import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What an audit row says — who did what to which record, before and after — as audit_log and audit_pending both hold it. */
const auditContent = () => ({
  committeeId: uuid('committee_id').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
  note: text('note'),
});

/**
 * The audit trail: who did what to which record, with before/after, written in the same
 * transaction as the change. Rows of one committee are chained by hash so that editing or
 * deleting one is detected by `npm run cli -- verify-audit`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    ...auditContent(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId), index('audit_committee_idx').on(t.committeeId, t.seq)],
);

/**
 * Where a committee's chain resumes after the retention job purged its oldest rows: the hash of
 * the last purged row, so verification starts there instead of at the genesis hash.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  committeeId: uuid('committee_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  purgedBefore: timestamp('purged_before', { withTimezone: true }).notNull(),
});

/**
 * Audit rows written by a transaction that has not committed yet: shangliang_audit_append puts them
 * here without a lock, and a deferred trigger chains each into audit_log as the transaction commits
 * and deletes it (migration 0060), so the table is empty between transactions. The chain's lock is
 * then held only inside the database, from the commit's trigger to the commit's end.
 */
export const auditPending = pgTable('audit_pending', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ...auditContent(),
  /** auditHash()'s JSON array without its two ends (the previous hash and the time), serialised by the app */
  canonical: text('canonical').notNull(),
});
