import { categoryTerm, defaultAnalyzerOptions, isPhrase, isTitleBigram, isTitleTerm, termCounts, titleBigrams, titleTerm, type Analyze, type AnalyzerOptions } from './analyzer.js';
import { TopK } from './top-k.js';

/**
 * A BM25F index over titles and bodies, held in memory as typed-array posting lists.
 *
 * Why in memory: a member expects similar proposals while typing, and a province holds about a
 * million of them; scoring a query touches a few posting lists, which takes milliseconds in
 * typed arrays, where a SQL aggregate over a term table takes hundreds. The database stays the
 * source of truth: the index is rebuilt from it and follows its changes (see synced-index.ts).
 *
 * Choices, each measured by `npm run bench -- similarity` (recall@5 on labelled same-issue groups,
 * cross-validated: chosen on training folds, reported on held-out ones):
 * - terms come from the analyzer (analyzer.ts): canonical words of the thesaurus, parts of long
 *   words, phrases of two adjacent words;
 * - the title counts TITLE_WEIGHT times a body occurrence (BM25F pseudo-frequency), in the documents
 *   and in the query, whose title words count QUERY_TITLE_WEIGHT times;
 * - a body contributes its MAX_BODY_TERMS most frequent words and MAX_BODY_PHRASES phrases, which
 *   bounds memory;
 * - a phrase matched weighs PHRASE_WEIGHT times a word; the category, when both sides have one, is
 *   a term of CATEGORY_WEIGHT;
 * - the title's character bigrams are a field of their own (`字:养老`): two titles naming one
 *   thing in words jieba cuts differently (养老服务业 / 养老事业, 融资环境 / 金融环境) still share
 *   characters; chosen by cross-validation over the labelled groups (held-out recall@5 0.920 → 0.924);
 * - query words present in more than MAX_DF_SHARE of documents are skipped (boilerplate by IDF).
 */
export interface IndexOptions extends AnalyzerOptions {
  titleWeight: number;
  queryTitleWeight: number;
  maxBodyTerms: number;
  maxBodyPhrases: number;
  phraseWeight: number;
  /** a query title's words matched in a document's title (a field of its own) weigh this much; 0 = off */
  titleFieldWeight: number;
  categoryWeight: number;
  /** a query title's character bigrams matched in a document title's bigrams weigh this much; 0 = off */
  titleBigramWeight: number;
  maxQueryTerms: number;
  maxDfShare: number;
  k1: number;
  b: number;
}

export const defaultIndexOptions: IndexOptions = {
  ...defaultAnalyzerOptions,
  titleWeight: 2,
  queryTitleWeight: 1,
  maxBodyTerms: 80,
  maxBodyPhrases: 40,
  phraseWeight: 1,
  titleFieldWeight: 3,
  categoryWeight: 0,
  titleBigramWeight: 3,
  maxQueryTerms: 30,
  maxDfShare: 0.2,
  k1: 2.5,
  b: 0.75,
};

/** documents scored together: their accumulators stay in the processor's nearest cache */
const WINDOW = 4096;
/** a posting's share is rounded to 2^-24: sums of integers below 2^53 are exact in any order */
const FIXED = 2 ** 24;
const NONE = 0x7fffffff;

class Postings {
  docs = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;
  /** the largest weight ever pushed: an upper bound of what this term adds to any document */
  max = 0;
  push(doc: number, weight: number) {
    if (weight > this.max) this.max = weight;
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.docs.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Float32Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length++;
  }
}

export interface Hit {
  key: string;
  /** 0..1: the share of the best score this query could reach */
  score: number;
}

/** What is indexed of a record, and what a query may give: a title, a body, a category. */
export interface IndexedText {
  title: string;
  body: string;
  /** 类别 (proposals) or 分类 (opinion reports); optional on either side */
  category?: string | null;
}

/** A document's term vector: title and body combined with the title weight, the category added. */
/** A document's terms with their frequencies and its length. */
export interface TermVector {
  tf: Map<string, number>;
  length: number;
}

export function termVector(doc: IndexedText, o: IndexOptions = defaultIndexOptions, analyze: Analyze = termCounts): TermVector {
  return termVectorOf(analyze(doc.title, o), analyze(doc.body, o), o, doc.category, doc.title);
}

