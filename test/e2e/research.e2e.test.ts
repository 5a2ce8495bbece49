import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { save, choose, dialog, button, rendersChinese, shot, startE2E, type E2E, scanQr } from './harness.js';

const confirm = async (page: Page) => {
  await button(page.locator('.ant-modal-confirm:visible'), '确定').click();
  await page.locator('.ant-modal-confirm:visible').waitFor({ state: 'hidden' });
};
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const TOPIC = '城中村消防安全治理';
const REPORT = {
  title: '关于加强城中村消防安全治理的调研报告',
  background: '调研组走访布吉、横岗街道4个城中村，实地察看出租屋、电动自行车集中充电场所，召开座谈会听取街道、消防救援大队和居民代表意见。',
  problems: '一是电动自行车楼道停放、飞线充电现象仍然存在；二是部分出租屋消防设施缺失或失效；三是集中充电设施数量不足、收费偏高。',
  suggestions: '一是加快建设集中停放充电场所并规范收费；二是开展出租屋消防设施专项排查整治；三是发动楼栋长和志愿者参与日常巡查。',
};

/**
 * 调研视察 in Chromium: a member volunteers on a phone, the office confirms and schedules the visit,
 * the member checks in with the venue's QR code, writes the report on the phone, the special
 * committee's and the office's reviews finalise it, and it becomes a collective proposal (by the
 * office) and a 社情民意 report (by the member) that both link back to the report; on a phone the office
 * sends it on as a plenary speech and a 直通车 report, whose pages name the report.
 */
