import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { newIssue } from '../support/opinions.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';

/** 转为社情民意信息: the review hands the proposal to the information office as a report, text and author intact. */
describe.each(dbKinds)('converting a proposal into an opinion report on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('lands in the information office queue with the whole text; the author follows it and is credited when it is adopted', async () => {
    const [member, staff, info] = await Promise.all(['member', 'staff', 'info'].map((u) => t.as(u)));
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于解决小区周边夜间施工噪音扰民的建议' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    const bad = await staff.post(`/api/proposals/${p.id}/actions/convert`, { version: p.version, to: 'report', reason: '反映具体问题' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('转为');
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/convert`, { version: p.version, to: 'opinion', reason: '所提问题具体，宜以社情民意信息反映' }));
    expect(p.status).toBe('converted');
    expect(p.convertedOpinion).toMatchObject({ title: p.title, status: 'submitted' });

    const o = await ok(info.get(`/api/opinions/${p.convertedOpinion.id}`));
    expect(o).toMatchObject({ status: 'submitted', fromProposalId: p.id, authorType: 'member', authorMemberId: p.leadMemberId, authorText: p.leadMemberName });
    for (const part of [sampleDraft.background, sampleDraft.analysis, sampleDraft.suggestions]) expect(o.body).toContain(part);
    expect(o.serial).toBeGreaterThan(0);
    const queue = await ok(info.get('/api/opinions?pageSize=200'));
    expect(queue.items.map((x: any) => x.id)).toContain(o.id);
    expect((await ok(info.get('/api/notifications'))).items.some((n: any) => n.title === `提案转来社情民意：${p.title}`)).toBe(true);
    // the author reads it as their own report; no second submission credit for the same text
    expect((await ok(member.get(`/api/opinions/${o.id}`))).id).toBe(o.id);
    const credit = (kind: string) =>
      t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceType, 'opinion'), eq(ledgerEntries.sourceId, o.id), eq(ledgerEntries.kind, kind)));
    expect(await credit('opinion.submitted')).toHaveLength(0);
    const issue = await newIssue(info);
    await ok(info.post(`/api/opinions/${o.id}/actions/adopt`, { version: o.version, issueId: issue.id }));
    expect((await credit('opinion.adopted')).map((e) => e.memberId)).toEqual([p.leadMemberId]);
    // and another member, or another district, does not see it
    expect((await (await t.as('member2')).get(`/api/opinions/${o.id}`)).status).toBe(404);
    expect((await (await t.as('ft_info')).get(`/api/opinions/${o.id}`)).status).toBe(404);
  });

  it('converting to a suggestion (意见建议) creates no report', async () => {
    const [member, staff] = await Promise.all(['member', 'staff'].map((u) => t.as(u)));
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于优化社区公园开放时间的建议' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/convert`, { version: p.version, to: 'suggestion', reason: '转有关部门参考' }));
    expect(p.convertedOpinion).toBeNull();
  });
});
