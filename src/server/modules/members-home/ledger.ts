import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { LedgerEntry } from '../../platform/ledger/ledger.js';
import { settleLedger } from '../../platform/ledger/settle.js';
import { homeDuties, homeSuggestions, homeVisits } from './schema.js';

/** 委员之家值班接待: the member on duty, once a visit was received on the day. */
export const HOME_DUTY = 'home.duty';
/** 委员之家建议转化: the member whose suggestion became a proposal or an opinion report (the member on duty, for a non-member's). */
export const HOME_CONVERTED = 'home.converted';

/**
 * Makes a duty's ledger entries what it now earns, in the caller's transaction: the duty itself when
 * a visit was logged on it (a cancelled or empty duty earns nothing), and one entry per converted
 * suggestion. They share the duty as their source, so a member's record links to the duty page.
 * Entries no longer earned are voided `at` the app's clock (`ctx.now`).
 */
export async function settleDuty(tx: Executor, dutyId: string, at: Date): Promise<void> {
  const [duty] = await tx.select().from(homeDuties).where(eq(homeDuties.id, dutyId));
  if (!duty) return;
  const visits = await tx.select({ id: homeVisits.id, visitorMemberId: homeVisits.visitorMemberId }).from(homeVisits).where(eq(homeVisits.dutyId, dutyId));
  const converted = await tx
    .select()
    .from(homeSuggestions)
    .where(and(eq(homeSuggestions.dutyId, dutyId), or(isNotNull(homeSuggestions.proposalId), isNotNull(homeSuggestions.opinionId))));
  const entry = (memberId: string, kind: string, note: string): LedgerEntry => ({ committeeId: duty.committeeId, memberId, kind, day: duty.day, sourceType: 'homeDuty', sourceId: duty.id, part: 'lead', note });
  const desired: LedgerEntry[] = [];
  if (duty.status === 'active' && visits.length) desired.push(entry(duty.memberId, HOME_DUTY, '委员之家值班接待'));
  for (const s of converted) {
    const by = visits.find((v) => v.id === s.visitId)?.visitorMemberId ?? duty.memberId;
    desired.push(entry(by, HOME_CONVERTED, `${s.proposalId ? '转为提案' : '转为社情民意信息'}：${[...s.body].slice(0, 30).join('')}`));
  }
  await settleLedger(tx, { sourceType: 'homeDuty', sourceId: duty.id, desired, at });
}
