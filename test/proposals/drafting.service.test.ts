import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { realMessages, realProposals } from '../support/real-texts.js';
import { distinctSuggestions } from '../../src/server/modules/proposals/drafting/concrete.js';

const real = realProposals();
const byTitle = (start: string) => real.find((p) => p.title.startsWith(start))!;
/** A well-formed real proposal: three parts, 关于…的建议, concrete numbered suggestions. */
const wellFormed = byTitle('关于切实制止在酒店开展非法集资');
/** A real proposal on an unrelated subject (教育事业: opening school sports grounds). */
const schools = byTitle('关于开放中小学体育设施');
const draftOf = (p: (typeof real)[number]) => ({ title: p.title, background: p.background, analysis: p.analysis, suggestions: p.suggestions, category: p.category });
const checks = (r: { advice: { check: string }[] }) => r.advice.map((a) => a.check);

describe.each(dbKinds)('drafting help on %s', (kind) => {
  let t: TestApp;
  // the chair (a member with no demo proposals of their own) writes; member2 is someone else
  let member: Client, member2: Client, staff: Client, admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    [member, member2, staff, admin] = await Promise.all([t.as('leader'), t.as('member2'), t.as('staff'), t.as('admin')]);
  });
  const put = (c: Client, url: string, payload: object) => c.request({ method: 'PUT', url, payload });
  afterAll(() => t.close());
  const advice = (c: Client, d: object) => ok(c.post('/api/proposals/drafting/advice', d));

  it('gives a well-formed real proposal no advice on parts, title, concreteness or issues', async () => {
    const r = await advice(member, draftOf(wellFormed));
    expect(checks(r)).toEqual([]);
  });

  it('一事一案: a draft whose suggestions join two real proposals on unrelated subjects is advised to split, with the groups', async () => {
    const a = distinctSuggestions(wellFormed.suggestions).slice(0, 2).map((x) => x.text);
    const b = distinctSuggestions(schools.suggestions).slice(0, 2).map((x) => x.text);
    const suggestions = [...a, ...b].map((x, i) => `${i + 1}.${x.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, '')}`).join('\n');
    const r = await advice(member, { ...draftOf(wellFormed), suggestions });
    const one = r.advice.find((x: any) => x.check === 'oneIssue');
    expect(one, JSON.stringify(r.advice)).toBeTruthy();
    expect(one.label).toBe('一事一案');
    expect(one.detail.groups).toHaveLength(2);
    expect(one.detail.groups.map((g: any) => g.items)).toEqual([[1, 2], [3, 4]]);
    expect(one.because).toContain('第3、4条');
    // each half alone is one issue
    expect(checks(await advice(member, { ...draftOf(wellFormed), suggestions: a.join('\n') }))).not.toContain('oneIssue');
  });

  it('情况/分析/建议: names the empty or too short part', async () => {
    const r = await advice(member, { ...draftOf(wellFormed), analysis: '原因较多。' });
    const parts = r.advice.find((x: any) => x.check === 'parts');
    expect(parts.detail.parts).toEqual(['analysis']);
    expect(parts.because).toContain('“分析”只有4个字');
  });

  it('建议具体: a single vague suggestion is flagged; counts bodies, numbers and time limits', async () => {
    const r = await advice(member, { ...draftOf(wellFormed), suggestions: '建议有关方面高度重视，进一步加强管理，切实提高工作水平。' });
    const c = r.advice.find((x: any) => x.check === 'concrete');
    expect(c.detail).toEqual({ count: 1, concrete: 0 });
    expect(c.because).toContain('识别到1条建议（至少2条）');
    const good = await advice(member, { ...draftOf(wellFormed), suggestions: '1.由区市场监管局牵头，2025年底前建立酒店会议活动报备制度。\n2.每年开展2次防范非法集资专项培训。' });
    expect(checks(good)).not.toContain('concrete');
  });

  it('案由: a real title not in the usual form gets one in that form', async () => {
    const p = byTitle('加强科技创新，推动制造业转型升级');
    const r = await advice(member, draftOf(p));
    const title = r.advice.find((x: any) => x.check === 'title');
    expect(title.detail.suggested).toBe('关于加强科技创新，推动制造业转型升级的建议');
  });

  it('本人提过的: the author’s own earlier proposal on the same issue, not someone else’s', async () => {
    const p = byTitle('关于加强商务楼宇管理');
    const mine = await ok(member.post('/api/proposals', { ...draftOf(p), authorType: 'individual' }));
    await ok(member.post(`/api/proposals/${mine.id}/actions/submit`, { version: mine.version }));
    const r = await advice(member, draftOf(wellFormed)); // the same issue: illegal fund-raising in hotels and office buildings
    const own = r.advice.find((x: any) => x.check === 'ownEarlier');
    expect(own.detail.proposals[0]).toEqual(expect.objectContaining({ id: mine.id, title: p.title, statusLabel: '待预审' }));
    expect(checks(await advice(member2, draftOf(wellFormed)))).not.toContain('ownEarlier');
    // the proposal being edited is not its own earlier one
    expect(checks(await advice(member, { ...draftOf(p), excludeId: mine.id }))).not.toContain('ownEarlier');
    // a reviewer sees the author's earlier proposals they may read, never the author's drafts
    const draft = await ok(member.post('/api/proposals', { ...draftOf(wellFormed), authorType: 'individual' }));
    let sent = await ok(member.post('/api/proposals', { ...draftOf(wellFormed), title: '关于防范酒店非法集资活动的建议', authorType: 'individual' }));
    sent = await ok(member.post(`/api/proposals/${sent.id}/actions/submit`, { version: sent.version }));
    const seen = (await ok(staff.get(`/api/proposals/${sent.id}/advice`))).advice.find((x: any) => x.check === 'ownEarlier').detail.proposals.map((x: any) => x.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(draft.id);
    expect((await advice(member, draftOf(wellFormed))).advice.find((x: any) => x.check === 'ownEarlier').detail.proposals.map((x: any) => x.id)).toContain(draft.id);
  });

  it('其他渠道: a real citizen message reads as a personal request; the advice offers 社情民意 and the portal’s 民生诉求 form', async () => {
    const m = realMessages().find((x) => x.title.includes('工地受伤'))!;
    const r = await advice(member, { title: m.title, background: m.text, analysis: '', suggestions: '' });
    const ch = r.advice.find((x: any) => x.check === 'channel');
    expect(ch.detail).toEqual(expect.objectContaining({ opinion: true, request: true }));
    expect(ch.detail.words.length).toBeGreaterThanOrEqual(2);
    expect(ch.because).toContain('反映民生诉求');
  });

  it('follows the committee’s settings: checks switched off, thresholds and wording', async () => {
    const current = await ok(admin.get('/api/settings/proposalDrafting'));
    await ok(put(admin, '/api/settings/proposalDrafting', {
      version: current.version,
      values: { checks: ['concrete', 'parts'], minSuggestions: 5, wording: [{ check: 'concrete', text: '请至少提出五条建议。' }] },
    }));
    const r = await advice(member, { ...draftOf(wellFormed), title: '加强酒店管理' }); // three suggestions; the title check is off
    expect(checks(r)).toEqual(['concrete']);
    expect(r.advice[0].message).toBe('请至少提出五条建议。');
    expect(r.advice[0].because).toContain('至少5条');
    const bad = await put(admin, '/api/settings/proposalDrafting', { version: current.version + 1, values: { minSuggestions: 0 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('至少几条不同的具体建议');
    const back = await ok(admin.get('/api/settings/proposalDrafting'));
    await ok(put(admin, '/api/settings/proposalDrafting', { version: back.version, values: {} }));
  });

  const similar = (c: Client, text: string) => ok(c.get(`/api/proposals/similar?text=${encodeURIComponent(text)}&limit=10`));
  const listed = async (status: string) => (await ok(staff.get(`/api/proposals?status=${status}&historical=0&pageSize=50`))).items;

  it('shows how each similar proposal ended: units, reply classes with what they said, the rating, the published reply', async () => {
    const closed = await listed('closed');
    expect(closed.length).toBeGreaterThan(0);
    const p = await ok(staff.get(`/api/proposals/${closed[0].id}`));
    const hit = (await similar(member2, `${p.title}\n${p.suggestions}`)).find((h: any) => h.id === p.id);
    expect(hit.outcome.stage).toBe('closed');
    expect(hit.outcome.units.map((u: any) => u.name)).toEqual(expect.arrayContaining(p.assignments.map((a: any) => a.unitName)));
    const sent = p.replies.filter((r: any) => r.status === 'sent');
    expect(hit.outcome.replies.map((r: any) => r.answerClass)).toEqual(sent.map((r: any) => r.answerClass));
    expect(hit.outcome.replies[0].answerLabel).toMatch(/解决|规划|参考|条件/);
    expect(hit.outcome.replies[0].excerpt.length).toBeGreaterThan(10);
    expect(hit.outcome.ratings.map((r: any) => r.resultLabel)).toEqual(p.ratings.map((r: any) => ({ satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' })[r.result as string]));
    expect(hit.outcome.link).toEqual({ href: `/portal/proposals/${p.id}`, label: '查看公开的答复' });
    expect(hit.outcome.summary).toContain('已办结');
  });

  it('the demo’s previous session was handled in the product: replies of every class, each marked as demo data; ratings of every kind; a second round; published', async () => {
    const closed = (await listed('closed')) as { id: string; year: number }[];
    const first = Math.min(...closed.map((p) => p.year));
    expect(first).toBeLessThan(Math.max(...closed.map((p) => p.year)));
    const before = await Promise.all(closed.filter((p) => p.year === first).map((p) => ok(staff.get(`/api/proposals/${p.id}`))));
    const replies = before.flatMap((p: any) => p.replies.filter((r: any) => r.status === 'sent'));
    expect([...new Set(replies.map((r: any) => r.answerClass))].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(replies.filter((r: any) => !r.body.startsWith('【演示数据】'))).toEqual([]);
    expect([...new Set(before.flatMap((p: any) => p.ratings.map((r: any) => r.result)))].sort()).toEqual(['basically', 'satisfied', 'unsatisfied']);
    expect(before.some((p: any) => p.handlingRound >= 2)).toBe(true);
    expect(before.filter((p: any) => !p.publishedAt).map((p: any) => p.title)).toEqual([]);
  });

  it('shows what a similar proposal’s unit promised (列入计划) by when, and whether it was kept', async () => {
    const closed = (await listed('closed')) as { id: string; year: number }[];
    const first = Math.min(...closed.map((p) => p.year));
    const before = await Promise.all(closed.filter((p) => p.year === first).map((p) => ok(staff.get(`/api/proposals/${p.id}`))));
    const promised = before.filter((p: any) => p.replies.some((r: any) => r.promiseOutcome));
    // the demo's previous session: one promise kept, one not
    expect(promised.map((p: any) => p.replies.find((r: any) => r.promiseOutcome).promiseOutcome).sort()).toEqual(['broken', 'kept']);
    for (const p of promised) {
      const reply = p.replies.find((r: any) => r.promiseOutcome);
      const hit = (await similar(member2, `${p.title}\n${p.suggestions}`)).find((h: any) => h.id === p.id);
      const label = reply.promiseOutcome === 'kept' ? '已兑现' : '未兑现';
      expect(hit.outcome.replies[0].promise).toEqual({ text: reply.promise, by: reply.promisedBy, outcome: reply.promiseOutcome, statusLabel: label, note: reply.promiseNote });
      expect(hit.outcome.summary).toContain(`承诺${label}`);
    }
  });

  it('shows reviewers why similar proposals were not filed; a member never sees someone else’s unfiled proposal', async () => {
    const member3 = await t.as('member3');
    const m3 = (await ok(member3.get('/api/auth/me'))).user.memberId;
    // a demo proposal not filed, of someone other than member3
    const details = await Promise.all((await listed('rejected')).map((x: any) => ok(staff.get(`/api/proposals/${x.id}`))));
    const p = details.find((x: any) => x.leadMemberId !== m3)!;
    const text = `${p.title}\n${p.background}\n${p.suggestions}`;
    const forStaff = (await similar(staff, text)).find((h: any) => h.id === p.id);
    expect(forStaff.outcome).toEqual(expect.objectContaining({ stage: 'notFiled', reason: p.decisionReason }));
    expect((await similar(member2, text)).map((h: any) => h.id)).not.toContain(p.id);
    // a new proposal on the same issue, in review: its reviewers see the earlier reason
    const again = await ok(member3.post('/api/proposals', { title: p.title, background: p.background, analysis: p.analysis, suggestions: p.suggestions, category: p.category, authorType: 'individual' }));
    await ok(member3.post(`/api/proposals/${again.id}/actions/submit`, { version: again.version }));
    const review = await ok(staff.get(`/api/proposals/${again.id}/advice`));
    expect(review.notFiled[0]).toEqual(expect.objectContaining({ id: p.id, reason: p.decisionReason, stage: 'notFiled' }));
    expect(review.advice).toEqual(expect.any(Array));
    // only proposals on the same problem, not those sharing a few words (reviewMinScore)
    expect(review.notFiled.every((x: any) => x.score >= 0.15)).toBe(true);
    // the author may read the advice on their own proposal, without others' unfiled ones
    expect((await ok(member3.get(`/api/proposals/${again.id}/advice`))).notFiled.map((x: any) => x.id)).not.toContain(p.id);
    // someone who may not read the proposal is told it does not exist; a unit that may not read it too
    expect((await member2.get(`/api/proposals/${again.id}/advice`)).status).toBe(404);
    expect((await (await t.as('unit')).get(`/api/proposals/${again.id}/advice`)).status).toBe(404);
  });

  it('is refused to units; a bad draft field is named in Chinese', async () => {
    expect((await (await t.as('unit')).post('/api/proposals/drafting/advice', draftOf(wellFormed))).status).toBe(403);
    const res = await member.post('/api/proposals/drafting/advice', { ...draftOf(wellFormed), title: 'x'.repeat(101) });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('案由');
  });
});
