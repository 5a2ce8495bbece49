/**
 * The best k (document, score) pairs seen so far, as a min-heap whose root is the weakest kept:
 * the lowest score, and among equal scores the highest document number (documents are offered in
 * ascending order, so an equal score offered later ranks lower and is refused). Reused by every
 * query; storage grows only as far as it is filled, so an "all of them" k costs what it holds.
 */
export class TopK {
  private docs = new Int32Array(16);
  private scores = new Float64Array(16);
  private size = 0;
  private k = 0;

  reset(k: number) {
    this.k = k;
    this.size = 0;
  }

  get full() {
    return this.size === this.k;
  }

  /** The score a new document must beat once the heap is full (−∞ until then). */
  get floor() {
    return this.size === this.k ? this.scores[0] : -Infinity;
  }

  offer(doc: number, score: number) {
    if (this.size < this.k) {
      if (this.size === this.docs.length) this.grow();
      let i = this.size++;
      // sift up: parents weaker than the new pair move down
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.weaker(doc, score, this.docs[p], this.scores[p])) break;
        this.docs[i] = this.docs[p];
        this.scores[i] = this.scores[p];
        i = p;
      }
      this.docs[i] = doc;
      this.scores[i] = score;
      return;
    }
    if (!(score > this.scores[0])) return;
    // replace the root and sift down
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.weaker(this.docs[r], this.scores[r], this.docs[l], this.scores[l]) ? r : l;
      if (!this.weaker(this.docs[c], this.scores[c], doc, score)) break;
      this.docs[i] = this.docs[c];
      this.scores[i] = this.scores[c];
      i = c;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
  }

  /** The kept pairs, best first (score descending, then document ascending). */
  sorted(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private weaker(d1: number, s1: number, d2: number, s2: number) {
    return s1 < s2 || (s1 === s2 && d1 > d2);
  }

  private grow() {
    const docs = new Int32Array(this.docs.length * 2);
    docs.set(this.docs);
    this.docs = docs;
    const scores = new Float64Array(this.scores.length * 2);
    scores.set(this.scores);
    this.scores = scores;
  }
}
