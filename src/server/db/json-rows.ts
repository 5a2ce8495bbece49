import { sql, type Column, type SQL, type Table } from 'drizzle-orm';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';

type Columns = Record<string, Column>;

/** A child list read as one column of a bigger statement, and how to turn that column back into rows. */
export interface JsonRows<C extends Columns> {
  /** SQL: a JSON array of the rows (an empty array when there are none) */
  sql: SQL<unknown>;
  /** the rows as a `select` of these columns would have returned them */
  decode(value: unknown): SelectResultFields<C>[];
}

/**
 * A record's child rows as one column of a statement that reads several lists at once — a page with
 * ten lists is then one round trip, not ten. The rows come back as `json_agg` of the named columns and
 * each value goes through its column's own decoder, so an instant is a `Date` (to the millisecond, as
 * a plain select gives it) and a date stays 'YYYY-MM-DD'. Same SQL on PGlite and PostgreSQL.
 *
 * Only plain columns (not bytes: json has no bytes) and at most 50 of them (json_build_object's limit).
 *
 * @example
 * const reviews = jsonRows(getTableColumns(reviewOpinions), reviewOpinions, eq(reviewOpinions.proposalId, id), asc(reviewOpinions.createdAt));
 * const [row] = await db.select({ reviews: reviews.sql }).from(proposals).where(eq(proposals.id, id));
 * reviews.decode(row.reviews) // → the rows, oldest first
 */
export function jsonRows<C extends Columns>(columns: C, from: Table | SQL, where: SQL | undefined, orderBy?: SQL): JsonRows<C> {
  const pairs = Object.entries(columns).map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`);
  const row = sql`json_build_object(${sql.join(pairs, sql`, `)})`;
  const ordered = orderBy ? sql`${row} order by ${orderBy}` : row;
  return {
    sql: sql<unknown>`(select coalesce(json_agg(${ordered}), '[]'::json) from ${from}${where ? sql` where ${where}` : sql``})`,
    decode: (value) => (value as Record<string, unknown>[]).map((json) => decodeRow(columns, json)),
  };
}

function decodeRow<C extends Columns>(columns: C, json: Record<string, unknown>): SelectResultFields<C> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) row[key] = json[key] == null ? null : column.mapFromDriverValue(json[key]);
  return row as SelectResultFields<C>;
}
