import { eq } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { transitionWithin } from '../../../platform/workflow/apply.js';
import { creditFiled } from '../ledger.js';
import { guardContextOf, loadProposal } from '../load.js';
import { notifyAuthors } from '../notices.js';
import { proposals } from '../schema.js';
import { filedStates, proposalWorkflow, type Proposal, type ProposalState } from '../workflow.js';

/**
 * 并案: proposals on the same problem with similar suggestions join a primary proposal. Each
 * merged proposal moves to `merged` pointing at the primary; the group shares the primary's
 * number, and every author keeps credit (ledger.ts). All or nothing, in one transaction.
 * `versions` holds the version the actor saw of the primary and of each proposal merged into it.
 */
export async function mergeProposals({ database, actor, today, now }: CommandContext, { primaryId, otherIds, versions, reason }: { primaryId: string; otherIds: string[]; versions: Record<string, number>; reason: string }) {
  if (otherIds.includes(primaryId)) throw AppError.field('otherIds', '并入提案', '不能包含主提案本身');
  const primary = await loadProposal(database.db, actor, primaryId);
  const mergeable: ProposalState[] = ['submitted', 'reviewing', 'deciding', 'filed', 'handling'];
  if (!mergeable.includes(primary.status as ProposalState)) throw AppError.invalidState('主提案须处于审查中或已立案');
  const mergedRows: Proposal[] = [];
  await inTransaction(database, async (uow) => {
    const [p] = await uow.tx.select().from(proposals).where(eq(proposals.id, primaryId));
    if (p.version !== versions[primaryId]) throw AppError.versionConflict();
    for (const id of [...new Set(otherIds)]) {
      const version = versions[id];
      if (version === undefined) throw AppError.field(`versions.${id}`, '版本', '缺少版本号');
      const merged = (await transitionWithin(uow, {
        workflow: proposalWorkflow, table: proposals, id, action: 'merge', actor, version, label: '提案', note: reason, context: guardContextOf(today),
        patch: () => ({ mergedIntoId: primaryId, decisionReason: `并入${p.numberText ?? '“' + p.title + '”'}：${reason}`, decidedAt: now }),
      })) as Proposal;
      mergedRows.push(merged);
    }
    // the primary's version moves too: its group changed
    // updatedAt is row bookkeeping: wall time
    await uow.tx.update(proposals).set({ version: p.version + 1, updatedAt: new Date() }).where(eq(proposals.id, primaryId));
    if (filedStates.includes(p.status as ProposalState)) for (const m of mergedRows) await creditFiled(uow.tx, m, today);
    for (const m of mergedRows) await notifyAuthors(uow.tx, m, `提案已并案：${m.title}`, `与“${p.title}”反映同一问题，合并办理，您的提案署名保留。`);
  });
  return { primaryId, merged: mergedRows.map((m) => m.id) };
}