/** The same from already counted terms (a benchmark analyses each shared sentence once). */
export function termVectorOf(titleCounts: Map<string, number>, bodyCounts: Map<string, number>, o: IndexOptions = defaultIndexOptions, category?: string | null, title?: string): TermVector {
  const tf = new Map<string, number>();
  const words: [string, number][] = [];
  const phrases: [string, number][] = [];
  for (const e of bodyCounts) (isPhrase(e[0]) ? phrases : words).push(e);
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1];
  let length = 0;
  for (const [w, n] of [...words.sort(byCount).slice(0, o.maxBodyTerms), ...phrases.sort(byCount).slice(0, o.maxBodyPhrases)]) {
    tf.set(w, n);
    length += n;
  }
  for (const [w, n] of titleCounts) {
    tf.set(w, (tf.get(w) ?? 0) + n * o.titleWeight);
    length += n * o.titleWeight;
    if (o.titleFieldWeight > 0) tf.set(titleTerm(w), n);
  }
  if (category && o.categoryWeight > 0) tf.set(categoryTerm(category), 1);
  if (title && o.titleBigramWeight > 0) for (const [g, n] of titleBigrams(title)) tf.set(g, n);
  return { tf, length };
}

/** A query's term counts: its title's count QUERY_TITLE_WEIGHT times; a plain string is a body. */
function queryCounts(q: string | IndexedText, o: IndexOptions, analyze: Analyze): { counts: Map<string, number>; category: string | null } {
  if (typeof q === 'string') return { counts: analyze(q, o), category: null };
  const counts = analyze(q.body, o);
  for (const [w, n] of analyze(q.title, o)) {
    counts.set(w, (counts.get(w) ?? 0) + n * o.queryTitleWeight);
    if (o.titleFieldWeight > 0) counts.set(titleTerm(w), n);
  }
  if (o.titleBigramWeight > 0) for (const [g, n] of titleBigrams(q.title)) counts.set(g, n);
  return { counts, category: q.category ?? null };
}

export class SimilarityIndex {
  private readonly terms = new Map<string, Postings>();
  private keys: string[] = [];
  private alive = new Uint8Array(1024);
  private tags = new Int32Array(1024);
  private lengths = new Float32Array(1024);
  private readonly byKey = new Map<string, number>();
  private totalLength = 0;
  private liveCount = 0;
  /** documents whose postings are still in the lists (live + removed since the last compaction) */
  private indexedCount = 0;
  private dead = 0;
  /** per-query work space, reused: a window's accumulators and marks, the best k, accept() answers by tag */
  private readonly acc = new Float64Array(WINDOW);
  private readonly marks = new Int32Array(WINDOW >> 5);
  private readonly top = new TopK();
  private readonly verdicts = new Uint8Array(4096);
  /** how many searches skipped a document or stopped reading a list (tests check pruning happens) */
  prunedSearches = 0;

  /** `analyze` must return a map of its own each time: a query's counts are added to in place. */
  constructor(readonly options: IndexOptions = defaultIndexOptions, private readonly analyze: Analyze = termCounts) {}

  get size() {
    return this.liveCount;
  }

  /** Adds or replaces a document; `tag` is a small integer the caller filters on (e.g. status class). */
  add(key: string, title: string, body: string, tag = 0): void {
    this.addVector(key, termVector({ title, body }, this.options, this.analyze), tag);
  }

  /** Adds or replaces a document with its category. */
  addText(key: string, doc: IndexedText, tag = 0): void {
    this.addVector(key, termVector(doc, this.options, this.analyze), tag);
  }

  /** Adds a precomputed term vector (segmentation is the expensive part and can run elsewhere). */
  addVector(key: string, v: TermVector, tag = 0): void {
    this.remove(key);
    const doc = this.keys.length;
    this.keys.push(key);
    this.indexedCount++;
    this.grow(doc + 1);
    this.alive[doc] = 1;
    this.tags[doc] = tag;
    this.lengths[doc] = v.length;
    this.byKey.set(key, doc);
    this.liveCount++;
    this.totalLength += v.length;
    const avg = this.totalLength / this.indexedCount;
    const { k1, b } = this.options;
    for (const [term, f] of v.tf) {
      let p = this.terms.get(term);
      if (!p) this.terms.set(term, (p = new Postings()));
      p.push(doc, (f * (k1 + 1)) / (f + k1 * (1 - b + (b * v.length) / avg)));
    }
  }

