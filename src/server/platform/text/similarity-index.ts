import { categoryTerm, defaultAnalyzerOptions, isPhrase, isTitleBigram, isTitleTerm, termCounts, titleBigrams, titleTerm, type Analyze, type AnalyzerOptions } from './analyzer.js';
import { runInBackground, type BackgroundTask } from './background.js';
import { drain, rightSingularVectors, type SparseRows, type Steps } from './latent-space.js';
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
 * - query words present in more than MAX_DF_SHARE of documents are skipped (boilerplate by IDF);
 * - BM25's best LATENT_CANDIDATES are re-ranked by a latent evidence learned from the indexed
 *   documents themselves (latent-space.ts: a rank-LATENT_RANK LSA of their words), LATENT_WEIGHT
 *   beside the BM25 share: the candidate's cosine to the query, averaged with its cosines to BM25's
 *   three best hits weighted by their scores (pseudo-relevance feedback in the latent space). Why:
 *   what BM25 still missed was mostly a same-issue proposal at ranks 6–15, worded differently
 *   (融资 / 贷款 / 金融服务, 课外辅导班 / 校外培训) or a general proposal of a large issue behind
 *   specific neighbours sharing its words; words that keep the same company are near in the space,
 *   and the query's best hits say which sense of the issue it is about. Chosen by cross-validation
 *   over the labelled groups (held-out recall@5 0.908 → 0.942 on the 74 groups, the served options
 *   on all of them 0.919 → 0.947, on the 18 development groups 0.968 → 0.980). Its cost: the space
 *   is learned from MIN_LATENT_DOCS documents on (below, BM25 ranks alone), and again once as many
 *   documents have been added or replaced since the last learning began (RELEARN_SHARE), in
 *   O(postings × rank) — 8 s of processor time at 100,000 synthetic proposals on a loaded core —
 *   in the background (background.ts: slices of a few milliseconds, one learning at a time in the
 *   process), started by a sync or a search that finds it due; a document added meanwhile is
 *   folded into the served space as it comes. A search never waits for a learning: see `search`
 *   for what it is ranked by meanwhile. The space holds LATENT_RANK
 *   bytes per document (50 MB at a million) and at most MAX_VOCABULARY × LATENT_RANK floats; a search
 *   finds LATENT_CANDIDATES instead of `limit` and then computes LATENT_CANDIDATES × 4 dot products
 *   (bare search at 100,000 synthetic proposals, 300 queries, two loaded cores: p50 ×1.2–1.4, p95
 *   ×1.5–1.7, nearly all of it BM25 finding its best 30 rather than 10 — its pruning bar is lower).
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
  /** LATENT_WEIGHT: the latent evidence's weight in the re-ranking of BM25's best candidates; 0 = off (no space learned) */
  latentWeight: number;
  /**
   * LATENT_RANK: the latent space's dimensions. 50 was picked by hand among 30/50/100/200 (held-out
   * recall@5 of the cross-validation 0.941/0.947/0.928/0.932, an earlier form of the feedback over the
   * grid's `parts 4` half), not by the grid:
   * a coarse space of topics, which the feedback needs; a finer one sees the words BM25 already matches
   */
  latentRank: number;
  /** LATENT_CANDIDATES: how many of BM25's best are re-ranked (30 as good as 50 on both label files, 20: 0.936) */
  latentCandidates: number;
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
  latentWeight: 0.1,
  latentRank: 50,
  latentCandidates: 30,
};

