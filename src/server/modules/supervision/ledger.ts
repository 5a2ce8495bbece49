import type { Executor } from '../../db/client.js';
import { recordLedger, voidLedger } from '../../platform/ledger/ledger.js';
import type { Suggestion } from './workflow.js';

/**
 * Performance-ledger entries of supervision: `supervision.member` for each member of a group (the
 * note says 组长 or 组员), voided when they leave it; `supervision.suggestion` for the member who
 * drafted a suggestion, once the office signs it off (a returned draft earns nothing).
 */
export async function creditMembership(tx: Executor, committeeId: string, groupId: string, memberId: string, role: string, day: string) {
  await recordLedger(tx, [{ committeeId, memberId, kind: 'supervision.member', day, sourceType: 'supervisionGroup', sourceId: groupId, note: role }]);
}
export const voidMembership = (tx: Executor, groupId: string, memberId: string, at: Date) => voidLedger(tx, { sourceType: 'supervisionGroup', sourceId: groupId, kind: 'supervision.member', memberId, at });

export async function creditDrafted(tx: Executor, s: Suggestion, day: string) {
  if (s.draftedByMemberId) {
    await recordLedger(tx, [{ committeeId: s.committeeId, memberId: s.draftedByMemberId, kind: 'supervision.suggestion', day, sourceType: 'supervisionSuggestion', sourceId: s.id }]);
  }
}
