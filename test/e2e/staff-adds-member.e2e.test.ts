import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkOption, rendersChinese, shot, SCREENSHOTS, startE2E, type E2E } from './harness.js';

describe('staff-adds-member (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.close());

  it('logs in as 委员科 staff, adds a member and finds them in the list', async () => {
    const page = await e2e.as('roster');
    await page.getByText('龙岗区委员会').first().waitFor();
    await page.goto(`${e2e.base}/members`);
    await page.getByTestId('member-add').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('委员编号').fill('E2E001');
    await drawer.getByLabel('姓名', { exact: true }).fill('测试委员甲');
    await checkOption(drawer.getByLabel('女', { exact: true }));
    await drawer.getByLabel('民族', { exact: true }).fill('回族');
    await page.getByTestId('member-save').click();
    await page.getByText('已保存').first().waitFor();
    await drawer.waitFor({ state: 'hidden' });
    const table = page.getByTestId('members-table');
    const search = page.getByRole('searchbox', { name: '搜索委员' }).or(page.getByLabel('搜索委员')).first();
    await search.fill('测试委员甲');
    await search.press('Enter');
    await table.getByText('测试委员甲').waitFor();
    const row = table.locator('tr', { hasText: '测试委员甲' });
    expect(await row.textContent()).toContain('E2E001');
    // the roster shows the ethnicity entered in the drawer
    expect(await row.textContent()).toContain('回族');
    // 编辑 is a LinkButton (src/web/app/ui/LinkButton.tsx): a focusable button named 编辑 that Enter and Space both activate
    const edit = row.getByRole('button', { name: '编辑', exact: true });
    for (const key of ['Enter', 'Space']) {
      await edit.focus();
      expect(await edit.evaluate((el) => el === document.activeElement && el.tabIndex >= 0)).toBe(true);
      await page.keyboard.press(key);
      await expect.poll(() => drawer.getByLabel('姓名', { exact: true }).inputValue()).toBe('测试委员甲');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }
    expect(await rendersChinese(page)).toBe(true);
    await shot(page, 'staff-adds-member');
    expect(readFileSync(path.join(SCREENSHOTS, 'staff-adds-member.png')).subarray(1, 4).toString()).toBe('PNG');
  }, 120_000);

  it('shows a member a menu without the organisation pages', async () => {
    const page = await e2e.as('member');
    await page.getByRole('menuitem', { name: /首页/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /委员管理/ }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: /组织机构/ }).count()).toBe(0);
  }, 60_000);
});
