import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { save, choose, dialog, button, checkOption, opened, rendersChinese, scanQr, shot, startE2E, type E2E } from './harness.js';
import { readDocx } from '../documents/files.js';

const confirmPop = (page: Page) => button(page.locator('.ant-popconfirm:visible'), '确定').click();
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const TITLE = '关于规范校外托管机构安全管理的监督建议';
const INSPECTION = '视察校外托管机构安全管理';
const FINDINGS = '监督小组走访布吉、龙城街道8家校外托管机构发现：部分机构无证经营，场地消防条件不达标，餐食来源不明，从业人员未经背景审查。';
const RECOMMENDATIONS = '一是教育部门会同市场监管、消防部门开展联合排查，建立托管机构备案名录；二是制定托管服务规范并向家长公开；三是鼓励学校开展课后服务，减少对校外托管的依赖。';

/**
 * Democratic supervision, role by role in Chromium: the office (办公室) turns a frequent proposal
 * topic into a supervision topic and schedules the group's inspection, where the group leader checks
 * in on a phone by the venue's QR code; after it the leader drafts a suggestion and sends it for
 * review; the office signs it off, sends it to 区教育局 and downloads the 监督建议书; the unit replies
 * through the shared handling panel; the leader rates the reply 不满意, and the unit handles it again.
 */