describe('research and inspection: volunteer → visit check-in → report → conversion (Chromium)', () => {
  let e2e: E2E;
  let office: Page;
  let member: Page;
  let topicUrl = '';
  const wide = { width: 1440, height: 900 };
  const phone = { width: 390, height: 844 };

  beforeAll(async () => {
    e2e = await startE2E();
    [office, member] = await Promise.all([e2e.as('office', wide), e2e.as('member', phone)]);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('member-volunteers-on-a-phone: an open topic on 我的调研, one tap to volunteer', async () => {
    await member.goto(`${e2e.base}/research/mine`);
    const card = member.getByTestId('open-research-topic').filter({ hasText: TOPIC });
    await card.waitFor();
    expect(await fitsWidth(member)).toBe(true);
    await card.getByTestId('volunteer').click();
    await member.getByTestId('my-research-group').filter({ hasText: TOPIC }).getByText('已报名，待确认').waitFor();
    expect(await rendersChinese(member)).toBe(true);
    await shot(member, 'research-member-volunteers-phone');
  }, 120_000);

  it('office-confirms-and-schedules: the volunteer joins the group, a visit is scheduled for it', async () => {
    await office.goto(`${e2e.base}/research/topics`);
    await office.getByRole('link', { name: TOPIC }).click();
    await office.waitForURL(/\/research\/topics\/[0-9a-f-]{36}$/);
    topicUrl = office.url();
    const row = office.getByTestId('group-member').filter({ hasText: '报名待确认' });
    await row.getByTestId('group-confirm').click();
    await office.getByTestId('group-member').getByText('已确认').waitFor();
    // the lead: a plenary speech from the report is submitted in the lead's name
    await office.getByTestId('group-lead').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await office.getByTestId('group-member').getByText('组长').waitFor();
    // the visit runs now, so the venue code is open for check-in
    const [from, to] = await office.evaluate(() => {
      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      return [local(new Date(Date.now() - 10 * 60_000)), local(new Date(Date.now() + 3 * 3600_000))];
    });
    await office.getByTestId('visit-add').click();
    await dialog(office).getByLabel('调研地点').fill('布吉街道某城中村');
    await dialog(office).getByLabel('开始时间').fill(from);
    await dialog(office).getByLabel('结束时间').fill(to);
    await save(office);
    await office.getByTestId('research-visit').filter({ hasText: '布吉街道某城中村' }).getByText('签到 0/1 人').waitFor();
    await shot(office, 'research-office-confirms');
  }, 120_000);

  it('member-checks-in: the visit’s venue QR code checks the member in on the phone', async () => {
    await office.getByTestId('research-visit').getByRole('link', { name: '布吉街道某城中村' }).click();
    await office.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await office.getByTestId('show-qr').click();
    const address = await scanQr(office);
    expect(address).toMatch(/\/checkin\?token=v1\./);
    await office.keyboard.press('Escape');
    await member.goto(address!);
    await member.getByTestId('checkin-result').waitFor();
    expect(await member.getByTestId('checkin-result').textContent()).toContain(TOPIC);
    await member.goto(topicUrl);
    await member.getByTestId('research-visit').getByText('签到 1/1 人').waitFor();
  }, 120_000);

  it('member-writes-the-report: on the phone, then submits it for review', async () => {
    await member.getByLabel('报告标题').fill(REPORT.title);
    await member.getByLabel('一、基本情况').fill(REPORT.background);
    await member.getByLabel('二、存在问题').fill(REPORT.problems);
    await member.getByLabel('三、对策建议').fill(REPORT.suggestions);
    await member.getByTestId('report-submit').click();
    await member.getByTestId('report-status').getByText('专委会审核').waitFor();
    expect(await fitsWidth(member)).toBe(true);
    await shot(member, 'research-member-writes-report-phone');
  }, 120_000);

  it('office-reviews: the special committee’s and the office’s reviews finalise the report', async () => {
    await office.goto(topicUrl);
    await office.getByTestId('report-passCommittee').click();
    await confirm(office);
    await office.getByTestId('report-status').getByText('办公室审核').waitFor();
    await office.getByTestId('report-passOffice').click();
    await confirm(office);
    await office.getByTestId('report-status').getByText('已定稿').waitFor();
    await office.getByTestId('report-text').getByText(REPORT.title).waitFor();
  }, 120_000);

  it('conversion: a collective proposal by the office and a 社情民意 report by the member, both linking back', async () => {
    await office.getByTestId('convert-collectiveProposal').click();
    await choose(office, '类别', '城乡建设');
    await choose(office, '集体提案单位', '区政协社会法制民族宗教委员会');
    await save(office);
    const proposal = office.getByTestId('research-conversion').filter({ hasText: '集体提案' });
    await proposal.getByText('草稿').waitFor();
    await shot(office, 'research-conversions');
    await proposal.getByRole('link').click();
    await office.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await office.getByTestId('research-origin').getByRole('link', { name: `《${REPORT.title}》` }).waitFor();

    await member.goto(topicUrl);
    await member.getByTestId('convert-opinion').click();
    await choose(member, '类别', '城乡建设');
    expect(await dialog(member).getByLabel('正文').inputValue()).toContain('飞线充电');
    await save(member);
    const opinion = member.getByTestId('research-conversion').filter({ hasText: '社情民意信息' });
    await opinion.waitFor();
    // the office's collective draft is not the member's to open: listed with its state, without a link
    expect(await member.getByTestId('research-conversion').filter({ hasText: '集体提案' }).getByRole('link').count()).toBe(0);
    await opinion.getByRole('link').click();
    await member.waitForURL(/\/opinions\/[0-9a-f-]{36}$/);
    await member.getByTestId('research-origin').getByRole('link').click();
    await member.waitForURL(topicUrl);
    expect(await fitsWidth(member)).toBe(true);
  }, 120_000);

  it('office-sends-on-a-phone: the report becomes a plenary speech and a 直通车 report, each naming the report it came from', async () => {
    const phoneOffice = await e2e.as('office', phone);
    await phoneOffice.goto(topicUrl);
    await phoneOffice.getByTestId('convert-speech').click();
    expect(await dialog(phoneOffice).getByLabel('发言内容').inputValue()).toContain('集中充电');
    await save(phoneOffice);
    const speech = phoneOffice.getByTestId('research-conversion').filter({ hasText: '大会发言' });
    await speech.getByText('已提交').waitFor();
    await phoneOffice.getByTestId('convert-direct').click();
    await choose(phoneOffice, '类别', '城乡建设');
    await choose(phoneOffice, '报送单位', '区政协社会法制民族宗教委员会');
    await save(phoneOffice);
    const direct = phoneOffice.getByTestId('research-conversion').filter({ hasText: '社情民意直通车' });
    await direct.getByText('待处理').waitFor();
    expect(await fitsWidth(phoneOffice)).toBe(true);
    await shot(phoneOffice, 'research-office-converts-phone');

    await speech.getByRole('link').click();
    await phoneOffice.waitForURL(/\/meetings\/speeches\/[0-9a-f-]{36}$/);
    await phoneOffice.getByTestId('research-origin').getByRole('link', { name: `《${REPORT.title}》` }).waitFor();
    expect(await fitsWidth(phoneOffice)).toBe(true);
    await phoneOffice.goto(topicUrl);
    await direct.getByRole('link').click();
    await phoneOffice.waitForURL(/\/opinions\/[0-9a-f-]{36}$/);
    await phoneOffice.getByTestId('opinion-direct').waitFor();
    await phoneOffice.getByTestId('research-origin').getByRole('link', { name: `《${REPORT.title}》` }).click();
    await phoneOffice.waitForURL(topicUrl);
    expect(await fitsWidth(phoneOffice)).toBe(true);
  }, 120_000);
});
