import { pgTable, text, uuid, integer, timestamp } from 'drizzle-orm/pg-core';

/**
 * 政协委员会 — the tenant. Committees form a hierarchy (province → city → district, 上下联动);
 * every other record carries a committee_id and is invisible to other committees unless it was
 * explicitly sent up or down.
 */
export const committees = pgTable('committees', {
  id: uuid('id').primaryKey().defaultRandom(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  /** national | province | city | district */
  level: text('level').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
