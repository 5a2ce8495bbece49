import type { Advice, DraftText } from './advice.js';
import { checkChannel } from './channel.js';
import { checkConcrete } from './concrete.js';
import { checkOneIssue } from './one-issue.js';
import { checkOwnEarlier, type EarlierProposal } from './own-earlier.js';
import { checkParts } from './parts.js';
import type { DraftingCheck, DraftingSettings } from './settings.js';
import { checkTitle } from './title.js';

/**
 * Every enabled check on one draft, in the committee's order; each returns advice or nothing.
 * Pure: the author's earlier proposals are passed in.
 *
 * @example analyseDraft(draft, await getSettings(db, draftingSettings, committeeId, year), [])
 */
export function analyseDraft(d: DraftText, s: DraftingSettings, earlier: EarlierProposal[] = []): Advice[] {
  const checks: Record<DraftingCheck, () => Advice | null> = {
    oneIssue: () => checkOneIssue(d, s),
    parts: () => checkParts(d, s),
    concrete: () => checkConcrete(d, s),
    title: () => checkTitle(d, s),
    ownEarlier: () => checkOwnEarlier(d, s, earlier),
    channel: () => checkChannel(d, s),
  };
  return [...new Set(s.checks)].flatMap((c) => checks[c]() ?? []);
}
