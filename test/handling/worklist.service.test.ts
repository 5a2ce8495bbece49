import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, ok, unitIdByName } from '../support/proposals.js';
import { submittedOpinion } from '../support/opinions.js';

type Item = { id: string; type: string; typeLabel: string; subjectId: string; title: string; link: string; status: string; nextStep: string; assignedOn: string; replyDeadline: string; periodWorkdays: number; daysLeft: number; overdue: boolean };
type Worklist = { items: Item[]; counts: { type: string; label: string; count: number }[]; total: number; overdue: number };

/** The figures of a worklist add up: each type's count is its items, the total is the sum of the types. */
function expectConsistent(w: Worklist) {
  for (const c of w.counts) expect(c.count, c.label).toBe(w.items.filter((i) => i.type === c.type).length);
  expect(w.total).toBe(w.counts.reduce((n, c) => n + c.count, 0));
  expect(w.total).toBe(w.items.length);
  expect(w.overdue).toBe(w.items.filter((i) => i.overdue).length);
}

/**
 * 待办事项: a unit's pending items of every handled type (proposals and 社情民意 reports), its own
 * only, with deadlines in working days; signing moves an item on, replying takes it off.
 */
describe.each(dbKinds)('the unit worklist on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Promise<Client>>();
  const as = (who: string) => (clients.has(who) ? clients.get(who)! : (clients.set(who, t.as(who)), clients.get(who)!));
  const worklist = async (who: string): Promise<Worklist> => ok((await as(who)).get('/api/handling/worklist'));
  let before: Record<string, Worklist> = {};
  let proposalId = '';
  let opinionId = '';

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const who of ['unit', 'unit2', 'unit3']) before[who] = await worklist(who);
    const staff = await as('staff');
    const info = await as('info');
    const education = await unitIdByName(staff, '区教育局');
    const housing = await unitIdByName(staff, '区住房建设局');
    const { p } = await filedProposal(t, { title: '关于加强课后托管服务质量监管的建议', background: '我区课后托管服务覆盖面扩大，但服务内容单一、收费标准不一。', analysis: '主要原因是缺少统一标准和监管机制。', suggestions: '一是制定课后托管服务标准；二是建立收费公示制度；三是引入第三方评估。', category: '教育事业', authorType: 'individual' });
    await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: education, role: 'lead' }, { unitId: housing, role: 'assisting' }] }));
    const o = await submittedOpinion(await as('member'), { title: '关于规范中小学校服采购的建议', category: '教育文体' });
    await ok(info.post(`/api/opinions/${o.id}/assign`, { version: o.version, assignments: [{ unitId: education, role: 'sole' }] }));
    proposalId = p.id;
    opinionId = o.id;
  });
  afterAll(() => t.close());

  it('lists each unit’s own pending items of every type, and the figures add up by type', async () => {
    const unit = await worklist('unit');
    const unit2 = await worklist('unit2');
    const unit3 = await worklist('unit3');
    for (const w of [unit, unit2, unit3, ...Object.values(before)]) expectConsistent(w);
    expect(unit.counts.map((c) => c.label)).toEqual(['提案', '社情民意信息', '监督建议', '协商建议', '民主评议整改事项', '调研建议']); // every handled type, in the module list's order

    const newOn = (w: Worklist, was: Worklist) => w.items.filter((i) => !was.items.some((b) => b.id === i.id)).map((i) => [i.type, i.subjectId, i.status, i.nextStep]);
    expect(newOn(unit, before.unit)).toEqual(expect.arrayContaining([['proposal', proposalId, 'assigned', '签收（或提出异议）'], ['opinion', opinionId, 'assigned', '签收（或提出异议）']]));
    expect(newOn(unit, before.unit)).toHaveLength(2);
    expect(newOn(unit2, before.unit2)).toEqual([['proposal', proposalId, 'assigned', '签收（或提出异议）']]);
    expect(newOn(unit3, before.unit3)).toEqual([]);
    for (const type of ['proposal', 'opinion']) {
      const count = (w: Worklist) => w.counts.find((c) => c.type === type)!.count;
      expect(count(unit), type).toBe(count(before.unit) + 1);
    }
    expect(unit.total).toBe(before.unit.total + 2);
  });

  it('only the unit’s own: every item is an assignment to the unit on a record it may open', async () => {
    for (const who of ['unit', 'unit2', 'unit3']) {
      const client = await as(who);
      const me = (await client.get('/api/auth/me')).body.user;
      for (const item of (await worklist(who)).items) {
        const record = await ok(client.get(`/api${item.link}`));
        const a = record.assignments.find((x: any) => x.id === item.id);
        expect(a?.unitId, `${who} ${item.title}`).toBe(me.unitId);
        expect(record.title).toBe(item.title);
      }
    }
  });

  it('deadlines are counted in working days; a fresh assignment has its whole period left', async () => {
    const item = (await worklist('unit')).items.find((i) => i.subjectId === opinionId)!;
    expect(item.periodWorkdays).toBeGreaterThan(0);
    expect(item.daysLeft).toBe(item.periodWorkdays);
    expect(item.overdue).toBe(false);
  });

  it('signing moves an item to 答复; an approved extension lengthens its period; the sent reply takes it off', async () => {
    const unit = await as('unit');
    const info = await as('info');
    let o = await ok(unit.get(`/api/opinions/${opinionId}`));
    let a = o.assignments.find((x: any) => x.status === 'assigned');
    a = await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    let item = (await worklist('unit')).items.find((i) => i.id === a.id)!;
    expect([item.status, item.nextStep]).toEqual(['signed', '答复']);

    a = await ok(unit.post(`/api/handling/assignments/${a.id}/extension`, { version: a.version, days: 5, reason: '需会同多个学校核实采购情况' }));
    await ok(info.post(`/api/handling/assignments/${a.id}/extension-decision`, { version: a.version, approve: true }));
    const extended = (await worklist('unit')).items.find((i) => i.id === a.id)!;
    expect(extended.periodWorkdays).toBe(item.periodWorkdays + 5);
    expect(extended.daysLeft).toBe(item.daysLeft + 5);
    item = extended;

    const reply = await ok(unit.post('/api/handling/replies', { type: 'opinion', subjectId: opinionId, answerClass: 'A', body: '我局已制定校服采购管理办法，由家长委员会参与选购，价格公开。', contactPerson: '王老师', contactPhone: '0755-28949001', disclose: true }));
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区教育局局长 李某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    const after = await worklist('unit');
    expectConsistent(after);
    expect(after.items.some((i) => i.id === a.id)).toBe(false);
    expect(after.counts.find((c) => c.type === 'opinion')!.count).toBe(before.unit.counts.find((c) => c.type === 'opinion')!.count);
    o = await ok((await as('member')).get(`/api/opinions/${opinionId}`));
    expect(o.replies.map((r: any) => r.unitName)).toEqual(['区教育局']);
  });

  it('is a unit’s page: other roles are refused, anonymous callers must log in', async () => {
    for (const who of ['staff', 'info', 'member', 'leader', 'admin']) expect((await (await as(who)).get('/api/handling/worklist')).status, who).toBe(403);
    expect((await t.anonymous.get('/api/handling/worklist')).status).toBe(401);
  });
});
