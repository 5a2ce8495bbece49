import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/server/platform/csv.js';
import { defaultIndexOptions, rerank, SimilarityIndex, type Hit, type IndexOptions } from '../../src/server/platform/text/similarity-index.js';
import { fitLogistic, type Calibration } from '../../src/server/platform/text/calibration.js';
import { termCounts, type Analyze } from '../../src/server/platform/text/analyzer.js';
import { rng } from '../../src/server/demo/people.js';

export interface RealProposal {
  number: string;
  title: string;
  content: string;
  category: string;
  proposer: string;
}

export const proposalsCsv = path.resolve('src/server/demo/data/jszx2019_jiangsu_cppcc_proposals.csv');
export const devGroupsFile = path.resolve('bench/similarity/groups-dev.json');
export const labelledGroupsFile = path.resolve('bench/similarity/groups/jiangsu2019.json');

export function loadRealProposals(): RealProposal[] {
  return parseCsv(readFileSync(proposalsCsv, 'utf8')).map((r) => ({ number: r.proposal_number, title: r.reason, content: r.content, category: r.type, proposer: r.personnel_name }));
}

/** Groups of proposal numbers; a file holds `{ groups: [[…], …] }` or `{ groups: [{ issue, proposals: […] }, …] }`. */
export function loadGroups(file = labelledGroupsFile): string[][] {
  const groups = JSON.parse(readFileSync(file, 'utf8')).groups as (string[] | { proposals: string[] })[];
  return groups.map((g) => (Array.isArray(g) ? g : g.proposals).map(String));
}

/**
 * Recall@k over labelled groups: each member of a group queries with its own title and body, and
 * we count how many of the other members appear among the top k (the query itself excluded),
 * divided by how many could appear. Averaged over every query.
 */
export async function recallAtK(groups: string[][], byNumber: Map<string, RealProposal>, search: (p: RealProposal, k: number) => Promise<string[]>, k = 5) {
  let sum = 0;
  let queries = 0;
  for (const g of groups) {
    for (const q of g) {
      const others = g.filter((x) => x !== q);
      const found = (await search(byNumber.get(q)!, k)).filter((n) => n !== q).slice(0, k);
      sum += others.filter((o) => found.includes(o)).length / Math.min(k, others.length);
      queries++;
    }
  }
  return { recall: sum / queries, queries };
}

/**
 * termCounts remembered by text and analyzer options, for one run of many indexes over the same
 * 436 proposals: each text is analysed once per analyzer option, not once per index option. A
 * bench tool only (the server would hold every text it ever saw); each answer is a copy, since an
 * index adds a query's title counts to its body counts in place.
 */
export function memoizedAnalyzer(): Analyze {
  const memo = new Map<string, Map<string, number>>();
  return (text, o) => {
    const key = `${Number(o.thesaurus)}${o.partsFrom}${Number(o.phrases)}\u0000${text}`;
    let counts = memo.get(key);
    if (!counts) memo.set(key, (counts = termCounts(text, o)));
    return new Map(counts);
  };
}

/** The 436 proposals in an index of these options, its latent space learned (as a served index's is once its background learning is done). */
export function realIndex(real: RealProposal[], options: IndexOptions = defaultIndexOptions, analyze: Analyze = termCounts) {
  const index = new SimilarityIndex(options, analyze);
  for (const p of real) index.addText(p.number, { title: p.title, body: p.content, category: p.category });
  if (options.latentWeight > 0) index.learnLatentSpace();
  return index;
}

export const asQuery = (p: RealProposal) => ({ title: p.title, body: p.content, category: p.category });

/** Each proposal's top `limit` hits (itself excluded) in an index of these options. */
export function hitsOf(real: RealProposal[], options: IndexOptions, limit = 10, analyze: Analyze = termCounts): Map<string, Hit[]> {
  const index = realIndex(real, options, analyze);
  return new Map(real.map((p) => [p.number, index.search(asQuery(p), limit, undefined, p.number)]));
}

/**
 * Each grid option's hits: the options that differ only in the latent weight share one index (the
 * latent space is learned once) and are re-ranked from its candidates with their own weight.
 */
export function gridHits(real: RealProposal[], grid: { options: IndexOptions }[], limit = 10, analyze: Analyze = termCounts): Map<string, Hit[]>[] {
  const shared = new Map<string, Map<string, (Hit & { latent: number | null })[]>>();
  const keyOf = (o: IndexOptions) => JSON.stringify({ ...o, latentWeight: 0 });
  return grid.map(({ options }) => {
    const key = keyOf(options);
    let scored = shared.get(key);
    if (!scored) {
      const weights = grid.filter((g) => keyOf(g.options) === key).map((g) => g.options.latentWeight);
      const latent = Math.max(...weights);
      const index = realIndex(real, { ...options, latentWeight: latent }, analyze);
      const candidates = latent > 0 ? Math.max(limit, options.latentCandidates) : limit;
      shared.set(key, (scored = new Map(real.map((p) => [p.number, index.scored(asQuery(p), candidates, undefined, p.number)]))));
    }
    return new Map([...scored].map(([n, hits]) => [n, options.latentWeight > 0 ? rerank(hits, options.latentWeight, limit) : hits.slice(0, limit).map(({ key, score }) => ({ key, score }))]));
  });
}

/** Recall@k of one query given its hits. */
function queryRecall(group: string[], q: string, hits: Hit[], k: number) {
  const others = group.filter((x) => x !== q);
  const top = hits.slice(0, k).map((h) => h.key);
  return others.filter((o) => top.includes(o)).length / Math.min(k, others.length);
}

