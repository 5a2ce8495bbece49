/**
 * `npx tsx bench/similarity/learning.ts` (LEARN_SCALE=30000 by default): what learning the latent
 * space costs an index of synthetic proposals (corpus.ts), in one piece and in the background, and
 * how long the event loop waits meanwhile: the longest gap between two turns of a probe that
 * reschedules itself with setImmediate while the space is learned. Checks that both give one space.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { termCounts } from '../../src/server/platform/text/analyzer.js';
import { SimilarityIndex, termVectorOf } from '../../src/server/platform/text/similarity-index.js';
import { Corpus } from './corpus.js';
import { loadRealProposals } from './quality.js';

const scale = Number(process.env.LEARN_SCALE ?? 30_000);
const corpus = new Corpus(loadRealProposals());
const index = new SimilarityIndex();
const titles = new Map<string, Map<string, number>>();
let t = performance.now();
for (const doc of corpus.generate(scale)) {
  const counts = new Map<string, number>();
  for (const s of doc.sentences) for (const [w, n] of corpus.sentenceTerms[s]) counts.set(w, (counts.get(w) ?? 0) + n);
  if (!titles.has(doc.title)) titles.set(doc.title, termCounts(doc.title));
  index.addVector(String(doc.id), termVectorOf(titles.get(doc.title)!, counts, undefined, corpus.real[doc.topic].category, doc.title));
}
console.log(`${scale} proposals indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// in the background, the event loop probed meanwhile
const delay = monitorEventLoopDelay({ resolution: 1 });
let turns = 0;
let longest = 0;
let last = performance.now();
let learning = true;
const probe = () => {
  const now = performance.now();
  longest = Math.max(longest, now - last);
  last = now;
  turns++;
  if (learning) setImmediate(probe);
};
t = performance.now();
delay.enable();
setImmediate(probe);
await index.settled();
learning = false;
delay.disable();
const background = performance.now() - t;
const keys = ['0', String(scale >> 1), String(scale - 1)];
const vectors = keys.map((k) => index.latentVectorOf(k)!);
console.log(`in the background: ${(background / 1000).toFixed(2)} s, ${turns} turns of the event loop meanwhile, the longest wait ${longest.toFixed(1)} ms (event loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms)`);

t = performance.now();
index.learnLatentSpace();
console.log(`in one piece: ${((performance.now() - t) / 1000).toFixed(2)} s`);
const same = keys.every((k, i) => index.latentVectorOf(k)!.every((x, j) => x === vectors[i][j]));
console.log(`the same space both ways: ${same}`);
console.log(`process RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
