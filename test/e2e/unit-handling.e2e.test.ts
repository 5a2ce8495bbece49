import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { save, dialog, button, checkOption, choose, rendersChinese, shot, startE2E, type E2E } from './harness.js';

const confirmPop = (page: Page) => button(page.locator('.ant-popconfirm:visible'), '确定').click();
/** Chooses an option of the antd select labelled `label` (the dropdown renders outside the dialog). */
/** The page is no wider than the window: nothing to scroll sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/** `提案 3` → 3, for each option of the worklist's type filter. */
async function typeCounts(page: Page): Promise<Record<string, number>> {
  const labels = await page.getByTestId('worklist-types').locator('.ant-segmented-item-label').allTextContents();
  return Object.fromEntries(labels.map((l) => l.match(/^(.+?)\s*(\d+)$/)!).map((m) => [m[1], Number(m[2])]));
}

const TITLE = '关于规范中小学校服采购和质量监管的建议';
const BODY =
  '近期有家长反映，我区部分中小学校服由学校指定供应商，价格偏高、款式单一，个别批次面料检测不合格，家长缺少参与渠道。' +
  '建议：一是教育部门出台校服采购管理办法，由家长委员会参与选购；二是市场监管部门加强校服质量抽检并公开结果；三是价格和供应商信息向家长公示。';
const REPLY = '我局已会同市场监管部门制定《中小学校服采购管理办法》，明确家长委员会全程参与选购，校服价格和检测报告在学校公示，本学期起对校服开展质量抽检。';

/**
 * unit-handles-report, role by role in Chromium at 1440×900: a member's 社情民意 report is passed by
 * the information office to 区教育局; the unit finds it on its worklist (待办事项, every handled
 * type, deadlines in working days), opens it, signs, asks to extend (延期) — the office approves —
 * drafts, signs off and sends its reply; the member sees the reply on the report. The unit's pages
 * also work at 390×844 without sideways scrolling.
 */
