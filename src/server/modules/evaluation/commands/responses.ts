import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { responseInput } from '../../../../shared/evaluation/inputs.js';
import { creditQuestionnaire } from '../ledger.js';
import { campaignPolicy } from '../policy.js';
import { evaluationCampaigns, evaluationParticipation, evaluationTallies } from '../schema.js';
import type { Campaign } from '../workflow.js';

export const alreadyResponded = '您已提交过对该部门的评议问卷，每人对每个部门只能评议一次';

/**
 * One invited member's secret ballot on one department. What they answered only adds one to the
 * counts of each indicator's choice; the participation row (who answered on which department, never
 * what) is what stops a second ballot — the unique index holds even for two requests at once. The
 * audit row and the ledger entry name the campaign and department, never an answer.
 */
export async function respond(database: Database, actor: Actor, campaignId: string, d: z.output<typeof responseInput>, today: string) {
  return inTransaction(database, async (uow) => {
    const [c] = (await uow.tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, campaignId)).for('share')) as Campaign[];
    if (!c) throw AppError.notFound('民主评议活动');
    authorize(campaignPolicy, 'respond', actor, c);
    if (!c.unitIds.includes(d.unitId)) throw AppError.field('unitId', '评议部门', '不在本次评议范围内');
    const missing = c.indicators.filter((i) => !d.answers[i.key]);
    if (missing.length) throw AppError.field('answers', '评议意见', `请对“${missing.map((i) => i.label).join('”“')}”作出选择`);
    const extra = Object.keys(d.answers).filter((k) => !c.indicators.some((i) => i.key === k));
    if (extra.length) throw AppError.field('answers', '评议意见', '含有本次评议以外的指标');
    const [taken] = await uow.tx
      .insert(evaluationParticipation)
      .values({ committeeId: c.committeeId, campaignId, unitId: d.unitId, memberId: actor.memberId!, respondedOn: today })
      .onConflictDoNothing()
      .returning({ id: evaluationParticipation.id });
    if (!taken) throw AppError.invalidState(alreadyResponded);
    for (const i of c.indicators) {
      await uow.tx
        .insert(evaluationTallies)
        .values({ committeeId: c.committeeId, campaignId, unitId: d.unitId, indicatorKey: i.key, choice: d.answers[i.key], count: 1 })
        .onConflictDoUpdate({ target: [evaluationTallies.campaignId, evaluationTallies.unitId, evaluationTallies.indicatorKey, evaluationTallies.choice], set: { count: sql`${evaluationTallies.count} + 1` } });
    }
    await audit(uow.tx, actor, { action: 'evaluationCampaign.respond', subjectType: 'evaluationCampaign', subjectId: campaignId, after: { unitId: d.unitId } });
    await creditQuestionnaire(uow.tx, c.committeeId, campaignId, actor.memberId!, today);
    return { unitId: d.unitId, responded: true };
  });
}

/** The departments the member has answered on (that they did — never what). */
export async function respondedUnits(db: Executor, campaignId: string, memberId: string): Promise<Set<string>> {
  const rows = await db.select({ unitId: evaluationParticipation.unitId }).from(evaluationParticipation).where(and(eq(evaluationParticipation.campaignId, campaignId), eq(evaluationParticipation.memberId, memberId)));
  return new Set(rows.map((r) => r.unitId));
}
