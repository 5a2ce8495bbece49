import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * From a similarity score (the share of the best score the query could reach) to the estimated
 * probability that the two texts are on the same issue: a logistic curve fitted on labelled
 * same-issue groups of real proposals (`npm run bench -- similarity` fits it, cross-validated, and
 * `SIMILARITY_WRITE_CALIBRATION=1` writes the fit served here to similarity-calibration.json).
 *
 * Why: a raw share is not a probability — a short query that shares one common word with a report
 * can reach 85%. Proposals and opinion reports are scored by the same index, so one curve makes
 * "70%" mean the same on both panels: about seven in ten such pairs are on the same issue.
 */
export interface Calibration {
  intercept: number;
  slope: number;
}

let served: { reranked: Calibration; bm25: Calibration } | undefined;

/**
 * The served curves: `intercept`/`slope` for scores re-ranked with the latent evidence (an index of
 * a hundred documents or more, see similarity-index.ts), `bm25` for BM25's own scores (a smaller
 * index, where no latent space is learned). The two scales differ — a re-ranked score averages in
 * the latent evidence, which is high between texts on one issue — so one curve for both would
 * under-rate the pairs of a small index.
 */
export function servedCalibration(which: 'reranked' | 'bm25' = 'reranked'): Calibration {
  if (!served) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'similarity-calibration.json');
    const c = JSON.parse(readFileSync(file, 'utf8'));
    served = { reranked: { intercept: Number(c.intercept), slope: Number(c.slope) }, bm25: { intercept: Number(c.bm25.intercept), slope: Number(c.bm25.slope) } };
  }
  return served[which];
}

/**
 * The estimated probability (0..1, three decimals) that a hit is on the same issue: a hit is read
 * on its own scale (re-ranked or BM25's); a bare score on the given curve, else the re-ranked one.
 */
export function sameIssueProbability(hit: number | { score: number; reranked?: boolean }, c?: Calibration): number {
  const score = typeof hit === 'number' ? hit : hit.score;
  const curve = c ?? servedCalibration(typeof hit === 'number' || hit.reranked ? 'reranked' : 'bm25');
  return Math.round(1000 / (1 + Math.exp(-(curve.intercept + curve.slope * score)))) / 1000;
}

/** Logistic regression of `same` on `score` by Newton's method (two parameters, a few iterations). */
export function fitLogistic(pairs: { score: number; same: boolean }[]): Calibration {
  let a = 0;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const { score: x, same } of pairs) {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const e = Number(same) - p;
      const w = p * (1 - p);
      ga += e;
      gb += e * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { intercept: a, slope: b };
}
