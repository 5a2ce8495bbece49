import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { call, checkOption, choose, dialog, opened, rendersChinese, save, shot, startE2E, type E2E } from './harness.js';
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
 * in the 民情日记, a deed recorded and closed) → member-sees-quota-progress on 我的履职; the livelihood
 * councils, now 协商议政's grassroots councils (基层协商): staff-runs-grassroots-council → the public on a phone.
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

  it('staff-sees-outreach: the office sees every member’s outreach and narrows it to one member', async () => {
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
  });

  it('staff-runs-grassroots-council: six steps with a resident and an expert, the result published, the public reads it on a phone', async () => {
    const office = await e2e.as('office');
    const name = await member.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user.displayName as string);
    const topic = '老旧小区公交站台改造';
    // the old 民生议事会 tab of 联系群众 leads to 基层协商
    await office.goto(`${e2e.base}/outreach/all?tab=councils`);
    await office.waitForURL(/\/consultation\/councils$/);
    await office.getByTestId('council-new').click();
    const form = dialog(office);
    await form.getByTestId('council-topic').fill(topic);
    await form.getByTestId('council-organizer').fill('布吉街道政协联络组');
    await form.getByTestId('council-place').fill('布吉街道民生议事厅');
    await form.getByTestId('council-opinions').fill('居民反映公交站台没有遮雨棚，老人雨天候车困难');
    await save(office);
    await office.waitForURL(/\/consultation\/councils\/[0-9a-f-]{36}$/);
    const status = office.getByTestId('council-status');
    await expect.poll(() => status.textContent()).toBe('收集民意');

    // 五方: the member from the roster, a resident and an expert written in (no accounts)
    await office.getByTestId('participant-add').click();
    await choose(office, '参加方', '政协委员');
    await dialog(office).getByLabel('委员', { exact: true }).fill(name);
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await save(office);
    for (const [party, who, unit] of [['居民群众', '林秀珍', '长龙花园居民代表'], ['专家', '许建国', '区交通规划研究中心']] as const) {
      await office.getByTestId('participant-add').click();
      await choose(office, '参加方', party);
      await dialog(office).getByTestId('participant-name').fill(who);
      await dialog(office).getByTestId('participant-unit').fill(unit);
      if (party === '居民群众') await dialog(office).getByTestId('participant-phone').fill('13700005678');
      await save(office);
    }
    await expect.poll(() => office.getByTestId('participant-card').count()).toBe(3);

    // 确定议题 → 议前调研 → 协商议事 (its day and minutes) → 公示公开 (the result) → an agreed item → 跟踪落实
    await office.getByTestId('council-setTopic').click();
    await expect.poll(() => status.textContent()).toBe('确定议题');
    await office.getByTestId('council-research').click();
    await expect.poll(() => status.textContent()).toBe('议前调研');
    await office.getByTestId('council-deliberate').click();
    await dialog(office).getByTestId('council-minutes').fill('五方代表围绕站台遮雨棚的位置和工期协商');
    await save(office);
    await expect.poll(() => status.textContent()).toBe('协商议事');
    await office.getByTestId('council-publish').click();
    await dialog(office).getByTestId('council-result').fill('议定由街道牵头，三个月内完成站台遮雨棚加装');
    await save(office);
    await expect.poll(() => status.textContent()).toBe('公示公开');
    await office.getByTestId('item-add').click();
    await dialog(office).getByTestId('item-title').fill('加装公交站台遮雨棚');
    await dialog(office).getByTestId('item-responsible').fill('布吉街道办事处');
    await save(office);
    await office.getByTestId('council-follow').click();
    await expect.poll(() => status.textContent()).toBe('跟踪落实');
    await shot(office, 'staff-runs-grassroots-council');

    // the public, on a phone: the published council on the portal, its result and item, no resident's name or phone
    const committeeId = (await call(office, 'GET', '/api/auth/me')).user.committee.id as string;
    const phone = await (await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    await phone.goto(`${e2e.base}/portal/councils?c=${committeeId}`);
    await phone.getByTestId('portal-council').filter({ hasText: topic }).getByRole('link', { name: topic }).click();
    await phone.getByTestId('portal-council-result').getByText('议定由街道牵头，三个月内完成站台遮雨棚加装').waitFor();
    await phone.getByTestId('portal-council-item').getByText('加装公交站台遮雨棚').waitFor();
    const page = await phone.locator('body').textContent();
    for (const secret of ['林秀珍', '13700005678', '许建国', name]) expect(page).not.toContain(secret);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'public-reads-grassroots-council-on-phone');
    await phone.context().close();
  });

  it('member-on-duty-logs-visits: at the Members\' Home on a phone, three visits logged and one suggestion converted into an opinion report', async () => {
    // the office opens the Home every day and puts member2 on duty today as a special committee's director
    const admin = await e2e.as('admin');
    const year = new Date().getFullYear();
    const rules = await call(admin, 'GET', `/api/settings/membersHome?year=${year}`);
    await call(admin, 'PUT', `/api/settings/membersHome?year=${year}`, { version: rules.version, values: { ...rules.values, openWeekdays: [1, 2, 3, 4, 5, 6, 7], workdaysOnly: false } });
    const office = await e2e.as('office');
    const options = await call(office, 'GET', '/api/members-home/options');
    const duty = await e2e.as('member2', { width: 390, height: 844 });
    const me = await call(duty, 'GET', '/api/auth/me');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await call(office, 'POST', '/api/members-home/duties', { day: today, memberId: me.user.memberId, capacity: 'director', specialCommitteeId: options.specialCommittees[0].id });
    const visitor = options.members.find((m: { id: string; name: string }) => m.id !== me.user.memberId).name as string;

    // today's duty is on the home page; it opens the duty day
    await duty.goto(`${e2e.base}/`);
    await duty.getByTestId('figure-homeDutyToday').click();
    await duty.waitForURL(/\/members-home\/today/);
    await duty.getByTestId('duty-visit-count').getByText('已接待 0 人次').waitFor();

    const logVisit = async (fill: () => Promise<void>) => {
      await duty.getByTestId('visit-log').click();
      await opened(dialog(duty));
      await fill();
      await save(duty);
    };
    // 1: a member of the committee, picked from the roster, with a suggestion
    await logVisit(async () => {
      await choose(duty, '来访委员', visitor);
      await dialog(duty).getByTestId('visit-topic').fill('社区养老服务');
      await dialog(duty).getByTestId('visit-said').fill('走访发现老旧社区长者食堂覆盖不足，高龄独居老人就餐困难。');
      await dialog(duty).getByTestId('visit-add-suggestion').click();
      await dialog(duty).getByTestId('visit-suggestion').fill('建议按常住老年人口配置社区长者饭堂');
    });
    // 2 and 3: residents who are not members, named, with who they are
    for (const [name, note, topic] of [['李秀英', '布吉街道居民', '小区加装电梯'], ['陈建国', '某物流企业负责人', '货车通行证办理']]) {
      await logVisit(async () => {
        await checkOption(dialog(duty).getByRole('radio', { name: '非委员' }));
        await dialog(duty).getByTestId('visit-name').fill(name);
        await dialog(duty).getByTestId('visit-note').fill(note);
        await dialog(duty).getByTestId('visit-topic').fill(topic);
        await dialog(duty).getByTestId('visit-said').fill(`${name}反映${topic}方面的困难，希望政协委员帮助呼吁。`);
      });
    }
    await duty.getByTestId('duty-visit-count').getByText('已接待 3 人次').waitFor();
    await duty.getByTestId('home-visit').filter({ hasText: '李秀英' }).getByText('布吉街道居民').waitFor();
    await shot(duty, 'member-on-duty-logs-visits');

    // the suggestion becomes an opinion report with one action; the report links back to the duty
    const suggestion = duty.getByTestId('home-suggestion').filter({ hasText: '长者饭堂' });
    await suggestion.getByTestId('suggestion-convert').click();
    await opened(dialog(duty));
    await checkOption(dialog(duty).getByRole('radio', { name: '社情民意信息' }));
    await dialog(duty).getByTestId('convert-title').fill('关于按常住老年人口配置社区长者饭堂的建议');
    await save(duty);
    await duty.waitForURL(/\/opinions\//);
    await duty.getByTestId('from-home').waitFor();
    await duty.getByTestId('from-home').click();
    await duty.waitForURL(/\/members-home\/duties\//);
    const converted = duty.getByTestId('home-suggestion').filter({ hasText: '长者饭堂' });
    await converted.getByText('已转为社情民意信息').first().waitFor();
    await converted.getByTestId('suggestion-opinion').getByText('关于按常住老年人口配置社区长者饭堂的建议').waitFor();
    expect(await converted.getByTestId('suggestion-convert').count()).toBe(0);
    expect(await rendersChinese(duty)).toBe(true);
    await shot(duty, 'member-on-duty-converts-suggestion');
  });
});
