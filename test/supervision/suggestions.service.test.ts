import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { supervisionSuggestions } from '../../src/server/modules/supervision/schema.js';
import { movableClock } from '../foundation/support.js';

const draft = {
  title: '关于加快老旧小区加装电梯工作的监督建议',
  findings: '监督小组走访发现，部分老旧小区加装电梯审批环节多、协调难，居民意见分歧时缺少调解机制，已批项目推进缓慢。',
  recommendations: '一是精简加装电梯审批流程，推行并联审批；二是建立街道社区协调调解机制；三是加大财政补贴和公积金提取支持力度。',
};

describe.each(dbKinds)('democratic supervision on %s', (kind) => {
  let t: TestApp;
  // the handling primitive stamps replies with the system clock, so the test moves that (Date only; timers stay real)
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T02:00:00Z`));
  let office: Client, leader: Client, member2: Client, member3: Client, unit: Client, unit2: Client;
  const login = async () => ([office, leader, member2, member3, unit, unit2] = await Promise.all(['office', 'member', 'member2', 'member3', 'unit', 'unit2'].map((u) => t.as(u))));
  /** moves the app's clock; sessions idle out over weeks, so everyone signs in again */
  const setDay = async (day: string) => {
    at(day);
    await login();
  };
  let education: string, housing: string, leaderId: string, member2Id: string;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-09-24'); // the Thursday before 中秋 and 国庆 2026
    t = await startTestApp(kind);
    await login();
    education = await unitIdByName(office, '区教育局');
    housing = await unitIdByName(office, '区住房建设局');
    leaderId = await memberIdOf(t, 'member');
    member2Id = await memberIdOf(t, 'member2');
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });
  const credits = async (memberId: string, kind: string) =>
    (await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.kind, kind), isNull(ledgerEntries.voidedAt)))).length;

  let group: any;
  it('staff-sets-up-a-group: leader and members fixed to units; membership earns ledger entries; members see only their group', async () => {
    const before = await credits(member2Id, 'supervision.member');
    const bad = await office.post('/api/supervision/groups', { name: '第九民主监督小组', term: '第七届', leaderMemberId: leaderId, memberIds: [], unitIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('监督单位');
    group = await ok(office.post('/api/supervision/groups', { name: '第九民主监督小组', term: '第七届', leaderMemberId: leaderId, memberIds: [member2Id], unitIds: [education, housing] }));
    expect(group.members.map((m: any) => m.roleLabel)).toEqual(['组长', '组员']);
    expect(group.units.map((u: any) => u.name)).toEqual(['区教育局', '区住房建设局']);
    expect(await credits(member2Id, 'supervision.member')).toBe(before + 1);
    expect((await member2.get(`/api/supervision/groups/${group.id}`)).status).toBe(200);
    expect((await member3.get(`/api/supervision/groups/${group.id}`)).status).toBe(404);
    // a forbidden read looks like not-found: the committee stands in for a group a member is not in
    expect((await member2.post('/api/supervision/groups', { name: '另一组', term: '第七届', leaderMemberId: leaderId, unitIds: [education] })).status).toBe(404);
    // stale edit → 409; removing a member voids their entry
    expect((await office.patch(`/api/supervision/groups/${group.id}`, { version: group.version + 1, description: 'x' })).status).toBe(409);
  });

  it('staff-turns-a-frequent-proposal-topic-into-a-topic: categories count their proposals; the chosen ones are linked and marked', async () => {
    const year = 2026;
    const frequent = await ok(office.get(`/api/supervision/topics/frequent?year=${year}`));
    expect(frequent.byCategory.length).toBeGreaterThan(0);
    for (const c of frequent.byCategory) expect(c.count).toBe(c.proposals.length);
    const counts = frequent.byCategory.map((c: any) => c.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(frequent.total);
    for (const g of frequent.bySimilarity) expect(g.count).toBe(g.proposals.length);
    expect((await leader.get(`/api/supervision/topics/frequent?year=${year}`)).status).toBe(403);
    const top = frequent.byCategory[0];
    const ids = top.proposals.slice(0, 3).map((p: any) => p.id);
    const missing = await office.post('/api/supervision/topics', { year, title: `${top.category}领域突出问题民主监督`, source: 'proposals', sourceProposalIds: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('来源提案');
    const topic = await ok(office.post('/api/supervision/topics', { year, title: `${top.category}领域突出问题民主监督`, source: 'proposals', groupId: group.id, sourceProposalIds: ids }));
    expect(topic.proposals.map((p: any) => p.id).sort()).toEqual([...ids].sort());
    expect(topic.sourceLabel).toBe('高频提案议题转化');
    const again = await ok(office.get(`/api/supervision/topics/frequent?year=${year}`));
    const marked = again.byCategory.find((c: any) => c.category === top.category).proposals.filter((p: any) => p.inTopic).map((p: any) => p.id);
    expect(marked.sort()).toEqual([...ids].sort());
    group.topicId = topic.id;
  });

  let s: any;
  let before: any;
  const unitRow = (stats: any, unitId: string) => stats.byUnit.find((u: any) => u.unitId === unitId) ?? { sent: 0, replied: 0, inTime: 0, overdue: 0 };
  it('leader-drafts-office-signs-and-sends: the deadline is 10 working days across 中秋 and 国庆; drafting earns an entry once signed', async () => {
    expect((await member3.post('/api/supervision/suggestions', { ...draft, groupId: group.id })).status).toBe(400);
    s = await ok(leader.post('/api/supervision/suggestions', { ...draft, groupId: group.id, topicId: group.topicId }));
    expect(s).toMatchObject({ status: 'draft', actions: expect.arrayContaining(['submit', 'update']) });
    // a draft is the group's: the office and other members do not see it
    expect((await office.get(`/api/supervision/suggestions/${s.id}`)).status).toBe(404);
    expect((await member3.get(`/api/supervision/suggestions/${s.id}`)).status).toBe(404);
    expect((await ok(member2.get(`/api/supervision/suggestions/${s.id}`))).title).toBe(draft.title);
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/actions/submit`, { version: s.version }));
    expect(s.status).toBe('reviewing');
    expect((await leader.post(`/api/supervision/suggestions/${s.id}/actions/approve`, { version: s.version, signedByName: '某某' })).status).toBe(403);
    s = await ok(office.post(`/api/supervision/suggestions/${s.id}/actions/return`, { version: s.version, note: '请补充具体小区名称' }));
    expect(s).toMatchObject({ status: 'draft', reviewNote: '请补充具体小区名称' });
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/actions/submit`, { version: s.version }));
    const drafted = await credits(leaderId, 'supervision.suggestion');
    // signed off at the app's clock (a test moves it), not the machine's
    const signedAt = movableClock(t, new Date(Date.now() + 60_000)).now();
    s = await ok(office.post(`/api/supervision/suggestions/${s.id}/actions/approve`, { version: s.version, signedByName: '区政协秘书长 王某' }));
    t.app.services.now = () => new Date();
    const [signedRow] = await t.database.db.select().from(supervisionSuggestions).where(eq(supervisionSuggestions.id, s.id));
    expect(signedRow.signedAt?.toISOString()).toBe(signedAt.toISOString());
    expect(s).toMatchObject({ status: 'approved', signedByName: '区政协秘书长 王某', serial: expect.any(Number) });
    expect(await credits(leaderId, 'supervision.suggestion')).toBe(drafted + 1);
    expect(s.actions).toContain('assign');
    before = await ok(office.get('/api/supervision/stats?year=2026'));
    s = await ok(office.post(`/api/supervision/suggestions/${s.id}/assign`, { version: s.version, assignments: [{ unitId: education, role: 'split' }, { unitId: housing, role: 'split' }] }));
    expect(s.status).toBe('handling');
    // 9-24 + 10 working days: 9-28, 29, 30, (中秋 and 国庆 9-25..27, 10-1..7), 10-8, 9, 10 (make-up Saturday), 12, 13, 14, 15
    expect(s.assignments.map((a: any) => a.replyDeadline)).toEqual(['2026-10-15', '2026-10-15']);
    // a unit sees only what was sent to it
    expect((await ok(unit.get('/api/supervision/suggestions'))).items.map((x: any) => x.id)).toContain(s.id);
    expect((await (await t.as('unit3')).get(`/api/supervision/suggestions/${s.id}`)).status).toBe(404);
    const work = await ok(unit.get('/api/handling/worklist'));
    expect(work.items.find((i: any) => i.subjectId === s.id)).toMatchObject({ type: 'supervision', typeLabel: '监督建议', periodWorkdays: 10, link: `/supervision/suggestions/${s.id}` });
    expect(work.counts.reduce((n: number, c: any) => n + c.count, 0)).toBe(work.total);
  });

  const replyAs = async (client: Client, unitId: string, answerClass: string, text: string) => {
    const current = await ok(client.get(`/api/supervision/suggestions/${s.id}`));
    const a = current.assignments.find((x: any) => x.unitId === unitId && x.status === 'assigned');
    await ok(client.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(client.post('/api/handling/replies', { type: 'supervision', subjectId: s.id, answerClass, body: text, contactPerson: '李科长', contactPhone: '0755-28900002', disclose: true }));
    const signed = await ok(client.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '局长 张某' }));
    await ok(client.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
  };

  it('units-reply-group-rates-unsatisfied-unit-rehandles: day 9 counts as in time; a second round with the re-handling period; follow-up until done', async () => {
    await setDay('2026-10-14'); // working day 9
    await replyAs(unit, education, 'B', '我局已将老旧小区加装电梯纳入年度民生实事，正在会同街道梳理项目清单，年内完成审批流程优化。');
    await setDay('2026-10-16'); // working day 11: late
    await replyAs(unit2, housing, 'C', '加装电梯补贴涉及市级政策调整，我局暂不能单独落实，已书面报请市住房建设局研究，待市级政策出台后落实。');
    s = await ok(leader.get(`/api/supervision/suggestions/${s.id}`));
    expect(s.status).toBe('replied');
    expect(s.replies).toHaveLength(2);
    const stats = await ok(office.get('/api/supervision/stats?year=2026'));
    // (the demo committee's own suggestions count too: compare with the figures before sending)
    expect(stats.units.sent - before.units.sent).toBe(2);
    expect(stats.units.replied - before.units.replied).toBe(2);
    expect(stats.units.inTime - before.units.inTime).toBe(1);
    expect(unitRow(stats, education).inTime - unitRow(before, education).inTime).toBe(1);
    expect(unitRow(stats, housing).inTime - unitRow(before, housing).inTime).toBe(0);
    expect(stats.inTimeRate).toBe(stats.units.inTime / stats.units.sent);
    expect(stats.byUnit.reduce((n: number, u: any) => n + u.sent, 0)).toBe(stats.units.sent);
    expect(stats.byState.reduce((n: number, x: any) => n + x.count, 0)).toBe(stats.total);
    expect((await member2.post(`/api/supervision/suggestions/${s.id}/rate`, { version: s.version, attitude: 'satisfied', result: 'satisfied' })).status).toBe(403);
    const noComment = await leader.post(`/api/supervision/suggestions/${s.id}/rate`, { version: s.version, attitude: 'satisfied', result: 'unsatisfied' });
    expect(noComment.status).toBe(400);
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/rate`, { version: s.version, attitude: 'satisfied', result: 'unsatisfied', comment: '住建局答复未提出区级可落实的措施' }));
    expect(s).toMatchObject({ status: 'rehandling', handlingRound: 2 });
    const second = s.assignments.filter((a: any) => a.round === 2);
    expect(second.map((a: any) => a.replyDeadline)).toEqual(['2026-10-30', '2026-10-30']);
    await replyAs(unit, education, 'A', '我局已会同住建局完成加装电梯审批流程优化，推行一窗受理、并联审批，平均审批时间缩短至20个工作日。');
    await replyAs(unit2, housing, 'B', '我局已出台区级加装电梯补贴实施细则，对符合条件的项目给予每台最高15万元补贴，并建立街道调解机制。');
    s = await ok(leader.get(`/api/supervision/suggestions/${s.id}`));
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/rate`, { version: s.version, attitude: 'satisfied', result: 'basically' }));
    expect(s.status).toBe('following');
    s = await ok(member2.post(`/api/supervision/suggestions/${s.id}/follow-ups`, { version: s.version, on: '2026-10-20', text: '回访三个小区，两部电梯已开工。' }));
    expect(s.followUps.map((f: any) => f.text)).toEqual(['回访三个小区，两部电梯已开工。']);
    expect((await member2.post(`/api/supervision/suggestions/${s.id}/actions/complete`, { version: s.version })).status).toBe(409);
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/actions/complete`, { version: s.version }));
    expect(s.status).toBe('done');
    expect(s.history.map((h: any) => h.actionLabel)).toEqual(expect.arrayContaining(['报送审核', '退回修改', '审核签发', '发送单位', '标记办结']));
  });
});
