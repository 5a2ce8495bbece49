import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import measured from './durations.json' with { type: 'json' };

/** Seconds each file took in a full run (refreshed by update-durations.ts). */
const durations: Record<string, number> = measured;

/**
 * A file not measured yet is placed as a typical one of its kind: a Chromium file costs about a
 * minute and a half, a service file a quarter of one.
 */
const guess = (file: string) => (file.endsWith('.e2e.test.ts') ? 90 : 15);

/**
 * Longest file first. CI runs on a fresh clone, where vitest has no timings of its own and starts
 * the largest files first: the crawls and the command-line test are short files of long tests, so
 * they started last and the run waited for them alone on one of the two workers. Taking the
 * longest first (the classic rule for a few machines) lets the many short files fill in at the end.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (f: TestSpecification) => {
      const file = path.relative(this.ctx.config.root, f.moduleId).split(path.sep).join('/');
      return durations[file] ?? guess(file);
    };
    return [...files].sort((a, b) => seconds(b) - seconds(a));
  }
}
