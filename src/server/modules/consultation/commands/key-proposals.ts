import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { keyProposals } from '../../proposals/key/schema.js';
import type { keyProposalsBody } from '../../../../shared/consultation/inputs.js';
import { loadConsultation } from '../load.js';
import { consultationPolicy } from '../policy.js';
import { consultationKeyProposals, consultations } from '../schema.js';
import type { Consultation } from '../workflow.js';

/** Key proposals a 提案办理协商 may discuss: those the chairs' meeting decided (not shortlisted or declined). */
export const discussableKeyStates = ['selected', 'reviewed', 'signedOff'];

/**
 * 选定所议重点提案: the office names the key proposals a 提案办理协商 discusses — key proposals of
 * its committee and year — replacing the list, with the consultation's version checked (409 when
 * stale) and bumped and one audit row naming what was added and removed.
 */
export async function setKeyProposals(ctx: CommandContext, { id, version, keyProposalIds }: { id: string } & z.output<typeof keyProposalsBody>): Promise<Consultation> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const c = await loadConsultation(tx, actor, id);
    authorize(consultationPolicy, 'keyProposals', actor, c);
    const wanted = [...new Set(keyProposalIds)];
    const found = wanted.length
      ? await tx.select({ id: keyProposals.id }).from(keyProposals).where(and(inArray(keyProposals.id, wanted), eq(keyProposals.committeeId, c.committeeId), eq(keyProposals.year, c.year), inArray(keyProposals.status, discussableKeyStates)))
      : [];
    if (found.length !== wanted.length) throw AppError.field('keyProposalIds', '讨论的重点提案', `只能选择本会${c.year}年度已确定的重点提案`);
    const [updated] = await tx
      .update(consultations)
      .set({ version: sql`${consultations.version} + 1`, updatedAt: now })
      .where(and(eq(consultations.id, c.id), eq(consultations.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    const before = (await tx.select({ id: consultationKeyProposals.keyProposalId }).from(consultationKeyProposals).where(eq(consultationKeyProposals.consultationId, c.id))).map((r) => r.id);
    await tx.delete(consultationKeyProposals).where(eq(consultationKeyProposals.consultationId, c.id));
    if (wanted.length) await tx.insert(consultationKeyProposals).values(wanted.map((keyProposalId) => ({ committeeId: c.committeeId, consultationId: c.id, keyProposalId })));
    await audit(tx, actor, {
      action: 'consultation.keyProposals', subjectType: 'consultation', subjectId: c.id,
      before: { keyProposalIds: before }, after: { keyProposalIds: wanted, added: wanted.filter((x) => !before.includes(x)), removed: before.filter((x) => !wanted.includes(x)) },
    });
    return updated;
  });
}
