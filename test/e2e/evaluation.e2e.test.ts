import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, save, dialog, opened, rendersChinese, shot, startE2E, IN_CHINA, type E2E } from './harness.js';

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
/**
 * 民主评议 end to end in Chromium: the office drafts a campaign of two departments, records the
 * chairs' meeting's proposal and the party committee's approval, opens the questionnaire; an
 * invited member fills it on a phone, one card per department (a second ballot is impossible); a
 * second member answers too; the office invites a public representative, who answers by a personal
 * link on a phone without an account, and the public answers on the portal; the office closes it,
 * sees the ranking weighted across members, representatives and the public and publishes it; the
 * member reads the published ranking on the phone.
 */
describe('evaluation: campaign from approval to published ranking, a member filling the questionnaire on a phone (Chromium)', () => {
  let e2e: E2E;
  let office: Page;
  let member: Page;
  let url = '';
  const wide = { width: 1440, height: 900 };
  const phone = { width: 390, height: 844 };
  const title = '2026年度民主评议部门工作（端到端）';

  beforeAll(async () => {
    e2e = await startE2E();
    [office, member] = await Promise.all([e2e.as('office', wide), e2e.as('member', phone)]);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('office-drafts-and-records-approval: the chairs’ meeting proposes, the party committee approves, the questionnaire opens', async () => {
    const units = (await call(office, 'GET', '/api/org/units')).items as { id: string; name: string }[];
    const me = async (p: Page) => (await call(p, 'GET', '/api/auth/me')).user.memberId as string;
    const member2 = await e2e.as('member2', wide);
    const invited = [await me(member), await me(member2)];
    await member2.close();
    const year = new Date().getFullYear();
    // 调查走访 spans the whole year, so today is within it whenever the suite runs (the public may answer only then)
    const day = (md: string) => ({ from: `${year}-${md}`, to: `${year}-${md}` });
    const phases = { preparing: day('01-01'), surveying: { from: `${year}-01-01`, to: `${year}-12-31` }, deliberating: day('12-31'), rectifying: day('12-31'), rechecking: day('12-31') };
    const c = await call(office, 'POST', '/api/evaluation/campaigns', { year, title, unitIds: ['区教育局', '区水务局'].map((n) => units.find((u) => u.name === n)!.id), invitedMemberIds: invited, phases, publicOpen: true });
    url = `${e2e.base}/evaluation/campaigns/${c.id}`;
    await office.goto(`${e2e.base}/evaluation/campaigns`);
    await office.getByTestId('campaign-card').filter({ hasText: title }).getByRole('link').click();
    await office.getByTestId('campaign-status').getByText('起草中').waitFor();
    await office.getByTestId('campaign-propose').click();
    await dialog(office).getByTestId('propose-note').fill('主席会议研究，建议对区教育局、区水务局开展民主评议');
    await save(office);
    await office.getByTestId('campaign-status').getByText('待党委批准').waitFor();
    await office.getByTestId('campaign-approve').click();
    await dialog(office).getByTestId('approve-note').fill('区委常委会同意');
    await save(office);
    await office.getByTestId('campaign-status').getByText('准备阶段').waitFor();
    await office.getByTestId('campaign-startSurvey').click();
    await office.getByTestId('campaign-status').getByText('调查走访').waitFor();
    await office.getByText('党委批准').first().waitFor();
    expect(await office.locator('.ant-timeline').textContent()).toMatch(/主席会议提出.*党委批准.*开始调查走访/);
    expect(await rendersChinese(office)).toBe(true);
    await shot(office, 'evaluation-campaign-approved');
  }, 120_000);

  it('member-fills-questionnaire-on-a-phone: one card per department, every indicator answered, each sent once', async () => {
    await member.goto(`${e2e.base}/evaluation/questionnaires`);
    const q = member.getByTestId('questionnaire').filter({ hasText: title });
    await q.getByTestId('questionnaire-progress').getByText('已评议 0/2 个部门').waitFor();
    expect(await fitsWidth(member)).toBe(true);
    const first = q.getByTestId('ballot-card').filter({ hasText: '区教育局' });
    // nothing chosen: the form says which indicator is missing, in Chinese
    await first.getByTestId('ballot-submit').click();
    await first.getByText('请对“组织领导”作出选择').waitFor();
    for (const group of await first.locator('.ant-radio-group').all()) await group.getByText('满意', { exact: true }).click();
    await first.getByTestId('ballot-submit').click();
    await first.getByText('已提交', { exact: true }).waitFor();
    const second = q.getByTestId('ballot-card').filter({ hasText: '区水务局' });
    const picks = ['基本满意', '不满意', '基本满意', '不了解', '满意'];
    for (const [n, group] of (await second.locator('.ant-radio-group').all()).entries()) await group.getByText(picks[n], { exact: true }).click();
    await second.getByTestId('ballot-submit').click();
    await second.getByText('已提交', { exact: true }).waitFor();
    await q.getByTestId('questionnaire-progress').getByText('已评议 2/2 个部门').waitFor();
    // no form is left to send twice, and the server refuses a second ballot in Chinese
    expect(await q.getByTestId('ballot-submit').count()).toBe(0);
    const again = await member.evaluate(async (id) => {
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      const units = (await (await fetch('/api/evaluation/questionnaires')).json()).items.find((i: any) => i.id === id).departments;
      const res = await fetch(`/api/evaluation/campaigns/${id}/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ unitId: units[0].unitId, answers: { organisation: 'unsatisfied', mechanism: 'unsatisfied', consultation: 'unsatisfied', results: 'unsatisfied', replyQuality: 'unsatisfied' } }) });
      return { status: res.status, message: (await res.json()).message };
    }, url.split('/').pop()!);
    expect(again).toEqual({ status: 409, message: '您已提交过对该部门的评议问卷，每人对每个部门只能评议一次' });
    expect(await fitsWidth(member)).toBe(true);
    await shot(member, 'evaluation-member-questionnaire-phone');
  }, 120_000);

  it('office-invites-representative, representative-answers-by-link and the public-answers-on-the-portal, on phones', async () => {
    await office.goto(url);
    await office.getByTestId('representative-new').click();
    await opened(dialog(office));
    await dialog(office).getByTestId('representative-name').fill('陈秀英');
    await dialog(office).getByTestId('representative-organisation').fill('龙城街道居民代表');
    await dialog(office).getByTestId('representative-phone').fill('13800000001');
    await save(office);
    const link = (await office.getByTestId('representative-link').textContent())!.trim();
    expect(link).toMatch(/\/portal\/evaluation\/invite\/[A-Za-z0-9_-]{32}$/);
    await office.getByTestId('representative-row').filter({ hasText: '陈秀英' }).getByText('已评议 0/2 个部门').waitFor();

    // no account: a fresh phone opens the personal link; 区教育局 不满意, 区水务局 满意
    const answer = async (page: Page, name: string, choice: string) => {
      const card = page.getByTestId('ballot-card').filter({ hasText: name });
      // all() does not wait: the card's form must be drawn before its groups are listed
      await card.getByTestId('ballot-submit').waitFor();
      for (const group of await card.locator('.ant-radio-group').all()) await group.getByText(choice, { exact: true }).click();
      await card.getByTestId('ballot-submit').click();
      await card.getByText('已提交', { exact: true }).waitFor();
    };
    const phoneOf = async () => (await e2e.browser.newContext({ viewport: phone, ...IN_CHINA })).newPage();
    const rep = await phoneOf();
    await rep.goto(link);
    await rep.getByRole('heading', { level: 1, name: '民主评议问卷' }).waitFor();
    await answer(rep, '区教育局', '不满意');
    await answer(rep, '区水务局', '满意');
    await rep.getByTestId('questionnaire-progress').getByText('已评议 2/2 个部门').waitFor();
    expect(await rep.getByText('陈秀英').count()).toBe(0);
    expect(await fitsWidth(rep)).toBe(true);
    await shot(rep, 'evaluation-representative-phone');
    await rep.context().close();

    // the public, on the portal page the campaign opened: 区教育局 基本满意, 区水务局 满意; told plainly it is counted apart
    const committee = (await call(office, 'GET', '/api/auth/me')).user.committee.id;
    const visitor = await phoneOf();
    await visitor.goto(`${e2e.base}/portal/evaluation?c=${committee}`);
    await visitor.getByText('您的意见将单独统计').waitFor();
    const q = visitor.getByTestId('public-questionnaire').filter({ hasText: title });
    await answer(visitor, '区教育局', '基本满意');
    await answer(visitor, '区水务局', '满意');
    await q.getByTestId('questionnaire-progress').getByText('已评议 2/2 个部门').waitFor();
    expect(await fitsWidth(visitor)).toBe(true);
    await shot(visitor, 'evaluation-public-portal-phone');
    await visitor.context().close();

    await office.reload();
    await office.getByTestId('representative-row').filter({ hasText: '陈秀英' }).getByText('已评议 2/2 个部门').waitFor();
  }, 120_000);

  it('office-publishes-ranking: the quorum reached, the weighted ranking published; the member reads it on the phone', async () => {
    const member2 = await e2e.as('member2', phone);
    const id = url.split('/').pop()!;
    const q = (await call(member2, 'GET', '/api/evaluation/questionnaires')).items.find((i: any) => i.id === id);
    for (const d of q.departments) {
      const choice = d.name === '区教育局' ? 'satisfied' : 'basic';
      await call(member2, 'POST', `/api/evaluation/campaigns/${id}/responses`, { unitId: d.unitId, answers: Object.fromEntries(q.indicators.map((i: any) => [i.key, choice])) });
    }
    await member2.close();
    await office.goto(url);
    await office.getByTestId('campaign-startDeliberation').click();
    await office.getByTestId('campaign-status').getByText('评议审议').waitFor();
    const table = office.getByTestId('results-table');
    // members alone put 区教育局 first (100 against 76); weighted 60% members, 30% the representative
    // (不满意 / 满意), 10% the public (基本满意 / 满意): 区教育局 60 + 0 + 8 = 68, 区水务局 45.6 + 30 + 10 = 85.6
    await table.locator('strong', { hasText: '85.60' }).waitFor();
    await office.getByTestId('results-weights').getByText(/政协委员60%、特邀群众代表30%、社会公众10%/).waitFor();
    await office.getByTestId('campaign-publish').click();
    await office.getByTestId('campaign-status').getByText('整改总结').waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.first().textContent()).toContain('区水务局');
    expect(await rows.nth(1).textContent()).toContain('68.00');
    expect(await rows.first().textContent()).toContain('满意单位');
    await office.getByTestId('results-xlsx').waitFor();
    await shot(office, 'evaluation-results-office');

    await member.goto(`${e2e.base}/evaluation/questionnaires`);
    await member.getByTestId('questionnaire').filter({ hasText: title }).getByRole('link', { name: '查看评议结果' }).click();
    await member.getByTestId('results-table').getByText('区教育局').waitFor();
    expect(await member.getByTestId('results-table').locator('tbody tr.ant-table-row').first().textContent()).toMatch(/区水务局.*85\.60.*满意单位/);
    expect(await member.getByRole('heading', { level: 1 }).count()).toBe(1);
    await shot(member, 'evaluation-member-results-phone');
  }, 120_000);
});