describe('a unit handles a 社情民意 report (Chromium)', () => {
  let e2e: E2E;
  let member: Page;
  let info: Page;
  let unit: Page;
  let reportUrl = '';
  const wide = { width: 1440, height: 900 };

  beforeAll(async () => {
    e2e = await startE2E();
    [member, info, unit] = await Promise.all(['member', 'info', 'unit'].map((who) => e2e.as(who, wide)));
    // setup: the member's report, submitted through the API in the member's own session
    const id = await member.evaluate(
      async ({ title, body }) => {
        const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
        const d = await (await fetch('/api/opinions', { method: 'POST', headers, body: JSON.stringify({ title, body, category: '教育文体' }) })).json();
        const s = await fetch(`/api/opinions/${d.id}/actions/submit`, { method: 'POST', headers, body: JSON.stringify({ version: d.version }) });
        if (!s.ok) throw new Error(await s.text());
        return d.id as string;
      },
      { title: TITLE, body: BODY },
    );
    reportUrl = `${e2e.base}/opinions/${id}`;
  }, 180_000);
  afterAll(() => e2e?.close());

  it('info-passes-report: the office passes the report to 区教育局 from the handling panel', async () => {
    await info.goto(reportUrl);
    const panel = info.getByTestId('handling-panel');
    await panel.getByTestId('assign-open').click();
    await checkOption(dialog(info).getByLabel('单办'));
    await choose(info, '承办单位', '区教育局');
    await save(info);
    await info.getByTestId('assignments').getByRole('row').filter({ hasText: '区教育局' }).getByText('待签收').waitFor();
  }, 120_000);

  it('unit-worklist: the menu’s 待办事项 lists the report by type with its deadline in working days; figures add up; another unit does not see it', async () => {
    await unit.goto(e2e.base);
    await unit.getByRole('menuitem', { name: /待办事项/ }).click();
    await unit.waitForURL(`${e2e.base}/handling`);
    expect(await unit.getByRole('menuitem', { name: /待办提案/ }).count()).toBe(0);
    const row = unit.getByTestId('worklist').getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('社情民意信息');
    expect(text).toContain('待签收');
    expect(text).toContain('签收（或提出异议）');
    // a fresh assignment has its whole period left, counted in working days
    const [, period] = text.match(/（(\d+) 个工作日）/)!;
    expect(text).toContain(`剩余 ${period} 个工作日`);
    expect(await unit.title()).toContain('待办事项');

    const counts = await typeCounts(unit);
    // every handled type has its tab, even with nothing waiting, and the parts add up to 全部
    const [all, ...types] = Object.keys(counts);
    expect([all, ...[...types].sort()]).toEqual(['全部', ...['提案', '社情民意信息', '监督建议', '协商建议', '民主评议整改事项', '调研建议'].sort()]);
    expect(counts['全部']).toBe(types.reduce((sum, t) => sum + counts[t], 0));
    expect(counts['社情民意信息']).toBeGreaterThanOrEqual(1);
    expect(await unit.getByTestId('worklist').locator('tbody tr.ant-table-row').count()).toBe(counts['全部']);
    await unit.getByTestId('worklist-types').getByText(/^社情民意信息/).click();
    await expect.poll(() => unit.getByTestId('worklist').locator('tbody tr.ant-table-row').count()).toBe(counts['社情民意信息']);
    expect(await unit.getByTestId('worklist').locator('tbody tr.ant-table-row').filter({ hasNotText: '社情民意信息' }).count()).toBe(0);
    expect(await rendersChinese(unit)).toBe(true);
    await shot(unit, 'unit-worklist');

    const other = await e2e.as('unit2', wide);
    await other.goto(`${e2e.base}/handling`);
    await other.getByTestId('worklist-types').waitFor();
    await other.getByTestId('worklist').locator('.ant-table-tbody').waitFor();
    expect(await other.getByText(TITLE).count()).toBe(0);
    await other.context().close();
  }, 120_000);

  it('unit-signs-and-extends: opens the report from the worklist, signs, asks for 5 more working days; the office approves', async () => {
    await unit.getByTestId('worklist').getByRole('link', { name: TITLE }).click();
    await unit.waitForURL(reportUrl);
    const assignments = unit.getByTestId('assignments');
    await button(assignments, '签收').click();
    const mine = assignments.getByRole('row').filter({ hasText: '区教育局' });
    await mine.getByText('办理中').waitFor();
    const deadlineOf = async () => (await mine.locator('td').nth(5).textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
    const deadline = await deadlineOf();

    await unit.getByRole('button', { name: '申请延期' }).click();
    await dialog(unit).getByLabel('延期（工作日）').fill('5');
    await dialog(unit).getByLabel('延期理由').fill('需会同市场监管部门对全区校服抽检后答复');
    await save(unit);
    await mine.getByText('延期待批').waitFor();
    await unit.getByTestId('objections-extensions').getByText(/申请延期 5 个工作日/).waitFor();

    await info.goto(reportUrl);
    await info.getByRole('button', { name: '审批延期' }).click();
    await checkOption(dialog(info).getByLabel('批准', { exact: true }));
    await save(info);
    await info.getByTestId('objections-extensions').getByText('已批准').waitFor();

    await unit.reload();
    await mine.getByText('已延期 5 个工作日').waitFor();
    // the report's timeline names the shared handling steps in Chinese
    await unit.getByText(/申请延期：需会同市场监管部门/).waitFor();
    expect(await unit.getByText(/assignment\./).count()).toBe(0);
    expect(await deadlineOf()).not.toBe(deadline);
    expect((await deadlineOf()) > deadline).toBe(true);
    await shot(unit, 'unit-signs-and-extends');
  }, 120_000);

  it('unit-replies: drafts, signs off and sends the reply; the report leaves the worklist; the member sees the reply', async () => {
    await unit.getByTestId('reply-open').click();
    await checkOption(dialog(unit).getByLabel(/^A类/));
    await dialog(unit).getByLabel('答复正文').fill(REPLY);
    await dialog(unit).getByLabel('联系人').fill('王老师');
    await dialog(unit).getByLabel('联系电话').fill('0755-28900000');
    await save(unit);
    const replies = unit.getByTestId('replies');
    await replies.getByText('草稿').waitFor();
    await unit.getByLabel('签发人').fill('李局长');
    await button(replies, '签发').click();
    await replies.getByText('签发人：李局长').waitFor();
    await unit.getByRole('button', { name: '发送答复' }).click();
    await confirmPop(unit);
    await replies.getByText('已发送').waitFor();
    await shot(unit, 'unit-replies-to-report');

    await unit.goto(`${e2e.base}/handling`);
    await unit.getByTestId('worklist-types').waitFor();
    await unit.getByTestId('worklist').locator('.ant-table-tbody').waitFor();
    expect(await unit.getByTestId('worklist').getByText(TITLE).count()).toBe(0);

    await member.goto(reportUrl);
    const seen = member.getByTestId('replies');
    await seen.getByText(/中小学校服采购管理办法/).waitFor();
    const text = (await seen.textContent()) ?? '';
    expect(text).toContain('区教育局');
    expect(text).toContain('签发人：李局长');
    expect(text).toContain('已发送');
    await shot(member, 'member-sees-report-reply');
  }, 120_000);

  it('unit-on-a-phone: the worklist (cards), the proposals it handled and a report page fit 390×844 without sideways scrolling', async () => {
    const phone = await e2e.as('unit', { width: 390, height: 844 });
    await phone.goto(`${e2e.base}/handling`);
    const list = phone.getByTestId('worklist');
    await phone.getByTestId('worklist-types').waitFor();
    await list.locator('.ant-list-item').first().waitFor();
    expect(await list.locator('table').count()).toBe(0);
    expect(await list.locator('.ant-list-item').count()).toBe((await typeCounts(phone))['全部']);
    expect(await fitsWidth(phone)).toBe(true);
    await shot(phone, 'unit-worklist-phone');

    await phone.goto(`${e2e.base}/handling/proposals`);
    await phone.getByTestId('unit-table').locator('.ant-list-item').first().waitFor();
    expect(await fitsWidth(phone)).toBe(true);

    await phone.goto(reportUrl);
    await phone.getByTestId('replies').getByText(/中小学校服采购管理办法/).waitFor();
    await phone.getByTestId('assignments').getByText('区教育局').waitFor();
    expect(await fitsWidth(phone)).toBe(true);
    await shot(phone, 'unit-report-phone');
    await phone.context().close();
  }, 120_000);
});
