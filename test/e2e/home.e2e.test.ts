import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startE2E, type E2E } from './harness.js';

/** The page is no wider than the window: nothing to scroll sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const figure = async (page: Page, key: string) => Number((await page.getByTestId(`figure-${key}`).innerText()).trim());
/** `全部 3` → 3 for each option of the worklist's type filter. */
async function typeCounts(page: Page): Promise<Record<string, number>> {
  const labels = await page.getByTestId('worklist-types').locator('.ant-segmented-item-label').allTextContents();
  return Object.fromEntries(labels.map((l) => l.match(/^(.+?)\s*(\d+)$/)!).map((m) => [m[1], Number(m[2])]));
}

/**
 * 首页 by role in Chromium: a member on a phone (390×844) sees what needs them — a draft they just
 * wrote, a meeting to answer — and their year against the quotas, with no sideways scrolling; each
 * figure opens the list it counts. A unit and the proposal office at desktop size see their queues;
 * the figures open the lists, and the lists hold as many as the figures say.
 */
describe('home pages by role (Chromium)', () => {
  let e2e: E2E;
  const phone = { width: 390, height: 844 };
  const desktop = { width: 1440, height: 900 };

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  it('member-on-phone: what needs me now, my year, each figure opening its list', async () => {
    const member = await e2e.as('member', phone);
    // setup through the member's own session: a draft of their own
    await member.evaluate(async () => {
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      const body = { title: '关于增设社区儿童托育服务点的建议', background: '我区婴幼儿托育服务供给不足，双职工家庭接送困难。', analysis: '托育机构布局不均，社区嵌入式托育点少。', suggestions: '一是在新建小区配建托育点；二是支持社区利用闲置用房开办普惠托育。', category: '社会事业', authorType: 'individual' };
      const r = await fetch('/api/proposals', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(await r.text());
    });
    await member.goto(`${e2e.base}/`);
    await member.getByTestId('section-todo').waitFor();
    await member.getByTestId('section-year').waitFor();
    expect(await member.locator('h1').count()).toBe(1);
    expect(await fitsWidth(member)).toBe(true);
    await shot(member, 'home-member-phone');

    const drafts = await figure(member, 'proposalDrafts');
    expect(drafts).toBeGreaterThanOrEqual(1);
    const partValue = Number((await member.getByTestId('part-value-proposalDrafts-draft').innerText()).trim());
    await member.getByTestId('part-proposalDrafts-draft').click();
    await member.waitForURL(/\/proposals\/mine\?status=draft$/);
    const items = member.getByTestId('proposals-mine').locator('.ant-list-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(Math.min(partValue, 20));
    expect(await fitsWidth(member)).toBe(true);

    // the year against the quotas opens 我的履职
    await member.goBack();
    const quota = member.getByTestId('section-year').locator('a').first();
    await quota.click();
    await member.waitForURL(/\/performance\/me\?year=\d{4}$/);
    await member.locator('h1').first().waitFor();
  });

  it('unit-on-desktop: waiting and overdue items by type equal the worklist they open', async () => {
    const unit = await e2e.as('unit', desktop);
    await unit.goto(`${e2e.base}/`);
    await unit.getByTestId('section-handling').waitFor();
    const total = await figure(unit, 'worklist');
    const overdue = await figure(unit, 'worklistOverdue');
    await shot(unit, 'home-unit-desktop');
    await unit.getByTestId('figure-worklist').click();
    await unit.waitForURL(/\/handling$/);
    await unit.getByTestId('worklist-types').waitFor();
    // the counts by type come with the worklist, after the segmented control is drawn
    await expect.poll(async () => (await typeCounts(unit))['全部']).toBe(total);
    await unit.goBack();
    await unit.getByTestId('figure-worklistOverdue').click();
    await unit.waitForURL(/\/handling\?overdue=1$/);
    await unit.getByTestId('worklist-overdue-only').waitFor();
    expect(await unit.getByTestId('worklist-overdue-only').innerText()).toContain(`（${overdue} 件）`);
  });

  it('staff-on-desktop: the proposal office’s queues open the lists they count', async () => {
    const staff = await e2e.as('staff', desktop);
    await staff.goto(`${e2e.base}/`);
    await staff.getByTestId('section-queue').waitFor();
    const review = await figure(staff, 'proposalReview');
    await staff.getByTestId('figure-proposalReview').click();
    await staff.waitForURL(/\/proposals\/review\?tab=queue$/);
    if (review > 0) await expect.poll(() => staff.locator('.ant-pagination-total-text').first().innerText()).toBe(`共 ${review} 件`);
    await staff.goBack();
    const filed = await figure(staff, 'proposalFiled');
    await staff.getByTestId('figure-proposalFiled').click();
    await staff.waitForURL(/\/proposals\/all\?session=all&status=filed$/);
    if (filed > 0) await expect.poll(() => staff.locator('.ant-pagination-total-text').first().innerText()).toBe(`共 ${filed} 件`);
    else await staff.getByTestId('proposals-all').waitFor();
  });

  it('leader-on-desktop: the committee at a glance, each figure opening its list', async () => {
    const leader = await e2e.as('leader', desktop);
    await leader.goto(`${e2e.base}/`);
    await leader.getByTestId('section-overview').waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    const links = leader.getByTestId('section-overview').locator('a[data-testid^="figure-"]');
    expect(await links.count()).toBeGreaterThan(0);
    const href = await links.first().getAttribute('href');
    await links.first().click();
    await leader.waitForURL((url) => url.pathname === href!.split('?')[0]);
    await leader.locator('h1').first().waitFor();
  });
});