/** The options tried by cross-validation: the index's defaults and their neighbours, one grid. */
export function optionGrid(): { name: string; options: IndexOptions }[] {
  const grid: { name: string; options: IndexOptions }[] = [];
  for (const titleFieldWeight of [1, 2, 3])
    for (const titleBigramWeight of [0, 2, 3])
      for (const k1 of [1.2, 2.5])
        for (const partsFrom of [0, 4])
          for (const latentWeight of [0, 0.05, 0.1]) {
            const options = { ...defaultIndexOptions, titleFieldWeight, titleBigramWeight, k1, partsFrom, latentWeight };
            grid.push({ name: `titleField ${titleFieldWeight}, bigrams ${titleBigramWeight || 'off'}, k1 ${k1}, parts ${partsFrom || 'off'}, latent ${latentWeight || 'off'}`, options });
          }
  return grid;
}

export interface CrossValidation {
  folds: number;
  /** recall@k on the held-out folds, each query scored with the options chosen on the other folds */
  heldOut: number;
  /** the same with the index's default options (no choice made on any labels of this file) */
  defaults: number;
  /** per fold: the options chosen on its training folds, their training recall and the held-out recall */
  perFold: { chosen: string; train: number; test: number; queries: number }[];
  /** calibration fitted on training folds, judged on held-out pairs (Brier score; lower is better) */
  brier: { calibrated: number; raw: number; pairs: number };
  queries: number;
}

/**
 * k-fold cross-validation by group: the groups are shuffled (seeded) and dealt into k folds. For
 * each fold the options with the best recall@k on the other folds' queries are chosen and the
 * fold's queries are scored with them; a query's hits do not depend on which labels are held out,
 * so each option's hits are computed once. The calibration of scores into a probability of the
 * same issue is fitted the same way: on the training folds' pairs, judged on the held-out ones.
 */
export function crossValidate(real: RealProposal[], groups: string[][], k = 5, folds = 5, seed = 2019, grid = optionGrid()): CrossValidation {
  // each text is analysed once per analyzer option, not once per index option; the memo goes with this call
  const analyze = memoizedAnalyzer();
  const hitsByOption = gridHits(real, grid, 10, analyze);
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((n) => groupOf.set(n, i)));
  const r = rng(seed);
  const order = groups.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const foldOf = new Map<number, number>();
  order.forEach((g, i) => foldOf.set(g, i % folds));
  const recallOf = (o: number, inFold: (f: number) => boolean) => {
    let sum = 0;
    let n = 0;
    groups.forEach((g, gi) => {
      if (!inFold(foldOf.get(gi)!)) return;
      for (const q of g) (sum += queryRecall(g, q, hitsByOption[o].get(q)!, k)), n++;
    });
    return { recall: n ? sum / n : 0, n };
  };
  // pairs (query, hit, same issue?) of queries from the chosen folds; proposals in no group are in fold -1 (every fold trains on them)
  const pairs = (o: number, inFold: (f: number) => boolean) =>
    real.flatMap((p) => {
      const g = groupOf.get(p.number);
      if (!inFold(g === undefined ? -1 : foldOf.get(g)!)) return [];
      return hitsByOption[o].get(p.number)!.map((h) => ({ score: h.score, same: g !== undefined && groupOf.get(h.key) === g }));
    });
  const perFold: CrossValidation['perFold'] = [];
  let heldSum = 0;
  let heldN = 0;
  let brierCal = 0;
  let brierRaw = 0;
  let pairN = 0;
  for (let f = 0; f < folds; f++) {
    const train = (x: number) => x !== f;
    let best = 0;
    let bestRecall = -1;
    grid.forEach((_, o) => {
      const rec = recallOf(o, train).recall;
      if (rec > bestRecall + 1e-12) (best = o), (bestRecall = rec);
    });
    const test = recallOf(best, (x) => x === f);
    perFold.push({ chosen: grid[best].name, train: bestRecall, test: test.recall, queries: test.n });
    heldSum += test.recall * test.n;
    heldN += test.n;
    const calibration: Calibration = fitLogistic(pairs(best, (x) => x !== f));
    for (const p of pairs(best, (x) => x === f)) {
      const predicted = 1 / (1 + Math.exp(-(calibration.intercept + calibration.slope * p.score)));
      brierCal += (predicted - Number(p.same)) ** 2;
      brierRaw += (p.score - Number(p.same)) ** 2;
      pairN++;
    }
  }
  const defaults = grid.findIndex((g) => JSON.stringify(g.options) === JSON.stringify(defaultIndexOptions));
  return {
    folds,
    heldOut: heldSum / heldN,
    defaults: defaults >= 0 ? recallOf(defaults, () => true).recall : recallWith(real, groups, defaultIndexOptions, k),
    perFold,
    brier: { calibrated: brierCal / pairN, raw: brierRaw / pairN, pairs: pairN },
    queries: heldN,
  };
}

/** Recall@k of one set of options on all the groups. */
export function recallWith(real: RealProposal[], groups: string[][], options: IndexOptions, k = 5) {
  const hits = hitsOf(real, options, k);
  let sum = 0;
  let n = 0;
  for (const g of groups) for (const q of g) (sum += queryRecall(g, q, hits.get(q)!, k)), n++;
  return sum / n;
}

/**
 * Pairs (score, same issue?) of every proposal's top 10 under the default options, for fitting the
 * served calibration; with `latentWeight: 0`, for the calibration of BM25's scale (a small index).
 */
export function labelledPairs(real: RealProposal[], groups: string[][], options: IndexOptions = defaultIndexOptions) {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((n) => groupOf.set(n, i)));
  const hits = hitsOf(real, options, 10);
  return real.flatMap((p) => hits.get(p.number)!.map((h) => ({ score: h.score, same: groupOf.has(p.number) && groupOf.get(h.key) === groupOf.get(p.number) })));
}
