import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { save, dialog, button, checkOption, choose, rendersChinese, shot, startE2E, type E2E, IN_CHINA } from './harness.js';

const confirmPop = (page: Page) => button(page.locator('.ant-popconfirm:visible'), '确定').click();
/**
 * Setup only: calls the API in the page's own session (cookie and CSRF token), as the browser
 * client does. The role under test always acts through the screens.
 */
async function call<T = any>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
      const res = await fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    { method, path, body },
  );
}

interface Draft {
  title: string;
  background: string;
  analysis: string;
  suggestions: string;
  category: string;
}
const draft = (title: string, category: string, background: string, analysis: string, suggestions: string): Draft => ({ title, category, background, analysis, suggestions });

/** A member's proposal, written and submitted through the API. */
async function submitted(author: Page, d: Draft) {
  const p = await call(author, 'POST', '/proposals', { ...d, authorType: 'individual' });
  return call(author, 'POST', `/proposals/${p.id}/actions/submit`, { version: p.version });
}
/** …and filed by the office. */
async function filed(author: Page, staff: Page, d: Draft) {
  let p = await submitted(author, d);
  p = await call(staff, 'POST', `/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准，建议复审' });
  p = await call(staff, 'POST', `/proposals/${p.id}/actions/reReview`, { version: p.version, opinion: '同意立案' });
  return call(staff, 'POST', `/proposals/${p.id}/actions/file`, { version: p.version });
}
const unitId = async (page: Page, name: string): Promise<string> => (await call(page, 'GET', '/org/units')).items.find((u: any) => u.name === name).id;

// topics the demo data leaves to the tests (src/server/demo/proposal-texts.ts), so the groups and suggestions are ours
const ELDERLY_A = draft(
  '关于加快发展社区居家养老服务的建议',
  '社会事业',
  '我区老年人口持续增加，独居、高龄老人居家养老服务需求强烈，社区养老服务站点少、服务内容单一，助餐助浴上门服务覆盖不足。',
  '社区居家养老服务设施布局不均衡，专业护理人员缺乏，养老服务补贴标准偏低，社会力量参与不够。',
  '一是每个社区建设居家养老服务站，提供助餐助浴等上门服务；二是提高居家养老服务补贴标准；三是培养专业护理人员队伍。',
);
const ELDERLY_B = draft(
  '关于完善社区居家养老服务体系的建议',
  '社会事业',
  '随着老龄化加快，我区独居和高龄老人越来越多，居家养老服务需求旺盛，但社区养老服务站点不足，助餐助浴等上门服务覆盖有限。',
  '社区养老服务设施分布不均，专业护理人员短缺，居家养老服务补贴偏低，社会力量参与社区居家养老服务不足。',
  '建议在各社区建设居家养老服务站点，开展助餐助浴上门服务；提高居家养老服务补贴；加强养老护理人员队伍培养。',
);
const SCHOOL_EARLIER = draft(
  '关于加强中小学校园周边交通安全管理的建议',
  '教育事业',
  '近年来我区中小学校数量增加，上下学高峰时段校园周边交通拥堵、人车混行问题突出，接送车辆临时停放无序。',
  '主要原因是校园周边停车设施不足、交通组织不合理、部门协同不够。',
  '一是在校园周边设置接送临时停车区；二是完善校园周边交通标志标线；三是建立教育、交警、住建联动机制。',
);
const SCHOOL = draft(
  '关于在校园周边设置学生接送临时停车区的建议',
  '教育事业',
  '我区中小学校上下学高峰时段，校园周边接送车辆临时停放无序，人车混行，交通拥堵，存在安全隐患。',
  '校园周边缺少接送停车设施，交通组织不合理，教育、交警、住建等部门协同不够。',
  '建议在校园周边设置学生接送临时停车区，完善交通标志标线，建立教育、交警、住建部门联动机制。',
);
const REPLY_TEXT = '感谢您的建议。我局已会同交警、住建部门在全区32所中小学周边设置接送临时停车区，并完善了交通标志标线，下一步将建立联动工作机制。';

/**
 * 提案审查与办理 in Chromium, role by role, each step checking what the next role sees:
 * staff-merges-and-files, staff-assigns-to-lead-and-assisting-units, unit-replies,
 * member-rates-unsatisfied-and-unit-rehandles.
 */
describe('proposal review and handling (Chromium)', () => {
  let e2e: E2E;
  let staff: Page;
  let member: Page;
  let member2: Page;
  let unit: Page;
  let unit2: Page;
  let schoolUrl = '';

  beforeAll(async () => {
    e2e = await startE2E();
    [staff, member, member2, unit, unit2] = await Promise.all(['staff', 'member', 'member2', 'unit', 'unit2'].map((u) => e2e.as(u)));
  }, 180_000);
  afterAll(() => e2e?.close());

  it('staff-merges-and-files: two proposals on one issue are grouped, merged into one and filed; both members see one number', async () => {
    const a = await submitted(member, ELDERLY_A);
    const b = await submitted(member2, ELDERLY_B);

    await staff.goto(`${e2e.base}/proposals/review?tab=groups`);
    const group = staff.getByTestId('similar-group').filter({ hasText: ELDERLY_A.title }).filter({ hasText: ELDERLY_B.title });
    await group.waitFor();
    expect(await group.getByText(/相似度 \d+%/).textContent()).toMatch(/相似度 \d+%/);
    expect(await rendersChinese(staff)).toBe(true);
    await shot(staff, 'staff-sees-same-issue-groups');
    await group.getByTestId('merge-group').click();
    await checkOption(dialog(staff).getByLabel(new RegExp(`^${ELDERLY_A.title}`)));
    await save(staff);
    await staff.getByTestId('merged-main').click();
    await staff.waitForURL(`**/proposals/${a.id}`);
    await staff.getByText(ELDERLY_B.title).waitFor(); // listed under 并入的提案

    // 立案 is offered only after the committee's review steps: 预审, then 复审, then 审定
    expect(await staff.getByTestId('action-file').count()).toBe(0);
    for (const [step, label] of [['preReview', '预审意见'], ['reReview', '复审意见']] as const) {
      await staff.getByTestId(`action-${step}`).click();
      await dialog(staff).getByLabel(label).fill('符合立案标准');
      await save(staff);
    }
    await staff.getByTestId('action-file').click();
    await save(staff);
    await expect.poll(() => staff.getByTestId('proposal-status').textContent()).toMatch(/^已立案/);
    const number = (await staff.getByText(/第\d{4}号/).first().textContent())!.match(/第\d{4}号/)![0];
    await shot(staff, 'staff-merges-and-files');

    // the main proposal's author sees the number on the list; the other author sees theirs joined to that number
    await member.goto(`${e2e.base}/proposals/mine`);
    await member.getByTestId('proposals-mine').getByRole('row').filter({ hasText: ELDERLY_A.title }).getByText(number).waitFor();
    await member2.goto(`${e2e.base}/proposals/${b.id}`);
    await expect.poll(() => member2.getByTestId('proposal-status').textContent()).toBe('已并案');
    await member2.getByRole('link', { name: new RegExp(number) }).waitFor();
  }, 180_000);

  it('staff-assigns-to-lead-and-assisting-units: the units similar proposals went to are offered; both units find it in their lists', async () => {
    // an earlier proposal on the same issue, handled by 区教育局 with 区住房建设局 assisting
    const earlier = await filed(member2, staff, SCHOOL_EARLIER);
    const [education, housing] = await Promise.all([unitId(staff, '区教育局'), unitId(staff, '区住房建设局')]);
    await call(staff, 'POST', `/proposals/${earlier.id}/assign`, { version: earlier.version, assignments: [{ unitId: education, role: 'lead' }, { unitId: housing, role: 'assisting' }] });
    const p = await filed(member, staff, SCHOOL);
    schoolUrl = `${e2e.base}/proposals/${p.id}`;

    await staff.goto(schoolUrl);
    await staff.getByTestId('assign-open').click();
    const suggestions = dialog(staff).getByTestId('unit-suggestions');
    await suggestions.getByText(/件相似提案曾由该单位办理/).first().waitFor();
    expect(await suggestions.textContent()).toContain(SCHOOL_EARLIER.title);
    await checkOption(dialog(staff).getByLabel('主办 + 协办'));
    await suggestions.getByRole('button', { name: '区教育局' }).click(); // first pick: the lead unit
    await suggestions.getByRole('button', { name: '区住房建设局' }).click(); // next: an assisting unit
    await expect.poll(() => suggestions.getByText('已选').count()).toBe(2);
    await save(staff);
    const assigned = staff.getByTestId('assignments');
    await assigned.getByRole('row').filter({ hasText: '区教育局' }).getByText('主办').waitFor();
    await assigned.getByRole('row').filter({ hasText: '区住房建设局' }).getByText('协办').waitFor();
    await shot(staff, 'staff-assigns-to-lead-and-assisting-units');

    // the office narrows all proposals by words and by handling unit
    await staff.goto(`${e2e.base}/proposals/review?tab=all`);
    const all = staff.getByTestId('all-table');
    const pickUnit = async (name: string) => {
      await staff.getByLabel('承办单位', { exact: true }).click();
      await staff.getByLabel('承办单位', { exact: true }).fill(name);
      await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    };
    await staff.getByLabel('关键词').fill('校园周边');
    await staff.getByLabel('关键词').press('Enter');
    await pickUnit('区住房建设局');
    await all.getByRole('link', { name: SCHOOL.title }).waitFor();
    await all.getByRole('link', { name: SCHOOL_EARLIER.title }).waitFor();
    await shot(staff, 'staff-filters-all-proposals-by-unit');
    await pickUnit('区水务局');
    await expect.poll(() => all.getByRole('link', { name: SCHOOL.title }).count()).toBe(0);

    for (const u of [unit, unit2]) {
      await u.goto(`${e2e.base}/handling/proposals`);
      const row = u.getByTestId('unit-table').getByRole('row').filter({ hasText: SCHOOL.title });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/); // its reply deadline
    }
  }, 180_000);

  it('unit-replies: the lead unit signs and logs a contact, the assisting unit sends its view, the lead drafts, signs off and sends; the member sees the reply', async () => {
    await unit.goto(`${e2e.base}/handling/proposals`);
    await unit.getByTestId('unit-table').getByRole('link', { name: SCHOOL.title }).click();
    await button(unit.getByTestId('assignments'), '签收').click();
    await unit.getByTestId('assignments').getByRole('row').filter({ hasText: '区教育局' }).getByText('办理中').waitFor();

    await unit.getByTestId('contact-open').click();
    await choose(unit, '沟通阶段', '办中协商');
    await choose(unit, '沟通方式', '走访');
    await dialog(unit).getByLabel('沟通情况').fill('走访提案人，共同察看三所学校周边停车条件，听取意见。');
    await save(unit);
    await unit.getByTestId('contacts').getByText(/办中协商/).waitFor();
    // the lead cannot answer before its assisting unit has given its view
    await unit.getByText(/待区住房建设局提交协办\/会办意见/).waitFor();

    await unit2.goto(schoolUrl);
    await button(unit2.getByTestId('assignments'), '签收').click();
    await unit2.getByRole('button', { name: '提交协办意见' }).click();
    await dialog(unit2).getByLabel('协办意见').fill('住房建设局将配合规划校园周边临时停车泊位，纳入片区交通改善项目。');
    await save(unit2);
    await unit2.getByTestId('assisting-opinions').getByText(/临时停车泊位/).waitFor();

    await unit.reload();
    await unit.getByTestId('assisting-opinions').getByText(/临时停车泊位/).waitFor();
    await unit.getByTestId('reply-open').click();
    await checkOption(dialog(unit).getByLabel(/^A类/));
    await dialog(unit).getByLabel('答复正文').fill(REPLY_TEXT);
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
    await shot(unit, 'unit-replies');

    await member.goto(schoolUrl);
    await expect.poll(() => member.getByTestId('proposal-status').textContent()).toMatch(/已答复/);
    const seen = member.getByTestId('replies');
    await seen.getByText(/32所中小学/).waitFor();
    expect(await seen.textContent()).toContain('A类');
    expect(await seen.textContent()).toContain('签发人：李局长');
    await member.getByTestId('contacts').getByText(/走访提案人/).waitFor();
  }, 180_000);

  it('member-rates-unsatisfied-and-unit-rehandles: the member rates 不满意 with a comment; the unit sees the second round with its new deadline', async () => {
    await member.goto(schoolUrl);
    // the proposer logs their own side of the talks first, naming the unit
    await member.getByTestId('contact-open').click();
    await choose(member, '沟通单位', '区教育局');
    await choose(member, '沟通阶段', '办后反馈');
    await dialog(member).getByLabel('沟通情况').fill('电话告知区教育局：仍有两所学校周边未设停车区。');
    await save(member);
    await member.getByTestId('contacts').getByText(/仍有两所学校周边未设停车区/).waitFor();
    await member.getByTestId('action-rate').click();
    const rate = dialog(member);
    await checkOption(rate.locator('#proposal_rate_attitude').getByLabel('满意', { exact: true }));
    await checkOption(rate.locator('#proposal_rate_result').getByLabel('不满意'));
    await rate.getByLabel('评价意见').fill('停车区数量不足，部分学校仍未覆盖，希望继续办理。');
    await save(member);
    await expect.poll(() => member.getByTestId('proposal-status').textContent()).toBe('二次办理');
    await member.getByTestId('ratings').getByText(/不满意/).waitFor();

    const detail = await call(unit, 'GET', `/proposals/${schoolUrl.split('/').pop()}`);
    // the lead unit alone handles the second round, with a deadline counted from the rating
    const second = detail.assignments.find((a: any) => a.round === 2);
    expect([second.unitName, second.role, second.status]).toEqual(['区教育局', 'sole', 'assigned']);
    expect(second.replyDeadline > second.assignedOn).toBe(true);

    await unit.goto(`${e2e.base}/handling/proposals`);
    await unit.getByTestId('unit-filter').getByText('二次办理').click();
    const row = unit.getByTestId('unit-table').getByRole('row').filter({ hasText: SCHOOL.title });
    await row.getByText(second.replyDeadline).waitFor();
    await row.getByRole('link', { name: SCHOOL.title }).click();
    const secondRow = unit.getByTestId('assignments').getByRole('row').filter({ hasText: '二次办理' });
    await secondRow.getByText('待签收').waitFor();
    await secondRow.getByText(second.replyDeadline).waitFor();
    await unit.getByTestId('ratings').getByText(/停车区数量不足/).waitFor();
    await shot(unit, 'member-rates-unsatisfied-and-unit-rehandles');
  }, 180_000);

  it('staff-browses-all-proposals: 全部提案 opens on the current session; an imported history proposal is found through the session filter, which the address keeps', async () => {
    const { items: [old] } = await call(staff, 'GET', '/proposals?scope=all&session=history&pageSize=1');
    await staff.goto(`${e2e.base}/proposals/all`);
    const list = staff.getByTestId('proposals-all');
    await staff.getByTestId('proposal-session').getByText('（本次）').waitFor();
    await list.getByRole('link', { name: SCHOOL.title }).waitFor();
    await staff.getByLabel('搜索提案').fill(old.title);
    await staff.getByLabel('搜索提案').press('Enter');
    await list.locator('.ant-empty').waitFor();
    await staff.getByLabel('会议', { exact: true }).click();
    await staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '历届提案' }).first().click();
    await list.getByRole('link', { name: old.title }).first().waitFor();
    expect(new URL(staff.url()).searchParams.get('session')).toBe('history');
  }, 120_000);

  it('staff-reads-the-session-statistics: the figures on screen are the session’s, charts render, the .xlsx downloads', async () => {
    await staff.goto(`${e2e.base}/`);
    await staff.getByRole('menuitem', { name: '提案统计' }).click();
    await staff.waitForURL('**/proposals/stats');
    const figures = await call(staff, 'GET', '/proposals/stats');
    const overall = staff.getByTestId('stats-overall');
    await overall.getByText('收到提案').waitFor();
    await expect.poll(() => overall.textContent()).toContain(`立案率 ${figures.overall.filingRate}%`);
    // this session's unsatisfied rating is in the figures, and 区教育局 shows its A-class reply
    expect(figures.satisfaction.result.unsatisfied).toBeGreaterThanOrEqual(1);
    const edu = staff.getByTestId('stats-by-unit').getByRole('row').filter({ hasText: '区教育局' });
    const eduFigures = figures.byUnit.find((u: any) => u.unit === '区教育局');
    expect(eduFigures.classes.A).toBeGreaterThanOrEqual(1);
    await edu.getByRole('cell', { name: String(eduFigures.assigned), exact: true }).first().waitFor();
    await staff.getByTestId('stats-by-category').getByRole('row').filter({ hasText: '教育事业' }).waitFor();
    expect(await staff.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    expect(await rendersChinese(staff)).toBe(true);
    await shot(staff, 'staff-reads-the-session-statistics');

    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByTestId('stats-export').click()]);
    expect(download.suggestedFilename()).toBe(`提案统计-${figures.session.name}.xlsx`);
  }, 180_000);

  it('staff-publishes-and-the-public-reads: taken off the portal it is gone; published again, anyone finds it and reads the reply', async () => {
    const { items } = await call(staff, 'GET', '/proposals?scope=all&status=closed&historical=0&pageSize=1');
    const closed = items[0];
    const publicPage = await (await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, ...IN_CHINA })).newPage();

    await staff.goto(`${e2e.base}/proposals/${closed.id}`);
    await staff.getByTestId('action-publish').click();
    await button(dialog(staff), '取消公开').click();
    await dialog(staff).waitFor({ state: 'hidden' });
    await publicPage.goto(`${e2e.base}/portal/proposals/${closed.id}`);
    await publicPage.getByText('该提案未公开或不存在').waitFor();

    await staff.getByTestId('action-publish').click();
    await button(dialog(staff), '公开').click();
    await dialog(staff).waitFor({ state: 'hidden' });

    // a member of the public, on a phone, comes from the login page and searches by title
    await publicPage.goto(`${e2e.base}/login`);
    await publicPage.getByTestId('portal-link').click();
    // the portal's home shows the latest published proposals, the one just published first
    await publicPage.getByTestId('portal-section-proposals').getByRole('link', { name: closed.title }).waitFor();
    await publicPage.getByTestId('portal-nav-proposals').click();
    await publicPage.getByTestId('portal-list').locator('a').first().waitFor();
    await publicPage.getByTestId('portal-search').locator('input').fill(closed.title);
    await publicPage.getByTestId('portal-search').locator('input').press('Enter');
    await publicPage.getByTestId('portal-list').getByRole('link', { name: closed.title }).click();
    await expect.poll(() => publicPage.getByTestId('portal-title').textContent()).toBe(closed.title);
    const replies = publicPage.getByTestId('portal-replies');
    // the newest closed proposal may be the demo's previous session, whose replies open differently
    await replies.getByText(/收悉|所提/).first().waitFor();
    expect(await replies.textContent()).toMatch(/[ABCD]类/);
    expect(await publicPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(await rendersChinese(publicPage)).toBe(true);
    await shot(publicPage, 'public-reads-published-proposal');
    await publicPage.context().close();
  }, 180_000);
});
