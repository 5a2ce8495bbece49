import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { and, isNotNull, isNull } from 'drizzle-orm';
import { checkOption, dialog, opened, save, shot, startE2E, type E2E } from './harness.js';
import { replies } from '../../src/server/platform/handling/schema.js';
import { realMessages, realProposals } from '../support/real-texts.js';
import { distinctSuggestions } from '../../src/server/modules/proposals/drafting/concrete.js';

/** A logged-in API client for preparing state and checking it (cookie and CSRF token of a demo account). */
async function apiAs(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const headers = { cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': (await res.json()).csrfToken, 'content-type': 'application/json' };
  return async <T = any>(path: string, body?: object) => {
    const r = await fetch(`${base}${path}`, body ? { method: 'POST', headers, body: JSON.stringify(body) } : { headers });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json() as Promise<T>;
  };
}
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const real = realProposals();
const hotel = real.find((p) => p.title.startsWith('关于切实制止在酒店开展非法集资'))!;
const schools = real.find((p) => p.title.startsWith('关于开放中小学体育设施'))!;
const items = (p: typeof hotel) => distinctSuggestions(p.suggestions).slice(0, 2).map((x) => x.text.replace(/^\s*[（(]?[一二三四五六七八九十\d]+[)）、.．是]?\s*/, ''));

/**
 * member-drafts-with-help (issue 23), on a phone: a member writes a proposal close to one a unit
 * answered 已解决 (A) in the session before; the panel shows that answer and the proposer's rating.
 * A draft with two unrelated suggestions gets the 一事一案 advice, and one click splits it.
 */
describe('proposals: drafting help (Chromium, 390×844)', () => {
  let e2e: E2E;
  let solved: { id: string; title: string; background: string; suggestions: string; year: number };
  let kept: typeof solved & { replies: { promise: string | null; promiseOutcome: string | null }[] };

  beforeAll(async () => {
    // the demo's promise of this year (列入计划, due at the year's end) has fallen due, with no outcome yet
    e2e = await startE2E((db) => db.update(replies).set({ promisedBy: '2020-06-30' }).where(and(isNotNull(replies.promisedBy), isNull(replies.promiseOutcome))));
    const staff = await apiAs(e2e.base, 'staff');
    // the demo's previous session, handled in the product: a proposal a unit answered A (已解决)
    const { items: closed } = await staff<{ items: { id: string; year: number }[] }>('/api/proposals?status=closed&historical=0&pageSize=100');
    const years = closed.map((p) => p.year);
    const details = await Promise.all(closed.filter((p) => p.year === Math.min(...years)).map((p) => staff(`/api/proposals/${p.id}`)));
    solved = details.find((p) => p.replies.length === 1 && p.replies[0].answerClass === 'A' && p.handlingRound <= 1);
    expect(solved, 'a previous-year proposal answered A').toBeTruthy();
    kept = details.find((p) => p.replies.some((r: any) => r.promiseOutcome === 'kept'));
    expect(kept, 'a previous-year promise kept').toBeTruthy();
  }, 240_000);
  afterAll(() => e2e?.close());

  it('member-drafts-proposal: sees how a similar proposal was answered and rated, then splits a two-issue draft', async () => {
    const page = await e2e.as('member', { width: 390, height: 844 });
    await page.goto(`${e2e.base}/proposals/new`);
    await page.getByLabel('案由（标题）').fill(solved.title.replace(/的建议$/, '的几点建议'));
    await page.getByLabel('情况').fill(solved.background);
    await page.getByLabel('建议', { exact: true }).fill(solved.suggestions);

    // the similar proposal, with the unit's answer (A, 已解决) and the proposer's rating
    const item = page.getByTestId('similar-item').filter({ hasText: solved.title });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => item.first().getByTestId('similar-reply').first().textContent()).toMatch(/A类.*已解决/);
    await expect.poll(() => item.first().getByTestId('similar-rating').first().textContent()).toMatch(/办理结果(满意|基本满意)/);
    await expect.poll(() => item.first().textContent()).toContain('查看公开的答复');
    await item.first().scrollIntoViewIfNeeded();
    await shot(page, 'drafting-similar-answered');

    // a draft whose suggestions join two unrelated subjects
    await page.getByLabel('案由（标题）').fill(hotel.title);
    await page.getByLabel('情况').fill(hotel.background);
    await page.getByLabel('分析').fill(hotel.analysis);
    await page.getByLabel('建议', { exact: true }).fill([...items(hotel), ...items(schools)].map((t, i) => `${i + 1}.${t}`).join('\n'));
    const advice = page.getByTestId('advice-oneIssue');
    await expect.poll(() => advice.count(), { timeout: 15_000 }).toBe(1);
    expect(await advice.textContent()).toContain('一事一案');
    expect(await advice.textContent()).toContain('第3、4条');
    await advice.scrollIntoViewIfNeeded();
    await shot(page, 'drafting-one-issue-advice');
    expect(await overflow(page)).toBeLessThanOrEqual(0);

    await page.getByTestId('advice-split').click();
    const link = page.getByTestId('split-draft');
    await link.waitFor();
    const newTitle = (await link.textContent())!.replace(/[《》]/g, '');
    // this draft keeps the first subject; the advice goes away once it is one issue
    const kept = await page.getByLabel('建议', { exact: true }).inputValue();
    expect(kept.split('\n')).toHaveLength(2);
    expect(kept).toContain('酒店');
    await expect.poll(() => advice.count(), { timeout: 15_000 }).toBe(0);
    // the other subject is a draft of its own
    const member = await apiAs(e2e.base, 'member');
    const mine = await member<{ items: { id: string; title: string; status: string }[] }>('/api/proposals?scope=mine&status=draft&pageSize=50');
    const split = mine.items.find((p) => p.title === newTitle)!;
    expect(split).toBeTruthy();
    const other = await member(`/api/proposals/${split.id}`);
    expect(other.suggestions).toMatch(/学生|校园|学校/);
    expect(other.suggestions).not.toContain('酒店');
    await shot(page, 'drafting-split');
  }, 180_000);

  it('staff-records-promise: the proposal office sees a promise due and records its outcome; a member drafting sees a similar proposal’s promise was kept (390×844)', async () => {
    const page = await e2e.as('staff', { width: 390, height: 844 });
    await page.goto(`${e2e.base}/proposals/promises`);
    const due = page.getByTestId('promise-item').filter({ hasText: '到期待登记' });
    await due.first().waitFor();
    const title = (await due.first().getByRole('link').textContent())!;
    expect(await due.first().textContent()).toContain('承诺：年内完成第一阶段任务');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'promises-due');
    await due.first().getByTestId('promise-record').click();
    await opened(dialog(page));
    await checkOption(dialog(page).getByLabel('部分兑现'));
    await dialog(page).getByLabel('情况说明').fill('第一阶段任务完成过半，余下部分已排入下一季度计划。');
    await save(page);
    // no longer due: among the recorded, with the demo's previous-year promises (one kept, one not)
    await expect.poll(() => due.filter({ hasText: title }).count()).toBe(0);
    await page.getByTestId('promise-states').getByText(/已登记/).click();
    const recorded = page.getByTestId('promise-item').filter({ hasText: title });
    await expect.poll(() => recorded.first().textContent()).toContain('部分兑现');
    expect(await page.getByTestId('promise-counts').textContent()).toContain('已兑现1项，部分兑现1项，未兑现1项');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'promises-recorded');

    // a member writing on the same issue sees what the unit promised, by when, and that it was kept
    const member = await e2e.as('member', { width: 390, height: 844 });
    await member.goto(`${e2e.base}/proposals/new`);
    await member.getByLabel('案由（标题）').fill(kept.title.replace(/的建议$/, '的几点建议'));
    await member.getByLabel('情况').fill(kept.background);
    await member.getByLabel('建议', { exact: true }).fill(kept.suggestions);
    const item = member.getByTestId('similar-item').filter({ hasText: kept.title });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const promise = kept.replies.find((r) => r.promiseOutcome === 'kept')!.promise!;
    await expect.poll(() => item.first().getByTestId('similar-promise').first().textContent()).toMatch(new RegExp(`承诺：${promise}（\\d{4}-\\d{2}-\\d{2} 前）已兑现`));
    await item.first().scrollIntoViewIfNeeded();
    await shot(member, 'drafting-similar-promise-kept');
  }, 180_000);

  it('member-cites-reference-topic: the year’s published topics appear on the proposal form, the closest first; the one chosen is saved with the draft', async () => {
    const page = await e2e.as('member', { width: 390, height: 844 });
    await page.goto(`${e2e.base}/proposals/new`);
    await page.getByLabel('案由（标题）').fill('关于加快老旧小区加装电梯的建议');
    await page.getByLabel('情况').fill('我区老旧小区多为六层以下住宅，没有电梯，老年居民上下楼困难，加装电梯意愿强烈但协商难、资金筹措难。');
    const panel = page.getByTestId('topic-panel');
    await panel.waitFor();
    // the topic on old residential compounds and lifts comes first once the text says so
    const first = panel.getByTestId('topic-item').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain('推进老旧小区改造和加装电梯');
    expect(await first.textContent()).toContain('与内容相近');
    await first.scrollIntoViewIfNeeded();
    await shot(page, 'drafting-reference-topics');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // searchable: a keyword narrows the list to the topics that mention it
    await panel.getByLabel('搜索参考选题').fill('托育');
    await expect.poll(() => panel.getByTestId('topic-item').count()).toBe(1);
    await panel.getByLabel('搜索参考选题').fill('');
    await panel.getByTestId('topic-item').first().getByTestId('topic-choose').click();
    await expect.poll(() => page.getByTestId('proposal-topic').textContent()).toContain('推进老旧小区改造和加装电梯');
    // a draft needs its category before it is saved
    await page.getByLabel('类别', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城乡建设' }).first().click();
    await page.getByTestId('proposal-save').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('proposal-topic-title').textContent()).toBe('推进老旧小区改造和加装电梯');
  }, 120_000);

  it('member-drafts-personal-matter: a real citizen letter gets the 其他渠道 advice; the 民生诉求 form opens with its text, and one click makes it a 社情民意 draft', async () => {
    const letter = realMessages().find((x) => x.title.includes('工地受伤'))!;
    const page = await e2e.as('member', { width: 390, height: 844 });
    await page.goto(`${e2e.base}/proposals/new`);
    await page.getByLabel('案由（标题）').fill(letter.title);
    await page.getByLabel('情况').fill(letter.text);
    const advice = page.getByTestId('advice-channel');
    await expect.poll(() => advice.count(), { timeout: 15_000 }).toBe(1);
    expect(await advice.textContent()).toContain('反映民生诉求');
    await advice.getByTestId('advice-to-opinion').waitFor();
    const [form] = await Promise.all([page.context().waitForEvent('page'), advice.getByTestId('advice-to-request').click()]);
    await form.getByTestId('request-body').waitFor();
    await expect.poll(() => form.getByTestId('request-body').inputValue()).toContain(letter.title);
    // the text came in the fragment, which is dropped once read
    expect(new URL(form.url()).hash).toBe('');
    expect(new URL(form.url()).pathname).toBe('/portal/requests/new');
    await shot(form, 'drafting-to-request-form');

    // or, with one click, the member's own 社情民意 draft with the same text (一键转社情民意)
    await advice.getByTestId('advice-to-opinion').click();
    await page.waitForURL(/\/opinions\/[0-9a-f-]{36}$/);
    const opinionId = new URL(page.url()).pathname.split('/').pop()!;
    const made = await page.evaluate(async (id) => (await fetch(`/api/opinions/${id}`)).json(), opinionId);
    expect(made).toMatchObject({ title: letter.title, status: 'draft' });
    expect(made.body).toContain(letter.text.slice(0, 20));
    await page.getByText(letter.title).first().waitFor();
  }, 120_000);

  it('staff-reviews-proposal: the review page shows the same advice and why a similar past draft was not filed', async () => {
    const staff = await apiAs(e2e.base, 'staff');
    const { items: rejected } = await staff<{ items: { id: string }[] }>('/api/proposals?status=rejected&historical=0&pageSize=20');
    const before = await staff(`/api/proposals/${rejected[0].id}`);
    expect(before.decisionReason, 'a demo proposal not filed, with its reason').toBeTruthy();
    // a member sends a proposal on the same issue, with a title not in the usual form
    const member3 = await apiAs(e2e.base, 'member3');
    const draft = await member3('/api/proposals', { title: before.title.replace(/^关于/, ''), background: before.background, analysis: before.analysis, suggestions: before.suggestions, category: before.category, authorType: 'individual' });
    await member3(`/api/proposals/${draft.id}/actions/submit`, { version: draft.version });

    const page = await e2e.as('staff', { width: 390, height: 844 });
    await page.goto(`${e2e.base}/proposals/${draft.id}`);
    const panel = page.getByTestId('review-advice');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('review-not-filed').first().textContent()).toContain(before.decisionReason);
    await expect.poll(() => panel.getByTestId('review-advice-title').count()).toBe(1);
    // the reviewer reads the advice, but the author's one-click changes are not offered
    expect(await panel.getByTestId('advice-use-title').count()).toBe(0);
    await panel.scrollIntoViewIfNeeded();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'drafting-review-advice');
  }, 120_000);
});
