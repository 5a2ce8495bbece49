import { contentWords } from './segment.js';

/**
 * A BM25F index over titles and bodies, held in memory as typed-array posting lists.
 *
 * Why in memory: a member expects similar proposals while typing, and a province holds about a
 * million of them; scoring a query touches a few posting lists, which takes milliseconds in
 * typed arrays, where a SQL aggregate over a term table takes hundreds. The database stays the
 * source of truth: the index is rebuilt from it and follows its changes (see finder.ts).
 *
 * Choices, each measured by `npm run bench` (similarity quality against labelled groups):
 * - the title counts TITLE_WEIGHT times a body occurrence (BM25F pseudo-frequency);
 * - a body contributes its MAX_BODY_TERMS most frequent words, which bounds memory;
 * - query words present in more than MAX_DF_SHARE of documents are skipped (boilerplate by IDF).
 */
export interface IndexOptions {
  titleWeight: number;
  maxBodyTerms: number;
  maxQueryTerms: number;
  maxDfShare: number;
  k1: number;
  b: number;
}

export const defaultIndexOptions: IndexOptions = { titleWeight: 4, maxBodyTerms: 80, maxQueryTerms: 30, maxDfShare: 0.2, k1: 1.2, b: 0.75 };

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

/** Term frequencies of a title and a body, combined with the title weight. */
export function termVector(title: string, body: string, o: IndexOptions = defaultIndexOptions): { tf: Map<string, number>; length: number } {
  const bodyCounts = new Map<string, number>();
  for (const w of contentWords(body)) bodyCounts.set(w, (bodyCounts.get(w) ?? 0) + 1);
  return termVectorOf(contentWords(title), bodyCounts, o);
}

