import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { recordLedger } from '../../platform/ledger/ledger.js';
import { ledgerEntries } from '../../platform/ledger/schema.js';

/**
 * Performance-ledger entry of evaluation: `evaluation.questionnaire` once per campaign for a member
 * who filled its questionnaire (the first department answered earns it; the others add nothing, so
 * a long list of departments does not outweigh other work).
 */
export async function creditQuestionnaire(tx: Executor, committeeId: string, campaignId: string, memberId: string, day: string) {
  const [already] = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.sourceType, 'evaluationCampaign'), eq(ledgerEntries.sourceId, campaignId), eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.kind, 'evaluation.questionnaire'), isNull(ledgerEntries.voidedAt)))
    .limit(1);
  if (!already) await recordLedger(tx, [{ committeeId, memberId, kind: 'evaluation.questionnaire', day, sourceType: 'evaluationCampaign', sourceId: campaignId }]);
}
