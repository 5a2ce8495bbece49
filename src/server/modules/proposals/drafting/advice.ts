import type { Presented } from '../../../../shared/http/responses.js';
import type { advice } from '../../../../shared/proposals/drafting.js';
import type { DraftingCheck, DraftingSettings } from './settings.js';
import { draftingChecks } from './settings.js';

/** What a draft is judged on: its title and three parts, as the form holds them. */
export interface DraftText {
  title: string;
  background: string;
  analysis: string;
  suggestions: string;
  category?: string;
}

/**
 * One piece of advice: which check, the committee's wording, and what was found in this draft
 * (`because`), so the writer sees why. Never a block: the draft may be sent as it is.
 */
/** What any check may find, as the answer's schema names it (shared/proposals/drafting.ts). */
export type AdviceDetail = NonNullable<Presented<typeof advice>['detail']>;

export interface Advice<D extends AdviceDetail = AdviceDetail> {
  check: DraftingCheck;
  label: string;
  message: string;
  because: string;
  /** what a one-click action needs (the groups of a split, a suggested title, earlier proposals…) */
  detail?: D;
}

/** Builds the advice of `check` with the committee's wording for it. */
export function advise<D extends AdviceDetail>(s: Pick<DraftingSettings, 'wording'>, check: DraftingCheck, because: string, detail?: D): Advice<D> {
  const message = s.wording.find((w) => w.check === check)?.text ?? draftingChecks[check];
  return { check, label: draftingChecks[check], message, because, ...(detail === undefined ? {} : { detail }) };
}

/** Distinct values in first-seen order. */
export const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Which of `words` occur in `text` (plain substring match: the lists hold whole terms). */
export const mentioned = (text: string, words: readonly string[]) => unique(words.filter((w) => w && text.includes(w)));
