import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger, type LedgerEntry } from '../../platform/ledger/ledger.js';
import { opinions } from './schema.js';
import type { Level, Opinion } from './workflow.js';

/**
 * Performance-ledger entries of reports: opinion.submitted, opinion.adopted and opinion.instructed,
 * the last two with the level in `note` (district/city/province/national) so scoring rules can
 * weigh a provincial adoption above a district one. A combined report (综合) credits the authors of
 * every report combined into it, each entry pointing at the author's own report; a report written
 * by several members (a research group's 直通车 report) credits its author as lead and each of its
 * contributors, who share it as they share a collective proposal.
 */
const entries = (o: Opinion, kind: string, day: string, note?: string): LedgerEntry[] => [
  ...(o.authorMemberId ? [{ committeeId: o.committeeId, memberId: o.authorMemberId, part: 'lead' as const, kind, day, sourceType: 'opinion', sourceId: o.id, note }] : []),
  ...o.contributorMemberIds.filter((m) => m !== o.authorMemberId).map((memberId) => ({ committeeId: o.committeeId, memberId, part: 'contributor' as const, kind, day, sourceType: 'opinion', sourceId: o.id, note })),
];

async function credited(db: Executor, o: Opinion, kind: string, day: string, note?: string): Promise<LedgerEntry[]> {
  const sources = await db.select().from(opinions).where(eq(opinions.combinedIntoId, o.id));
  return [o, ...sources].flatMap((x) => entries(x, kind, day, note));
}

export async function creditSubmitted(tx: Executor, o: Opinion, day: string) {
  await recordLedger(tx, entries(o, 'opinion.submitted', day));
}

/** One entry per author per adoption: each adoption at each level counts. */
export async function creditAdopted(tx: Executor, o: Opinion, level: Level, day: string) {
  await recordLedger(tx, await credited(tx, o, 'opinion.adopted', day, level));
}

export async function creditInstructed(tx: Executor, o: Opinion, level: Level, day: string) {
  await recordLedger(tx, await credited(tx, o, 'opinion.instructed', day, level));
}
