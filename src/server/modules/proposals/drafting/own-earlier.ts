import { contentWords } from '../../../platform/text/segment.js';
import { advise, type Advice, type DraftText } from './advice.js';
import type { DraftingSettings } from './settings.js';
import { cosine, weighted } from './weights.js';

/** One of the author's own earlier proposals, as the check needs it. */
export interface EarlierProposal extends DraftText {
  id: string;
  year: number;
  numberText: string | null;
  status: string;
  statusLabel: string;
}

/** The title names the issue: its words count this many times over the body's. */
const TITLE_WEIGHT = 3;

/** A draft as weighted words (IDF), generic words left out, the title counted `TITLE_WEIGHT` times. */
export function issueVector(d: DraftText, generic: ReadonlySet<string>) {
  const title = contentWords(d.title).filter((w) => !generic.has(w));
  const body = contentWords([d.background, d.analysis, d.suggestions].join('\n')).filter((w) => !generic.has(w));
  return weighted([...Array.from({ length: TITLE_WEIGHT }, () => title).flat(), ...body]);
}

/** How close two drafts are on their issue, 0..1. */
export function sameIssueScore(a: DraftText, b: DraftText, generic: ReadonlySet<string>): number {
  return cosine(issueVector(a, generic), issueVector(b, generic));
}

/**
 * 本人提过的相同问题: the author's own earlier proposals (any year, any state but withdrawn) whose
 * issue scores at least `ownEarlierScore`, closest first, with how each ended.
 */
export function checkOwnEarlier(d: DraftText, s: DraftingSettings, earlier: EarlierProposal[]): Advice<{ proposals: (Omit<EarlierProposal, keyof DraftText> & { title: string; score: number })[] }> | null {
  if (!earlier.length) return null;
  const generic = new Set(s.genericWords);
  const mine = issueVector(d, generic);
  const close = earlier
    .map((p) => ({ id: p.id, title: p.title, year: p.year, numberText: p.numberText, status: p.status, statusLabel: p.statusLabel, score: Math.round(cosine(mine, issueVector(p, generic)) * 100) / 100 }))
    .filter((p) => p.score >= s.ownEarlierScore)
    .sort((a, b) => b.score - a.score);
  if (!close.length) return null;
  const named = close.slice(0, 3).map((p) => `${p.year}年《${p.title}》（${p.statusLabel}，相似度${Math.round(p.score * 100)}%）`);
  return advise(s, 'ownEarlier', `您提过：${named.join('；')}`, { proposals: close });
}