  remove(key: string): void {
    const doc = this.byKey.get(key);
    if (doc === undefined) return;
    this.alive[doc] = 0;
    this.byKey.delete(key);
    this.liveCount--;
    this.dead++;
    // removed postings still count in frequencies until compacted: keep them under about a tenth
    if (this.dead > 10 + this.liveCount / 10) this.compact();
  }

  /**
   * Drops the postings of removed and replaced documents. Until then they still count in document
   * frequencies (N counts them too, so IDF stays consistent and positive); they never appear in results.
   */
  compact(): void {
    for (const [term, p] of this.terms) {
      let j = 0;
      for (let i = 0; i < p.length; i++) {
        if (!this.alive[p.docs[i]]) continue;
        p.docs[j] = p.docs[i];
        p.weights[j] = p.weights[i];
        j++;
      }
      p.length = j;
      if (j === 0) this.terms.delete(term);
    }
    this.indexedCount = this.liveCount;
    this.totalLength = 0;
    for (let d = 0; d < this.keys.length; d++) if (this.alive[d]) this.totalLength += this.lengths[d];
    this.dead = 0;
  }

  has(key: string) {
    return this.byKey.has(key);
  }

  setTag(key: string, tag: number) {
    const doc = this.byKey.get(key);
    if (doc !== undefined) this.tags[doc] = tag;
  }

  /**
   * The documents most similar to `text`, best first. `accept(tag)` filters by the caller's tag
   * (e.g. what the person may see); `exclude` leaves out the document being written.
   *
   * Exact top-k with max-score pruning (Turtle & Flood), over windows of document numbers. The
   * query's lists are ordered by their upper bound (IDF × the largest weight in the list). Window by
   * window, the strong lists are read into small accumulators; each document they found is then
   * completed from the weak lists (galloping forward) and offered to a heap of the best k, whose
   * weakest score is the bar to beat. Once the weakest lists' bounds together cannot lift a document
   * over the bar, a document found only in them cannot enter the top k: they stop being read and
   * are only looked up — and not even that when what a document still lacks could not lift it over
   * the bar. A whole proposal as the query has 30 words, most of them common: their long lists are
   * then mostly skipped, not read.
   *
   * Each posting's share is an integer (fixed point), so a sum is exact in any order: pruned and
   * exhaustive searches give the same scores, and the bounds need no rounding margin.
   */
  search(text: string | IndexedText, limit: number, accept: (tag: number) => boolean = () => true, exclude?: string): Hit[] {
    const lists = this.queryTerms(text);
    const m = lists.length;
    if (m === 0 || limit < 1) return [];
    const docsOf = lists.map((l) => l.postings.docs);
    const weightsOf = lists.map((l) => l.postings.weights);
    const lengthOf = Int32Array.from(lists, (l) => l.postings.length);
    const scaleOf = Float64Array.from(lists, (l) => l.weight * FIXED);
    // below[i]: the most lists 0..i-1 (the weakest) can add to one document (fround: weights are stored as float32)
    const below = new Float64Array(m + 1);
    for (let i = 0; i < m; i++) below[i + 1] = below[i] + Math.round(scaleOf[i] * Math.fround(lists[i].postings.max));
    const pos = new Int32Array(m);
    const skip = exclude !== undefined ? (this.byKey.get(exclude) ?? -1) : -1;
    const { alive, tags, acc, marks, top } = this;
    this.verdicts.fill(0);
    top.reset(limit);
    // lists below `weak` are only looked up for the documents the others found
    let weak = 0;
    let bar = -Infinity;
    let pruned = false;
    for (;;) {
      let first = NONE;
      for (let i = weak; i < m; i++) if (pos[i] < lengthOf[i] && docsOf[i][pos[i]] < first) first = docsOf[i][pos[i]];
      if (first === NONE) break;
      const base = first & ~(WINDOW - 1);
      const end = base + WINDOW;
      for (let i = weak; i < m; i++) {
        const docs = docsOf[i];
        const weights = weightsOf[i];
        const length = lengthOf[i];
        const scale = scaleOf[i];
        let p = pos[i];
        for (; p < length && docs[p] < end; p++) {
          const off = docs[p] - base;
          acc[off] += Math.round(scale * weights[p]);
          marks[off >> 5] |= 1 << (off & 31);
        }
        pos[i] = p;
      }
      // the window's documents in ascending order
      for (let word = 0; word < marks.length; word++) {
        let bits = marks[word];
        if (bits === 0) continue;
        marks[word] = 0;
        for (; bits !== 0; bits &= bits - 1) {
          const off = (word << 5) | (31 - Math.clz32(bits & -bits));
          const d = base + off;
          let s = acc[off];
          acc[off] = 0;
          if (alive[d] === 0 || d === skip || !this.accepted(tags[d], accept)) continue;
          // the weak lists, strongest first, while what is left could still lift it over the bar
          // (documents come in ascending order: a later one must beat the bar, not tie it)
          let i = weak - 1;
          for (; i >= 0 && s + below[i + 1] > bar; i--) s += this.lookup(docsOf[i], weightsOf[i], lengthOf[i], pos, i, d, scaleOf[i]);
          if (i >= 0) {
            pruned = true;
            continue;
          }
          if (s <= 0) continue;
          top.offer(d, s);
          if (top.full && top.floor > bar) {
            bar = top.floor;
            while (weak < m && below[weak + 1] <= bar) (weak++), (pruned = true);
          }
        }
      }
    }
    if (pruned) this.prunedSearches++;
    const best = lists.reduce((sum, q) => sum + q.weight, 0) * (this.options.k1 + 1) * FIXED;
    return top.sorted().map((h) => ({ key: this.keys[h.doc], score: Math.round((h.score / best) * 1000) / 1000 }));
  }

