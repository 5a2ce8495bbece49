import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { shot, startE2E, type E2E } from './harness.js';
import { assignments } from '../../src/server/platform/handling/schema.js';
import { units } from '../../src/server/modules/org/schema.js';
import type { Cockpit } from '../../src/shared/cockpit/cockpit.js';

const phone = { width: 390, height: 844 };
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const get = <T>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as T, url);

/**
 * 驾驶舱 in Chromium. The demo's units are all within their deadlines, so before the server starts
 * two units' open proposal assignments are given a reply deadline a month past (what a late unit
 * looks like); the leader opens the cockpit from the menu, clicks 区水务局's overdue bar and lands on
 * exactly the proposals the API lists for that unit and overdue — the same ids the assignments say;
 * the full-screen mode toggles; on a phone the charts stack without a horizontal scroll.
 */
describe('the leaders’ cockpit (Chromium)', () => {
  let e2e: E2E;
  let late: string[] = [];
  beforeAll(async () => {
    e2e = await startE2E(async (db) => {
      const lateUnits = db.select({ id: units.id }).from(units).where(inArray(units.name, ['区水务局', '区教育局']));
      const rows = await db
        .update(assignments)
        .set({ replyDeadline: sql`current_date - 30` })
        .where(and(eq(assignments.subjectType, 'proposal'), inArray(assignments.unitId, lateUnits), notInArray(assignments.status, ['done', 'withdrawn'])))
        .returning({ subjectId: assignments.subjectId, unitId: assignments.unitId });
      late = rows.map((r) => `${r.unitId}|${r.subjectId}`);
    });
  }, 120_000);
  afterAll(() => e2e?.close());

  it('leader-opens-cockpit: one unit’s overdue bar opens exactly its overdue proposals; full screen toggles', async () => {
    expect(late.length).toBeGreaterThan(0);
    const leader = await e2e.as('leader');
    await leader.goto(`${e2e.base}/`);
    await leader.getByRole('menuitem', { name: '驾驶舱' }).click();
    await leader.waitForURL(/\/cockpit$/);
    await leader.getByTestId('cockpit-chart-proposalsByState').waitFor();
    expect(await leader.locator('h1').count()).toBe(1);

    // the year of the late proposals (the session's year), opened by its address
    const years = (await get<Cockpit>(leader, '/api/cockpit')).years;
    let year = 0;
    let c: Cockpit | undefined;
    for (const y of years) {
      const x = await get<Cockpit>(leader, `/api/cockpit?year=${y}`);
      if (x.charts.find((ch) => ch.key === 'proposalsOverdueByUnit')!.parts.length > 0) [year, c] = [y, x];
    }
    if (!c) throw new Error(`no year with an overdue unit among ${years.join(',')}`);
    await leader.goto(`${e2e.base}/cockpit?year=${year}`);
    const overdue = c.charts.find((ch) => ch.key === 'proposalsOverdueByUnit')!;
    const bar = overdue.parts.find((p) => p.label === '区水务局')!;
    expect(bar, JSON.stringify(overdue.parts)).toBeDefined();
    expect(overdue.total).toBe(overdue.parts.reduce((s, p) => s + p.value, 0));
    const chart = leader.getByTestId('cockpit-chart-proposalsOverdueByUnit');
    // the chart names its figures for screen readers
    expect(await chart.getByRole('img').getAttribute('aria-label')).toContain(`区水务局${bar.value}件次`);
    await shot(leader, 'cockpit-leader');

    await chart.getByTestId(`cockpit-part-proposalsOverdueByUnit-${bar.key}`).click();
    await leader.waitForURL(/\/proposals\/all\?/);
    const listed = await get<{ items: { id: string }[]; total: number }>(leader, `/api/proposals?scope=all&year=${year}&historical=0&unitId=${bar.key}&overdue=1&pageSize=200`);
    expect(listed.total).toBe(bar.value);
    await leader.getByTestId('proposal-linked-filters').getByText('该单位超期未答复').waitFor();
    await expect.poll(() => leader.locator('.ant-pagination-total-text').first().innerText()).toBe(`共 ${bar.value} 件`);
    const shown = await leader.getByTestId('proposals-all').locator('tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    expect(new Set(shown)).toEqual(new Set(listed.items.map((i) => i.id)));
    // and they are exactly the proposals whose assignment to this unit was made late (of the chosen year)
    for (const id of shown) expect(late).toContain(`${bar.key}|${id}`);
    await shot(leader, 'cockpit-overdue-list');

    await leader.goBack();
    await leader.getByTestId('cockpit-chart-proposalsByState').waitFor();
    await leader.getByTestId('cockpit-fullscreen').click();
    await expect.poll(() => leader.getByTestId('cockpit').getAttribute('data-fullscreen')).toBe('1');
    await leader.getByRole('button', { name: '退出全屏' }).waitFor();
    await shot(leader, 'cockpit-fullscreen');
    await leader.getByTestId('cockpit-fullscreen').click();
    await expect.poll(() => leader.getByTestId('cockpit').getAttribute('data-fullscreen')).toBe('0');
    await leader.getByRole('button', { name: '全屏展示' }).waitFor();
  }, 180_000);

  it('leader-opens-supervision: a 监督建议 state bar opens the suggestions list filtered to exactly what it counts', async () => {
    const leader = await e2e.as('leader');
    const c = await get<Cockpit>(leader, `/api/cockpit?year=${new Date().getFullYear()}`);
    const chart = c.charts.find((ch) => ch.key === 'supervisionByState')!;
    const part = chart.parts.find((p) => p.key === 'handling') ?? chart.parts[0];
    expect(part.value).toBeGreaterThan(0);
    expect(c.charts.find((ch) => ch.key === 'evaluationRectification')).toBeDefined();
    await leader.goto(`${e2e.base}/cockpit?year=${c.year}`);
    await leader.getByTestId(`cockpit-part-supervisionByState-${part.key}`).click();
    await leader.waitForURL(/\/supervision\/suggestions\?/);
    await leader.getByTestId('suggestion-filters').getByText(`共 ${part.value} 件`).waitFor();
    await expect.poll(() => leader.getByTestId('suggestion-card').count()).toBe(part.value);
    await shot(leader, 'cockpit-supervision-list');
  }, 120_000);

  it('leader-on-phone: the charts stack, nothing scrolls sideways; a member has no cockpit in the menu and is refused', async () => {
    const leader = await e2e.as('leader', phone);
    await leader.goto(`${e2e.base}/cockpit`);
    await leader.getByTestId('cockpit-chart-proposalsByState').waitFor();
    await leader.getByTestId('cockpit-chart-meetingsHeld').waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    const [a, b] = await Promise.all(['proposalsByState', 'proposalsByCategory'].map((k) => leader.getByTestId(`cockpit-chart-${k}`).boundingBox()));
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await shot(leader, 'cockpit-leader-phone');

    const member = await e2e.as('member');
    await member.goto(`${e2e.base}/`);
    await member.getByRole('menu').first().waitFor();
    expect(await member.getByRole('menuitem', { name: '驾驶舱' }).count()).toBe(0);
    expect(await member.evaluate(async () => (await fetch('/api/cockpit')).status)).toBe(403);
  }, 120_000);
});
