import { canonical } from './thesaurus.js';
import { segment, stopwords } from './segment.js';

/**
 * How a text becomes index terms. Each choice is measured by `npm run bench -- similarity`
 * (recall@5 on labelled same-issue groups, cross-validated):
 * - words are put in their canonical form by the CPPCC thesaurus (农村 → 乡村, 老年人 → 养老), at
 *   index and at query time alike, so two ways of naming one thing meet;
 * - a long word also yields its parts (居家养老 → 居家, 养老): 互助养老 and 养老服务 share 养老;
 * - two content words next to each other (stopwords between them skipped, punctuation breaking) form
 *   a phrase term, `农村 养老`: a phrase match counts more than its two words apart.
 */
export interface AnalyzerOptions {
  thesaurus: boolean;
  /** parts of a word of this many characters or more are terms too (0 = off) */
  partsFrom: number;
  phrases: boolean;
}

export const defaultAnalyzerOptions: AnalyzerOptions = { thesaurus: true, partsFrom: 4, phrases: true };

/** A phrase term is its two words with a space between (no word contains a space). */
export const isPhrase = (term: string) => term.includes(' ');
/** A title word in the title-to-title field, e.g. `标题:养老` (no word contains a colon). */
export const titleTerm = (word: string) => `标题:${word}`;
export const isTitleTerm = (term: string) => term.startsWith('标题:');
/** A character bigram of a title, e.g. `字:养老` (no word contains a colon). */
const bigramPrefix = '字:';
export const isTitleBigram = (term: string) => term.startsWith(bigramPrefix);

/**
 * The character bigrams of a title's Chinese runs, counted. Stopword characters stay in (a bigram
 * spans them as the title is written); the ones in most titles (关于, 建议) fall to the index's
 * boilerplate cut by document frequency.
 */
export function titleBigrams(title: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const run of title.match(/[\u4e00-\u9fa5]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) {
      const g = bigramPrefix + run.slice(i, i + 2);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  return out;
}

/** The category term of a document, e.g. `类别:教育事业` (no word contains a colon). */
export const categoryTerm = (category: string) => `类别:${category}`;

const meaningful = /[\u4e00-\u9fa5]|[a-z]{2,}/;
const partsCache = new Map<string, string[]>();

function isContent(w: string) {
  return w.length >= 2 && meaningful.test(w) && !stopwords.has(w) && !/^\d+$/.test(w);
}

/** The dictionary words inside a long word (jieba's search mode), themselves content words, canonical. */
function partsOf(word: string, o: AnalyzerOptions): string[] {
  let parts = partsCache.get(word);
  if (!parts) {
    parts = [...new Set(segment(word, true).filter((p) => p !== word && isContent(p)).map((p) => (o.thesaurus ? canonical(p) : p)))];
    if (partsCache.size > 200_000) partsCache.clear();
    partsCache.set(word, parts);
  }
  return parts;
}

/** How an index turns a text into term counts: termCounts, unless the caller wraps it (e.g. to memoise it). */
export type Analyze = (text: string, o: AnalyzerOptions) => Map<string, number>;

/** Term counts of a text: canonical content words, the parts of long words, and phrases of two adjacent words. */
export function termCounts(text: string, o: AnalyzerOptions = defaultAnalyzerOptions, into = new Map<string, number>()): Map<string, number> {
  const add = (t: string) => into.set(t, (into.get(t) ?? 0) + 1);
  let previous: string | null = null;
  for (const raw of segment(text.toLowerCase(), false)) {
    if (stopwords.has(raw)) continue;
    if (!isContent(raw)) {
      // punctuation, numbers, single characters and spaces end a phrase
      previous = null;
      continue;
    }
    const w = o.thesaurus ? canonical(raw) : raw;
    add(w);
    if (o.partsFrom > 0 && raw.length >= o.partsFrom) for (const p of partsOf(raw, o)) if (p !== w) add(p);
    if (o.phrases && previous !== null && previous !== w) add(`${previous} ${w}`);
    previous = w;
  }
  return into;
}