/** the latent space's vocabulary: the most frequent words, at most this many */
const MAX_VOCABULARY = 30_000;
/** the documents the space is learned from: all of them up to this many, else an even sample */
const MAX_SAMPLE = 20_000;
/** below this many documents no space is learned (too few texts to learn word associations from) */
const MIN_LATENT_DOCS = 100;
/** documents folded in at once when the space is learned: a block's float accumulators */
const FOLD_BLOCK = 65_536;
/** work between two yields of a learning in the background: terms looked at, documents, postings read */
const TERMS_PER_STEP = 20_000;
const DOCS_PER_STEP = 8192;
const POSTINGS_PER_STEP = 20_000;
/** pseudo-relevance feedback: the best few hits, and their weight beside the query's own vector */
const PRF_DOCS = 3;
const PRF_WEIGHT = 1;
/**
 * the space is learned again once the documents added or replaced since reach this share of those it
 * was learned from: a growing index is relearned at each doubling, a steady one as its words drift
 * (a new year's issues), and the cost per document added stays constant
 */
const RELEARN_SHARE = 1;

/** A plain word (not a phrase, a title-field term, a bigram or a category). */
const isWord = (term: string) => !isPhrase(term) && !term.includes(':');

interface Latent {
  rank: number;
  /** word → its row in `terms` */
  words: Map<string, number>;
  idf: Float32Array;
  /** rank floats per word */
  terms: Float32Array;
  /** rank bytes per document: its unit vector × 127 (zero when it has no word of the vocabulary) */
  docs: Int8Array;
}

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
  /** 0..1: the share of the best score this query could reach (with the latent evidence, their weighted mean) */
  score: number;
  /** the score is BM25's re-ranked with the latent evidence (a scale of its own: see calibration.ts) */
  reranked?: boolean;
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
  private latent?: Latent;
  /** live documents when the space was last learned (or found too small to learn), and documents added since */
  private latentTriedAt = 0;
  private addedSinceLatent = 0;
  /** the learning under way in the background (resolves when its space is served), and its task */
  private learning?: Promise<boolean>;
  private learningTask?: BackgroundTask<void>;

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
    this.addedSinceLatent++;
    this.grow(doc + 1);
    this.alive[doc] = 1;
    this.tags[doc] = tag;
    this.lengths[doc] = v.length;
    this.byKey.set(key, doc);
    this.liveCount++;
    this.totalLength += v.length;
    const avg = this.totalLength / this.indexedCount;
    const { k1, b } = this.options;
    const latent = this.latent;
    const vec = latent ? new Float32Array(latent.rank) : null;
    for (const [term, f] of v.tf) {
      let p = this.terms.get(term);
      if (!p) this.terms.set(term, (p = new Postings()));
      const w = (f * (k1 + 1)) / (f + k1 * (1 - b + (b * v.length) / avg));
      p.push(doc, w);
      if (vec) {
        const row = latent!.words.get(term);
        if (row !== undefined) addScaled(vec, latent!.terms, row * latent!.rank, w * latent!.idf[row]);
      }
    }
    if (vec) quantize(normalize(vec), latent!.docs, doc * latent!.rank);
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
   *
   * With a latent weight, BM25's best max(limit, LATENT_CANDIDATES) are found so and re-ranked
   * (`rerank`): a smaller limit gives a prefix of the same re-ranking.
   *
   * While a space is being learned in the background the search answers at once, with what is
   * served: before the first space, BM25 alone (there is nothing else; its scores are on BM25's own
   * calibrated scale, `reranked` unset); while a space is relearned, the last one. Why the last space
   * and not BM25 alone: it is still a valid space — every document, those added since too, has its
   * vector in it, folded from the same word vectors — and lacks only the words new since it was
   * learned, which BM25 still matches; dropping it would change the ranking and the score scale
   * (the calibration curve) of every answer for the few seconds of each relearning, and back again.
   */
  search(text: string | IndexedText, limit: number, accept: (tag: number) => boolean = () => true, exclude?: string): Hit[] {
    const o = this.options;
    if (o.latentWeight <= 0 || limit < 1) return this.scored(text, limit, accept, exclude).map(({ key, score }) => ({ key, score }));
    // before the space is learned (a small index) the candidates are BM25's, on its scale
    const hits = this.scored(text, Math.max(limit, o.latentCandidates), accept, exclude);
    return rerank(hits, o.latentWeight, limit);
  }

  /**
   * BM25's best `limit` (the exact top k described at `search`), each with its latent evidence when
   * the options ask for one and a space is served (else null); starts learning a space in the
   * background when one is due, without waiting for it.
   */
  scored(text: string | IndexedText, limit: number, accept: (tag: number) => boolean = () => true, exclude?: string): (Hit & { latent: number | null })[] {
    const { counts, category } = queryCounts(text, this.options, this.analyze);
    this.learnWhenDue();
    const q = this.latent ? this.latentQuery(counts) : null;
    const lists = this.queryTerms(counts, category);
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
    const found = top.sorted();
    const hits: (Hit & { latent: number | null })[] = found.map((h) => ({ key: this.keys[h.doc], score: Math.round((h.score / best) * 1000) / 1000, latent: null }));
    if (q) this.latentEvidence(found, hits, q);
    return hits;
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
  private queryTerms(counts: Map<string, number>, category: string | null) {
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
    this.alive = grownTo(this.alive, cap);
    this.tags = grownTo(this.tags, cap);
    this.lengths = grownTo(this.lengths, cap);
    if (this.latent) this.latent.docs = grownTo(this.latent.docs, cap * this.latent.rank);
  }

  /**
   * Learns the latent space now, in one piece (benchmarks; tests that want it at once): the
   * vocabulary is the MAX_VOCABULARY words of highest document frequency (seen twice or more,
   * boilerplate excluded), the matrix the BM25 weight × IDF of each word in a sample of at most
   * MAX_SAMPLE documents, rows of unit length; every document's vector is then folded in from the
   * postings. One pass over the vocabulary's postings and a few over the sample: O(postings × rank).
   * A learning under way in the background is dropped for this one.
   */
  learnLatentSpace(): void {
    this.learningTask?.cancel();
    drain(this.learnSteps());
  }

  /**
   * Whether a space is due: none learned yet and MIN_LATENT_DOCS documents or more, or as many
   * documents added or replaced since the last learning began as it was learned from
   * (RELEARN_SHARE): a growing index is relearned at each doubling, a steady one as its words drift.
   */
  private latentDue(): boolean {
    return this.options.latentWeight > 0 && this.liveCount >= MIN_LATENT_DOCS && (this.latentTriedAt === 0 || this.addedSinceLatent >= RELEARN_SHARE * this.latentTriedAt);
  }

  /**
   * Starts learning the space in the background when it is due and no learning is under way; a
   * search never waits for it (see `search`). Called by each search and after each sync.
   */
  learnWhenDue(): void {
    if (this.learning || !this.latentDue()) return;
    const task = runInBackground(this.learnSteps());
    const learning: Promise<boolean> = task.done.then(
      (result) => result !== null,
      (error) => {
        // the last space (or BM25 alone) keeps being served; the next due learning tries again
        console.error('similarity index: learning the latent space failed', error);
        throw error;
      },
    );
    this.learningTask = task;
    this.learning = learning;
    const done = (completed: boolean) => {
      if (this.learning !== learning) return;
      this.learning = this.learningTask = undefined;
      // documents added meanwhile may already make the next one due (not after a stop)
      if (completed) this.learnWhenDue();
    };
    learning.then(done, () => done(false));
  }

  /** Drops a learning under way (an index no longer served); the last space stays. */
  stopLearning(): void {
    this.learningTask?.cancel();
  }

  /** Whether a latent space is being learned in the background. */
  get learningLatentSpace(): boolean {
    return this.learning !== undefined;
  }

  /**
   * Resolves once the space due now (if any) is learned and served: tests and benchmarks await it
   * for results that do not depend on timing. Rejects if that learning failed.
   */
  async settled(): Promise<void> {
    this.learnWhenDue();
    while (this.learning) await this.learning;
  }

  /**
   * The learning of the space (see learnLatentSpace), in small units (latent-space.ts). Between
   * units the index goes on changing: each word's postings are read within one unit (a compaction
   * may rewrite them between units; document numbers never change), a document removed meanwhile
   * only adds a row to the sample, and the documents added meanwhile are folded in too: the last
   * block of documents is folded and the space swapped in within one unit, so every document the
   * index holds when the new space is served has its vector in it. Until then the last space is served.
   */
  private *learnSteps(): Steps<void> {
    const rank = this.options.latentRank;
    // the corpus learned from: what is added from here on counts toward the next learning
    this.latentTriedAt = this.liveCount;
    this.addedSinceLatent = 0;
    const n = Math.max(this.indexedCount, 1);
    const { vocab, idf } = yield* this.vocabulary(n);
    const matrix = yield* this.sampleMatrix(vocab, idf);
    const r = Math.min(rank, matrix.rows, vocab.length);
    if (r < 2) return void (this.latent = undefined);
    const terms = Float32Array.from(yield* rightSingularVectors(matrix, r));
    // every document folded in from the postings (sorted by document), a block of documents at a time
    let docs = new Int8Array(this.alive.length * r);
    const block = new Float32Array(FOLD_BLOCK * r);
    // the next block begins where this one ended: documents added while it was folded come next
    for (let first = 0, end = 0; first < this.keys.length; first = end) {
      end = Math.min(first + FOLD_BLOCK, this.keys.length);
      block.fill(0);
      let work = 0;
      for (let c = 0; c < vocab.length; c++) {
        const p = this.terms.get(vocab[c]);
        if (!p) continue;
        let i = firstAtLeast(p.docs, p.length, first);
        const from = i;
        for (; i < p.length && p.docs[i] < end; i++) addScaledAt(block, (p.docs[i] - first) * r, terms, c * r, p.weights[i] * idf[c], r);
        if ((work += i - from) >= POSTINGS_PER_STEP) (work = 0), yield;
      }
      if (docs.length < end * r) docs = grownTo(docs, Math.max(end, this.alive.length) * r);
      for (let d = first; d < end; d++) {
        if ((d - first) % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
        quantizeAt(block, (d - first) * r, r, docs, d * r);
      }
    }
    if (docs.length < this.alive.length * r) docs = grownTo(docs, this.alive.length * r);
    this.latent = { rank: r, words: new Map(vocab.map((w, i) => [w, i])), idf, terms, docs };
  }

  /**
   * The space's words: those seen twice or more and not boilerplate, the MAX_VOCABULARY of highest
   * document frequency (a stable counting sort: ties in the index's order), with their IDF.
   */
  private *vocabulary(n: number): Steps<{ vocab: string[]; idf: Float32Array }> {
    const candidates: string[] = [];
    const dfs: number[] = [];
    let seen = 0;
    let top = 0;
    for (const [term, p] of this.terms) {
      if (++seen % TERMS_PER_STEP === 0) yield;
      if (!isWord(term) || p.length < 2 || p.length > this.options.maxDfShare * n) continue;
      candidates.push(term);
      dfs.push(p.length);
      if (p.length > top) top = p.length;
    }
    const at = new Int32Array(top + 2);
    for (const df of dfs) at[top - df + 1]++;
    for (let i = 0; i <= top; i++) at[i + 1] += at[i];
    const order = new Int32Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) order[at[top - dfs[i]]++] = i;
    yield;
    const vocab: string[] = [];
    const chosen: number[] = [];
    // a term deleted by a compaction and indexed again meanwhile is met twice: once is enough
    const taken = new Set<string>();
    for (let i = 0; i < order.length && vocab.length < MAX_VOCABULARY; i++) {
      const term = candidates[order[i]];
      if (taken.has(term)) continue;
      taken.add(term);
      vocab.push(term);
      chosen.push(dfs[order[i]]);
    }
    const idf = Float32Array.from(chosen, (df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    return { vocab, idf };
  }

  /** The sample's rows (every step-th live document, unit length) over the vocabulary's columns. */
  private *sampleMatrix(vocab: string[], idf: Float32Array): Steps<SparseRows> {
    const count = this.keys.length;
    const step = Math.max(1, Math.ceil(this.liveCount / MAX_SAMPLE));
    const rowOf = new Int32Array(count).fill(-1);
    let rows = 0;
    for (let d = 0, live = 0; d < count; d++) {
      if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
      if (this.alive[d] && live++ % step === 0) rowOf[d] = rows++;
    }
    // the entries word by word (so by column, each row's in column order), then by row
    const entries = new Entries();
    let work = 0;
    for (let c = 0; c < vocab.length; c++) {
      const p = this.terms.get(vocab[c]);
      if (!p) continue;
      for (let i = 0; i < p.length && p.docs[i] < count; i++) {
        const r = rowOf[p.docs[i]];
        if (r >= 0) entries.push(r, c, p.weights[i] * idf[c]);
      }
      if ((work += p.length) >= POSTINGS_PER_STEP) (work = 0), yield;
    }
    yield;
    const start = new Int32Array(rows + 1);
    for (let e = 0; e < entries.length; e++) {
      if (e % POSTINGS_PER_STEP === POSTINGS_PER_STEP - 1) yield;
      start[entries.rows[e] + 1]++;
    }
    for (let r = 0; r < rows; r++) start[r + 1] += start[r];
    const fill = start.slice(0, rows);
    const col = new Int32Array(entries.length);
    const val = new Float32Array(entries.length);
    for (let e = 0; e < entries.length; e++) {
      if (e % POSTINGS_PER_STEP === POSTINGS_PER_STEP - 1) yield;
      const r = entries.rows[e];
      col[fill[r]] = entries.cols[e];
      val[fill[r]++] = entries.vals[e];
    }
    for (let r = 0; r < rows; r++) {
      if (r % 1024 === 1023) yield;
      let norm = 0;
      for (let e = start[r]; e < start[r + 1]; e++) norm += val[e] * val[e];
      norm = Math.sqrt(norm) || 1;
      for (let e = start[r]; e < start[r + 1]; e++) val[e] /= norm;
    }
    return { rows, cols: vocab.length, start, col, val };
  }

  /** The query's unit vector in the latent space (its words weighted as in the search). */
  private latentQuery(counts: Map<string, number>): Float32Array {
    const l = this.latent!;
    const q = new Float32Array(l.rank);
    for (const [term, c] of counts) {
      const row = l.words.get(term);
      if (row !== undefined) addScaled(q, l.terms, row * l.rank, l.idf[row] * (1 + Math.log(Math.max(c, 1))));
    }
    return normalize(q);
  }

  /** A document's unit vector in the latent space (benchmarks), undefined before the space is learned. */
  latentVectorOf(key: string): Float32Array | undefined {
    const doc = this.byKey.get(key);
    const l = this.latent;
    return l && doc !== undefined ? Float32Array.from(l.docs.subarray(doc * l.rank, (doc + 1) * l.rank), (x) => x / 127) : undefined;
  }

  /**
   * Each hit's latent evidence: its cosine to the query in the latent space, averaged with its
   * cosines to the PRF_DOCS best hits (pseudo-relevance feedback, Rocchio in the latent space),
   * each of those weighing PRF_WEIGHT / PRF_DOCS × its score over the best score. O(hits × PRF_DOCS × rank).
   */
  private latentEvidence(found: { doc: number; score: number }[], hits: { latent: number | null }[], q: Float32Array) {
    const l = this.latent!;
    const feedback = found.slice(0, PRF_DOCS);
    const topScore = found[0]?.score || 1;
    for (let i = 0; i < found.length; i++) {
      const d = found[i].doc;
      let e = this.latentCosine(d, q);
      let w = 1;
      for (const f of feedback) {
        if (f.doc === d) continue;
        const fw = (PRF_WEIGHT / PRF_DOCS) * (f.score / topScore);
        let c = 0;
        const a = d * l.rank;
        const b = f.doc * l.rank;
        for (let j = 0; j < l.rank; j++) c += l.docs[a + j] * l.docs[b + j];
        e += (fw * c) / (127 * 127);
        w += fw;
      }
      hits[i].latent = e / w;
    }
  }

  /** The cosine of a document and a query vector in the latent space. */
  private latentCosine(doc: number, q: Float32Array): number {
    const l = this.latent!;
    let s = 0;
    const o = doc * l.rank;
    for (let j = 0; j < l.rank; j++) s += l.docs[o + j] * q[j];
    return s / 127;
  }
}

function addScaled(into: Float32Array, from: Float32Array, offset: number, scale: number) {
  addScaledAt(into, 0, from, offset, scale, into.length);
}

/** A copy of `a` in a longer array of its kind (the rest zero). */
function grownTo<A extends Uint8Array | Int8Array | Int32Array | Float32Array>(a: A, length: number): A {
  const grown = new (a.constructor as new (length: number) => A)(length);
  grown.set(a);
  return grown;
}

/** addScaled into `length` floats of `into` at `at`. */
function addScaledAt(into: Float32Array, at: number, from: Float32Array, offset: number, scale: number, length: number) {
  for (let j = 0; j < length; j++) into[at + j] += scale * from[offset + j];
}

/** The first position in a sorted list whose document is ≥ d (length if none). */
function firstAtLeast(docs: Int32Array, length: number, d: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sparse matrix's entries (row, column, value) as they come, in growing typed arrays. */
class Entries {
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  vals = new Float32Array(1024);
  length = 0;
  push(row: number, col: number, val: number) {
    if (this.length === this.rows.length) {
      const grow = <A extends Int32Array | Float32Array>(a: A, b: A) => (b.set(a), b);
      this.rows = grow(this.rows, new Int32Array(this.length * 2));
      this.cols = grow(this.cols, new Int32Array(this.length * 2));
      this.vals = grow(this.vals, new Float32Array(this.length * 2));
    }
    this.rows[this.length] = row;
    this.cols[this.length] = col;
    this.vals[this.length] = val;
    this.length++;
  }
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += v[j] * v[j];
  if (norm > 0) {
    norm = 1 / Math.sqrt(norm);
    for (let j = 0; j < v.length; j++) v[j] *= norm;
  }
  return v;
}

/**
 * BM25's hits re-ranked by their score plus `weight` × their latent evidence (both 0..1), over
 * 1 + weight so the score stays a share in 0..1, the best `limit`. Hits without evidence (no space
 * learned yet) keep BM25's order and score.
 */
export function rerank(hits: readonly (Hit & { latent: number | null })[], weight: number, limit: number): Hit[] {
  if (hits.some((h) => h.latent === null)) return hits.slice(0, limit).map(({ key, score }) => ({ key, score }));
  return hits
    .map((h) => ({ key: h.key, score: Math.round(((h.score + weight * Math.min(Math.max(h.latent!, 0), 1)) / (1 + weight)) * 1000) / 1000, raw: h.score }))
    .sort((x, y) => y.score - x.score || y.raw - x.raw)
    .slice(0, limit)
    .map(({ key, score }) => ({ key, score, reranked: true }));
}

/** The `length` floats of `v` at `at` made a unit vector (in place, as `normalize`) and stored as bytes (× 127) at `offset`. */
function quantizeAt(v: Float32Array, at: number, length: number, into: Int8Array, offset: number) {
  let norm = 0;
  for (let j = 0; j < length; j++) norm += v[at + j] * v[at + j];
  if (norm > 0) {
    norm = 1 / Math.sqrt(norm);
    for (let j = 0; j < length; j++) v[at + j] *= norm;
  }
  for (let j = 0; j < length; j++) into[offset + j] = Math.round(v[at + j] * 127);
}

/** A unit vector as bytes (× 127) at `offset`. */
function quantize(v: Float32Array, into: Int8Array, offset: number) {
  for (let j = 0; j < v.length; j++) into[offset + j] = Math.round(v[j] * 127);
}
