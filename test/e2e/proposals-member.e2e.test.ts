import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rendersChinese, shot, startE2E, type E2E } from './harness.js';

/** antd writes two-character button labels with a space between the characters. */
const button = (scope: Page | ReturnType<Page['locator']>, text: string) => scope.getByRole('button', { name: new RegExp(`^${text.split('').join('\\s*')}$`) });
/** Confirms the open popconfirm and waits until it has gone (clicking again while it fades would close the next one). */
async function confirmPop(page: Page) {
  await button(page.locator('.ant-popconfirm:visible'), '确定').click();
  await page.locator('.ant-popconfirm:visible').waitFor({ state: 'detached' });
}
const toast = (page: Page) => page.locator('.ant-message-notice');
/** Opens the antd select labelled `label`, types to search and picks the option containing `option`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(option).catch(() => undefined);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}
/** How far the page (or one element) is wider than the screen; 0 when nothing sticks out sideways. */
const overflow = (page: Page, selector = 'html') =>
  page.evaluate((s) => {
    const el = document.querySelector(s)!;
    const right = Math.max(el.scrollWidth + el.getBoundingClientRect().left, document.documentElement.scrollWidth);
    return right - window.innerWidth;
  }, selector);

/** A logged-in API client for preparing state (cookie and CSRF token of a demo account). */
async function apiAs(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const headers = { cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': (await res.json()).csrfToken, 'content-type': 'application/json' };
  return { base, headers };
}
type Client = Awaited<ReturnType<typeof apiAs>>;
/** A setup call through the API; fails the test on any error answer. */
async function call<T = { id: string; version: number; title: string }>(client: Client, path: string, body?: unknown, method: 'POST' | 'PATCH' = 'POST'): Promise<T> {
  const res = await fetch(`${client.base}${path}`, { method, headers: client.headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

const EARLIER = '关于治理中小学校门口上下学时段交通拥堵的建议';
const TITLE = '关于在中小学校周边设置家长接送临时停车区的建议';
const BACKGROUND = '我区中小学校上下学高峰时段，校门口家长接送车辆临时停放无序，人车混行，交通拥堵，存在安全隐患。';
const SUGGESTIONS = '一是在学校周边设置家长接送临时停车区；二是完善交通标志标线；三是建立教育、交警、城管联动机制。';

/**
 * 提案 in the browser from the member's side: writing with similar proposals alongside, inviting a
 * co-signer who confirms from the invitation list, submitting, and the proposal office finding it;
 * the same pages on a phone. API calls only prepare state; the role under test acts in the page.
 */
describe('proposals: member pages (Chromium)', () => {
  let e2e: E2E;
  let url = '';
  let earlierId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    // an earlier filed proposal on the same problem, so the similar panel has something to find
    const member3 = await apiAs(e2e.base, 'member3');
    const staff = await apiAs(e2e.base, 'staff');
    let p = await call(member3, '/api/proposals', { title: EARLIER, category: '教育事业', authorType: 'individual', background: `上下学时段学校门口接送车辆多，交通拥堵。${BACKGROUND}`, analysis: '', suggestions: '建议设置临时停车区，错峰放学，增派交警和志愿者疏导交通。' });
    p = await call(member3, `/api/proposals/${p.id}/actions/submit`, { version: p.version });
    p = await call(staff, `/api/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准' });
    p = await call(staff, `/api/proposals/${p.id}/actions/reReview`, { version: p.version, opinion: '同意立案' });
    await call(staff, `/api/proposals/${p.id}/actions/file`, { version: p.version });
    earlierId = p.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  it('member-submits-joint-proposal: similar proposals while writing, member2 confirms from the invitation list, staff sees it for review', async () => {
    const member2 = await e2e.as('member2');
    const me2 = await member2.evaluate(async () => (await fetch('/api/auth/me')).json());
    const name2: string = (await member2.evaluate(async (id) => (await fetch(`/api/members/${id}`)).json(), me2.user.memberId)).name;

    const member = await e2e.as('member');
    await member.goto(`${e2e.base}/proposals/mine`);
    await member.getByTestId('proposal-new').click();
    await expect.poll(() => member.getByTestId('session-window').textContent()).toMatch(/大会提案|平时提案/);
    await member.getByLabel('案由（标题）').fill(TITLE);
    await choose(member, '类别', '教育事业');
    await member.getByLabel('联名提案').check();
    await choose(member, '邀请联名委员', name2);
    await member.keyboard.press('Escape');
    await member.getByLabel('情况').fill(BACKGROUND);
    // the earlier filed proposal shows up beside the text, with its number, state and score
    const similar = member.getByTestId('similar-item').filter({ hasText: EARLIER });
    await similar.waitFor();
    expect(await similar.textContent()).toMatch(/第\d{4}号.*已立案.*相似度 \d+%/);
    await member.getByLabel('建议').fill(SUGGESTIONS);
    // supporting material goes up with the draft
    await member.locator('input[type=file]').setInputFiles({ name: '周边交通调研.txt', mimeType: 'text/plain', buffer: Buffer.from('早高峰接送车辆调查数据') });
    await member.getByText('周边交通调研.txt').waitFor();
    // a joint proposal cannot go in before the invited member confirms: only the draft can be saved
    expect(await member.getByTestId('proposal-save-submit').count()).toBe(0);
    await member.getByTestId('proposal-save').click();
    await member.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    url = member.url();
    await member.getByTestId('proposal-attachments').getByText('周边交通调研.txt').waitFor();
    await member.getByTestId('cosigners').getByText(`${name2} · 待确认`).waitFor();
    // the server's own words when submitting too early
    await member.getByTestId('action-submit').click();
    await confirmPop(member);
    await toast(member).filter({ hasText: '尚有受邀委员未确认联名' }).waitFor();

    await member2.goto(`${e2e.base}/proposals/cosign`);
    const invitation = member2.getByTestId('proposals-cosign').locator('.ant-list-item').filter({ hasText: TITLE });
    await invitation.getByTestId('cosign-accept').click();
    await toast(member2).filter({ hasText: '已确认联名' }).waitFor();
    await invitation.waitFor({ state: 'detached' });
    expect(await rendersChinese(member2)).toBe(true);

    await member.reload();
    await member.getByTestId('cosigners').getByText(`${name2} · 已确认`).waitFor();
    await member.getByTestId('action-submit').click();
    await confirmPop(member);
    await expect.poll(() => member.getByTestId('proposal-status').textContent()).toBe('待预审');
    await member.getByText(/^(大会提案|平时提案)$/).waitFor();
    await shot(member, 'proposals-member-submitted-joint');

    const staff = await e2e.as('staff');
    await staff.goto(`${e2e.base}/proposals/review`);
    await staff.getByTestId('review-table').getByRole('link', { name: TITLE }).click();
    await staff.waitForURL(url);
    await staff.getByTestId('cosigners').getByText(`${name2} · 已确认`).waitFor();
    await staff.getByTestId('proposal-attachments').getByText('周边交通调研.txt').waitFor();
    await staff.getByTestId('action-preReview').waitFor();
    expect(await rendersChinese(staff)).toBe(true);
    await shot(staff, 'proposals-staff-sees-joint-proposal');
  }, 240_000);

  it('a stale page cannot overwrite a newer version: the member is told in Chinese and the page reloads', async () => {
    const member = await e2e.as('member');
    const api = await apiAs(e2e.base, 'member');
    const draft = await call(api, '/api/proposals', { title: '关于增设社区长者食堂的建议', category: '社会事业', authorType: 'individual', background: '社区老人就餐不便。', analysis: '', suggestions: '在每个街道设置长者食堂。' });
    await member.goto(`${e2e.base}/proposals/${draft.id}`);
    await member.getByTestId('action-submit').waitFor();
    // meanwhile the same proposal is changed elsewhere (another tab)
    await call(api, `/api/proposals/${draft.id}`, { version: draft.version, title: '关于在各街道增设社区长者食堂的建议' }, 'PATCH');
    await member.getByTestId('action-submit').click();
    await confirmPop(member);
    await toast(member).filter({ hasText: '该记录已被他人修改，请刷新后重试' }).waitFor();
    await expect.poll(() => member.getByTestId('proposal-title').textContent()).toBe('关于在各街道增设社区长者食堂的建议');
    await member.getByTestId('action-submit').click();
    await confirmPop(member);
    await expect.poll(() => member.getByTestId('proposal-status').textContent()).toBe('待预审');
  }, 120_000);

  it('leader-instructs-key-proposal: the leader finds the key proposal they lead and writes an instruction on it', async () => {
    // the office shortlists it and records the chairs' meeting's choice (重点提案督办), the leader leading it
    const staffApi = await apiAs(e2e.base, 'staff');
    const options = await (await fetch(`${e2e.base}/api/proposals/key-proposals/options`, { headers: staffApi.headers })).json();
    const leader = await e2e.as('leader');
    const me = await leader.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(options.leaders.map((l: { id: string }) => l.id)).toContain(me.user.id);
    const { key } = await call<{ key: { id: string; version: number } }>(staffApi, '/api/proposals/key-proposals', { proposalId: earlierId, note: '事关学生上下学安全，群众关注度高' });
    await call(staffApi, `/api/proposals/key-proposals/${key.id}/actions/select`, { version: key.version, decidedOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), decisionRef: '十届第15次主席会议', chairUserId: me.user.id, govLeaderName: '副区长 李明' });

    await leader.goto(`${e2e.base}/proposals/led`);
    await leader.getByTestId('proposals-led').getByRole('link', { name: EARLIER }).click();
    await leader.getByText('领办领导', { exact: true }).waitFor();
    await leader.getByTestId('action-instruct').click();
    const dialog = leader.locator('.ant-modal-wrap:visible .ant-modal');
    await dialog.getByLabel('批示内容').fill('请区教育局会同交警部门抓紧研究，年内拿出校园周边交通整治方案。');
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await leader.getByTestId('instructions').getByText(/年内拿出校园周边交通整治方案/).waitFor();
    expect(await rendersChinese(leader)).toBe(true);
    await shot(leader, 'proposals-leader-instructs');
  }, 120_000);

  it('staff-enters-collective-proposal: the office enters a proposal of a party and submits it in one go', async () => {
    const staff = await e2e.as('staff');
    await staff.goto(`${e2e.base}/proposals/collective`);
    await staff.getByTestId('proposal-new').click();
    // staff write for a body, never as an individual member
    expect(await staff.getByLabel('个人提案').count()).toBe(0);
    await staff.getByLabel('案由（标题）').fill('关于加强新就业形态劳动者权益保障的建议');
    await choose(staff, '类别', '社会事业');
    await staff.getByLabel('提案单位（党派、团体、专委会或界别）').fill('民盟龙岗区基层委员会');
    await staff.getByLabel('情况').fill('外卖骑手、网约车司机等新就业形态劳动者参保率低，劳动权益保障不足。');
    await staff.getByLabel('建议').fill('一是推动平台企业为劳动者参加职业伤害保障；二是建设骑手驿站；三是畅通维权渠道。');
    await staff.getByTestId('proposal-save-submit').click();
    await staff.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await expect.poll(() => staff.getByTestId('proposal-status').textContent()).toBe('待预审');
    await staff.getByText('集体提案（民盟龙岗区基层委员会）').waitFor();
    await staff.goto(`${e2e.base}/proposals/collective`);
    await staff.getByTestId('proposals-mine').getByRole('link', { name: '关于加强新就业形态劳动者权益保障的建议' }).waitFor();
  }, 120_000);

  it('on a phone (390 px wide) the member writes, sees similar proposals and follows the lists without anything sticking out sideways', async () => {
    const phone = await e2e.as('member', { width: 390, height: 844 });
    await phone.goto(`${e2e.base}/proposals/new`);
    await phone.getByLabel('案由（标题）').fill(TITLE);
    await phone.getByLabel('联名提案').check();
    await phone.getByLabel('情况').fill(BACKGROUND);
    // the panel sits below the form on a phone; a line under the title says what it found
    await phone.getByTestId('similar-hint').filter({ hasText: EARLIER }).waitFor();
    await phone.getByTestId('similar-item').filter({ hasText: EARLIER }).waitFor();
    expect(await overflow(phone, 'form#proposal')).toBeLessThanOrEqual(0);
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    expect(await rendersChinese(phone)).toBe(true);
    await shot(phone, 'proposals-member-phone-form');

    for (const path of ['/proposals/mine', '/proposals/cosign', url.replace(e2e.base, '')]) {
      await phone.goto(`${e2e.base}${path}`);
      await phone.getByText(/我的提案|邀请我联名的提案|联名委员/).first().waitFor();
      await phone.waitForLoadState('networkidle');
      expect(await overflow(phone), path).toBeLessThanOrEqual(0);
    }
    // my proposals are cards on a phone, each with its state
    await phone.goto(`${e2e.base}/proposals/mine`);
    await phone.getByTestId('proposals-mine').getByText(TITLE).waitFor();
    await shot(phone, 'proposals-member-phone-list');
  }, 120_000);
});
