import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, dialog, opened, rendersChinese, save, shot, startE2E, type E2E } from './harness.js';

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const local = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

/**
 * 重点提案督办 in Chromium, on the leader's phone: the chair opens 重点提案督办, reviews (阅批) a key
 * proposal the 区教育局 handles, holds a scheduling meeting linked to it (the meeting's page links
 * back), and signs off (阅签) the reply once the unit sent it; the public portal lists the
 * excellent proposals of the published round.
 */
describe('key proposals: leader reviews, schedules, signs off; portal shows excellent proposals (Chromium)', () => {
  let e2e: E2E;
  let leader: Page;
  let unit: Page;
  const phone = { width: 390, height: 844 };

  beforeAll(async () => {
    e2e = await startE2E();
    [leader, unit] = await Promise.all([e2e.as('leader', phone), e2e.as('unit')]);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('leader-supervises-key-proposal: 阅批, a 调度 meeting linked both ways, 阅签 of the reply', async () => {
    await leader.goto(`${e2e.base}/proposals/supervise`);
    const card = leader.getByTestId('key-card').filter({ hasText: '区教育局' }).filter({ hasText: '待阅批' });
    await card.waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    expect(await rendersChinese(leader)).toBe(true);
    await shot(leader, 'leader-key-proposals-phone');
    await card.getByRole('link').first().click();
    await leader.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    const proposalId = leader.url().split('/').pop()!;
    const panel = leader.getByTestId('key-panel');

    // 阅批 before the reply
    await panel.getByTestId('key-review').click();
    await opened(dialog(leader));
    await dialog(leader).getByLabel('阅批意见').fill('请区教育局主要负责同志牵头研究，月底前拿出具体方案。');
    await save(leader);
    await panel.getByTestId('key-panel-status').filter({ hasText: '已阅批' }).waitFor();

    // 调度: a scheduling meeting through 会议活动, linked to the proposal
    await panel.getByTestId('key-schedule').click();
    await opened(dialog(leader));
    const box = dialog(leader);
    await box.getByLabel('调度活动名称').fill('校园周边交通重点提案调度会');
    await box.getByLabel('开始时间').fill(local(3, 9));
    await box.getByLabel('结束时间').fill(local(3, 11));
    await box.getByLabel('地点').fill('区政协三楼会议室');
    await box.getByLabel('调度事项').fill('听取区教育局办理进展，协调交警、城管配合。');
    await save(leader);
    const meetingLink = panel.getByTestId('key-steps').getByRole('link', { name: '校园周边交通重点提案调度会' });
    await meetingLink.click();
    await leader.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await leader.getByTestId('meeting-key-proposal').getByRole('link').click();
    await leader.waitForURL(new RegExp(`/proposals/${proposalId}$`));

    // the unit replies (its own scenarios drive the reply page); 阅签 is offered only then
    await panel.getByTestId('key-review').waitFor({ state: 'detached' });
    expect(await panel.getByTestId('key-signOff').count()).toBe(0);
    let r = await call(unit, 'POST', '/api/handling/replies', { type: 'proposal', subjectId: proposalId, answerClass: 'B', body: '经研究，我局已会同交警部门制定校园周边交通综合治理方案，正在分步实施。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true , promise: '年内完成校园周边交通综合治理第一阶段工程', promisedBy: '2099-12-31' });
    r = await call(unit, 'POST', `/api/handling/replies/${r.id}/sign`, { version: r.version, signedBy: '区教育局局长 张某' });
    await call(unit, 'POST', `/api/handling/replies/${r.id}/send`, { version: r.version });
    await leader.reload();
    await panel.getByTestId('key-signOff').click();
    await opened(dialog(leader));
    await dialog(leader).getByLabel('阅签意见').fill('答复具体可行，同意。请持续跟踪落实。');
    await save(leader);
    await panel.getByTestId('key-panel-status').filter({ hasText: '已阅签' }).waitFor();
    // every step on the proposal's timeline with its date and text
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const line of [`领导阅批：${today} 请区教育局`, '领导调度', `领导阅签：${today} 答复具体可行`]) await leader.getByText(line, { exact: false }).first().waitFor();
    expect(await fitsWidth(leader)).toBe(true);
    await shot(leader, 'leader-signs-off-key-proposal-phone');
  }, 240_000);

  it('public-reads-excellent-proposals: the portal lists the published round', async () => {
    const context = await e2e.browser.newContext({ viewport: phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const citizen = await context.newPage();
    await citizen.goto(`${e2e.base}/portal`);
    const section = citizen.getByTestId('portal-section-excellentProposals');
    await section.getByText('年度优秀提案').first().waitFor();
    expect(await section.getByRole('link').count()).toBeGreaterThanOrEqual(1);
    await shot(citizen, 'portal-excellent-proposals-phone');
    await context.close();
  }, 120_000);
});
