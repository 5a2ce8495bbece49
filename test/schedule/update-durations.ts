import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes durations.json from a full run's JSON report, for the sequencer:
 *   npx vitest run --reporter=default --reporter=json --outputFile=/tmp/vitest.json
 *   npx tsx test/schedule/update-durations.ts /tmp/vitest.json
 * Measure on an idle machine: only the order of the figures matters, not their size.
 */
const report = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { testResults: { name: string; startTime: number; endTime: number }[] };
const root = path.resolve(import.meta.dirname, '../..');
const seconds = Object.fromEntries(
  report.testResults
    .map((r) => [path.relative(root, r.name).split(path.sep).join('/'), Math.max(1, Math.round((r.endTime - r.startTime) / 1000))] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
);
writeFileSync(path.join(import.meta.dirname, 'durations.json'), `${JSON.stringify(seconds, null, 1)}\n`);
console.log(`${Object.keys(seconds).length} files`);
