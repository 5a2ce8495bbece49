import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, dialog, opened, save, shot, startE2E, type E2E } from './harness.js';

const phone = { width: 390, height: 844 };
const title = '端到端：坚持和完善中国共产党领导的多党合作和政治协商制度';

/**
 * 学习 end to end: 办公室 drafts and publishes a 每日一学; a member on a phone sees it on the home page
 * (今日学习) and on 我的学习, marks it learned, checks in to a reading group with a note; their
 * 我的履职 lists the entries, each opening its item or group.
 */
describe('learning (Chromium)', () => {
  let e2e: E2E;
  let office: Page;
  let member: Page;
  let groupName = '';

  beforeAll(async () => {
    e2e = await startE2E();
    [office, member] = await Promise.all([e2e.as('office'), e2e.as('member', phone)]);
  }, 180_000);
  afterAll(() => e2e?.close());

  it('staff-publishes-item: 办公室 drafts a 每日一学 and publishes it', async () => {
    await office.goto(`${e2e.base}/learning/items`);
    await office.getByTestId('learning-item-new').click();
    const form = dialog(office);
    await opened(form);
    await form.getByTestId('item-title').fill(title);
    await form.getByTestId('item-source').fill('《中国人民政治协商会议章程》');
    await form.getByTestId('item-body').fill('中国共产党领导的多党合作和政治协商制度是我国的一项基本政治制度，是从中国土壤中生长出来的新型政党制度。');
    await save(office);
    await office.waitForURL(/\/learning\/items\/[0-9a-f-]{36}$/);
    await office.getByTestId('learning-item-publish').click();
    await office.getByText('已发布，已通知委员').waitFor();
    await office.getByTestId('learning-figures').waitFor();
    expect(await office.getByTestId('learning-figures').textContent()).toMatch(/已学 0 人/);
  });

  it('member-learns-and-checks-in: on a phone, sees it on the home page and 我的学习, marks it learned, checks in with a note', async () => {
    const me = (await call(member, 'GET', '/api/auth/me')).user;
    groupName = `端到端读书小组${Date.now() % 100000}`;
    await call(office, 'POST', '/api/learning/groups', { name: groupName, bookTitle: '人民政协理论与实践', startsOn: '2026-01-01', endsOn: '2036-12-31', memberIds: [me.memberId] });

    await member.goto(`${e2e.base}/`);
    const card = member.getByTestId('card-learningToday');
    await card.waitFor();
    expect(Number(await member.getByTestId('part-value-learningToday-today').textContent())).toBeGreaterThanOrEqual(1);
    await member.goto(`${e2e.base}/learning/mine`);
    const item = member.getByTestId('learning-item-card').filter({ hasText: title }).first();
    await item.waitFor();
    // nothing wider than the phone
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await item.getByTestId('learning-learn').click();
    await member.getByText('已标记为已学').waitFor();
    await member.getByTestId('learning-record').getByText(title).waitFor();

    const group = member.getByTestId('learning-group-card').filter({ hasText: groupName });
    await group.getByTestId('learning-checkin').click();
    const form = dialog(member);
    await opened(form);
    await form.getByTestId('checkin-reading').fill('第一章 人民政协的性质定位');
    await form.getByTestId('checkin-note').fill('专门协商机构要把协商民主贯穿履职全过程，我将结合界别特点开展调研。');
    await save(member);
    await group.getByText('今日已打卡').waitFor();
    await member.getByTestId('learning-record').getByText('第一章 人民政协的性质定位').waitFor();
    await shot(member, 'member-learning-phone');

    // the group's page: the note as the group reads it
    await group.getByRole('link', { name: groupName }).click();
    await member.getByTestId('learning-checkin-card').filter({ hasText: '结合界别特点' }).waitFor();
  });

  it('member-record-shows-learning: 我的履职 lists the 已学 and the check-in, opening the item', async () => {
    await member.goto(`${e2e.base}/performance/me`);
    const learned = member.getByTestId('entry-link').filter({ hasText: '每日一学（已学）' }).first();
    await learned.waitFor();
    await member.getByTestId('entry-link').filter({ hasText: '书香政协读书打卡' }).first().waitFor();
    await learned.click();
    await member.waitForURL(/\/learning\/items\//);
    await member.getByTestId('learning-item-body').waitFor();
  });
});
