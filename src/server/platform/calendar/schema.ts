import { boolean, date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Exceptions to the Monday–Friday week from the State Council's holiday notices: holidays
 * (is_off_day) and make-up working days (调休上班, not off). Seeded from the official 2025/2026
 * notices; admins add each new year's notice when it is published.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    isOffDay: boolean('is_off_day').notNull(),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.day] })],
);
