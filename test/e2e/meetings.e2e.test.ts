import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { button, call, choose, dialog, opened, rendersChinese, save, shot, startE2E, type E2E, IN_CHINA, scanQr } from './harness.js';

/**
 * A meeting end to end in Chromium: the general office schedules an activity day for everyone, a
 * member asks for leave and the office approves it, another member — not logged in — opens the
 * address encoded in the venue QR code (read back from the screen), logs in and is checked in,
 * the office closes the event and the member finds the points, traced to the event, in their record.
 */
describe('meetings and performance (Chromium)', () => {
  let e2e: E2E;
  let office: Page;
  let meetingUrl = '';
  const title = '委员活动日：走进龙城社区';
  beforeAll(async () => {
    e2e = await startE2E();
    office = await e2e.as('office');
  }, 180_000);
  afterAll(() => e2e?.close());

  it('staff-schedules-meeting: an activity day starting now, everyone invited', async () => {
    await office.goto(`${e2e.base}/meetings`);
    await office.getByTestId('meeting-schedule').click();
    const dialog = office.getByRole('dialog');
    await dialog.getByTestId('schedule-title').fill(title);
    // the range picker takes typed times in the browser's own zone
    const [from, to] = await office.evaluate(() => {
      const f = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      return [f(new Date(Date.now() - 10 * 60_000)), f(new Date(Date.now() + 150 * 60_000))];
    });
    const inputs = dialog.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await dialog.getByTestId('schedule-location').fill('龙城街道委员工作室');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await office.getByTestId('meeting-title').filter({ hasText: title }).waitFor();
    meetingUrl = office.url();
    expect(meetingUrl).toMatch(/\/meetings\/[0-9a-f-]{36}$/);
    expect(await office.getByText('全体委员（180人）').count()).toBe(1);
    expect(await rendersChinese(office)).toBe(true);
    await shot(office, 'staff-schedules-meeting');
  }, 120_000);

  it('member-requests-leave: from their own list, with a reason', async () => {
    const member2 = await e2e.as('member2');
    await member2.goto(`${e2e.base}/meetings/mine`);
    await member2.getByTestId('meeting-link').filter({ hasText: title }).click();
    await member2.getByTestId('leave-request').click();
    await member2.getByTestId('leave-reason').fill('赴北京参加行业年会，无法参加');
    await member2.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await member2.getByTestId('my-leave').filter({ hasText: '待审批' }).waitFor();
    await shot(member2, 'member-requests-leave');
    await member2.context().close();
  }, 120_000);

  it('staff-approves: the leave queue of the general office', async () => {
    await office.goto(`${e2e.base}/meetings/leave`);
    const row = office.getByRole('row').filter({ hasText: '赴北京参加行业年会' });
    await row.getByTestId('leave-approve').click();
    await office.getByTestId('leave-note').fill('同意');
    await office.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await office.getByText('已批准').first().waitFor();
    await office.goto(meetingUrl);
    await office.getByRole('row').filter({ hasText: '赴北京参加行业年会' }).getByText('已批准').waitFor();
    await shot(office, 'staff-approves');
  }, 120_000);

  it('member-checks-in: opens the address encoded in the venue QR code, logs in, is checked in', async () => {
    await office.goto(meetingUrl);
    await office.getByTestId('show-qr').click();
    const address = await scanQr(office);
    await shot(office, 'venue-qr');
    expect(address).toMatch(/\/checkin\?token=v1\./);
    await office.keyboard.press('Escape');

    // the member's own phone: not logged in yet
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, ...IN_CHINA });
    const phone = await context.newPage();
    await phone.goto(address!);
    await phone.waitForURL(/\/login\?next=/);
    await phone.locator('#login-username').fill('member');
    await phone.locator('#login-password').fill('Demo@2026');
    await phone.getByTestId('login-submit').click();
    await phone.getByTestId('checkin-result').waitFor();
    expect(await phone.getByTestId('checkin-result').textContent()).toContain(title);
    expect(await rendersChinese(phone)).toBe(true);
    await shot(phone, 'member-checks-in');
    // the same code again: already checked in
    await phone.goto(address!);
    await phone.getByTestId('checkin-problem').filter({ hasText: '已签到' }).waitFor();
    await context.close();
  }, 120_000);

  it('member-sees-points: once the office closes the event, the record shows the points and links to it', async () => {
    await office.goto(meetingUrl);
    await office.getByTestId('meeting-close').click();
    await office.getByRole('button', { name: /确\s*定|OK/ }).click();
    await office.getByTestId('meeting-status').filter({ hasText: '已结束' }).waitFor();
    await office.getByTestId('meeting-stats').getByText('出席率').waitFor();

    const member = await e2e.as('member');
    await member.goto(`${e2e.base}/performance/me`);
    const meetingPath = new URL(meetingUrl).pathname;
    const entry = member.getByRole('row').filter({ has: member.locator(`a[href="${meetingPath}"]`) });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('委员活动日·出席');
    expect(await entry.getByTestId('entry-points').textContent()).toBe('+5');
    await member.getByTestId('performance-lacking').waitFor();
    expect(await rendersChinese(member)).toBe(true);
    await shot(member, 'member-sees-points');
    await entry.getByTestId('entry-link').click();
    await member.getByTestId('meeting-title').filter({ hasText: title }).waitFor();
    await member.getByTestId('my-invitation').getByText('出席').first().waitFor();
  }, 120_000);

  it('staff-reviews-performance: calendar, attendance statistics, speeches, rankings, lists; an admin applies a preset for the year', async () => {
    await office.goto(`${e2e.base}/meetings`);
    await office.getByText('日历', { exact: true }).click();
    await office.locator('.ant-picker-calendar').getByText(title).waitFor();
    await office.goto(`${e2e.base}/meetings/stats`);
    await office.getByRole('tab', { name: '按委员' }).click();
    await office.getByRole('columnheader', { name: '出席率' }).first().waitFor();
    await office.goto(`${e2e.base}/meetings/speeches`);
    await office.getByRole('link', { name: '关于加快推进龙岗制造业数字化转型的建议' }).click();
    await office.getByTestId('speech-status').filter({ hasText: '书面发言' }).waitFor();

    const roster = await e2e.as('roster');
    await roster.goto(`${e2e.base}/performance/rankings`);
    await roster.getByText('共 180 人').waitFor();
    await roster.getByTestId('rankings-filter').getByText('未完成基本要求').click();
    await roster.getByTestId('performance-remind').waitFor();
    await roster.goto(`${e2e.base}/performance/lists`);
    await roster.getByRole('tab', { name: /未完成基本要求/ }).click();
    await shot(roster, 'staff-performance-lists');
    await roster.context().close();

    const admin = await e2e.as('admin');
    await admin.goto(`${e2e.base}/performance/rules`);
    await admin.getByTestId('scheme-preset').click();
    await admin.getByTitle('桐城市政协委员履职考核（2019）').click();
    await admin.getByRole('button', { name: /套\s*用/ }).click();
    await admin.getByTestId('scheme-save').click();
    await admin.getByText(/年度考核办法已保存/).waitFor();
    await shot(admin, 'admin-scheme');
    await admin.goto(`${e2e.base}/performance/rankings`);
    await admin.getByText('考核办法：桐城市政协委员履职考核（2019）').waitFor();
    expect(await rendersChinese(admin)).toBe(true);
    await admin.context().close();
  }, 180_000);
  /**
   * 上下联动: 深圳市政协 runs a joint inspection with a member of 龙岗区 and one of 福田区 (calling
   * 福田区's part off and reopening it); each sees it
   * among their own committee's events on a phone and replies, the city checks them in and closes it,
   * and each finds the entry in their own committee's performance record; 龙岗区's office sees its
   * member take part; the city's 各区履职统计 shows both districts.
   */
  it('city-runs-joint-inspection: members of two districts, each credited in their own committee', async () => {
    const jointTitle = '市政协联合视察：河湖长制落实情况';
    const phones: Record<string, Page> = {};
    const who: Record<string, { name: string; memberId: string }> = {};
    for (const username of ['member', 'ft_member']) {
      phones[username] = await e2e.as(username, { width: 390, height: 844 });
      const me = await call(phones[username], 'GET', '/api/auth/me');
      const member = await call(phones[username], 'GET', `/api/members/${me.user.memberId}`);
      who[username] = { name: member.name, memberId: me.user.memberId };
    }
    const city = await e2e.as('city_admin');
    await city.goto(`${e2e.base}/joint`);
    await button(city, '组织联合视察调研').click();
    await opened(dialog(city));
    await dialog(city).getByLabel('名称', { exact: true }).fill(jointTitle);
    const [from, to] = await city.evaluate(() => {
      const f = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      return [f(new Date(Date.now() - 10 * 60_000)), f(new Date(Date.now() + 150 * 60_000))];
    });
    const inputs = dialog(city).locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(from);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await dialog(city).getByLabel('地点', { exact: true }).fill('茅洲河');
    await choose(city, '参加的区政协', '龙岗区政协');
    await choose(city, '参加的区政协', '福田区政协');
    // a district's roster is long: type the name, then pick it
    for (const [label, name] of [['龙岗区政协邀请的委员', who.member.name], ['福田区政协邀请的委员', who.ft_member.name]]) {
      const field = dialog(city).getByLabel(label, { exact: true });
      await field.click();
      await field.fill(name);
      await city.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
      await dialog(city).locator('.ant-modal-title').click();
    }
    await save(city);
    await city.waitForURL(/\/joint\/activities\/[0-9a-f-]{36}$/);
    await city.getByRole('heading', { name: /龙岗区政协（邀请1人/ }).waitFor();
    await city.getByRole('heading', { name: /福田区政协（邀请1人/ }).waitFor();
    await shot(city, 'city-organises-joint-inspection');
    // voluntary by the settings' default; the city calls 福田区's part off with a reason, then reopens it
    await city.getByTestId('joint-participation-label').getByText('自愿报名').waitFor();
    await button(city, '取消福田区政协参加').click();
    await opened(dialog(city));
    await dialog(city).getByLabel('取消原因', { exact: true }).fill('福田区当日另有全会安排');
    await save(city);
    await city.getByRole('heading', { name: /福田区政协（邀请1人.*已取消参加/ }).waitFor();
    await button(city, '恢复福田区政协参加').click();
    await city.locator('.ant-popconfirm-buttons').getByRole('button', { name: /恢\s*复/ }).click();
    await button(city, '取消福田区政协参加').waitFor();

    // each member, on a phone, in their own committee's list: replies that they will come
    for (const username of ['member', 'ft_member']) {
      const phone = phones[username];
      await phone.goto(`${e2e.base}/meetings/mine`);
      await phone.getByRole('link', { name: jointTitle }).first().click();
      await phone.getByTestId('meeting-joint').waitFor();
      await phone.getByTestId('reply-attend').click();
      await phone.getByTestId('my-invitation').getByText('将出席').first().waitFor();
      expect(await rendersChinese(phone)).toBe(true);
      await shot(phone, `${username}-sees-joint-inspection`);
    }
    // the city checks both in (on the page as it now is: their replies came in meanwhile) and closes it
    await city.reload();
    for (const username of ['member', 'ft_member']) {
      await button(city, `${who[username].name}代为签到`).click();
      await button(city, `取消${who[username].name}的签到`).waitFor();
    }
    await button(city, '结束并确认考勤').click();
    await city.locator('.ant-popconfirm-buttons').getByRole('button', { name: /确\s*认/ }).click();
    await city.getByText('已结束（考勤已确认）').waitFor();

    // 龙岗区's office sees its member take part (and no one of 福田区)
    const lgOffice = await e2e.as('office');
    await lgOffice.goto(`${e2e.base}/meetings`);
    await lgOffice.getByRole('link', { name: jointTitle }).first().click();
    await lgOffice.getByRole('row').filter({ hasText: who.member.name }).waitFor();
    expect(await lgOffice.getByText(who.ft_member.name).count()).toBe(0);
    await lgOffice.context().close();

    // each finds the entry in their own committee's record, linked to their own committee's event
    for (const username of ['member', 'ft_member']) {
      const phone = phones[username];
      await phone.goto(`${e2e.base}/meetings/mine`);
      const link = phone.getByRole('link', { name: jointTitle }).first();
      const eventPath = await link.getAttribute('href');
      await phone.goto(`${e2e.base}/performance/me`);
      await phone.locator(`a[href="${eventPath}"]`).first().waitFor();
      await shot(phone, `${username}-joint-inspection-points`);
      await phone.context().close();
    }

    // the city's districts, side by side
    await city.goto(`${e2e.base}/joint/districts`);
    await city.getByTestId('district-龙岗区政协').getByText('收到提案').waitFor();
    await city.getByTestId('district-福田区政协').getByText('出席率').waitFor();
    await city.getByTestId('district-合计').waitFor();
    expect(await rendersChinese(city)).toBe(true);
    await shot(city, 'city-district-totals');
    await city.getByRole('link', { name: '龙岗区政协报送的信息' }).click();
    await city.getByRole('heading', { name: '龙岗区政协报送的社情民意信息' }).waitFor();
    await city.context().close();
  }, 240_000);
  it('a failed download says why, on a phone: the server refusing the PDF, the network dropping the .docx; then the file arrives', async () => {
    const member = await e2e.as('member', { width: 390, height: 844 });
    const pageErrors: string[] = [];
    member.on('pageerror', (e) => pageErrors.push(e.message));
    await member.goto(`${e2e.base}/performance/me`);
    const report = '**/api/performance/members/*/report?*';
    await member.route(report, (route) =>
      new URL(route.request().url()).searchParams.get('format') === 'pdf'
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'unavailable', message: '生成 PDF 所需的中文字体不可用，请联系管理员' }) })
        : route.abort('internetdisconnected'),
    );
    await member.getByTestId('performance-report-pdf').click();
    await member.locator('.ant-message').getByText('生成 PDF 所需的中文字体不可用，请联系管理员').waitFor();
    await member.getByTestId('performance-report').click();
    await member.locator('.ant-message').getByText('无法连接服务器，请检查网络后重试').waitFor();
    await shot(member, 'member-download-fails');
    await member.unroute(report);
    const [file] = await Promise.all([member.waitForEvent('download'), member.getByTestId('performance-report').click()]);
    expect(file.suggestedFilename()).toMatch(/年度履职报告\.docx$/);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
