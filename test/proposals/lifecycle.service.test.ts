import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, memberIdOf, ok, reviewed, sampleDraft, unitIdByName } from '../support/proposals.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { movableClock } from '../foundation/support.js';

describe.each(dbKinds)('proposal lifecycle on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('member-submits-joint-proposal: co-signer confirms, staff sees it in the review queue', async () => {
    const member = await t.as('member');
    const member2 = await t.as('member2');
    const staff = await t.as('staff');
    const m2 = await memberIdOf(t, 'member2');
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于推进老旧小区加装电梯的建议', authorType: 'joint', cosignerIds: [m2] }));
    expect(p.cosigners).toEqual([expect.objectContaining({ memberId: m2, status: 'invited' })]);
    const early = await member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('未确认联名');
    const invites = await ok(member2.get('/api/proposals?scope=cosign'));
    expect(invites.items.map((x: any) => x.id)).toContain(p.id);
    // confirmed and submitted at the app's clock (a test moves it), not the machine's
    const clock = movableClock(t, new Date(Date.now() + 60_000));
    await ok(member2.post(`/api/proposals/${p.id}/cosign`, { accept: true }));
    p = await ok(member.get(`/api/proposals/${p.id}`));
    clock.advance(5);
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    t.app.services.now = () => new Date();
    expect(p.status).toBe('submitted');
    expect(p.cosigners[0].respondedAt).toBe(new Date(clock.now().getTime() - 5 * 60_000).toISOString());
    expect(p.submittedAt).toBe(clock.now().toISOString());
    expect(p.proposer).toMatch(/等2人$/);
    const queue = await ok(staff.get('/api/proposals?scope=review'));
    expect(queue.items.map((x: any) => x.id)).toContain(p.id);
    const credits = await t.database.db.select().from(ledgerEntries);
    expect(credits.filter((c) => c.sourceId === p.id).map((c) => c.kind).sort()).toEqual(['proposal.cosigned', 'proposal.submitted']);
  });

  it('files with a session number, assigns lead + assisting, unit replies, member rates unsatisfied, unit re-handles', async () => {
    const { p: filed, member, staff } = await filedProposal(t);
    expect(filed.status).toBe('filed');
    expect(filed.numberText).toMatch(/^七届五次会议 第\d{4}号$/);
    const edu = await unitIdByName(staff, '区教育局');
    const housing = await unitIdByName(staff, '区住房建设局');
    let p = await ok(staff.post(`/api/proposals/${filed.id}/assign`, { version: filed.version, assignments: [{ unitId: edu, role: 'lead' }, { unitId: housing, role: 'assisting' }] }));
    expect(p.status).toBe('handling');
    const unit = await t.as('unit');
    const unit2 = await t.as('unit2');
    const unit3 = await t.as('unit3');
    // a unit not assigned neither sees nor replies
    expect((await unit3.get(`/api/proposals/${p.id}`)).status).toBe(404);
    const stranger = await unit3.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'A', body: '本单位答复正文内容，共二十个字以上的答复内容。', contactPerson: '王某', contactPhone: '0755-28900000', disclose: true });
    expect([403, 404]).toContain(stranger.status);

    const lead = p.assignments.find((a: any) => a.unitId === edu);
    const assisting = p.assignments.find((a: any) => a.unitId === housing);
    await ok(unit.post(`/api/handling/assignments/${lead.id}/sign`, { version: lead.version }));
    const signedAssisting = await ok(unit2.post(`/api/handling/assignments/${assisting.id}/sign`, { version: assisting.version }));
    const reply = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'B', body: '经研究，我局已会同交警部门制定校园周边交通综合治理方案，正在分步实施。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true , promise: '年内完成校园周边交通综合治理第一阶段工程', promisedBy: '2099-12-31' }));
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区教育局局长 张某' }));
    const tooEarly = await unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toContain('协办');
    await ok(unit2.post(`/api/handling/assignments/${assisting.id}/opinion`, { version: signedAssisting.version, text: '我局支持在学校周边规划临时停车区，并配合实施。' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    p = await ok(member.get(`/api/proposals/${p.id}`));
    expect(p.status).toBe('replied');
    expect(p.actions).toContain('rate');

    const noComment = await member.post(`/api/proposals/${p.id}/rate`, { version: p.version, attitude: 'satisfied', result: 'unsatisfied' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.message).toContain('评价意见');
    p = await ok(member.post(`/api/proposals/${p.id}/rate`, { version: p.version, attitude: 'satisfied', result: 'unsatisfied', comment: '停车区尚未落实，希望加快进度' }));
    expect(p.status).toBe('rehandling');
    expect(p.handlingRound).toBe(2);
    const second = p.assignments.find((a: any) => a.round === 2);
    expect(second).toMatchObject({ unitId: edu, role: 'sole' });

    await ok(unit.post(`/api/handling/assignments/${second.id}/sign`, { version: second.version }));
    const r2 = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'A', body: '临时停车区已于本月建成启用，交通标志标线全部完善。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true }));
    const s2 = await ok(unit.post(`/api/handling/replies/${r2.id}/sign`, { version: r2.version, signedBy: '区教育局局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${s2.id}/send`, { version: s2.version }));
    p = await ok(member.get(`/api/proposals/${p.id}`));
    p = await ok(member.post(`/api/proposals/${p.id}/rate`, { version: p.version, attitude: 'satisfied', result: 'satisfied' }));
    expect(p.status).toBe('closed');
    expect(p.ratings).toHaveLength(2);
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('two staff filing the same proposal at once: one wins, the other gets 409', async () => {
    const member = await t.as('member');
    const staff = await t.as('staff');
    const admin = await t.as('admin');
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于完善社区养老服务设施的建议', category: '社会事业' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    p = await reviewed(staff, p);
    const results = await Promise.all([staff, admin].map((c) => c.post(`/api/proposals/${p.id}/actions/file`, { version: p.version })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await ok(staff.get(`/api/proposals/${p.id}`));
    expect(final.status).toBe('filed');
    expect(final.history.filter((h: any) => h.action === 'proposal.file')).toHaveLength(1);
  });

  it('staff-merges-and-files: merged authors keep credit under one number', async () => {
    const member = await t.as('member');
    const member3 = await t.as('member3');
    const staff = await t.as('staff');
    const submit = async (c: typeof member, title: string) => {
      const d = await ok(c.post('/api/proposals', { ...sampleDraft, title }));
      return ok(c.post(`/api/proposals/${d.id}/actions/submit`, { version: d.version }));
    };
    const a = await submit(member, '关于缓解学校周边交通拥堵的建议');
    const b = await submit(member3, '关于规范校园周边接送车辆停放的建议');
    // the proposal office's staff are told of each submission; the members are not
    const told = async (c: typeof member) => (await ok(c.get('/api/notifications'))).items.some((n: any) => n.title === `新提交提案：${a.title}`);
    expect([await told(staff), await told(member), await told(member3)]).toEqual([true, false, false]);
    const mergedAt = movableClock(t, new Date(Date.now() + 60_000)).now();
    const merged = await ok(staff.post('/api/proposals/merge', { primaryId: a.id, otherIds: [b.id], versions: { [a.id]: a.version, [b.id]: b.version }, reason: '反映同一问题，建议相近' }));
    expect(merged.mergedFrom.map((x: any) => x.id)).toEqual([b.id]);
    const fileAt = movableClock(t, new Date(Date.now() + 120_000)).now();
    const filed = await ok(staff.post(`/api/proposals/${a.id}/actions/file`, { version: (await reviewed(staff, merged)).version }));
    t.app.services.now = () => new Date();
    expect(filed.decidedAt).toBe(fileAt.toISOString());
    const bNow = await ok(member3.get(`/api/proposals/${b.id}`));
    expect(bNow.status).toBe('merged');
    expect(bNow.decidedAt).toBe(mergedAt.toISOString());
    expect(bNow.mergedInto.numberText).toBe(filed.numberText);
    // the similar panel says how many were merged into it (the merged one is no longer offered)
    const similar = await ok(staff.get(`/api/proposals/similar?text=${encodeURIComponent('学校周边交通拥堵 校园周边接送车辆停放')}&limit=20`));
    const outcome = (id: string) => similar.find((h: any) => h.id === id)?.outcome;
    expect([outcome(a.id)?.mergedCount, outcome(a.id)?.stage, outcome(b.id)]).toEqual([1, 'filed', undefined]);
    const credits = await t.database.db.select().from(ledgerEntries);
    const member3Id = await memberIdOf(t, 'member3');
    expect(credits.some((c) => c.memberId === member3Id && c.kind === 'proposal.filed' && c.sourceId === b.id)).toBe(true);
  });

  it('files under another category only when it is one of the settings’ categories', async () => {
    const member = await t.as('member');
    const staff = await t.as('staff');
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于加强社区卫生服务中心建设的建议' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    p = await reviewed(staff, p);
    const bad = await staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version, category: '未知类别' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('类别');
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version, category: '医卫体育' }));
    expect({ status: p.status, category: p.category }).toEqual({ status: 'filed', category: '医卫体育' });
  });

  it('rejects with a reason from the list and tells the author', async () => {
    const member = await t.as('member');
    const staff = await t.as('staff');
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于推广某品牌净水器进校园的建议' }));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    const bad = await staff.post(`/api/proposals/${p.id}/actions/reject`, { version: p.version, reasonCode: 'nope' });
    expect(bad.status).toBe(400);
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/reject`, { version: p.version, reasonCode: 'promotion' }));
    expect(p.decisionReason).toContain('宣传推介');
    const inbox = await ok(member.get('/api/notifications'));
    expect(inbox.items.some((n: any) => n.title.includes('不予立案'))).toBe(true);
  });

  it('a leader finds the key proposals they lead (领办) apart from all key proposals', async () => {
    const { p, staff } = await filedProposal(t, { ...sampleDraft, title: '关于建设智慧停车管理平台的建议' });
    const leader = await t.as('leader');
    const me = await ok(leader.get('/api/auth/me'));
    const before = await ok(leader.get('/api/proposals?scope=led&pageSize=100'));
    expect(before.items.map((x: any) => x.id)).not.toContain(p.id);
    // the office shortlists it, the chairs' meeting names the leader (重点提案督办)
    const { key } = await ok(staff.post('/api/proposals/key-proposals', { proposalId: p.id, note: '群众关注度高，涉及面广' }));
    await ok(staff.post(`/api/proposals/key-proposals/${key.id}/actions/select`, { version: key.version, decidedOn: '2026-05-28', decisionRef: '十届第15次主席会议', chairUserId: me.user.id, govLeaderName: '副区长 李明' }));
    // the retired direct marking is gone: the chairs' meeting's choice goes through the key-proposal flow only
    expect((await staff.post(`/api/proposals/${p.id}/key`, { version: p.version, isKey: true, leaderUserId: me.user.id })).status).toBe(404);
    const led = await ok(leader.get('/api/proposals?scope=led&pageSize=100'));
    expect(led.items.map((x: any) => x.id)).toContain(p.id);
    expect(led.items.every((x: any) => x.isKey)).toBe(true);
    const all = await ok(leader.get('/api/proposals?scope=key&pageSize=100'));
    expect(all.total).toBeGreaterThanOrEqual(led.total);
    // another leader's led list does not show it
    const ledByStaff = await ok(staff.get('/api/proposals?scope=led&pageSize=100'));
    expect(ledByStaff.items.map((x: any) => x.id)).not.toContain(p.id);
  });
});
