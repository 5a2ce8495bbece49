import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, checkOption, choose, dialog, opened, save, shot, startE2E, type E2E } from './harness.js';

const confirm = async (page: Page, note?: string) => {
  const box = page.locator('.ant-modal-confirm:visible');
  await opened(box);
  if (note) await box.getByTestId('step-note').fill(note);
  await box.getByRole('button', { name: /确\s*定/ }).click();
  await box.waitFor({ state: 'detached' });
};
/**
 * 协商议政 end to end: member-suggests-topic on a phone (similar earlier topics shown while writing),
 * office-builds-plan and the plan passes the four reviews (the chairs' step by a leader), a planned
 * consultation is held with its outcome, a leader's instruction and a department's reply, and the
 * participating member reads all of it on the phone; and an online room (网络议政) on the phone:
 * post, reply, support, vote, the office's moderation and summary, the room read-only after.
 */
describe('consultation (Chromium)', () => {
  let e2e: E2E;
  let member: Page;
  let office: Page;
  let leader: Page;
  const title = '关于规范小区电动自行车集中充电设施建设的建议';

  beforeAll(async () => {
    e2e = await startE2E();
    member = await e2e.as('member', { width: 390, height: 844 });
    office = await e2e.as('office');
    leader = await e2e.as('leader');
  }, 180_000);
  afterAll(() => e2e?.close());

  it('member-suggests-topic on a phone and sees earlier topics on the same issue', async () => {
    await member.goto(`${e2e.base}/consultation/topics`);
    await member.getByTestId('topic-suggest').click();
    const form = dialog(member);
    await form.getByTestId('topic-title').fill('关于推进老旧小区加装电梯的建议');
    await form.getByTestId('topic-similar').waitFor();
    expect(await form.getByTestId('topic-similar').textContent()).toContain('加装电梯');
    await form.getByTestId('topic-title').fill(title);
    await form.getByTestId('topic-reason').fill('城中村和老旧小区电动自行车入户充电、飞线充电现象普遍，火灾隐患突出，集中充电设施建设缺少统一规范和场地。');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await member.getByTestId('topic-row').filter({ hasText: title }).waitFor();
    expect(await member.getByTestId('topic-row').filter({ hasText: title }).textContent()).toContain('待遴选');
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(member, 'consultation-member-topic-phone');
  });

  it('office-builds-plan: the member’s topic goes into next year’s plan, which passes the four reviews', async () => {
    await office.goto(`${e2e.base}/consultation/plans`);
    await office.getByTestId('plan-create').click();
    await office.waitForURL(/\/consultation\/plans\/[0-9a-f-]{36}$/);
    await office.getByTestId('plan-add-item').click();
    // choose() retries a pick that a loaded machine lets slip (a click during the zoom or before the options arrive)
    await choose(office, '来源选题（可不选）', title);
    await dialog(office).getByTestId('item-title').and(office.locator(`[value="${title}"]`)).waitFor();
    await choose(office, '协商形式', '专题协商会');
    await save(office);
    await office.getByTestId('plan-item').filter({ hasText: title }).waitFor();

    for (const [page, action] of [[office, 'submit'], [office, 'passCommittee'], [office, 'passOffice']] as const) {
      await page.getByTestId(`plan-${action}`).click();
      await confirm(page);
      await page.getByTestId(`plan-${action}`).waitFor({ state: 'detached' });
    }
    await leader.goto(office.url());
    await leader.getByTestId('plan-passChairs').click();
    await confirm(leader, '主席会议同意');
    await office.reload();
    await office.getByTestId('plan-approve').click();
    await confirm(office, '区委常委会审定');
    await office.getByTestId('plan-status').filter({ hasText: '已批准' }).waitFor();
    expect(await office.getByText('主席会议协商审查 · 通过').count()).toBeGreaterThan(0);
    await shot(office, 'consultation-plan-approved');
  });

  it('a held consultation’s outcome gets an instruction, a department replies, and the participant sees it on the phone', async () => {
    const plans = await call(office, 'GET', '/api/consultation/plans');
    const current = plans.items.filter((p: any) => p.status === 'approved').sort((a: any, b: any) => a.year - b.year)[0];
    const plan = await call(office, 'GET', `/api/consultation/plans/${current.id}`);
    const item = plan.items.find((i: any) => i.status === 'planned' && i.form === 'counterpart');
    const me = await call(member, 'GET', '/api/auth/me');
    const unit = (await call(office, 'GET', '/api/consultation/options')).units.find((u: any) => u.name === '区住房建设局');
    let c = await call(office, 'POST', `/api/consultation/consultations/${item.id}/schedule`, { version: 1, startsAt: '2026-07-08T02:00:00Z', endsAt: '2026-07-08T05:00:00Z', location: '区政协三楼会议室', memberIds: [me.user.memberId] });
    c = await call(office, 'POST', `/api/consultation/consultations/${c.id}/participants`, { kind: 'expert', name: '陈立新', affiliation: '深圳大学教授' });
    c = await call(office, 'POST', `/api/consultation/consultations/${c.id}/hold`, { version: c.version, heldOn: '2026-07-08', minutes: '与会委员、专家和部门负责人围绕托育服务供给深入协商。' });
    c = await call(office, 'POST', `/api/consultation/consultations/${c.id}/report`, { version: c.version, outcomeKind: 'recommendation', outcomeTitle: '关于发展社区嵌入式托育服务的建议案', outcomeText: '一、将社区托育点纳入社区配套设施规划。二、对普惠托育机构给予场地和运营补贴。', sentOn: '2026-07-15' });
    await call(leader, 'POST', `/api/consultation/consultations/${c.id}/instructions`, { leaderName: '区长 刘明', text: '请卫健、住建部门研究落实，年内见效。', instructedOn: '2026-07-20' });
    c = await call(office, 'POST', `/api/consultation/consultations/${c.id}/assign`, { version: c.version, items: [{ text: '将社区托育点纳入社区配套设施规划', unitIds: [unit.id] }] });
    const dept = await e2e.as('unit2');
    const a = c.recommendations[0].assignments[0];
    await call(dept, 'POST', `/api/handling/assignments/${a.id}/sign`, { version: a.version });
    const reply = await call(dept, 'POST', '/api/handling/replies', { type: 'consultationItem', subjectId: c.recommendations[0].id, answerClass: 'B', body: '我局已将社区托育点纳入新建住宅小区配套设施要求，正在修订相关技术指引。', contactPerson: '李工', contactPhone: '0755-28900002', disclose: true });
    const signed = await call(dept, 'POST', `/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区住房建设局局长 孙某' });
    await call(dept, 'POST', `/api/handling/replies/${signed.id}/send`, { version: signed.version });

    await member.goto(`${e2e.base}/consultation/consultations/${c.id}`);
    await member.getByTestId('consultation-outcome').waitFor();
    expect(await member.getByTestId('consultation-outcome').textContent()).toContain('建议案');
    expect(await member.getByTestId('consultation-instruction').textContent()).toContain('区长 刘明');
    // the item's handling (departments, replies) loads after the page: wait for the department
    await member.getByTestId('consultation-item').filter({ hasText: '已答复' }).filter({ hasText: '区住房建设局' }).waitFor();
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(member, 'consultation-member-outcome-phone');

    // 协商质量评价: the participant answers every question on the phone; the submit says why it waits until then
    const quality = member.getByTestId('consultation-quality');
    const questions = quality.getByRole('radiogroup');
    const count = await questions.count();
    expect(count).toBeGreaterThan(1);
    await quality.getByText(`还有 ${count} 个问题未评价`).first().waitFor();
    for (let i = 0; i < count; i++) {
      await checkOption(questions.nth(i).getByRole('radio', { name: i === 0 ? '基本满意' : '满意', exact: true }));
    }
    await quality.getByRole('textbox', { name: '意见建议' }).fill('部门答复及时，建议会后半年组织一次回头看。');
    await quality.getByTestId('quality-submit').click();
    await quality.getByTestId('quality-mine').waitFor();
    await office.goto(`${e2e.base}/consultation/consultations/${c.id}`);
    const first = office.getByTestId('quality-result').first();
    await first.filter({ hasText: '基本满意 1' }).filter({ hasText: '共1人' }).waitFor();
    expect(await office.getByTestId('consultation-quality').textContent()).toContain('回头看');
  });

  it('member-takes-part-in-online-room on a phone: post, reply, support, vote; the office moderates and summarises on a phone', async () => {
    const phone = { width: 390, height: 844 };
    const mine = '建议将城中村消防安全纳入网格化管理考核，网格员发现隐患当场拍照上报，限期整改。';
    await member.goto(`${e2e.base}/consultation/rooms`);
    await member.getByTestId('room-card').filter({ hasText: '城中村消防安全治理网络议政' }).getByRole('link').click();
    await member.getByTestId('room-phase').filter({ hasText: '议政中' }).waitFor();

    await member.getByTestId('room-post-body').fill(mine);
    await member.getByTestId('room-post-submit').click();
    await member.getByTestId('room-post').filter({ hasText: mine }).waitFor();

    const sprinklers = member.getByTestId('room-post').filter({ hasText: '简易喷淋' });
    await sprinklers.getByTestId('post-support').click();
    await sprinklers.getByTestId('post-support').filter({ hasText: '已支持' }).waitFor();
    const landlords = member.getByTestId('room-post').filter({ hasText: '一楼一档' });
    await landlords.getByTestId('post-reply').click();
    await landlords.getByTestId('reply-body').fill('同意，房东责任要写进租赁合同。');
    await landlords.getByTestId('reply-submit').click();
    await landlords.getByTestId('room-reply').filter({ hasText: '写进租赁合同' }).waitFor();

    const single = member.getByTestId('poll-card').filter({ hasText: '最应优先解决' });
    await checkOption(single.getByRole('radio', { name: '消防车通道被占用' }));
    await single.getByTestId('poll-vote').click();
    await single.getByTestId('poll-result').filter({ hasText: '共3人参与，合计3票' }).waitFor();
    const ranking = member.getByTestId('poll-card').filter({ hasText: '排序' });
    await ranking.getByRole('button', { name: '上移 增设微型消防站' }).click();
    await ranking.getByTestId('poll-vote').click();
    // three members ranked four options: 3 × (4+3+2+1) points
    await ranking.getByTestId('poll-result').filter({ hasText: '共3人参与，合计30分' }).waitFor();
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(member, 'consultation-room-member-phone');

    const desk = await e2e.as('office', phone);
    await desk.goto(member.url());
    const queued = desk.getByTestId('moderation-item').filter({ hasText: '坂田租客' });
    await queued.getByTestId('post-approve').click();
    await queued.waitFor({ state: 'detached' });
    await desk.getByTestId('room-post').filter({ hasText: '坂田租客' }).waitFor();
    await desk.getByTestId('room-post').filter({ hasText: mine }).getByTestId('post-hide').click();
    await confirm(desk, '涉及具体考核办法，转交有关部门研究');
    await desk.getByTestId('room-post').filter({ hasText: mine }).filter({ hasText: '已隐藏' }).waitFor();
    await desk.getByTestId('room-summarize').click();
    await opened(dialog(desk));
    await dialog(desk).getByTestId('room-summary-text').fill('委员和群众围绕电动自行车集中充电、出租屋消防责任、微型消防站建设和消防通道管理发表意见，建议区应急管理局、消防救援大队统筹推进。');
    await save(desk);
    await desk.getByTestId('room-phase').filter({ hasText: '已形成综述' }).waitFor();
    expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(desk, 'consultation-room-office-phone');

    await member.reload();
    await member.getByTestId('room-summary').filter({ hasText: '微型消防站' }).waitFor();
    expect(await member.getByTestId('room-post-body').count()).toBe(0);
    expect(await member.getByTestId('room-post').filter({ hasText: mine }).textContent()).toContain('涉及具体考核办法');
  });
});