describe('democratic supervision: topic → suggestion → unit → rating → second round (Chromium)', () => {
  let e2e: E2E;
  let office: Page;
  let leader: Page;
  let unit: Page;
  let url = '';
  const wide = { width: 1440, height: 900 };
  const phone = { width: 390, height: 844 };

  beforeAll(async () => {
    e2e = await startE2E();
    [office, leader, unit] = await Promise.all([e2e.as('office', wide), e2e.as('member', phone), e2e.as('unit', wide)]);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('staff-turns-frequent-topic: the year’s most frequent proposal topics by category become a supervision topic with its proposals', async () => {
    await office.goto(`${e2e.base}/supervision/topics`);
    const first = office.getByTestId('frequent-topic').first();
    await first.waitFor();
    const category = (await first.locator('.ant-card-head-title').textContent())!.trim();
    await first.getByTestId('frequent-turn').click();
    expect(await dialog(office).getByTestId('topic-title').inputValue()).toContain(category);
    await choose(office, '承担小组', '第一民主监督小组');
    await save(office);
    const row = office.getByTestId('topic-row').filter({ hasText: category });
    await row.getByText('高频提案议题转化').first().waitFor();
    expect(await row.first().textContent()).toContain('来源提案');
    expect(await rendersChinese(office)).toBe(true);
    await shot(office, 'supervision-frequent-topic');
  }, 120_000);

  it('office-schedules-an-inspection-leader-checks-in: the group is invited; the venue QR code checks the leader in on the phone', async () => {
    await office.goto(`${e2e.base}/supervision/groups`);
    const card = office.getByTestId('group-card').filter({ hasText: '第一民主监督小组' });
    // the inspection runs now, so the venue code is open for check-in
    const [from, to] = await office.evaluate(() => {
      const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      return [local(new Date(Date.now() - 10 * 60_000)), local(new Date(Date.now() + 3 * 3600_000))];
    });
    await card.getByTestId('activity-add').click();
    await opened(dialog(office));
    await dialog(office).getByTestId('activity-title').fill(INSPECTION);
    await dialog(office).getByTestId('activity-place').fill('布吉街道某校外托管机构');
    await dialog(office).getByLabel('开始时间').fill(from);
    await dialog(office).getByLabel('结束时间').fill(to);
    await save(office);
    const row = card.getByTestId('supervision-activity').filter({ hasText: INSPECTION });
    await row.getByText(/签到 0\/\d+ 人/).waitFor();
    await row.getByRole('link', { name: INSPECTION }).click();
    await office.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await office.getByTestId('show-qr').click();
    const address = await scanQr(office);
    expect(address).toMatch(/\/checkin\?token=v1\./);
    await office.keyboard.press('Escape');
    await leader.goto(address!);
    await leader.getByTestId('checkin-result').waitFor();
    expect(await leader.getByTestId('checkin-result').textContent()).toContain(INSPECTION);
    await leader.goto(`${e2e.base}/supervision/mine`);
    await leader.getByTestId('supervision-activity').filter({ hasText: INSPECTION }).getByText(/签到 1\/\d+ 人/).waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    await shot(leader, 'supervision-leader-checked-in-phone');
  }, 120_000);

  it('leader-drafts-on-a-phone: the group leader sees the group and drafts a suggestion, then sends it for review', async () => {
    await leader.goto(`${e2e.base}/supervision/mine`);
    await leader.getByTestId('my-group').first().getByText('区教育局').waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    await leader.getByTestId('suggestion-write').click();
    await dialog(leader).getByTestId('suggestion-title').fill(TITLE);
    await dialog(leader).getByTestId('suggestion-findings').fill(FINDINGS);
    await dialog(leader).getByTestId('suggestion-recommendations').fill(RECOMMENDATIONS);
    await save(leader);
    await leader.waitForURL(/\/supervision\/suggestions\/[0-9a-f-]{36}$/);
    url = leader.url();
    await leader.getByTestId('suggestion-submit').click();
    await leader.getByTestId('suggestion-status').getByText('待审核').waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    await shot(leader, 'supervision-leader-drafts-phone');
  }, 120_000);

  it('office-signs-and-sends: reviews, signs off and sends the suggestion to 区教育局 through the handling panel', async () => {
    await office.goto(url);
    await office.getByTestId('suggestion-approve').click();
    await dialog(office).getByTestId('approve-signer').fill('区政协秘书长 王某');
    await save(office);
    await office.getByTestId('suggestion-status').getByText('已签发').waitFor();
    await office.getByTestId('handling-panel').getByTestId('assign-open').click();
    await checkOption(dialog(office).getByLabel('单办'));
    await choose(office, '承办单位', '区教育局');
    await save(office);
    await office.getByTestId('suggestion-status').getByText('办理中').waitFor();
    await office.getByTestId('assignments').getByRole('row').filter({ hasText: '区教育局' }).getByText('待签收').waitFor();
    // the 监督建议书 as the unit receives it: the seed's words, the unit addressed, the inspection held before
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByTestId('suggestion-docx').click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}（民主监督建议书）.docx`);
    const { text } = await readDocx(readFileSync((await download.path())!));
    expect(text).toContain('深圳市龙岗区教育局：');
    expect(text).toContain('以民主监督建议的形式正式转发你单位');
    expect(text).toContain('10个工作日内以书面形式作出说明');
    expect(text).toContain(FINDINGS.slice(0, 20));
  }, 120_000);

  const reply = async (text: string) => {
    await unit.goto(`${e2e.base}/handling`);
    await unit.getByTestId('worklist').getByRole('link', { name: TITLE }).click();
    await unit.waitForURL(url);
    await button(unit.getByTestId('assignments'), '签收').click();
    await unit.getByTestId('reply-open').waitFor();
    await unit.getByTestId('reply-open').click();
    await checkOption(dialog(unit).getByLabel(/^B类/));
    await dialog(unit).getByLabel('答复正文').fill(text);
    await dialog(unit).getByLabel('联系人').fill('王科长');
    await dialog(unit).getByLabel('联系电话').fill('0755-28900000');
    await save(unit);
    const replies = unit.getByTestId('replies');
    await replies.getByText('草稿').waitFor();
    // the second round's reply is signed beside the first one's: wait for one more signature
    const signed = await replies.getByText('签发人：李局长').count();
    await replies.getByLabel('签发人').fill('李局长');
    await button(replies, '签发').click();
    await expect.poll(() => replies.getByText('签发人：李局长').count()).toBe(signed + 1);
    await unit.getByRole('button', { name: '发送答复' }).click();
    await confirmPop(unit);
    await unit.getByTestId('suggestion-status').getByText('已答复').waitFor();
  };

  it('unit-replies: finds the suggestion on its worklist as 监督建议, signs, replies within the period', async () => {
    await unit.goto(`${e2e.base}/handling`);
    const row = unit.getByTestId('worklist').getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.textContent()).toContain('监督建议');
    expect(await row.textContent()).toContain('（10 个工作日）');
    await reply('我局已会同市场监管、消防部门开展联合排查，正在建立托管机构备案名录，托管服务规范正在起草中。');
    await shot(unit, 'supervision-unit-replies');
  }, 180_000);

  it('leader-rates-unsatisfied-unit-rehandles: 不满意 opens a second round; the unit replies again', async () => {
    await leader.goto(url);
    await leader.getByTestId('suggestion-rate').click();
    await checkOption(dialog(leader).getByTestId('rate-attitude').getByLabel('满意', { exact: true }));
    await checkOption(dialog(leader).getByTestId('rate-result').getByLabel('不满意'));
    await dialog(leader).getByTestId('rate-comment').fill('答复未明确排查完成时限和无证机构的处置措施');
    await save(leader);
    await leader.getByTestId('suggestion-status').getByText('再次办理').waitFor();
    expect(await fitsWidth(leader)).toBe(true);

    await reply('联合排查已于本月完成，关停无证机构3家，其余机构全部备案并公示；《校外托管服务规范》已印发并向家长公开。');
    await leader.goto(url);
    await leader.getByTestId('suggestion-status').getByText('已答复').waitFor();
    await leader.getByTestId('replies').getByText(/校外托管服务规范/).waitFor();
    await shot(leader, 'supervision-second-round-phone');
  }, 180_000);
});
