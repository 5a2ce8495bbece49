/**
 * `V='{"phraseWeight":2}' npx tsx bench/similarity/variant.ts`: the bench's cross-validation (recall@5
 * held out, 5 folds by group) of the option grid with some options overridden, on the 74 labelled
 * groups and on the 18 development groups (or `SIMILARITY_GROUPS=<file>` alone). `PARTS=3` replaces
 * the grid's `parts 4` by 3. For judging a candidate rule the way the bench would, before it is
 * made a default: a change is kept only if the held-out figure rises.
 */
import path from 'node:path';
import type { IndexOptions } from '../../src/server/platform/text/similarity-index.js';
import { crossValidate, devGroupsFile, labelledGroupsFile, loadGroups, loadRealProposals, optionGrid } from './quality.js';

const real = loadRealProposals();
const overrides = JSON.parse(process.env.V ?? '{}') as Partial<IndexOptions>;
const parts = process.env.PARTS ? Number(process.env.PARTS) : null;
const grid = optionGrid().map((g) => ({ name: g.name, options: { ...g.options, ...overrides, ...(parts !== null && g.options.partsFrom > 0 ? { partsFrom: parts } : {}) } }));
const files = process.env.SIMILARITY_GROUPS ? { unseen: path.resolve(process.env.SIMILARITY_GROUPS) } : { '74 groups': labelledGroupsFile, '18 dev groups': devGroupsFile };
for (const [label, file] of Object.entries(files)) {
  const cv = crossValidate(real, loadGroups(file), 5, 5, 2019, grid);
  console.log(`${label}: held-out recall@5 ${cv.heldOut.toFixed(3)} (${cv.queries} queries)`);
  for (const f of cv.perFold) console.log(`  ${f.chosen}: train ${f.train.toFixed(3)} → test ${f.test.toFixed(3)} on ${f.queries}`);
}
