import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
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
/** what the public is told when their browser has already answered on a department */
export const alreadyRespondedHere = '本设备已提交过对该部门的评议，每个部门只能评议一次';

/** Who casts a ballot: an invited member, an invited representative, or a browser on the portal. */
export type Respondent =
  | { kind: 'member'; memberId: string }
  | { kind: 'representative'; representativeId: string }
  | { kind: 'public'; deviceHash: string };

/**
 * The ballot itself, inside the caller's transaction: the department and the answers are checked
 * against the campaign, the participation row (who answered on which department, never what) is
 * taken — its unique index refuses a second ballot even for two requests at once — and each
 * indicator's choice adds one to the counts of the respondent's kind. Nothing else is kept.
 */
export async function castBallot(tx: Executor, c: Campaign, d: z.output<typeof responseInput>, who: Respondent, today: string) {
  if (!c.unitIds.includes(d.unitId)) throw AppError.field('unitId', '评议部门', '不在本次评议范围内');
  const missing = c.indicators.filter((i) => !d.answers[i.key]);
  if (missing.length) throw AppError.field('answers', '评议意见', `请对“${missing.map((i) => i.label).join('”“')}”作出选择`);
  const extra = Object.keys(d.answers).filter((k) => !c.indicators.some((i) => i.key === k));
  if (extra.length) throw AppError.field('answers', '评议意见', '含有本次评议以外的指标');
  const [taken] = await tx
    .insert(evaluationParticipation)
    .values({
      committeeId: c.committeeId, campaignId: c.id, unitId: d.unitId, respondentKind: who.kind, respondedOn: today,
      memberId: who.kind === 'member' ? who.memberId : null,
      representativeId: who.kind === 'representative' ? who.representativeId : null,
      deviceHash: who.kind === 'public' ? who.deviceHash : null,
    })
    .onConflictDoNothing()
    .returning({ id: evaluationParticipation.id });
  if (!taken) throw AppError.invalidState(who.kind === 'public' ? alreadyRespondedHere : alreadyResponded);
  for (const i of c.indicators) {
    await tx
      .insert(evaluationTallies)
      .values({ committeeId: c.committeeId, campaignId: c.id, unitId: d.unitId, respondentKind: who.kind, indicatorKey: i.key, choice: d.answers[i.key], count: 1 })
      .onConflictDoUpdate({
        target: [evaluationTallies.campaignId, evaluationTallies.unitId, evaluationTallies.respondentKind, evaluationTallies.indicatorKey, evaluationTallies.choice],
        set: { count: sql`${evaluationTallies.count} + 1` },
      });
  }
}

/**
 * One invited member's secret ballot on one department. What they answered only adds one to the
 * counts of each indicator's choice; the participation row is what stops a second ballot. The
 * audit row and the ledger entry name the campaign and department, never an answer.
 */
export async function respond({ database, actor, today }: CommandContext, { campaignId, ...d }: { campaignId: string } & z.output<typeof responseInput>) {
  return inTransaction(database, async (uow) => {
    const [c] = (await uow.tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, campaignId)).for('share')) as Campaign[];
    if (!c) throw AppError.notFound('民主评议活动');
    authorize(campaignPolicy, 'respond', actor, c);
    await castBallot(uow.tx, c, d, { kind: 'member', memberId: actor.memberId! }, today);
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
