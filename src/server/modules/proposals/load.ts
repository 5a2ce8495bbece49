import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy/policy.js';
import { assignments } from '../../platform/handling/schema.js';
import { proposalPolicy, type ProposalSubject } from './policy.js';
import { cosigners, proposals } from './schema.js';
import type { Proposal } from './workflow.js';

/** Adds the co-signers (not declined) and assigned units the policies need. */
export async function withParties(db: Executor, rows: Proposal[]): Promise<ProposalSubject[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const [cs, as] = await Promise.all([
    db.select({ proposalId: cosigners.proposalId, memberId: cosigners.memberId }).from(cosigners).where(and(inArray(cosigners.proposalId, ids), ne(cosigners.status, 'declined'))),
    db
      .select({ subjectId: assignments.subjectId, unitId: assignments.unitId })
      .from(assignments)
      .where(and(eq(assignments.subjectType, 'proposal'), inArray(assignments.subjectId, ids), ne(assignments.status, 'withdrawn'))),
  ]);
  return rows.map((p) => ({
    ...p,
    cosignerIds: cs.filter((c) => c.proposalId === p.id).map((c) => c.memberId),
    unitIds: [...new Set(as.filter((a) => a.subjectId === p.id).map((a) => a.unitId))],
  }));
}

/** Loads a proposal the actor may read (else not-found), with its parties. */
export async function loadProposal(db: Executor, actor: Actor, id: string): Promise<ProposalSubject> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw AppError.notFound('提案');
  const [subject] = await withParties(db, [row]);
  authorize(proposalPolicy, 'read', actor, subject);
  return subject;
}

/** For updateRecord: the row with its parties, as the policy expects. */
export const proposalSubjectOf = async (row: Proposal, db: Executor) => (await withParties(db, [row]))[0] as Proposal;