/** The same from already segmented words (a benchmark segments each shared sentence once). */
export function termVectorOf(titleWords: string[], bodyCounts: Map<string, number>, o: IndexOptions = defaultIndexOptions): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  const topBody = [...bodyCounts.entries()].sort((a, b) => b[1] - a[1]).slice(0, o.maxBodyTerms);
  let length = 0;
  for (const [w, n] of topBody) {
    tf.set(w, n);
    length += n;
  }
  for (const w of titleWords) {
    tf.set(w, (tf.get(w) ?? 0) + o.titleWeight);
    length += o.titleWeight;
  }
  return { tf, length };
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
  /** per-query work space, reused: accumulators, the documents touched, the best k, accept() answers by tag */
  private scores = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private topDocs = new Int32Array(64);
  private topScores = new Float64Array(64);
  private readonly verdicts = new Uint8Array(4096);
  /** how many searches stopped adding documents before their last term (tests check pruning happens) */
  prunedSearches = 0;

  constructor(readonly options: IndexOptions = defaultIndexOptions) {}

  get size() {
    return this.liveCount;
  }

  /** Adds or replaces a document; `tag` is a small integer the caller filters on (e.g. status class). */
  add(key: string, title: string, body: string, tag = 0): void {
    this.addVector(key, termVector(title, body, this.options), tag);
  }

  /** Adds a precomputed term vector (segmentation is the expensive part and can run elsewhere). */
  addVector(key: string, v: { tf: Map<string, number>; length: number }, tag = 0): void {
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
   * Exact top-k, term at a time with max-score pruning, over dense accumulators reused by every
   * query. The query's terms are taken by their upper bound (IDF × the largest weight in their
   * list), strongest first, and their posting lists are added up. Once the most the remaining terms
   * could add together is below the current k-th score, no document they alone contain can reach
   * the top k: the remaining (long, common-word) lists then only complete the scores of the
   * documents already found, without adding new ones. A document is checked against `accept` once,
   * the first time it is found (its tag's answer is cached), and a refused one is set aside.
   */
  search(text: string, limit: number, accept: (tag: number) => boolean = () => true, exclude?: string): Hit[] {
    const query = this.queryTerms(text);
    if (query.length === 0 || limit < 1) return [];
    const m = query.length;
    const best = query.reduce((sum, q) => sum + q.weight, 0) * (this.options.k1 + 1);
    // rest[i]: the most terms i.. can add to one document
    const rest = new Float64Array(m + 1);
    for (let i = m - 1; i >= 0; i--) rest[i] = rest[i + 1] + query[i].bound;
    const skip = exclude !== undefined ? (this.byKey.get(exclude) ?? -1) : -1;
    const { scores, touched, alive, tags } = this;
    const verdicts = this.verdicts;
    verdicts.fill(0);
    const eligible = (d: number) => {
      if (alive[d] === 0 || d === skip) return false;
      const tag = tags[d];
      if (tag < 0 || tag >= verdicts.length) return accept(tag);
      let v = verdicts[tag];
      if (v === 0) verdicts[tag] = v = accept(tag) ? 1 : 2;
      return v === 1;
    };

    let count = 0;
    let next = 0;
    let threshold = 0;
    let highest = 0;
    while (next < m) {
      const { docs, weights, length } = query[next].postings;
      const w = query[next].weight;
      next++;
      for (let i = 0; i < length; i++) {
        const d = docs[i];
        let s = scores[d];
        if (s === 0) {
          touched[count++] = d;
          // set aside for good: -Infinity stays -Infinity whatever is added
          if (!eligible(d)) {
            scores[d] = -Infinity;
            continue;
          }
        }
        s += w * weights[i];
        scores[d] = s;
        if (s > highest) highest = s;
      }
      // the k-th score is at most the highest: only look for it once it could end the scan
      if (next < m && rest[next] < highest) {
        threshold = this.selectTop(count, limit) === limit ? this.topScores[limit - 1] : 0;
        // a margin for rounding: never stop on a tie
        if (rest[next] * (1 + 1e-9) < threshold) {
          this.prunedSearches++;
          break;
        }
      }
    }
    // the remaining lists only complete the scores of documents already found
    for (let j = next; j < m; j++) {
      const { docs, weights, length } = query[j].postings;
      const w = query[j].weight;
      for (let i = 0; i < length; i++) {
        const d = docs[i];
        if (scores[d] !== 0) scores[d] += w * weights[i];
      }
    }
    const n = this.selectTop(count, limit);
    const hits: Hit[] = [];
    for (let i = 0; i < n; i++) hits.push({ key: this.keys[this.topDocs[i]], score: Math.round((this.topScores[i] / best) * 1000) / 1000 });
    // every accumulator is reset for the next query
    for (let i = 0; i < count; i++) scores[touched[i]] = 0;
    return hits;
  }

  /**
   * The best `k` of the first `count` touched documents into topDocs / topScores (score descending,
   * then insertion order), skipping those set aside; returns how many there are (≤ k).
   */
  private selectTop(count: number, k: number): number {
    const { scores, touched } = this;
    if (k > 64 || count <= k) {
      // few documents or a long list asked for: sort them all
      const all: number[] = [];
      for (let i = 0; i < count; i++) if (scores[touched[i]] > 0) all.push(touched[i]);
      all.sort((a, b) => scores[b] - scores[a] || a - b);
      const n = Math.min(k, all.length);
      if (this.topDocs.length < n) (this.topDocs = new Int32Array(n)), (this.topScores = new Float64Array(n));
      for (let i = 0; i < n; i++) (this.topDocs[i] = all[i]), (this.topScores[i] = scores[all[i]]);
      return n;
    }
    // a small sorted buffer of the best k so far: most documents fail the first comparison
    if (this.topDocs.length < k) (this.topDocs = new Int32Array(k)), (this.topScores = new Float64Array(k));
    const docs = this.topDocs;
    const vals = this.topScores;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const d = touched[i];
      const s = scores[d];
      if (!(s > 0)) continue;
      if (n === k) {
        const ws = vals[k - 1];
        if (s < ws || (s === ws && d > docs[k - 1])) continue;
      }
      let j = n < k ? n++ : k - 1;
      for (; j > 0 && (vals[j - 1] < s || (vals[j - 1] === s && docs[j - 1] > d)); j--) (vals[j] = vals[j - 1]), (docs[j] = docs[j - 1]);
      vals[j] = s;
      docs[j] = d;
    }
    return n;
  }

  /** The query's words with their weight (IDF × saturated frequency) and bound, strongest first, boilerplate skipped. */
  private queryTerms(text: string) {
    const counts = new Map<string, number>();
    for (const w of contentWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
    const n = Math.max(this.indexedCount, 1);
    const out: { postings: Postings; weight: number; bound: number }[] = [];
    for (const [term, c] of counts) {
      const postings = this.terms.get(term);
      if (!postings) continue;
      const df = postings.length;
      if (df > this.options.maxDfShare * n && n > 50) continue;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weight = idf * (1 + Math.log(c));
      out.push({ postings, weight, bound: weight * postings.max });
    }
    // the strongest terms by weight are kept; they are scanned by their bound
    return out
      .sort((a, b) => b.weight - a.weight)
      .slice(0, this.options.maxQueryTerms)
      .sort((a, b) => b.bound - a.bound);
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
    this.scores = new Float64Array(cap);
    this.touched = new Int32Array(cap);
  }
}
