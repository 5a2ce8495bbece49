import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendersChinese, shot, startE2E, type E2E } from './harness.js';

describe('三员: the admin changes a rule, the auditor reads and verifies the trail (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.close());

  it('the admin lengthens the objection window; staff then read the new rule; a bad row is refused by name', async () => {
    const page = await e2e.as('admin');
    await page.goto(`${e2e.base}/settings`);
    await page.getByRole('tab', { name: '提案工作' }).click();
    const field = page.getByLabel('承办单位提出异议期限');
    await expect.poll(() => field.inputValue()).toBe('5');
    await field.fill('7');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();

    const staff = await e2e.as('staff');
    const rules = await staff.evaluate(async () => (await fetch('/api/settings/proposals')).json());
    expect(rules.values.objectionPeriod).toEqual({ workdays: 7 });
    expect(rules.actions).not.toContain('update');

    // an empty not-filed reason: the server names the rule and the column, nothing is stored
    await page.getByRole('button', { name: /添\s*加/ }).first().click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText(/不予立案理由.*代码|代码/).first().waitFor();
    const after = await staff.evaluate(async () => (await fetch('/api/settings/proposals')).json());
    expect(after.values.rejectReasons).toHaveLength(10);
    expect(after.version).toBe(rules.version);

    expect(await rendersChinese(page)).toBe(true);
    await shot(page, 'admin-settings');
  }, 120_000);

  it('the auditor sees the rule change in the audit trail and verifies the hash chain', async () => {
    const page = await e2e.as('auditor');
    await page.goto(`${e2e.base}/audit`);
    // the auditor filters by the action as people say it
    await page.getByRole('combobox', { name: '按操作筛选' }).fill('修改规则设置');
    await page.keyboard.press('Enter');
    await page.getByRole('row').filter({ hasText: '修改规则设置' }).filter({ hasText: '规则设置' }).first().waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByText('哈希链完整').waitFor();
    await shot(page, 'auditor-verifies');
    // the system administrator has no audit page (三员分立)
    const admin = await e2e.as('admin');
    await admin.getByRole('menuitem', { name: /首页/ }).waitFor();
    expect(await admin.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(0);
  }, 120_000);

  it('the auditor sets how long the trail is kept; the admin reads it and may not change it (三员分立)', async () => {
    const page = await e2e.as('auditor');
    await page.goto(`${e2e.base}/audit`);
    const days = page.getByLabel('审计日志保留天数');
    await expect.poll(() => days.inputValue()).toBe('365');
    await days.fill('730');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();

    const admin = await e2e.as('admin');
    await admin.goto(`${e2e.base}/settings`);
    await admin.getByRole('tab', { name: '安全设置' }).click();
    await admin.getByText('由安全审计员在「审计日志」中设置').waitFor();
    await expect.poll(() => admin.getByLabel('审计日志保留天数').inputValue()).toBe('730');
    expect(await admin.getByLabel('审计日志保留天数').isDisabled()).toBe(true);
    const refused = await admin.evaluate(async () => {
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      return (await fetch('/api/settings/security', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ version: 1, values: { auditRetentionDays: 180 } }) })).status;
    });
    expect(refused).toBe(403);
  }, 120_000);

  it('the platform’s admin pastes next year’s holiday notice; a district’s admin reads who keeps the calendar', async () => {
    const year = new Date().getFullYear() + 1;
    const page = await e2e.as('gd_admin');
    await page.goto(`${e2e.base}/calendar`);
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.getByTitle(`${year}年`).click();
    // a notice in the published form (its dates made up for the test: the real one is pasted in production)
    await page.getByLabel('通知原文').fill(`一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：2月6日（农历除夕、周六）至12日（周五）放假调休，共7天。2月20日（周六）上班。`);
    await page.getByRole('button', { name: '识别通知原文' }).click();
    await expect.poll(() => page.getByTestId('notice-reading').textContent()).toContain('识别出 11 天（放假 10 天、调休上班 1 天）');
    await page.getByRole('button', { name: `保存${year}年放假安排` }).click();
    await page.getByText(`已保存${year}年放假安排`).first().waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(11);
    await shot(page, 'platform-admin-pastes-notice');

    const district = await e2e.as('admin');
    await district.goto(`${e2e.base}/calendar`);
    await district.getByText('放假安排全国统一，由中国人民政治协商会议广东省委员会系统管理员').waitFor();
    expect(await district.getByLabel('通知原文').count()).toBe(0);
  }, 120_000);

  it('the admin records an account’s phone and finds it in the list of users', async () => {
    const page = await e2e.as('admin');
    await page.goto(`${e2e.base}/users`);
    const row = page.locator('tr', { has: page.getByRole('cell', { name: 'member3', exact: true }) });
    await row.getByText('编辑').click();
    const form = page.locator('.ant-modal-wrap:visible .ant-modal');
    await form.getByLabel('手机号', { exact: true }).fill('13800138003');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => row.textContent()).toContain('13800138003');
    await shot(page, 'admin-sees-user-phone');
  }, 60_000);

  it('a member has no settings page in the menu', async () => {
    const page = await e2e.as('member');
    await page.getByRole('menuitem', { name: /首页/ }).waitFor();
    expect(await page.getByRole('menuitem', { name: /规则设置/ }).count()).toBe(0);
  }, 60_000);
});
