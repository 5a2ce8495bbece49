import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { dialog, opened, rendersChinese, save, shot, startE2E, type E2E } from './harness.js';
/** Opens a table row onto its details (备注, 议事情况…) and returns them. */
async function details(row: Locator) {
  await row.locator('.ant-table-row-expand-icon').click();
  const shown = row.locator('xpath=following-sibling::tr[1]').getByTestId('outreach-details');
  await shown.waitFor();
  return shown;
}
/** "结对联系界别群众：2 / 3" on 我的履职 → 2 */
async function have(page: Page, label: string): Promise<number> {
  const text = await page.getByTestId('performance-quotas').getByText(new RegExp(`^${label}：`)).textContent();
  return Number(/：(\d+) \//.exec(text ?? '')?.[1] ?? NaN);
}

/**
 * 联系群众 end to end: member-logs-contact-and-deed (a face-to-face meeting with a paired contact
 * in the 民情日记, a deed recorded and closed) → member-sees-quota-progress on 我的履职.
 */
describe('contact with the public (Chromium)', () => {
  let e2e: E2E;
  let member: Page;
  const before = { contact: 0, deed: 0 };
  const raised = '反映小区门口公交站台没有遮雨棚，老人雨天候车困难';
  const deed = '协调加装公交站台遮雨棚';

  beforeAll(async () => {
    e2e = await startE2E();
    member = await e2e.as('member');
  }, 180_000);
  afterAll(() => e2e?.close());

  it('member-logs-contact-and-deed: meets a paired contact face to face, records a deed and closes it', async () => {
    await member.goto(`${e2e.base}/performance/me`);
    await member.getByTestId('performance-quotas').waitFor();
    before.contact = await have(member, '结对联系界别群众');
    before.deed = await have(member, '为群众办实事');
    expect(before.contact).toBeGreaterThanOrEqual(0);

    await member.getByRole('menuitem', { name: '联系群众' }).click();
    await member.waitForURL(/\/outreach/);
    await member.getByTestId('outreach-quotas').waitFor();
    await expect.poll(() => member.getByTestId('outreach-quota-contact').textContent()).toContain(`${before.contact} /`);

    // 民情日记: 当面 (the default) with one of the member's paired contacts
    await member.getByTestId('outreach-new-contacts').click();
    const form = dialog(member);
    await opened(form);
    await member.getByLabel('结对联系对象（本次见到的）', { exact: true }).click();
    const option = member.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    // "name（sector）": the diary shows each person met with their sector
    const partner = (await option.textContent()) ?? '';
    expect(partner).toMatch(/^.+（.+）$/);
    await option.click();
    await form.getByTestId('contact-raised').fill(raised);
    await save(member);
    const row = member.getByTestId('outreach-table-contacts').locator('tr', { hasText: raised });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${partner}·结对`);
    await expect.poll(() => member.getByTestId('outreach-quota-contact').textContent()).toContain(`${before.contact + 1} /`);
    await shot(member, 'member-logs-contact');

    // 办实事: counts only once closed
    await member.getByRole('tab', { name: '办实事' }).click();
    await member.getByTestId('outreach-new-deeds').click();
    const d = dialog(member);
    await d.getByTestId('deed-title').fill(deed);
    await d.getByTestId('deed-problem').fill('站台无遮雨设施，雨天老人和学生淋雨候车');
    await d.getByTestId('deed-action').fill('联系区交通运输局和公交公司现场查看，列入站台改造计划');
    await d.getByTestId('deed-beneficiaries').fill('周边小区居民约500户');
    await save(member);
    const deedRow = member.getByTestId('outreach-table-deeds').locator('tr', { hasText: deed });
    await deedRow.getByText('进行中').waitFor();
    await expect.poll(() => member.getByTestId('outreach-quota-deed').textContent()).toContain(`${before.deed} /`);
    await deedRow.getByTestId('deed-complete').click();
    await dialog(member).getByTestId('deed-result').fill('遮雨棚已安装完成');
    await save(member);
    await deedRow.getByText('已办结').waitFor();
    // the row opens onto the problem, the measures and the result
    const deedDetails = await details(deedRow);
    for (const text of ['群众困难或问题', '站台无遮雨设施，雨天老人和学生淋雨候车', '办理措施', '列入站台改造计划', '办理结果', '遮雨棚已安装完成']) await deedDetails.getByText(text).waitFor();
    await expect.poll(() => member.getByTestId('outreach-quota-deed').textContent()).toContain(`${before.deed + 1} /`);
    expect(await rendersChinese(member)).toBe(true);
    await shot(member, 'member-closes-deed');
  });

  it('member-sees-quota-progress: 我的履职 counts the contact and the deed, each traced to its record', async () => {
    await member.getByRole('menuitem', { name: '我的履职' }).click();
    await member.waitForURL(/\/performance\/me/);
    await member.getByTestId('performance-quotas').waitFor();
    await expect.poll(() => have(member, '结对联系界别群众')).toBe(before.contact + 1);
    expect(await have(member, '为群众办实事')).toBe(before.deed + 1);
    await member.getByText(deed).first().waitFor();
    await shot(member, 'member-sees-quota-progress');
  });

  it('member-keeps-partner-and-service-notes: a paired contact’s and a public-service activity’s notes open under their rows', async () => {
    await member.goto(`${e2e.base}/outreach?tab=partners`);
    await member.getByTestId('outreach-new-partners').click();
    const p = dialog(member);
    await p.getByTestId('partner-name').fill('周建华');
    await p.getByTestId('partner-sector').fill('个体工商户');
    await p.getByLabel('备注', { exact: true }).fill('每月第一周上门走访');
    await save(member);
    const partnerRow = member.getByTestId('outreach-table-partners').locator('tr', { hasText: '周建华' });
    await partnerRow.waitFor();
    await (await details(partnerRow)).getByText('每月第一周上门走访').waitFor();

    await member.getByRole('tab', { name: '公益活动' }).click();
    await member.getByTestId('outreach-new-services').click();
    const s = dialog(member);
    await s.getByTestId('service-title').fill('社区义诊');
    await s.getByLabel('时长（小时）', { exact: true }).fill('3');
    await s.getByLabel('备注', { exact: true }).fill('为60位老人测量血压');
    await save(member);
    const serviceRow = member.getByTestId('outreach-table-services').locator('tr', { hasText: '社区义诊' });
    await serviceRow.waitFor();
    const serviceDetails = await details(serviceRow);
    await serviceDetails.getByText('备注').waitFor();
    await serviceDetails.getByText('为60位老人测量血压').waitFor();
    await shot(member, 'member-sees-service-note');
  });

  it('staff-records-council: the office sees every member’s outreach and records a livelihood council the member then finds', async () => {
    const office = await e2e.as('office');
    const name = await member.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user.displayName as string);
    await office.goto(`${e2e.base}/outreach/all`);
    await office.getByTestId('outreach-summary').locator('tbody tr').first().waitFor();
    // filter by the member: the overview narrows to them, with the contact and deed just recorded
    const picker = office.getByTestId('outreach-member-filter').getByRole('combobox');
    await picker.click();
    await picker.fill(name);
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await expect.poll(() => office.getByTestId('outreach-summary').locator('tbody tr').count()).toBe(1);
    expect(await office.getByTestId('outreach-summary').locator('tbody tr').textContent()).toContain(name);
    await shot(office, 'staff-sees-outreach-summary');
    await office.getByRole('tab', { name: '民生议事会' }).click();
    await office.getByTestId('council-new').click();
    const form = dialog(office);
    await form.getByTestId('council-topic').fill('老旧小区公交站台改造');
    await form.getByTestId('council-place').fill('布吉街道民生议事厅');
    await form.getByLabel('议事情况', { exact: true }).fill('议定由街道牵头，三个月内完成站台改造');
    await office.getByLabel('参加委员', { exact: true }).click();
    await office.getByLabel('参加委员', { exact: true }).fill(name);
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await save(office);
    await office.getByText('老旧小区公交站台改造').waitFor();
    await shot(office, 'staff-records-council');

    await member.goto(`${e2e.base}/outreach?tab=councils`);
    const councilRow = member.getByTestId('outreach-table-councils').locator('tr', { hasText: '老旧小区公交站台改造' });
    await councilRow.waitFor();
    const councilDetails = await details(councilRow);
    await councilDetails.getByText('议事情况').waitFor();
    await councilDetails.getByText('议定由街道牵头，三个月内完成站台改造').waitFor();
  });
});
