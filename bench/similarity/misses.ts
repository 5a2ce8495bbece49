/**
 * `npx tsx bench/similarity/misses.ts`: the cross-validation of the bench without the database, and
 * per missed pair of the held-out folds the query's title, the expected title, its rank and score
 * (and the hit that took its place). For reading what the finder misses, by class.
 */
import path from 'node:path';
import { crossValidate, hitsOf, loadGroups, loadRealProposals, labelledGroupsFile, optionGrid } from './quality.js';

const real = loadRealProposals();
const byNumber = new Map(real.map((p) => [p.number, p]));
const groups = loadGroups(process.env.SIMILARITY_GROUPS ? path.resolve(process.env.SIMILARITY_GROUPS) : labelledGroupsFile);
const t = Date.now();
const cv = crossValidate(real, groups);
console.log(`held-out recall@5 ${cv.heldOut.toFixed(3)} (${cv.queries} queries); defaults on all ${cv.defaults.toFixed(3)}; ${((Date.now() - t) / 1000).toFixed(1)} s`);
for (const f of cv.perFold) console.log(`  ${f.chosen}: train ${f.train.toFixed(3)} → test ${f.test.toFixed(3)} on ${f.queries}`);
if (process.env.MISSES !== '0') {
  // the misses under the options most folds chose
  const counts = new Map<string, number>();
  for (const f of cv.perFold) counts.set(f.chosen, (counts.get(f.chosen) ?? 0) + 1);
  const chosen = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const options = optionGrid().find((g) => g.name === chosen)!.options;
  const hits = hitsOf(real, options, 50);
  let missed = 0;
  for (const g of groups)
    for (const q of g) {
      const h = hits.get(q)!;
      for (const o of g) {
        if (o === q) continue;
        const rank = h.findIndex((x) => x.key === o);
        if (rank >= 0 && rank < 5) continue;
        if (g.length - 1 > 5 && rank >= 0 && rank < g.length - 1) continue;
        missed++;
        console.log(`\n${q} ${byNumber.get(q)!.title} [${byNumber.get(q)!.category}]\n  want ${o} ${byNumber.get(o)!.title} [${byNumber.get(o)!.category}] rank ${rank < 0 ? '>50' : rank + 1} ${rank >= 0 ? h[rank].score : ''}`);
        for (const x of h.slice(0, 3)) console.log(`    got ${x.key} ${x.score} ${byNumber.get(x.key)!.title}`);
      }
    }
  console.log(`\n${missed} missed pairs under ${chosen}`);
}
