import { contentWords } from '../../../platform/text/segment.js';
import { advise, mentioned, unique, type Advice, type DraftText } from './advice.js';
import { distinctSuggestions } from './concrete.js';
import { cosine, weighted, wordWeight } from './weights.js';
import type { DraftingSettings } from './settings.js';

/** A group of suggestions about one subject: their numbers (1-based), texts, words and category. */
export interface SubjectGroup {
  items: number[];
  /** whether the title names this group's subject */
  onTitle: boolean;
  texts: string[];
  /** the words that name the group's subject */
  words: string[];
  category: string | null;
}

/**
 * Two texts this close (cosine of IDF-weighted words, see weights.ts) are on one subject. Measured
 * on the real proposals: 71% of the suggestion pairs inside one proposal reach it, 8% of pairs
 * across two proposals; 80% of suggestions reach their own title, 5% another proposal's.
 */
export const LINK = 0.05;

/** A category term at least this rare (IDF) ties two suggestions to one subject. */
const TELLING_TERM = 7;

/** How many terms of each category `text` mentions. */
function categoryScores(text: string, s: Pick<DraftingSettings, 'subjectTerms'>): Map<string, number> {
  const scores = new Map<string, number>();
  for (const c of s.subjectTerms) {
    const n = mentioned(text, c.terms.split(/[、,，\s]+/)).length;
    if (n) scores.set(c.category, n);
  }
  return scores;
}

/** The category mentioned most, or null when none is, or two tie. */
const top = (scores: Map<string, number>): string | null => {
  const sorted = [...scores].sort((a, b) => b[1] - a[1]);
  if (!sorted.length || (sorted[1] && sorted[1][1] === sorted[0][1])) return null;
  return sorted[0][0];
};

const wordsOf = (text: string, generic: Set<string>) => contentWords(text).filter((w) => !generic.has(w));

/**
 * The suggestions of a draft grouped by subject. The title names the draft's subject: every
 * suggestion close to it (IDF-weighted jieba words, less the generic ones every suggestion uses)
 * belongs to the main group, listed first. The others are grouped among themselves: close words,
 * or one category term in common (养老 in 居家养老 and 养老服务).
 */
export function subjectGroups(d: DraftText, s: DraftingSettings): SubjectGroup[] {
  const generic = new Set(s.genericWords);
  const title = weighted(wordsOf(d.title, generic));
  // only telling terms link suggestions: 养老 or 公厕 do, 教育 or 宣传 (common everywhere) do not
  const allTerms = s.subjectTerms.flatMap((c) => c.terms.split(/[、,，\s]+/)).filter((t) => t && !generic.has(t) && wordWeight(t) >= TELLING_TERM);
  const items = distinctSuggestions(d.suggestions).map((i) => {
    const words = wordsOf(i.text, generic);
    return { text: i.text, words: new Set(words), vector: weighted(words), terms: new Set(mentioned(i.text, allTerms)) };
  });
  const parent = items.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const onTitle = items.map((i) => cosine(i.vector, title) >= LINK);
  const main = onTitle.indexOf(true);
  for (let i = 0; i < items.length; i++) {
    if (onTitle[i]) parent[find(i)] = find(main);
    for (let j = 0; j < i; j++) if (cosine(items[i].vector, items[j].vector) >= LINK || [...items[i].terms].some((x) => items[j].terms.has(x))) parent[find(i)] = find(j);
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const ordered = [...groups.values()].sort((a, b) => Number(b.includes(main)) - Number(a.includes(main)) || a[0] - b[0]);
  return ordered.map((g) => {
    const text = g.map((i) => items[i].text).join('\n');
    const counts = new Map<string, number>();
    for (const i of g) for (const w of items[i].words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const words = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([w]) => w);
    const scores = categoryScores(g.includes(main) ? `${d.title}\n${text}` : text, s);
    return { items: g.map((i) => i + 1), onTitle: g.includes(main) && main >= 0, texts: g.map((i) => items[i].text), words: unique(words).slice(0, 5), category: top(scores) };
  });
}

/**
 * 一事一案: besides the suggestions on the title's subject, a substantial group of suggestions
 * close to neither the title nor the other suggestions, which the 情况 and 分析 do not talk about
 * or which falls in another category. How often it fires on the 436 real proposals and on drafts
 * joining two of them is measured in drafting.measure.test.ts. The advice lists the groups,
 * so the writer can split the draft into one proposal each (side remarks stay with the main group).
 */
export function checkOneIssue(d: DraftText, s: DraftingSettings): Advice<{ groups: SubjectGroup[] }> | null {
  const all = subjectGroups(d, s);
  if (all.length < 2) return null;
  const total = all.reduce((n, g) => n + g.texts.join('').length, 0);
  // the title's group when there is one (listed first), else the longest
  const titled = all[0].onTitle;
  const [main, ...rest] = titled ? all : [...all].sort((a, b) => b.texts.join('').length - a.texts.join('').length);
  const mainCategory = main.category ?? d.category ?? null;
  // a single suggestion under `oneIssueMinShare` of the text is a side remark (funding, a law, publicity)
  const substantial = (g: SubjectGroup) => g.items.length > 1 || g.texts.join('').length >= s.oneIssueMinShare * total;
    // a group the 情况 and 分析 never talk about, or one in another category, is another issue
  const generic = new Set(s.genericWords);
  const context = weighted(wordsOf(`${d.background}\n${d.analysis}`, generic));
  const unexplained = (g: SubjectGroup) => cosine(weighted(wordsOf(g.texts.join('\n'), generic)), context) < LINK;
  const others = rest.filter((g) => substantial(g) && (unexplained(g) || (g.category !== null && g.category !== mainCategory)));
  if (!others.length) return null;
  // side remarks and uncategorised suggestions go with the main subject
  const kept = rest.filter((g) => !others.includes(g));
  const first: SubjectGroup = { ...main, items: [...main.items, ...kept.flatMap((g) => g.items)], texts: [...main.texts, ...kept.flatMap((g) => g.texts)], category: mainCategory };
  const groups = [first, ...others].map((g) => {
    const order = g.items.map((n, k) => [n, g.texts[k]] as const).sort((a, b) => a[0] - b[0]);
    return { ...g, items: order.map(([n]) => n), texts: order.map(([, t]) => t) };
  });
  const named = groups.map((g) => `第${g.items.join('、')}条（${[g.words.slice(0, 3).join('、'), g.category].filter(Boolean).join('，')}）`);
  return advise(s, 'oneIssue', `建议涉及${groups.length}个互不相关的议题：${named.join('；')}`, { groups });
}
