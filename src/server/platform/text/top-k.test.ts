import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.js';

describe('TopK', () => {
  it('keeps the best k of pairs offered in document order, as sorting them all would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (scores, k) => {
        const top = new TopK();
        top.reset(k);
        scores.forEach((s, doc) => top.offer(doc, s));
        const expected = scores.map((score, doc) => ({ doc, score })).sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
        expect(top.sorted()).toEqual(expected);
        expect(top.full).toBe(scores.length >= k);
        if (top.full) expect(top.floor).toBe(expected[k - 1].score);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('starts empty again after reset', () => {
    const top = new TopK();
    top.reset(2);
    top.offer(0, 5), top.offer(1, 7), top.offer(2, 6);
    top.reset(3);
    expect(top.sorted()).toEqual([]);
    expect(top.floor).toBe(-Infinity);
  });
});
