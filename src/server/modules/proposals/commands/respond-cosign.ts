import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { loadProposal } from '../load.js';
import { notifyAuthors } from '../notices.js';
import { cosigners } from '../schema.js';

/** An invited member confirms or declines co-signing, while the proposal is still a draft: `respondToInvitation(ctx, { id, accept })`, answered at the app's clock. */
export async function respondToInvitation({ database, actor, now }: CommandContext, { id: proposalId, accept }: { id: string; accept: boolean }) {
  return inTransaction(database, async ({ tx }) => {
    const p = await loadProposal(tx, actor, proposalId);
    const [invite] = await tx.select().from(cosigners).where(and(eq(cosigners.proposalId, proposalId), eq(cosigners.memberId, actor.memberId ?? '')));
    if (!invite) throw AppError.notFound('联名邀请');
    if (p.status !== 'draft' && p.status !== 'returned') throw AppError.invalidState('提案已提交，不能再更改联名');
    const status = accept ? 'confirmed' : 'declined';
    await tx.update(cosigners).set({ status, respondedAt: now }).where(and(eq(cosigners.proposalId, proposalId), eq(cosigners.memberId, invite.memberId)));
    await audit(tx, actor, { action: `proposal.cosign_${status}`, subjectType: 'proposal', subjectId: proposalId, before: { status: invite.status }, after: { status } });
    await notifyAuthors(tx, p, `${actor.name}${accept ? '同意' : '谢绝'}联名：${p.title}`, '', false);
    return { status };
  });
}
