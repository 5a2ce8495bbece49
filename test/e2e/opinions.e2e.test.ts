import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rendersChinese, shot, startE2E, type E2E } from './harness.js';

/** A 1×1 PNG: the photo the member attaches. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const BODY =
  '近期有群众反映，我区部分老旧小区加装电梯推进缓慢，低层住户与高层住户意见分歧大，资金分摊缺少指引，审批涉及部门多、周期长，高龄老人上下楼十分困难。' +
  '建议：一是住建部门简化加装电梯审批流程，推行一窗受理；二是街道社区搭建协商议事平台，出台资金分摊指引；三是财政对加装电梯给予适当补贴。';

/** Chooses an option of the antd select labelled `label` (the dropdown renders outside the dialog). */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal');
const save = (page: Page) => dialog(page).getByRole('button', { name: /保\s*存/ }).click();
const credit = (page: Page) => page.getByTestId('credit-district').textContent();

/**
 * 社情民意 end to end, each step checking what the next role sees: member-submits-report (with an
 * attachment, earlier similar reports shown while writing), staff-edits-and-adopts-into-issue,
 * staff-records-instruction, member-sees-credit.
 */
describe('public-opinion reports (Chromium)', () => {
  let e2e: E2E;
  let member: Page;
  let info: Page;
  let reportUrl = '';
  let creditBefore = '';
  const title = '关于加快推进老旧小区加装电梯的建议';
  const edited = '关于破解老旧小区加装电梯协商和审批难题的建议';

  beforeAll(async () => {
    e2e = await startE2E();
    member = await e2e.as('member');
    info = await e2e.as('info');
  }, 180_000);
  afterAll(() => e2e?.close());

  it('member-submits-report: writes with a live count, sees similar earlier reports, attaches a photo; the office finds it waiting', async () => {
    await member.goto(`${e2e.base}/opinions/mine`);
    await member.getByTestId('opinion-credit').waitFor();
    creditBefore = (await credit(member)) ?? '';
    expect(creditBefore).toMatch(/区级：采用 \d+ 次 · 批示 \d+ 次/);

    // an earlier report of this member on the same problem, for the similar panel to find
    const earlier = await member.evaluate(async () => {
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf };
      const body = '老旧小区加装电梯中低层住户意见不一，资金分摊和审批手续复杂，很多加装电梯项目停滞，群众反映强烈。建议出台加装电梯协商和补贴办法。';
      const d = await (await fetch('/api/opinions', { method: 'POST', headers, body: JSON.stringify({ title: '关于老旧小区加装电梯资金补贴的建议', body, category: '城乡建设' }) })).json();
      return (await (await fetch(`/api/opinions/${d.id}/actions/submit`, { method: 'POST', headers, body: JSON.stringify({ version: d.version }) })).json()).title as string;
    });

    await member.getByTestId('opinion-write').click();
    const form = dialog(member);
    await form.getByTestId('opinion-title').fill(title);
    await choose(member, '类别', '城乡建设');
    await form.getByTestId('opinion-body').fill(BODY);
    await expect.poll(() => form.getByTestId('opinion-count').textContent()).toContain(`已写 ${[...BODY].length} / 1500 字`);
    const similar = form.getByTestId('opinion-similar');
    await similar.getByText(earlier).waitFor({ timeout: 15_000 });
    expect(await similar.textContent()).toContain('相似度');

    await form.locator('input[type=file]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await form.getByText('现场照片.png').waitFor();
    await shot(member, 'member-submits-report-form');
    await form.getByTestId('opinion-submit').click();
    await member.waitForURL(/\/opinions\/[0-9a-f-]{36}$/);
    reportUrl = member.url();
    await expect.poll(() => member.getByTestId('opinion-status').textContent()).toBe('待处理');
    await member.getByTestId('opinion-attachments').getByText('现场照片.png').waitFor();
    expect(await rendersChinese(member)).toBe(true);
    await shot(member, 'member-submits-report');

    // the information office sees it in its queue, attachment included
    await info.goto(`${e2e.base}/opinions/queue`);
    await info.getByText(title).first().click();
    await info.waitForURL(reportUrl);
    await info.getByTestId('opinion-attachments').getByText('现场照片.png').waitFor();
    expect(await info.getByTestId('opinion-action-adopt').isVisible()).toBe(true);
  }, 180_000);

  it('staff-edits-and-adopts-into-issue: the original is kept, the report goes into an issue; the member sees it adopted', async () => {
    await info.goto(reportUrl);
    await info.getByTestId('opinion-action-edit').click();
    const form = dialog(info);
    await form.getByTestId('opinion-edit-title').fill(edited);
    await form.getByTestId('opinion-edit-note').fill('调整标题，突出协商和审批');
    // the panel shows earlier reports beside the text being edited, not the report itself
    await form.getByTestId('opinion-similar-item').first().waitFor({ timeout: 15_000 });
    await save(info);
    await expect.poll(() => info.getByTestId('opinion-title-view').textContent()).toBe(edited);
    await info.getByText(/第1稿 .*原稿/).waitFor();
    await info.getByText(/第2稿 .*调整标题/).waitFor();

    await info.getByTestId('opinion-action-adopt').click();
    await dialog(info).getByTestId('opinion-issue-new').click();
    await info.getByText('已新建一期').first().waitFor();
    // the newest issue being composed comes first and is chosen
    await dialog(info).getByText(/《社情民意》\d{4}年第\d+期/).first().waitFor();
    await save(info);
    await expect.poll(() => info.getByTestId('opinion-status').textContent()).toBe('已采用');
    await info.getByTestId('opinion-timeline').getByText('区级采用').waitFor();
    await shot(info, 'staff-edits-and-adopts-into-issue');

    // the member sees the edited text, the original, and the adoption
    await member.goto(reportUrl);
    await expect.poll(() => member.getByTestId('opinion-status').textContent()).toBe('已采用');
    expect(await member.getByTestId('opinion-title-view').textContent()).toBe(edited);
    await member.getByText(/第1稿/).waitFor();
    await member.getByTestId('opinion-timeline').getByText('区级采用').waitFor();
  }, 180_000);

  it('staff-records-instruction: a leader’s instruction with its level and date; the member sees it on the report', async () => {
    await info.goto(reportUrl);
    await info.getByTestId('opinion-action-instruct').click();
    const form = dialog(info);
    await form.getByTestId('instruction-leader').fill('区委书记 张某');
    await form.getByTestId('instruction-text').fill('请区住房建设局牵头研究，年内出台加装电梯协商和补贴办法。');
    await save(info);
    const timeline = info.getByTestId('opinion-timeline');
    await timeline.getByText('区级批示').waitFor();
    await timeline.getByText(/区委书记 张某：请区住房建设局牵头研究/).waitFor();
    await shot(info, 'staff-records-instruction');

    await member.goto(reportUrl);
    await member.getByTestId('opinion-timeline').getByText(/区委书记 张某：请区住房建设局牵头研究/).waitFor();
  }, 120_000);

  it('member-sees-credit: this year’s adoptions and instructions went up by one each at district level', async () => {
    await member.goto(`${e2e.base}/opinions/mine`);
    await member.getByTestId('opinion-credit').waitFor();
    const [, adopted, instructed] = /采用 (\d+) 次 · 批示 (\d+) 次/.exec(creditBefore)!.map(Number);
    await expect.poll(() => credit(member)).toBe(`区级：采用 ${adopted + 1} 次 · 批示 ${instructed + 1} 次`);
    await member.getByText(edited).waitFor();
    expect(await rendersChinese(member)).toBe(true);
    await shot(member, 'member-sees-credit');
  }, 120_000);
});