  /** Whether documents of this tag may be returned (accept's answer, remembered per query). */
  private accepted(tag: number, accept: (tag: number) => boolean) {
    if (tag < 0 || tag >= this.verdicts.length) return accept(tag);
    let v = this.verdicts[tag];
    if (v === 0) this.verdicts[tag] = v = accept(tag) ? 1 : 2;
    return v === 1;
  }

  /** The share of `d` in a list, 0 if absent; moves the list's cursor to the first document ≥ d (galloping). */
  private lookup(docs: Int32Array, weights: Float32Array, length: number, pos: Int32Array, i: number, d: number, scale: number): number {
    let at = pos[i];
    if (at < length && docs[at] < d) {
      let step = 1;
      while (at + step < length && docs[at + step] < d) (at += step), (step *= 2);
      for (step >>= 1; step > 0; step >>= 1) if (at + step < length && docs[at + step] < d) at += step;
      at++;
    }
    pos[i] = at;
    return at < length && docs[at] === d ? Math.round(scale * weights[at]) : 0;
  }

  /** The query's words with their weight (IDF × saturated frequency) and bound, weakest bound first, boilerplate skipped. */
  private queryTerms(text: string | IndexedText) {
    const { counts, category } = queryCounts(text, this.options, this.analyze);
    const o = this.options;
    if (category && o.categoryWeight > 0) counts.set(categoryTerm(category), 1);
    const n = Math.max(this.indexedCount, 1);
    const out: { postings: Postings; weight: number; bound: number }[] = [];
    // the title fields' terms (a title has a few words, a few dozen bigrams) are all kept, beside the body's strongest
    const titleField: typeof out = [];
    for (const [term, c] of counts) {
      const postings = this.terms.get(term);
      if (!postings) continue;
      const df = postings.length;
      if (df > this.options.maxDfShare * n && n > 50) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const kind = (isTitleBigram(term) ? o.titleBigramWeight : isTitleTerm(term) ? o.titleFieldWeight : term === categoryTerm(category ?? '') ? o.categoryWeight : 1) * (isPhrase(term) ? o.phraseWeight : 1);
      const weight = kind * idf * (1 + Math.log(Math.max(c, 1)));
      (isTitleTerm(term) || isTitleBigram(term) ? titleField : out).push({ postings, weight, bound: weight * postings.max });
    }
    // the strongest terms by weight are kept; they are scanned by their bound
    return out
      .sort((a, b) => b.weight - a.weight)
      .slice(0, this.options.maxQueryTerms)
      .concat(titleField)
      .sort((a, b) => a.bound - b.bound);
  }

  private grow(size: number) {
    if (size <= this.alive.length) return;
    const cap = Math.max(size, this.alive.length * 2);
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    this.alive = alive;
    const tags = new Int32Array(cap);
    tags.set(this.tags);
    this.tags = tags;
    const lengths = new Float32Array(cap);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
