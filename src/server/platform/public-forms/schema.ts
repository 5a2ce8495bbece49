import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * 算术验证题: a question the server issues before a public form is sent (no outside service). Only
 * the answer is kept; each is used once and expires. `addressHash` is the sender's address, hashed.
 */
export const publicChallenges = pgTable(
  'public_challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answer: integer('answer').notNull(),
    addressHash: text('address_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('public_challenges_expires_idx').on(t.expiresAt)],
);

/** Each accepted public submission by address (hashed): what the per-address rate limit counts. */
export const publicSubmissions = pgTable(
  'public_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    /** request | topic | question | evaluation */
    form: text('form').notNull(),
    addressHash: text('address_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('public_submissions_address_idx').on(t.addressHash, t.createdAt)],
);
