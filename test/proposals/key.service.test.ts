import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, ok, unitIdByName } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

const K = '/api/proposals/key-proposals';

describe.each(dbKinds)('key proposals (重点提案督办) and excellent proposals on %s', (kind) => {
  let t: TestApp;
  let staff: Client, leader: Client, member: Client, unit: Client, office: Client, ftLeader: Client, ftStaff: Client;
  let leaderId: string;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T02:00:00Z'));
    t = await startTestApp(kind);
    [staff, leader, member, unit, office, ftLeader, ftStaff] = await Promise.all(['staff', 'leader', 'member', 'unit', 'office', 'ft_leader', 'ft_staff'].map((u) => t.as(u)));
    leaderId = (await leader.get('/api/auth/me')).body.user.id;
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });
  const credits = async (proposalId: string, k: string) =>
    t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.kind, k), eq(ledgerEntries.sourceId, proposalId), isNull(ledgerEntries.voidedAt)));
  const select = { decidedOn: '2026-05-28', decisionRef: '十届第15次主席会议', govLeaderName: '副区长 李明' };

  it('the demo district has key proposals at every step and a published excellent-proposal round', async () => {
    const { items } = await ok(staff.get(K));
    expect(items.map((k: any) => k.status).sort()).toEqual(['reviewed', 'selected', 'selected', 'shortlisted', 'signedOff']);
    const water = items.find((k: any) => k.status === 'signedOff');
    expect(water).toMatchObject({ chairName: expect.any(String), govLeaderName: '区政府副区长 李明', reviewText: expect.any(String), signText: expect.any(String) });
    expect(water.schedules).toHaveLength(1);
    // the leader's page: what they lead, with the units' state
    const mine = await ok(leader.get(K));
    expect(mine.items).toHaveLength(4);
    expect(mine.items.find((k: any) => k.status === 'reviewed').units.map((u: any) => u.unitName)).toEqual(expect.arrayContaining(['区住房建设局', '区水务局']));
    const round = await ok(staff.get('/api/proposals/excellent'));
    expect(round.items.map((n: any) => n.status)).toEqual(['published', 'published', 'nominated']);
  });

  it('the office shortlists, the chairs’ meeting decides; each step is policy-checked, ordered, version-checked, on the timeline and credits the authors', async () => {
    const { p } = await filedProposal(t);
    // only the proposal office shortlists
    expect((await office.post(K, { proposalId: p.id, note: '事关群众切身利益' })).status).toBe(403);
    expect((await leader.post(K, { proposalId: p.id, note: '事关群众切身利益' })).status).toBe(403);
    expect((await staff.post(K, { proposalId: p.id, note: '' })).body.message).toContain('推荐理由');
    let v = await ok(staff.post(K, { proposalId: p.id, note: '事关群众切身利益，社会关注度高' }));
    expect(v.key).toMatchObject({ status: 'shortlisted', shortlistNote: '事关群众切身利益，社会关注度高', shortlistedOn: '2026-06-01' });
    expect((await staff.post(K, { proposalId: p.id, note: '再次推荐' })).status).toBe(409);
    const id = v.key.id;
    // members do not see the shortlist; the leader does
    expect((await ok(member.get(`/api/proposals/${p.id}/key-proposal`))).key).toBeNull();
    expect((await ok(leader.get(`/api/proposals/${p.id}/key-proposal`))).key.status).toBe('shortlisted');

    // the leader may not 阅批 before the chairs' meeting decided; the decision names a leader account
    expect((await leader.post(`${K}/${id}/actions/review`, { version: v.key.version, text: '请抓紧办理' })).status).toBe(409);
    expect((await leader.post(`${K}/${id}/actions/select`, { version: v.key.version, ...select, chairUserId: leaderId })).status).toBe(403);
    const bad = await staff.post(`${K}/${id}/actions/select`, { version: v.key.version, ...select, chairUserId: (await staff.get('/api/auth/me')).body.user.id });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('领衔督办政协领导');
    expect((await staff.post(`${K}/${id}/actions/select`, { version: v.key.version + 1, ...select, chairUserId: leaderId })).status).toBe(409);
    v = await ok(staff.post(`${K}/${id}/actions/select`, { version: v.key.version, ...select, chairUserId: leaderId }));
    expect(v.key).toMatchObject({ status: 'selected', decidedOn: '2026-05-28', decisionRef: '十届第15次主席会议', govLeaderName: '副区长 李明', actions: [] });
    const detail = await ok(staff.get(`/api/proposals/${p.id}`));
    expect(detail).toMatchObject({ isKey: true, keyLeaderName: expect.any(String) });
    expect(await credits(p.id, 'proposal.key')).toHaveLength(1);
    // the leader's list holds it, with its step
    const mine = await ok(leader.get(K));
    expect(mine.items.find((x: any) => x.id === id)).toMatchObject({ status: 'selected', actions: ['review'] });
    expect((await member.get(K)).status).toBe(403);
    // another committee's leader finds nothing
    expect((await ftLeader.post(`${K}/${id}/actions/review`, { version: v.key.version, text: '请抓紧办理' })).status).toBe(404);
    expect((await ftStaff.get(`/api/proposals/${p.id}/key-proposal`)).status).toBe(404);

    // 阅批 by the chair only, then 调度 only once units handle it
    expect((await staff.post(`${K}/${id}/actions/review`, { version: v.key.version, text: '请抓紧办理' })).status).toBe(403);
    expect((await leader.post(`${K}/${id}/actions/review`, { version: v.key.version, text: '' })).body.message).toContain('阅批意见');
    v = await ok(leader.post(`${K}/${id}/actions/review`, { version: v.key.version, text: '请承办单位主要负责同志亲自研究，月底前拿出方案' }));
    expect(v.key).toMatchObject({ status: 'reviewed', reviewedOn: '2026-06-01', reviewText: '请承办单位主要负责同志亲自研究，月底前拿出方案' });
    const meeting = { kind: 'forum', title: '重点提案办理调度会', startsAt: '2026-06-10T02:00:00Z', endsAt: '2026-06-10T04:00:00Z', place: '区政协三楼会议室', agenda: '听取承办单位办理进展' };
    const early = await leader.post(`${K}/${id}/actions/schedule`, { version: v.key.version, ...meeting });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('办理中方可调度');
    const unitId = await unitIdByName(staff, '区教育局');
    const assigned = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: (await ok(staff.get(`/api/proposals/${p.id}`))).version, assignments: [{ unitId, role: 'sole' }] }));
    expect(assigned.status).toBe('handling');
    v = await ok(leader.post(`${K}/${id}/actions/schedule`, { version: v.key.version, ...meeting }));
    expect(v.key.schedules).toEqual([expect.objectContaining({ title: '重点提案办理调度会', place: '区政协三楼会议室', agenda: '听取承办单位办理进展' })]);
    expect(v.key.units).toEqual([expect.objectContaining({ unitName: '区教育局', overdue: false, daysLeft: expect.any(Number) })]);
    // the meeting links back, and the proposal office organises it
    const activityId = v.key.schedules[0].activityId;
    expect((await ok(leader.get(`${K}/by-activity/${activityId}`))).proposal).toMatchObject({ id: p.id });
    expect((await ok(staff.get(`/api/meetings/${activityId}`))).actions).toContain('manage');
    // a stale version of the key proposal is refused and leaves no meeting behind
    const stale = await leader.post(`${K}/${id}/actions/schedule`, { version: v.key.version - 1, ...meeting, title: '第二次调度会（过期）' });
    expect(stale.status).toBe(409);
    expect((await ok(staff.get(`/api/proposals/${p.id}/key-proposal`))).key.schedules).toHaveLength(1);

    // 阅签 only after the unit replied
    expect((await leader.post(`${K}/${id}/actions/signOff`, { version: v.key.version, text: '同意答复' })).status).toBe(409);
    const a = assigned.assignments[0];
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'A', body: '经研究，我局已会同交警部门制定校园周边交通综合治理方案，正在分步实施。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true }));
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区教育局局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    v = await ok(leader.post(`${K}/${id}/actions/signOff`, { version: v.key.version, text: '答复具体可行，同意' }));
    expect(v.key).toMatchObject({ status: 'signedOff', signedOn: '2026-06-01', signText: '答复具体可行，同意', actions: [] });

    // every step on the proposal's timeline with its date and text, audited
    const history = (await ok(member.get(`/api/proposals/${p.id}`))).history.map((h: any) => `${h.actionLabel}：${h.note ?? ''}`);
    expect(history).toEqual(expect.arrayContaining([
      expect.stringMatching(/^列为拟重点提案：2026-06-01 事关群众/),
      expect.stringMatching(/^主席会议确定为重点提案：2026-05-28 十届第15次主席会议/),
      '领导阅批：2026-06-01 请承办单位主要负责同志亲自研究，月底前拿出方案',
      expect.stringMatching(/^领导调度：2026-06-01 调度：重点提案办理调度会/),
      '领导阅签：2026-06-01 答复具体可行，同意',
    ]));
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, p.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['keyProposal.shortlist', 'keyProposal.select', 'keyProposal.review', 'keyProposal.schedule', 'keyProposal.signOff']));
  });

  it('the chairs’ meeting may decline a shortlisted proposal; nothing is credited', async () => {
    const { p } = await filedProposal(t, { title: '关于完善社区养老服务设施布局的建议', background: '我区老年人口持续增加。', analysis: '社区养老设施分布不均。', suggestions: '一是新建小区配建养老设施。', category: '社会事业', authorType: 'individual' });
    const v = await ok(staff.post(K, { proposalId: p.id, note: '养老服务是民生热点' }));
    const d = await ok(staff.post(`${K}/${v.key.id}/actions/decline`, { version: v.key.version, decidedOn: '2026-05-28', decisionRef: '十届第15次主席会议' }));
    expect(d.key.status).toBe('declined');
    expect(await credits(p.id, 'proposal.key')).toHaveLength(0);
    expect((await ok(staff.get(`/api/proposals/${p.id}`))).isKey).toBe(false);
  });

  it('excellent proposals: nominate → review → decide (credits, scored by the presets) → published on the portal', async () => {
    const { p } = await filedProposal(t, { title: '关于推进垃圾分类精细化管理的建议', background: '垃圾分类进入攻坚阶段。', analysis: '部分小区分类投放准确率不高。', suggestions: '一是完善分类设施；二是加强督导。', category: '城乡建设', authorType: 'individual' });
    const E = '/api/proposals/excellent';
    expect((await office.post(E, { proposalId: p.id, source: 'office', reason: '建议具体，已被采纳' })).status).toBe(403);
    const noCommittee = await staff.post(E, { proposalId: p.id, source: 'specialCommittee', reason: '建议具体，已被采纳' });
    expect(noCommittee.status).toBe(400);
    expect(noCommittee.body.message).toContain('专门委员会');
    let v = await ok(staff.post(E, { proposalId: p.id, source: 'office', reason: '建议具体，已被采纳' }));
    expect(v.excellent).toMatchObject({ status: 'nominated', sourceLabel: '提案委', actions: ['review', 'reject'] });
    const n = v.excellent;
    expect((await staff.post(`${E}/${n.id}/actions/decide`, { version: n.version })).status).toBe(409);
    expect((await leader.post(`${E}/${n.id}/actions/review`, { version: n.version })).status).toBe(403);
    v = await ok(staff.post(`${E}/${n.id}/actions/review`, { version: n.version, note: '符合评选条件' }));
    expect((await staff.post(`${E}/${n.id}/actions/decide`, { version: n.version })).status).toBe(409);
    v = await ok(staff.post(`${E}/${n.id}/actions/decide`, { version: v.excellent.version, note: '主席会议审议通过' }));
    expect(v.excellent).toMatchObject({ status: 'decided', decidedOn: '2026-06-01' });
    expect(await credits(p.id, 'proposal.excellent')).toHaveLength(1);
    expect((await ok(member.get(`/api/proposals/${p.id}`))).isExcellent).toBe(true);
    // the member's score counts it through the scoring scheme's 优秀提案 item
    const [{ id: committeeId }] = await t.database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, '龙岗区政协'));
    const portal = async () => (await ok(t.anonymous.get(`/api/portal/home?committeeId=${committeeId}`))).sections.find((s: any) => s.key === 'excellentProposals');
    expect((await portal()).items.map((i: any) => i.title)).not.toContain('关于推进垃圾分类精细化管理的建议');
    v = await ok(staff.post(`${E}/${n.id}/actions/publish`, { version: v.excellent.version }));
    expect(v.excellent.status).toBe('published');
    expect((await portal()).items.find((i: any) => i.title === '关于推进垃圾分类精细化管理的建议')).toMatchObject({ meta: expect.arrayContaining([`${p.year}年度优秀提案`]) });
    const round = await ok(leader.get(`${E}?year=${p.year}`));
    expect(round.items.find((x: any) => x.id === n.id)).toMatchObject({ status: 'published', actions: [] });
  });
});
