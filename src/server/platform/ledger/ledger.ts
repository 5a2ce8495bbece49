import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ledgerEntries, ledgerJointKinds } from './schema.js';

export interface LedgerEntry {
  committeeId: string;
  memberId: string;
  kind: string;
  part?: 'lead' | 'contributor';
  day: string;
  sourceType: string;
  sourceId: string;
  /** see ledger_entries.occasion_id */
  occasionId?: string | null;
  note?: string;
}

/** Records acts for the performance record, inside the caller's transaction. */
export async function recordLedger(tx: Executor, entries: LedgerEntry[]): Promise<void> {
  if (entries.length) await tx.insert(ledgerEntries).values(entries);
}

/** Which live entries to void, and when (the app's clock: `ctx.now`); `memberId` narrows to one member. */
export interface LedgerVoid {
  sourceType: string;
  sourceId: string;
  kind: string;
  memberId?: string;
  at: Date;
}

/**
 * Voids the entries of a kind from a source (e.g. a co-signer withdrew): history stays.
 * `voidLedger(tx, { sourceType: 'proposal', sourceId: p.id, kind: 'proposal.excellent', at: ctx.now })`
 */
export async function voidLedger(tx: Executor, { sourceType, sourceId, kind, memberId, at }: LedgerVoid): Promise<void> {
  const where = [eq(ledgerEntries.sourceType, sourceType), eq(ledgerEntries.sourceId, sourceId), eq(ledgerEntries.kind, kind), isNull(ledgerEntries.voidedAt)];
  if (memberId) where.push(eq(ledgerEntries.memberId, memberId));
  await tx.update(ledgerEntries).set({ voidedAt: at }).where(and(...where));
}

/** The kinds of joint work ledger_joint_counts keeps by their source's makeup (ledger_joint_kinds): a few rows, read per full recompute. */
export async function jointKindsOf(db: Executor): Promise<string[]> {
  return (await db.select({ kind: ledgerJointKinds.kind }).from(ledgerJointKinds)).map((r) => r.kind);
}
