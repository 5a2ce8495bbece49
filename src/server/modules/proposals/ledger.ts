import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger, type LedgerEntry } from '../../platform/ledger/ledger.js';
import { cosigners, proposals } from './schema.js';
import type { ProposalSubject } from './policy.js';
import type { Proposal } from './workflow.js';

/**
 * Performance-ledger entries of proposals. The first proposer is `lead`, confirmed co-signers are
 * `contributor`; proposals merged into this one keep their authors' credit.
 */
async function authors(db: Executor, p: Proposal): Promise<Author[]> {
  const cs = await db.select({ memberId: cosigners.memberId }).from(cosigners).where(and(eq(cosigners.proposalId, p.id), eq(cosigners.status, 'confirmed')));
  return authorsOf(p, cs.map((c) => c.memberId));
}

type Author = { memberId: string; part: 'lead' | 'contributor' };
const authorsOf = (p: Proposal, confirmedIds: string[]): Author[] => [
  ...(p.leadMemberId ? [{ memberId: p.leadMemberId, part: 'lead' as const }] : []),
  ...confirmedIds.map((memberId) => ({ memberId, part: 'contributor' as const })),
];

const entries = (p: Proposal, who: Author[], kind: string, day: string): LedgerEntry[] =>
  who.map((w) => ({ committeeId: p.committeeId, memberId: w.memberId, part: w.part, kind, day, sourceType: 'proposal', sourceId: p.id }));

/**
 * Submission credits the first proposer and the confirmed co-signers. The co-signers come from the
 * parties the submission loaded for its guards (withParties: all but the declined, the invited
 * named), in the same transaction: reading them here again would be a statement per submission for
 * nothing.
 */
export async function creditSubmitted(tx: Executor, p: Proposal, parties: Pick<ProposalSubject, 'cosignerIds' | 'invitedIds'>, day: string) {
  const who = authorsOf(p, parties.cosignerIds.filter((id) => !parties.invitedIds.includes(id)));
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
