import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench [-- <case> …]`: runs the benchmark cases, prints each result as a table and writes
 * it to bench/results/<case>.json. Figures are reported against a baseline measured in the same run.
 */
export interface BenchResult {
  name: string;
  /** what was measured, for the reader of the JSON */
  description: string;
  rows: Record<string, string | number>[];
  notes?: string[];
}

const cases: Record<string, () => Promise<BenchResult>> = {
  similarity: async () => (await import('./similarity/run.js')).run(),
  load: async () => (await import('./load/run.js')).run(),
  submissions: async () => (await import('./load/submissions.js')).run(),
  performance: async () => (await import('./performance-recompute.js')).run(),
  delivery: async () => (await import('./delivery.js')).run(),
  lighthouse: async () => (await import('./lighthouse.js')).run(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = wanted.length ? wanted : Object.keys(cases);
mkdirSync(path.resolve('bench/results'), { recursive: true });
let failed = 0;
for (const name of selected) {
  const run = cases[name];
  if (!run) {
    console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  try {
    const result = await run();
    console.table(result.rows);
    for (const n of result.notes ?? []) console.log(`  · ${n}`);
    writeFileSync(path.resolve(`bench/results/${name}.json`), JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2));
  } catch (err) {
    failed++;
    console.error(`case ${name} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
