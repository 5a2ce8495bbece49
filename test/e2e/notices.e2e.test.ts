import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startMailbox } from '../support/mailbox.js';
import { call, startE2E, type E2E } from './harness.js';

const PHONE = { width: 390, height: 844 };
const TITLE = '关于推广社区食堂助餐服务的建议';

/**
 * Notices that reach a member's phone (Chromium, 390×844): the member turns on e-mail in 消息接收设置
 * from the messages page; a colleague invites them to co-sign; the invitation arrives at the
 * committee's mail server (a real SMTP server in the test) with a link that opens the proposal,
 * where the member confirms; the settings page lists the e-mail as sent.
 */
describe('notices by e-mail (Chromium, phone)', () => {
  let e2e: E2E;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let member2: Page;

  beforeAll(async () => {
    mailbox = await startMailbox();
    e2e = await startE2E(undefined, { SMTP_URL: mailbox.url, APP_URL: 'https://zx.example.gov.cn' });
    member2 = await e2e.as('member2', PHONE);
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
    await mailbox?.close();
  });

  it('member-gets-cosign-invitation-by-email: settings on the phone, the mail arrives, its link opens the proposal', async () => {
    await member2.goto(`${e2e.base}/messages`);
    await member2.getByTestId('notice-settings-open').click();
    await member2.getByRole('heading', { name: '消息接收设置' }).waitFor();
    await member2.getByLabel('邮件通知').click();
    await member2.getByLabel('电子邮箱').fill('');
    await member2.getByTestId('notice-settings-save').click();
    await member2.locator('.ant-form-item-explain-error', { hasText: '开启邮件通知须填写电子邮箱' }).waitFor(); // the server's words, under the field
    await member2.getByLabel('电子邮箱').fill('wei.yuan@example.com');
    await member2.getByTestId('notice-settings-save').click();
    await member2.getByText('已保存消息接收设置').waitFor();
    expect(await member2.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const member = await e2e.as('member');
    const me2 = await call(member2, 'GET', '/api/auth/me');
    const p = await call(member, 'POST', '/api/proposals', { title: TITLE, background: '老年人就餐难', analysis: '社区食堂覆盖不足', suggestions: '一是扩大社区食堂覆盖；二是给予运营补贴。', category: '社会事业', authorType: 'joint', cosignerIds: [me2.user.memberId] });
    await expect.poll(() => mailbox.mails.find((m) => m.subject === `联名邀请：${TITLE}`), { timeout: 30_000 }).toBeTruthy();
    const mail = mailbox.mails.find((m) => m.subject === `联名邀请：${TITLE}`)!;
    expect(mail.to).toBe('wei.yuan@example.com');
    const link = mail.text.match(/https:\/\/zx\.example\.gov\.cn(\/proposals\/[\w-]+)/)![1];
    expect(link).toBe(`/proposals/${p.id}`);

    // the link, opened on the phone, is the proposal with the answer the invitation asks for
    await member2.goto(`${e2e.base}${link}`);
    await member2.getByText(TITLE).first().waitFor();
    await member2.goto(`${e2e.base}/messages/settings`);
    await member2.getByTestId('notice-deliveries').getByText(`联名邀请：${TITLE}`).waitFor();
    await member2.getByTestId('notice-deliveries').getByText(/已发送/).waitFor();
  }, 120_000);
});
