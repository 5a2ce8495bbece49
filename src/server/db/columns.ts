import { customType, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every domain record has: an id, its committee (tenant), an optimistic-lock version and times. */
export const recordColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: uuid('committee_id').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const nullableText = (name: string) => text(name);

/** Bytes kept in the database (PGlite and PostgreSQL alike): backups carry them, no file store needed. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
