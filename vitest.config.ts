import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import LongestFirst from './test/schedule/sequencer.js';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a page or a server does next; its default (1 s) is shorter than a
    // save takes on a loaded two-core machine, and it costs nothing when the answer is already there
    expect: { poll: { timeout: 20_000, interval: 100 } },
    sequence: { sequencer: LongestFirst },
    pool: 'forks',
    // a worker keeps the modules it loaded for its next file: every service file imports the whole
    // server (jieba, fonts, every module), which cost a quarter of the run's processor time; each
    // file still builds its own app on its own database copy, and no module keeps per-database state
    isolate: false,
    maxWorkers: 2,
    // on CI's loaded two-core machine a browser step can miss its moment (a click during an
    // animation, a pick before the options arrive): a test that fails is run once more there, and
    // the report marks it (retry x1); it still fails if it fails twice. Locally a failure is final.
    retry: process.env.CI ? 1 : 0,
  },
});
