import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';

describe.each(dbKinds)('a consultation held and followed to the end on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const clients = new Map<string, ReturnType<TestApp['as']>>();
    const login = t.as.bind(t);
    t.as = (username: string) => {
      if (!clients.has(username)) clients.set(username, login(username));
      return clients.get(username)!;
    };
  });
  afterAll(() => t.close());

  it('office-holds-consultation: experts without accounts take part, the outcome is instructed, departments reply, participants are told', async () => {
    const office = await t.as('office');
    const member = await t.as('member');
    const leader = await t.as('leader');
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === Math.max(...plans.items.map((x: any) => x.year)));
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.find((i: any) => i.form === 'thematic' && i.status === 'planned');
    let c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    expect(c.actions).toContain('schedule');
    const memberId = await memberIdOf(t, 'member');
    const member2Id = await memberIdOf(t, 'member2');

    const bad = await office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: '2026-06-10T02:00:00Z', endsAt: '2026-06-10T01:00:00Z', location: '区政协会议室', memberIds: [memberId] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('结束时间');
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: '2026-06-10T02:00:00Z', endsAt: '2026-06-10T05:00:00Z', location: '区政协三楼会议室', memberIds: [memberId, member2Id] }));
    expect(c).toMatchObject({ status: 'scheduled', activityId: expect.any(String) });
    expect(c.participants.map((p: any) => p.kindLabel)).toEqual(['政协委员', '政协委员']);
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/participants`, { kind: 'expert', name: '陈立新', affiliation: '深圳大学建筑与城市规划学院教授' }));
    const expert = c.participants.find((p: any) => p.name === '陈立新');
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/participants/${expert.id}/check-in`));
    expect(c.participants.find((p: any) => p.id === expert.id).checkedIn).toBe(true);

    // the office records the expert's speech; the member hands in a written opinion of their own
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/speeches`, { participantId: expert.id, kind: 'oral', text: '建议建立加装电梯专项审批绿色通道，推行“一站式”联合审批。' }));
    const oral = await member.post(`/api/consultation/consultations/${c.id}/speeches`, { kind: 'oral', text: '建议财政对低收入家庭加装电梯给予补贴。' });
    expect(oral.status).toBe(400);
    c = await ok(member.post(`/api/consultation/consultations/${c.id}/speeches`, { kind: 'written', text: '建议财政对低收入家庭加装电梯给予补贴，并引入第三方协调业主意见。' }));
    expect(c.speeches.map((s: any) => [s.speaker, s.kindLabel])).toEqual([['陈立新', '会上发言'], [expect.any(String), '书面意见']]);
    expect((await (await t.as('member3')).post(`/api/consultation/consultations/${c.id}/speeches`, { kind: 'written', text: '我没有参加这次协商但也想提意见。' })).status).toBe(403);

    c = await ok(office.post(`/api/consultation/consultations/${c.id}/hold`, { version: c.version, heldOn: '2026-06-10', minutes: '会议听取了有关部门情况通报，与会委员和专家围绕加装电梯审批、资金、协调等问题深入协商。' }));
    expect(c.status).toBe('held');
    expect((await office.post(`/api/consultation/consultations/${c.id}/instructions`, { leaderName: '区委书记', text: '请区住建局研究落实。', instructedOn: '2026-06-20' })).status).toBe(403);
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/report`, { version: c.version, outcomeKind: 'recommendation', outcomeTitle: '关于推进老旧小区加装电梯的建议案', outcomeText: '一、简化审批流程，建立联合审批机制。二、加大财政补贴力度。三、完善业主协商和矛盾调处机制。', sentOn: '2026-06-18' }));
    expect(c.outcome).toMatchObject({ kindLabel: '建议案' });
    c = await ok(leader.post(`/api/consultation/consultations/${c.id}/instructions`, { leaderName: '区委书记 王强', text: '建议案很有针对性，请区住建局牵头研究落实，定期向区政协反馈。', instructedOn: '2026-06-22' }));
    expect(c.instructions).toEqual([expect.objectContaining({ leaderName: '区委书记 王强', levelLabel: '区级' })]);

    const housing = await unitIdByName(office, '区住房建设局');
    const finance = await unitIdByName(office, '区财政局');
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/assign`, { version: c.version, items: [{ text: '简化加装电梯审批流程，建立联合审批机制', unitIds: [housing] }, { text: '加大加装电梯财政补贴力度', unitIds: [finance] }] }));
    expect(c.status).toBe('following');
    expect(c.recommendations.map((r: any) => r.assignments.map((a: any) => a.unitName))).toEqual([['区住房建设局'], ['区财政局']]);

    // each department replies to its item through the shared handling routes
    const unit = await t.as('unit2');
    const work = await ok(unit.get('/api/handling/worklist'));
    expect(work.items.some((w: any) => w.type === 'consultationItem')).toBe(true);
    const a = c.recommendations[0].assignments[0];
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(unit.post('/api/handling/replies', { type: 'consultationItem', subjectId: c.recommendations[0].id, answerClass: 'A', body: '我局已会同规划资源部门建立加装电梯联合审批机制，审批时限压缩至15个工作日。', contactPerson: '李工', contactPhone: '0755-28900002', disclose: true }));
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区住房建设局局长 孙某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    c = await ok(member.get(`/api/consultation/consultations/${c.id}`));
    expect(c.recommendations.map((r: any) => r.handlingLabel)).toEqual(['已答复', '办理中']);
    expect(c.recommendations[0].replies).toHaveLength(1);
    expect(c.status).toBe('following');
    const ledger = async (kind: string) => (await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, c.id), eq(ledgerEntries.kind, kind)))).map((e) => e.memberId);
    expect(await ledger('consultation.writtenOpinion')).toEqual([memberId]);

    const [account] = await t.database.db.select().from(users).where(eq(users.username, 'member'));
    const told = (await t.database.db.select().from(notifications).where(eq(notifications.userId, account.id))).map((n) => n.title);
    expect(told).toEqual(expect.arrayContaining([expect.stringContaining('建议案并已报送'), expect.stringContaining('获区委书记 王强批示'), expect.stringContaining('2条建议已交有关部门办理'), expect.stringContaining('部门已答复协商建议')]));
    const seen = await ok(member.get(`/api/consultation/consultations/${c.id}`));
    expect(seen.instructions).toHaveLength(1);
    expect(seen.actions).not.toContain('manage');
  });
});
