import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger, type LedgerEntry } from '../../platform/ledger/ledger.js';
import { opinions } from './schema.js';
import type { Level, Opinion } from './workflow.js';

/**
 * Performance-ledger entries of reports: opinion.submitted, opinion.adopted and opinion.instructed,
 * the last two with the level in `note` (district/city/province/national) so scoring rules can
 * weigh a provincial adoption above a district one. A combined report (综合) credits the authors of
 * every report combined into it, each entry pointing at the author's own report.
 */
async function credited(db: Executor, o: Opinion): Promise<Opinion[]> {
  const sources = await db.select().from(opinions).where(eq(opinions.combinedIntoId, o.id));
  return [o, ...sources].filter((x) => x.authorMemberId !== null);
}

const entry = (o: Opinion, kind: string, day: string, note?: string): LedgerEntry => ({
  committeeId: o.committeeId, memberId: o.authorMemberId!, part: 'lead', kind, day, sourceType: 'opinion', sourceId: o.id, note,
});

export async function creditSubmitted(tx: Executor, o: Opinion, day: string) {
  if (o.authorMemberId) await recordLedger(tx, [entry(o, 'opinion.submitted', day)]);
}

/** One entry per author per adoption: each adoption at each level counts. */
export async function creditAdopted(tx: Executor, o: Opinion, level: Level, day: string) {
  await recordLedger(tx, (await credited(tx, o)).map((x) => entry(x, 'opinion.adopted', day, level)));
}

export async function creditInstructed(tx: Executor, o: Opinion, level: Level, day: string) {
  await recordLedger(tx, (await credited(tx, o)).map((x) => entry(x, 'opinion.instructed', day, level)));
}
