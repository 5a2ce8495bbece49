import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger, type LedgerEntry } from './ledger.js';
import { ledgerEntries } from './schema.js';

const keyOf = (e: { memberId: string; kind: string; day: string; note?: string | null }) => `${e.memberId}|${e.kind}|${e.day}|${e.note ?? ''}`;

/**
 * Makes a record's live ledger entries what the record now earns, inside the caller's transaction:
 * nothing changes when they already match; otherwise the old entries are voided (kept for history)
 * and the new ones written. So an edit that moves the day, a deed closed (办结), a council's
 * participants changed or a record voided (作废) all move the score with it.
 *
 * The voided entries are dated `at`, the app's clock (`ctx.now`).
 *
 * @example await settleLedger(tx, { sourceType: 'outreachDeed', sourceId: deed.id, desired: deed.status === 'done' ? [entry] : [], at: ctx.now })
 */
export async function settleLedger(tx: Executor, { sourceType, sourceId, desired, at }: { sourceType: string; sourceId: string; desired: LedgerEntry[]; at: Date }): Promise<void> {
  const live = await tx
    .select({ id: ledgerEntries.id, memberId: ledgerEntries.memberId, kind: ledgerEntries.kind, day: ledgerEntries.day, note: ledgerEntries.note })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.sourceType, sourceType), eq(ledgerEntries.sourceId, sourceId), isNull(ledgerEntries.voidedAt)));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(live.map(keyOf).sort(), desired.map(keyOf).sort())) return;
  if (live.length) await tx.update(ledgerEntries).set({ voidedAt: at }).where(inArray(ledgerEntries.id, live.map((e) => e.id)));
  await recordLedger(tx, desired);
}
