import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Module settings (Decidim's component settings): deadlines, windows, quotas, lists — stored per
 * committee and year, defaulting to the manifest of each module. Year 0 holds values that apply
 * to every year unless a year overrides them.
 */
export const moduleSettings = pgTable(
  'module_settings',
  {
    committeeId: uuid('committee_id').notNull(),
    module: text('module').notNull(),
    year: integer('year').notNull().default(0),
    values: jsonb('values').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.module, t.year] })],
);
