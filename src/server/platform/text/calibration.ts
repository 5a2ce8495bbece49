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

let served: Calibration | undefined;

export function servedCalibration(): Calibration {
  if (!served) {
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'similarity-calibration.json');
    const c = JSON.parse(readFileSync(file, 'utf8'));
    served = { intercept: Number(c.intercept), slope: Number(c.slope) };
  }
  return served;
}

/** The estimated probability (0..1, three decimals) that a hit of this score is on the same issue. */
export function sameIssueProbability(score: number, c: Calibration = servedCalibration()): number {
  return Math.round(1000 / (1 + Math.exp(-(c.intercept + c.slope * score)))) / 1000;
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
