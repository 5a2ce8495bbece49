import { sql, type SQL } from 'drizzle-orm';

/** The rows of `db.execute(…)`: node-postgres answers a result with `rows`, PGlite through drizzle too; some drivers the bare array. */
export const rowsOf = <T>(res: unknown): T[] => ((res as { rows?: T[] }).rows ?? (res as T[]));

/**
 * A statement written with positional parameters ($1, $2 …) as drizzle SQL, so it runs in a
 * caller's transaction on either database. Each parameter is bound as one value (arrays are not
 * spread into lists), so pass JSON text and unpack it in SQL where a list is needed.
 */
export function positional(text: string, params: unknown[]): SQL {
  const chunks = text.split(/\$(\d+)/);
  return sql.join(chunks.map((c, i) => (i % 2 ? sql.param(params[Number(c) - 1]) : sql.raw(c))));
}
