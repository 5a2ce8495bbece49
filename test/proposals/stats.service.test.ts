import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from '../support/proposals.js';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * 提案统计 (RULES.md "Statistics"): every figure moves by exactly what happened to the proposals
 * of the session, on top of whatever the demo data already holds, and the .xlsx says the same.
 */
describe.each(dbKinds)('proposal statistics on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const stats = async (c: Client, sessionId: string) => ok(c.get(`/api/proposals/stats?sessionId=${sessionId}`));
  const unitRow = (s: any, unit: string) => s.byUnit.find((u: any) => u.unit === unit) ?? { assigned: 0, leading: 0, replied: 0, classes: {} };
  const categoryRow = (s: any, category: string) => s.byCategory.find((c: any) => c.category === category) ?? { received: 0, filed: 0, notFiled: 0, replied: 0 };

  it('counts what became of the proposals: filed, not filed, pending, replied, answer class, rating, by category and by unit', async () => {
    // one proposal replied with class A and rated satisfied, one not filed, one still in review
    const { p: filed, member, staff } = await filedProposal(t, { ...sampleDraft, title: '关于在老旧小区增设电动自行车集中充电设施的建议' });
    const sessionId = filed.sessionId;
    expect(sessionId).toBeTruthy();
    const before = await stats(staff, sessionId);
    expect(before.session.id).toBe(sessionId);

    const edu = await unitIdByName(staff, '区教育局');
    const assigned = await ok(staff.post(`/api/proposals/${filed.id}/assign`, { version: filed.version, assignments: [{ unitId: edu, role: 'sole' }] }));
    const unit = await t.as('unit');
    const a = assigned.assignments[0];
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const draft = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: filed.id, answerClass: 'A', body: '我局已会同街道在全区老旧小区建成电动自行车集中充电点一百二十处，所提建议已全部采纳。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true }));
    const signed = await ok(unit.post(`/api/handling/replies/${draft.id}/sign`, { version: draft.version, signedBy: '区教育局局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    const replied = await ok(member.get(`/api/proposals/${filed.id}`));
    await ok(member.post(`/api/proposals/${filed.id}/rate`, { version: replied.version, attitude: 'satisfied', result: 'basically' }));

    let rejected = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于推广某品牌智能门锁进社区的建议' }));
    rejected = await ok(member.post(`/api/proposals/${rejected.id}/actions/submit`, { version: rejected.version }));
    await ok(staff.post(`/api/proposals/${rejected.id}/actions/reject`, { version: rejected.version, reasonCode: 'promotion' }));
    const pending = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于完善社区托育服务体系的建议' }));
    await ok(member.post(`/api/proposals/${pending.id}/actions/submit`, { version: pending.version }));
    await ok(member.post('/api/proposals', { ...sampleDraft, title: '一份未提交的草稿不计入统计' }));

    const after = await stats(staff, sessionId);
    const o = after.overall;
    // the filed proposal was already counted as received and filed before
    expect(o.received - before.overall.received).toBe(2);
    expect(o.filed - before.overall.filed).toBe(0);
    expect(o.notFiled - before.overall.notFiled).toBe(1);
    expect(o.pending - before.overall.pending).toBe(1);
    expect(o.replied - before.overall.replied).toBe(1);
    expect(o.received).toBe(o.filed + o.merged + o.converted + o.notFiled + o.pending);
    expect(o.filingRate).toBeCloseTo(Math.round(((o.filed + o.merged) / o.received) * 1000) / 10, 5);
    expect(o.replyRate).toBeCloseTo(Math.round((o.replied / o.filed) * 1000) / 10, 5);

    const cat = categoryRow(after, sampleDraft.category);
    expect(cat.received - categoryRow(before, sampleDraft.category).received).toBe(2);
    expect(cat.replied - categoryRow(before, sampleDraft.category).replied).toBe(1);
    expect(sum(after.byCategory.map((c: any) => c.received))).toBe(o.received);

    const classA = (s: any) => s.answerClasses.find((c: any) => c.code === 'A');
    expect(classA(after).count - classA(before).count).toBe(1);
    expect(sum(after.answerClasses.map((c: any) => c.share ?? 0))).toBeCloseTo(100, 0);
    expect(after.satisfaction.attitude.satisfied - before.satisfaction.attitude.satisfied).toBe(1);
    expect(after.satisfaction.result.basically - before.satisfaction.result.basically).toBe(1);

    const eduBefore = unitRow(before, '区教育局');
    const eduAfter = unitRow(after, '区教育局');
    expect(eduAfter.assigned - eduBefore.assigned).toBe(1);
    expect(eduAfter.leading - eduBefore.leading).toBe(1);
    expect(eduAfter.replied - eduBefore.replied).toBe(1);
    expect((eduAfter.classes.A ?? 0) - (eduBefore.classes.A ?? 0)).toBe(1);
  });

  it('exports the same figures to .xlsx with Chinese sheets and headers', async () => {
    const staff = await t.as('staff');
    const s = await ok(staff.get('/api/proposals/stats'));
    const res = await t.app.inject({ method: 'GET', url: `/api/proposals/stats.xlsx?sessionId=${s.session.id}`, headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`提案统计-${s.session.name}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '按类别', '按承办单位']);
    const overall = new Map(wb.getWorksheet('总体情况')!.getSheetValues().slice(2).map((r: any) => [r[1], r[2]]));
    expect(overall.get('收到提案（件）')).toBe(s.overall.received);
    expect(overall.get('不予立案（件）')).toBe(s.overall.notFiled);
    expect(overall.get('办复率（已办复÷立案）')).toBe(s.overall.replyRate === null ? '—' : `${s.overall.replyRate}%`);
    const units = wb.getWorksheet('按承办单位')!;
    expect(units.getRow(1).values).toContain('承办单位');
    expect(units.rowCount - 1).toBe(s.byUnit.length);
  });

  it('is for staff, admins and leaders of the committee; another committee’s session is not found', async () => {
    const staff = await t.as('staff');
    const { session } = await ok(staff.get('/api/proposals/stats'));
    await ok((await t.as('leader')).get(`/api/proposals/stats?sessionId=${session.id}`));
    expect((await (await t.as('member')).get('/api/proposals/stats')).status).toBe(403);
    expect((await (await t.as('unit')).get('/api/proposals/stats.xlsx')).status).toBe(403);
    const other = await (await t.as('ft_staff')).get(`/api/proposals/stats?sessionId=${session.id}`);
    expect(other.status).toBe(404);
    expect(other.body.message).toContain('会议');
    const bad = await staff.get('/api/proposals/stats?sessionId=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('会议');
  });
});
