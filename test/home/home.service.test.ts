import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, memberIdOf, ok, sampleDraft, unitIdByName } from '../support/proposals.js';
import type { HomeCard } from '../../src/shared/home/cards.js';

type Cards = Map<string, HomeCard>;

/** Every figure with parts equals their sum, and every figure and part names a list to open. */
function expectSummed(cards: HomeCard[]) {
  for (const c of cards) {
    expect(c.link, c.label).toMatch(/^\//);
    if (c.parts) expect(c.value, c.label).toBe(c.parts.reduce((n, p) => n + p.value, 0));
    for (const p of c.parts ?? []) expect(p.link, `${c.label} · ${p.label}`).toMatch(/^\//);
  }
}

/**
 * 首页 by role: a member's own drafts, co-sign invitations, replies to rate, meetings to answer and
 * the year against the quotas; a unit's deadlines from its worklist; the proposal office's queues.
 * Each figure equals the sum of its parts and the total of the list it links to, and counts only
 * the person's own items.
 */
describe.each(dbKinds)('home page figures on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Promise<Client>>();
  const as = (who: string) => (clients.has(who) ? clients.get(who)! : (clients.set(who, t.as(who)), clients.get(who)!));
  const cards = async (who: string): Promise<Cards> => {
    const body = await ok<{ cards: HomeCard[] }>((await as(who)).get('/api/dashboard'));
    expectSummed(body.cards);
    return new Map(body.cards.map((c) => [c.key, c]));
  };
  const listTotal = async (who: string, query: string) => (await ok((await as(who)).get(`/api/proposals?${query}`))).total as number;
  const value = (c: Cards, key: string) => {
    expect(c.has(key), key).toBe(true);
    return c.get(key)!.value;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('member: drafts, co-sign invitations and replies to rate equal the lists they open, and count only their own', async () => {
    const before = { member: await cards('member'), member2: await cards('member2') };
    for (const [who, c] of Object.entries(before)) {
      const drafts = (await listTotal(who, 'scope=mine&status=draft')) + (await listTotal(who, 'scope=mine&status=returned'));
      expect(value(c, 'proposalDrafts'), who).toBe(drafts);
      expect(value(c, 'proposalCosign'), who).toBe(await listTotal(who, 'scope=cosign'));
      expect(value(c, 'proposalRatings'), who).toBe(await listTotal(who, 'scope=mine&status=replied'));
    }
    const member2 = await memberIdOf(t, 'member2');
    await ok((await as('member')).post('/api/proposals', { ...sampleDraft, title: '关于推进老旧小区加装电梯的建议', authorType: 'joint', cosignerIds: [member2] }));

    const after = { member: await cards('member'), member2: await cards('member2') };
    expect(value(after.member, 'proposalDrafts')).toBe(value(before.member, 'proposalDrafts') + 1);
    expect(after.member.get('proposalDrafts')!.parts!.find((p) => p.key === 'draft')!.link).toBe('/proposals/mine?status=draft');
    expect(value(after.member, 'proposalCosign')).toBe(value(before.member, 'proposalCosign'));
    // someone else's draft is not member2's to finish; the invitation is theirs to answer
    expect(value(after.member2, 'proposalDrafts')).toBe(value(before.member2, 'proposalDrafts'));
    expect(value(after.member2, 'proposalCosign')).toBe(value(before.member2, 'proposalCosign') + 1);
    expect(value(after.member2, 'proposalCosign')).toBe(await listTotal('member2', 'scope=cosign'));
  });

  it('member: my proposals by state add up to my list without drafts, returned and replied', async () => {
    const c = await cards('member');
    const all = await listTotal('member', 'scope=mine');
    expect(value(c, 'proposalProgress') + value(c, 'proposalDrafts') + value(c, 'proposalRatings')).toBe(all);
    for (const p of c.get('proposalProgress')!.parts!) expect(p.value, p.label).toBe(await listTotal('member', `scope=mine&status=${p.key}`));
  });

  it('member: a meeting to answer and one to check in to today, each part opening that meeting', async () => {
    const m1 = await memberIdOf(t, 'member');
    const office = await as('office');
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const before = await cards('member');
    const later = await ok(office.post('/api/meetings', { kind: 'activityDay', title: '委员活动日：走进坂田街道', startsAt: at(60 * 24 * 3), endsAt: at(60 * 24 * 3 + 120), mandatory: true, invitations: [{ type: 'members', ids: [m1] }] }));
    const now = await ok(office.post('/api/meetings', { kind: 'reading', title: '读书活动：学习全国政协章程', startsAt: at(-5), endsAt: at(120), mandatory: true, invitations: [{ type: 'members', ids: [m1] }] }));
    const after = await cards('member');
    const replies = after.get('meetingReplies')!;
    expect(replies.value).toBe(value(before, 'meetingReplies') + 2);
    expect(replies.parts!.map((p) => p.link)).toEqual(expect.arrayContaining([`/meetings/${later.id}`, `/meetings/${now.id}`]));
    const checkIn = after.get('meetingCheckIn')!;
    expect(checkIn.parts!.map((p) => p.link)).toContain(`/meetings/${now.id}`);
    expect(checkIn.parts!.map((p) => p.link)).not.toContain(`/meetings/${later.id}`);
    // member2 was not invited
    const other = await cards('member2');
    expect(other.get('meetingReplies')!.parts!.map((p) => p.key)).not.toContain(now.id);
  });

  it('member: the year against the quotas is the record 我的履职 shows', async () => {
    const c = await cards('member');
    const record = await ok((await as('member')).get('/api/performance/me'));
    expect(record.quotas.length).toBeGreaterThan(0);
    for (const q of record.quotas) {
      const card = c.get(`quota-${q.key}`)!;
      expect(card.value, q.label).toBe(q.have);
      expect(card.alert, q.label).toBe(!q.met);
    }
    expect([...c.keys()].filter((k) => k.startsWith('quota-'))).toHaveLength(record.quotas.length);
  });

  it('unit: waiting and overdue items by type equal its worklist; other units’ items are not counted', async () => {
    const staff = await as('staff');
    const before = { unit: await cards('unit'), unit3: await cards('unit3') };
    const { p } = await filedProposal(t, { ...sampleDraft, title: '关于完善社区养老服务驿站布局的建议' });
    await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: await unitIdByName(staff, '区教育局'), role: 'sole' }] }));
    for (const who of ['unit', 'unit3']) {
      const c = await cards(who);
      const w = await ok((await as(who)).get('/api/handling/worklist'));
      expect(value(c, 'worklist'), who).toBe(w.total);
      expect(value(c, 'worklistOverdue'), who).toBe(w.overdue);
      for (const part of c.get('worklist')!.parts!) expect(part.value).toBe(w.counts.find((x: { type: string }) => x.type === part.key).count);
    }
    expect(value(await cards('unit'), 'worklist')).toBe(value(before.unit, 'worklist') + 1);
    expect(value(await cards('unit3'), 'worklist')).toBe(value(before.unit3, 'worklist'));
  });

  it('staff of the proposal office: the review queue, filed to assign and overdue equal their lists; members see none of them', async () => {
    const c = await cards('staff');
    expect(value(c, 'proposalReview')).toBe(await listTotal('staff', 'scope=review'));
    expect(value(c, 'proposalFiled')).toBe(await listTotal('staff', 'scope=all&status=filed'));
    expect(value(c, 'proposalOverdue')).toBe(await listTotal('staff', 'scope=all&overdue=1'));
    const info = await cards('info');
    expect(info.get('opinionQueue')!.parts!.find((p) => p.key === 'queue')!.value).toBe((await ok((await as('info')).get('/api/opinions?scope=queue'))).total);
    expect(c.has('opinionQueue')).toBe(false);
    const member = await cards('member');
    for (const key of ['proposalReview', 'proposalFiled', 'proposalOverdue', 'worklist', 'opinionQueue']) expect(member.has(key), key).toBe(false);
    const unit = await cards('unit');
    for (const key of ['proposalDrafts', 'meetingReplies', 'proposalReview']) expect(unit.has(key), key).toBe(false);
  });
});
