import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger, type LedgerEntry } from '../../platform/ledger/ledger.js';
import { cosigners, proposals } from './schema.js';
import type { Proposal } from './workflow.js';

/**
 * Performance-ledger entries of proposals. The first proposer is `lead`, confirmed co-signers are
 * `contributor`; proposals merged into this one keep their authors' credit.
 */
async function authors(db: Executor, p: Proposal): Promise<{ memberId: string; part: 'lead' | 'contributor' }[]> {
  const cs = await db.select({ memberId: cosigners.memberId }).from(cosigners).where(and(eq(cosigners.proposalId, p.id), eq(cosigners.status, 'confirmed')));
  return [...(p.leadMemberId ? [{ memberId: p.leadMemberId, part: 'lead' as const }] : []), ...cs.map((c) => ({ memberId: c.memberId, part: 'contributor' as const }))];
}

const entries = (p: Proposal, who: Awaited<ReturnType<typeof authors>>, kind: string, day: string): LedgerEntry[] =>
  who.map((w) => ({ committeeId: p.committeeId, memberId: w.memberId, part: w.part, kind, day, sourceType: 'proposal', sourceId: p.id }));

export async function creditSubmitted(tx: Executor, p: Proposal, day: string) {
  const who = await authors(tx, p);
  await recordLedger(tx, entries(p, who.filter((w) => w.part === 'lead'), 'proposal.submitted', day));
  await recordLedger(tx, entries(p, who.filter((w) => w.part === 'contributor'), 'proposal.cosigned', day));
}

/** Filing credits this proposal's authors and the authors of every proposal merged into it. */
export async function creditFiled(tx: Executor, p: Proposal, day: string) {
  const merged = await tx.select().from(proposals).where(and(eq(proposals.mergedIntoId, p.id), ne(proposals.id, p.id)));
  for (const q of [p, ...merged]) await recordLedger(tx, entries(q, await authors(tx, q), 'proposal.filed', day));
}

export async function creditKey(tx: Executor, p: Proposal, kind: 'proposal.key' | 'proposal.excellent', day: string) {
  await recordLedger(tx, entries(p, await authors(tx, p), kind, day));
}
