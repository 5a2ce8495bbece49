import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from '../support/proposals.js';
import { assignments, replies } from '../../src/server/platform/handling/schema.js';
import { movableClock } from '../foundation/support.js';
import { remindDueReplies } from '../../src/server/platform/handling/reminders.js';

describe.each(dbKinds)('handling: objections, extensions, reminders on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function assigned(title: string, unitName = '区教育局') {
    const { p, staff } = await filedProposal(t, { ...sampleDraft, title });
    const unitId = await unitIdByName(staff, unitName);
    const q = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId, role: 'sole' }] }));
    return { p: q, staff, a: q.assignments[0] };
  }

  it('a unit objects within the window; staff accept and the item moves to another unit', async () => {
    const { p, staff, a } = await assigned('关于优化公交线网布局的建议');
    const unit = await t.as('unit');
    const objected = await ok(unit.post(`/api/handling/assignments/${a.id}/object`, { version: a.version, reason: '公交线网规划不属于本局职责，应由交通运输部门办理' }));
    expect(objected.status).toBe('objected');
    const housing = await unitIdByName(staff, '市交通运输局龙岗管理局');
    const noUnit = await staff.post(`/api/handling/assignments/${a.id}/objection-decision`, { version: objected.version, accept: true, note: '同意改交' });
    expect(noUnit.status).toBe(409);
    await ok(staff.post(`/api/handling/assignments/${a.id}/objection-decision`, { version: objected.version, accept: true, replacementUnitId: housing, note: '同意改交交通部门' }));
    const after = await ok(staff.get(`/api/proposals/${p.id}`));
    expect(after.assignments.map((x: any) => [x.unitName, x.role, x.status])).toEqual([['市交通运输局龙岗管理局', 'sole', 'assigned']]);
    expect((await unit.get(`/api/proposals/${p.id}`)).status).toBe(404);
  });

  it('an accepted objection hands the item only to a unit of the committee (issue 19, finding 7)', async () => {
    const { p, staff, a } = await assigned('关于改交外区单位测试的建议');
    const unit = await t.as('unit');
    const objected = await ok(unit.post(`/api/handling/assignments/${a.id}/object`, { version: a.version, reason: '不属于本局职责，应由其他部门办理' }));
    const foreign = await unitIdByName(await t.as('ft_staff'), '区教育局');
    const refused = await staff.post(`/api/handling/assignments/${a.id}/objection-decision`, { version: objected.version, accept: true, replacementUnitId: foreign, note: '同意改交' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('承办单位');
    const after = await ok(staff.get(`/api/proposals/${p.id}`));
    expect(after.assignments.map((x: any) => [x.unitName, x.status])).toEqual([['区教育局', 'objected']]);
  });

  it('an objection after the window is refused, naming the deadline', async () => {
    const { a } = await assigned('关于加强河道水环境治理的建议', '区水务局');
    await t.database.db.update(assignments).set({ objectionDeadline: '2020-01-01' }).where(eq(assignments.id, a.id));
    const unit3 = await t.as('unit3');
    const late = await unit3.post(`/api/handling/assignments/${a.id}/object`, { version: a.version, reason: '不属于本单位职责范围' });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('2020-01-01');
  });

  it('an approved extension moves the deadline by working days; the cap is enforced', async () => {
    const { a, staff } = await assigned('关于完善基层医疗卫生服务体系的建议');
    const unit = await t.as('unit');
    const signed = await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const tooLong = await unit.post(`/api/handling/assignments/${a.id}/extension`, { version: signed.version, days: 100, reason: '涉及多个部门协调' });
    expect(tooLong.status).toBe(409);
    expect(tooLong.body.message).toContain('65');
    const asked = await ok(unit.post(`/api/handling/assignments/${a.id}/extension`, { version: signed.version, days: 10, reason: '涉及多个部门协调，需进一步调研' }));
    await t.database.db.update(assignments).set({ remindedAt: new Date() }).where(eq(assignments.id, a.id)); // reminded of the old deadline
    const approved = await ok(staff.post(`/api/handling/assignments/${a.id}/extension-decision`, { version: asked.version, approve: true }));
    expect(approved.replyDeadline > a.replyDeadline).toBe(true);
    expect(approved.extendedDays).toBe(10);
    const [row] = await t.database.db.select().from(assignments).where(eq(assignments.id, a.id));
    expect(row.remindedAt).toBeNull(); // and reminded again before the new one
  });

  it('a unit signs for, signs off and sends at the app clock, not the machine one', async () => {
    const { p, a } = await assigned('关于在居民区增设充电桩的建议');
    const unit = await t.as('unit');
    const clock = movableClock(t, new Date(Date.now() + 60_000));
    const takenAt = clock.now();
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    clock.advance(10);
    const reply = await ok(unit.post('/api/handling/replies', { type: 'proposal', subjectId: p.id, answerClass: 'A', body: '经研究，我局已在三个居民区试点建设公共充电设施，正在逐步推广。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true }));
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区教育局局长 张某' }));
    clock.advance(10);
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    t.app.services.now = () => new Date();
    const [row] = await t.database.db.select().from(assignments).where(eq(assignments.id, a.id));
    const [sent] = await t.database.db.select().from(replies).where(eq(replies.id, reply.id));
    expect([row.signedAt, sent.signedAt, sent.sentAt].map((d) => d?.toISOString())).toEqual([takenAt, new Date(takenAt.getTime() + 600_000), clock.now()].map((d) => d.toISOString()));
  });

  it('units are reminded once before the deadline', async () => {
    const { a } = await assigned('关于推进垃圾分类工作的建议');
    await t.database.db.update(assignments).set({ replyDeadline: '2026-11-30' }).where(eq(assignments.id, a.id));
    const at = new Date('2026-11-23T10:00:00+08:00'); // the job runner's clock
    const first = await remindDueReplies(t.database, at);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await remindDueReplies(t.database, at)).toBe(0);
    const [reminded] = await t.database.db.select().from(assignments).where(eq(assignments.id, a.id));
    expect(reminded.remindedAt?.toISOString()).toBe(at.toISOString());
    const unit = await t.as('unit');
    const inbox = await ok(unit.get('/api/notifications'));
    expect(inbox.items.some((n: any) => n.title === '即将到期：关于推进垃圾分类工作的建议')).toBe(true);
  });

});
