import { and, eq, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { AppError } from '../errors.js';

/** A table whose rows belong to one committee. */
type CommitteeTable = PgTable & { id: PgColumn; committeeId: PgColumn };

/**
 * Refuses ids a write names that are not records of the actor's committee (another committee's, or
 * made up), naming the field: every id a body carries — a unit, a member, a session, an issue, a
 * special committee — is checked, even one the command would ignore in that case, so no write
 * ever accepts a foreign id. `null`, `undefined` and empty lists pass (nothing named).
 *
 * @example await assertOwnedIds(tx, opinionIssues, [input.issueId], actor.committeeId, 'issueId', '期刊');
 */
export async function assertOwnedIds(db: Executor, table: CommitteeTable, ids: readonly (string | null | undefined)[], committeeId: string, field: string, label: string): Promise<void> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return;
  const found = await db.select({ id: table.id }).from(table as PgTable).where(and(eq(table.committeeId, committeeId), inArray(table.id, wanted)));
  if (found.length !== wanted.length) throw AppError.field(field, label, '不存在');
}
