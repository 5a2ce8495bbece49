import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, ok, unitIdByName } from '../support/proposals.js';
import { replies } from '../../src/server/platform/handling/schema.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';

const body = '经研究，我局已将校园周边交通综合治理列入明年工作计划，正会同交警部门分步实施。';
const contact = { contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true };

/**
 * 列入计划 (issue 23): a reply of a promise class (B by the proposal settings) says what it promises
 * and by when; once the date is due the unit or the proposal office records whether it was kept,
 * through the promise table (version check, audit row on the proposal's timeline); the office and
 * the unit read the promises due.
 */
describe.each(dbKinds)('promises of replies on %s', (kind) => {
  let t: TestApp;
  let staff: Client, unit: Client, unit2: Client, member: Client, info: Client, admin: Client;
  let today = '';
  let proposalId = '';
  let replyId = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    [unit, unit2, info, admin] = await Promise.all([t.as('unit'), t.as('unit2'), t.as('info'), t.as('admin')]);
    today = chinaToday(t.app.services.now());
    const filed = await filedProposal(t, { title: '关于校园周边交通承诺兑现测试的建议', background: '上下学高峰时段校园周边交通拥堵，人车混行问题突出。', analysis: '接送车辆停放无序，交通设施不足。', suggestions: '一是设置接送临时停车区；二是完善交通标志标线。', category: '教育事业', authorType: 'individual' });
    ({ staff, member } = filed);
    proposalId = filed.p.id;
    const education = await unitIdByName(staff, '区教育局');
    const p = await ok(staff.post(`/api/proposals/${proposalId}/assign`, { version: filed.p.version, assignments: [{ unitId: education, role: 'sole' }] }));
    await ok(unit.post(`/api/handling/assignments/${p.assignments[0].id}/sign`, { version: p.assignments[0].version }));
  });
  afterAll(() => t.close());

  it('the proposal settings make class B a promise by default; an admin may change it, a bad flag is named in Chinese', async () => {
    const s = await ok(admin.get('/api/settings/proposals?year=0'));
    expect(s.values.answerClasses.filter((c: any) => c.promise).map((c: any) => c.code)).toEqual(['B']);
    const bad = await admin.request({ method: 'PUT', url: '/api/settings/proposals?year=0', payload: { version: s.version, values: { answerClasses: [{ code: 'A', label: '已解决', promise: '是' }, { code: 'B', label: '列入计划', promise: true }] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('属承诺事项');
  });

  it('a promise-class reply needs what is promised and a date not in the past; another class drops them', async () => {
    const missing = await unit.post('/api/handling/replies', { type: 'proposal', subjectId: proposalId, answerClass: 'B', body, ...contact });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: any) => f.field).sort()).toEqual(['promise', 'promisedBy']);
    expect(missing.body.message).toContain('承诺事项');
    const past = await unit.post('/api/handling/replies', { type: 'proposal', subjectId: proposalId, answerClass: 'B', body, ...contact, promise: '年内建成接送临时停车区', promisedBy: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('承诺完成期限');
    const plain = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: proposalId, answerClass: 'A', body, ...contact, promise: '不应保存', promisedBy: '2099-01-01' }));
    expect([plain.promise, plain.promisedBy]).toEqual([null, null]);
    const promised = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: proposalId, version: plain.version, answerClass: 'B', body, ...contact, promise: '年内建成接送临时停车区', promisedBy: '2099-06-30' }));
    expect([promised.promise, promised.promisedBy]).toEqual(['年内建成接送临时停车区', '2099-06-30']);
    const signed = await ok(unit.post(`/api/handling/replies/${promised.id}/sign`, { version: promised.version, signedBy: '区教育局局长' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    replyId = promised.id;
    const detail = await ok(member.get(`/api/proposals/${proposalId}`));
    expect(detail.replies[0]).toMatchObject({ promise: '年内建成接送临时停车区', promisedBy: '2099-06-30', promiseOutcome: null });
  });

  const current = async () => (await t.database.db.select().from(replies).where(eq(replies.id, replyId)))[0];
  const record = (c: Client, o: object) => current().then((r) => c.post(`/api/handling/replies/${replyId}/promise-outcome`, { version: r.version, outcome: 'kept', note: '停车区已建成并投入使用', checkedOn: today, ...o }));

  it('lists the promise as not yet due, and refuses an outcome before its date with the reason', async () => {
    const mine = await ok(unit.get('/api/handling/promises'));
    const item = mine.items.find((i: any) => i.id === replyId);
    expect(item).toMatchObject({ state: 'pending', stateLabel: '未到期', promise: '年内建成接送临时停车区', unitName: '区教育局', link: `/proposals/${proposalId}`, actions: [] });
    expect(item.blocked.record).toContain('2099-06-30');
    const early = await record(unit, {});
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('未到');
  });

  it('once due: the unit records the outcome (audit row on the proposal), a stale version is 409, a future day and strangers are refused', async () => {
    await t.database.db.update(replies).set({ promisedBy: '2024-06-30' }).where(eq(replies.id, replyId));
    const due = (await ok(unit.get('/api/handling/promises?state=due'))).items.find((i: any) => i.id === replyId);
    expect(due).toMatchObject({ state: 'due', stateLabel: '到期待登记', actions: ['record'] });
    expect(due.daysPast).toBeGreaterThan(0);
    // the unit's home page counts the same due promises
    const dueCount = (await ok(unit.get('/api/handling/promises?state=due'))).items.length;
    const card = (await ok(unit.get('/api/dashboard'))).cards.find((c: any) => c.key === 'promisesDue');
    expect(card).toMatchObject({ value: dueCount, alert: true, link: '/handling' });
    const officeDue = (await ok(staff.get('/api/handling/promises?type=proposal&state=due'))).items;
    expect(officeDue.map((i: any) => i.id)).toContain(replyId);
    // who may not read the reply is told it does not exist; another office's staff may not record
    for (const c of [unit2, member]) expect((await record(c, {})).status).toBe(404);
    expect((await record(info, {})).status).toBe(409);
    const future = await record(unit, { checkedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('核实日期');
    const noNote = await record(unit, { note: '' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.message).toContain('情况说明');
    const stale = (await current()).version;
    const kept = await ok(record(unit, {}));
    expect(kept).toMatchObject({ promiseOutcome: 'kept', promiseNote: '停车区已建成并投入使用', promiseCheckedOn: today, status: 'sent' });
    const conflict = await unit.post(`/api/handling/replies/${replyId}/promise-outcome`, { version: stale, outcome: 'broken', note: '重复提交的旧版本', checkedOn: today });
    expect(conflict.status).toBe(409);
    const audit = await t.database.query<{ action: string; subject_type: string; after: any }>("select action, subject_type, after from audit_log where subject_id = $1 and action = 'promise.record'", [proposalId]);
    expect(audit.map((a) => [a.subject_type, a.after.promiseOutcome])).toEqual([['proposal', 'kept']]);
    const history = await ok(member.get(`/api/proposals/${proposalId}`));
    expect(history.history.map((h: any) => h.actionLabel)).toContain('登记承诺兑现情况');
  });

  it('the proposal office reads every proposal promise and may correct an outcome; other offices and members do not', async () => {
    const office = await ok(staff.get('/api/handling/promises?type=proposal'));
    const item = office.items.find((i: any) => i.id === replyId);
    expect(item).toMatchObject({ state: 'recorded', outcome: 'kept', outcomeLabel: '已兑现', recordedBy: expect.any(String), actions: ['record'] });
    expect(office.counts.recorded).toBe(office.items.filter((i: any) => i.state === 'recorded').length);
    expect(office.counts.kept + office.counts.partly + office.counts.broken).toBe(office.counts.recorded);
    const corrected = await ok(record(staff, { outcome: 'partly', note: '停车区建成一处，另一处尚在施工' }));
    expect(corrected.promiseOutcome).toBe('partly');
    expect((await ok(info.get('/api/handling/promises?type=proposal'))).items).toEqual([]);
    expect((await ok(unit2.get('/api/handling/promises'))).items.map((i: any) => i.id)).not.toContain(replyId);
    expect((await member.get('/api/handling/promises')).status).toBe(403);
    expect((await t.anonymous.get('/api/handling/promises')).status).toBe(401);
    const bad = await staff.get('/api/handling/promises?state=late');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('承诺状态');
  });
});
