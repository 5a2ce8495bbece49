import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { startE2E, type E2E } from './harness.js';

type Found = { id: string; name: string; code: string };

/** Two members of the roster whose names do not find each other, so each search has its own answer. */
async function twoMembers(page: Page): Promise<[Found, Found]> {
  const { items } = (await page.evaluate(async () => (await fetch('/api/members?pageSize=60')).json())) as { items: Found[] };
  for (const a of items) for (const b of items) if (a !== b && a.name.length >= 2 && b.name.length >= 2 && !a.name.includes(b.name) && !b.name.includes(a.name) && !a.code.includes(b.name) && !b.code.includes(a.name)) return [a, b];
  throw new Error('the demo roster has no two members with distinct names');
}
/** Waits until the page has had two frames to act on what arrived (a late answer would show by then). */
const twoFrames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const searchFor = (name: string) => (r: Request) => r.url().includes('/api/members?') && new URL(r.url()).searchParams.get('q') === name;

/**
 * The member picker shows the answer to the words in its box: when the answer to an earlier search
 * arrives after the answer to the later one, the options stay the later answer. (With the pickers'
 * old hand-written fetching, the late answer replaced the options.)
 */
describe('member picker (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 240_000);
  afterAll(() => e2e?.close());

  it('a slow answer to an earlier search never replaces the answer to the later one', async () => {
    const member = await e2e.as('member');
    const [first, second] = await twoMembers(member);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await member.route('**/api/members?*', async (route) => {
      if (searchFor(first.name)(route.request())) await held;
      await route.continue().catch(() => undefined); // the page may have given up on the earlier search
    });

    await member.goto(`${e2e.base}/proposals/new`);
    await member.getByLabel('联名提案').check();
    const box = member.getByLabel('邀请联名委员', { exact: true });
    await box.click();
    // the earlier search ends one way or the other: answered late, or given up by the page
    const slowDone = new Promise<void>((resolve) => {
      const done = (r: Request) => searchFor(first.name)(r) && resolve();
      member.on('requestfinished', done);
      member.on('requestfailed', done);
    });
    const earlier = member.waitForRequest(searchFor(first.name));
    await box.fill(first.name);
    await earlier;
    const later = member.waitForResponse((res) => searchFor(second.name)(res.request()));
    await box.fill(second.name);
    await later;
    await twoFrames(member);
    const options = member.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: second.name }).first().waitFor();

    release();
    await slowDone;
    await twoFrames(member);
    const shown = await options.allTextContents();
    // only the later search's answer: every option is a match for its words, none for the earlier ones
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((t) => t.includes(second.name))).toBe(true);
    expect(shown.some((t) => t.includes(first.name))).toBe(false);
  }, 120_000);
});
