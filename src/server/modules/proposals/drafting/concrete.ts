import { contentWords } from '../../../platform/text/segment.js';
import { advise, type Advice, type DraftText } from './advice.js';
import { splitSuggestions, writtenLength } from './items.js';
import type { DraftingSettings } from './settings.js';
import { deadline, quantity, responsibleBody } from './terms.js';

/** A suggestion shorter than this says what, not how: it does not count as one. */
const MIN_ITEM_CHARS = 8;
/** Two suggestions sharing this share of their words say the same thing once. */
const SAME_SUGGESTION = 0.7;

export interface SuggestionItem {
  text: string;
  body: boolean;
  quantity: boolean;
  deadline: boolean;
}

const overlap = (a: Set<string>, b: Set<string>) => {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / Math.max(1, Math.min(a.size, b.size));
};

/** The distinct suggestions of a draft, each with what makes it concrete (a body, a number, a time limit). */
export function distinctSuggestions(text: string): SuggestionItem[] {
  const kept: { words: Set<string>; item: SuggestionItem }[] = [];
  for (const t of splitSuggestions(text)) {
    if (writtenLength(t) < MIN_ITEM_CHARS) continue;
    const words = new Set(contentWords(t));
    if (kept.some((k) => overlap(k.words, words) >= SAME_SUGGESTION)) continue;
    kept.push({ words, item: { text: t, body: responsibleBody.test(t), quantity: quantity.test(t), deadline: deadline.test(t) } });
  }
  return kept.map((k) => k.item);
}

/**
 * 建议具体可行: at least `minSuggestions` distinct suggestions, and at least `minConcrete` of them
 * naming who does it, how much, or by when.
 */
export function checkConcrete(d: DraftText, s: DraftingSettings): Advice<{ count: number; concrete: number }> | null {
  if (writtenLength(d.suggestions) === 0) return null; // the parts check says it is empty
  const items = distinctSuggestions(d.suggestions);
  const concrete = items.filter((i) => i.body || i.quantity || i.deadline).length;
  if (items.length >= s.minSuggestions && concrete >= s.minConcrete) return null;
  const count = (k: 'body' | 'quantity' | 'deadline') => items.filter((i) => i[k]).length;
  const found = `识别到${items.length}条建议（至少${s.minSuggestions}条）；写明责任单位的${count('body')}条、数量指标的${count('quantity')}条、时限的${count('deadline')}条`;
  return advise(s, 'concrete', concrete < s.minConcrete ? `${found}（至少${s.minConcrete}条应写明其中之一）` : found, { count: items.length, concrete });
}
