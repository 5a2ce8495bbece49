import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

const today = chinaToday();
const year = Number(today.slice(0, 4));

describe.each(dbKinds)('contact with the public (联系群众) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // one login per account for the whole file: logins are rate-limited per address
    const clients = new Map<string, Promise<Client>>();
    const login = t.as.bind(t);
    t.as = (username: string) => {
      if (!clients.has(username)) clients.set(username, login(username));
      return clients.get(username)!;
    };
  });
  afterAll(() => t.close());

  /** The member's own record: how far a quota has come, and the year's total. */
  const quota = async (c: Client, key: string) => {
    const r = await ok(c.get(`/api/performance/me?year=${year}`));
    return r.quotas.find((q: any) => q.key === key).have as number;
  };
  const liveEntries = async (sourceId: string) =>
    (await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, sourceId))).filter((e) => !e.voidedAt).map((e) => e.kind);
  const pair = (c: Client, name: string) => ok(c.post('/api/outreach/partners', { name, sector: '经济界·个体工商户', phone: '13800000000' }));

  it('the demo committee: members differ in how much of the yearly minimum they met', async () => {
    const summary = await ok((await t.as('leader')).get(`/api/outreach/summary?year=${year}`));
    const contacts = summary.items.map((x: any) => x.contacts);
    expect(contacts.filter((n: number) => n >= 3).length).toBeGreaterThan(5);
    expect(contacts.filter((n: number) => n > 0 && n < 3).length).toBeGreaterThan(5);
    expect(contacts.filter((n: number) => n === 0).length).toBeGreaterThan(5);
    expect(summary.items.filter((x: any) => x.deeds >= 2).length).toBeGreaterThan(5);
    expect(summary.items.filter((x: any) => x.councils >= 2).length).toBeGreaterThan(0);
    const lacking = await ok((await t.as('office')).get(`/api/performance/rankings?year=${year}&belowQuota=1`));
    expect(lacking.total).toBeLessThan(summary.items.length);
  });

  it('member-logs-contact: a face-to-face meeting with a paired person moves the contact quota; a phone call does not', async () => {
    const member = await t.as('member');
    const before = await quota(member, 'contact');
    const p = await pair(member, '刘桂芳');
    expect(p).toMatchObject({ status: 'active', statusLabel: '结对中', actions: expect.arrayContaining(['update', 'end']) });
    expect(p.actions).not.toContain('void');

    const call = await ok(member.post('/api/outreach/contacts', { day: today, way: 'phone', people: [{ name: '刘桂芳', partnerId: p.id }], raised: '反映小区停车难' }));
    expect(call.wayLabel).toBe('电话');
    expect(await liveEntries(call.id)).toEqual([]);
    expect(await quota(member, 'contact')).toBe(before);

    const met = await ok(member.post('/api/outreach/contacts', {
      day: today, way: 'inPerson', people: [{ name: '刘桂芳', partnerId: p.id }, { name: '王建国', sector: '社区居民' }],
      raised: '老旧小区加装电梯资金分摊难', followUp: '已转街道办协调',
    }));
    expect(met.people).toEqual([{ name: '刘桂芳', sector: '经济界·个体工商户', partnerId: p.id }, { name: '王建国', sector: '社区居民', partnerId: null }]);
    expect(await liveEntries(met.id)).toEqual(['outreach.contact']);
    expect(await quota(member, 'contact')).toBe(before + 1);
    const record = await ok(member.get(`/api/performance/me?year=${year}`));
    expect(record.entries.find((e: any) => e.sourceId === met.id)).toMatchObject({ kindLabel: '结对联系界别群众', link: '/outreach?tab=contacts' });

    // the write and its audit row went together
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'outreachContact'), eq(auditLog.subjectId, met.id)));
    expect(audits.map((a) => a.action)).toEqual(['outreachContact.create']);

    // editing it into a phone call takes the credit back
    const edited = await ok(member.patch(`/api/outreach/contacts/${met.id}`, { version: met.version, way: 'phone' }));
    expect(await liveEntries(met.id)).toEqual([]);
    const visit = await ok(member.patch(`/api/outreach/contacts/${met.id}`, { version: edited.version, way: 'visit' }));
    expect(await quota(member, 'contact')).toBe(before + 1);

    // a pairing that ends keeps its logged contacts (and they stay editable), but takes no new ones
    const ended = await ok(member.post(`/api/outreach/partners/${p.id}/end`, { version: p.version }));
    expect(ended).toMatchObject({ status: 'ended', statusLabel: '已解除', actions: [] });
    await ok(member.patch(`/api/outreach/contacts/${met.id}`, { version: visit.version, people: visit.people, followUp: '街道办已答复' }));
    expect(await quota(member, 'contact')).toBe(before + 1);
    const refused = await member.post('/api/outreach/contacts', { day: today, way: 'inPerson', people: [{ name: '刘桂芳', partnerId: p.id }], raised: '再次反映停车难' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('结对联系对象');
  });

  it('a person marked paired must be one of the member’s own paired contacts', async () => {
    const member = await t.as('member');
    const other = await pair(await t.as('member2'), '赵小红');
    const res = await member.post('/api/outreach/contacts', { day: today, way: 'inPerson', people: [{ name: '赵小红', partnerId: other.id }], raised: '反映学位紧张问题' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('结对联系对象');
  });

  it('member-closes-deed: a deed counts only once 办结, on its completion day; voiding removes the points', async () => {
    const member = await t.as('member');
    const staff = await t.as('office');
    const before = await quota(member, 'deed');
    let d = await ok(member.post('/api/outreach/deeds', { title: '协调解决城中村积水问题', problem: '暴雨后城中村巷道积水严重', action: '联系水务部门疏通排水管网', beneficiaries: '约200户居民', day: today }));
    expect(d).toMatchObject({ status: 'inProgress', statusLabel: '进行中', actions: expect.arrayContaining(['update', 'complete']) });
    expect(await quota(member, 'deed')).toBe(before);

    d = await ok(member.post(`/api/outreach/deeds/${d.id}/complete`, { version: d.version, completedOn: today, result: '管网已疏通' }));
    expect(d).toMatchObject({ status: 'done', statusLabel: '已办结', completedOn: today });
    expect(d.actions).not.toContain('complete');
    expect(await quota(member, 'deed')).toBe(before + 1);

    // only staff void, with a reason; the entry is voided, not deleted, and the quota falls back
    expect((await member.post(`/api/outreach/deeds/${d.id}/void`, { version: d.version, reason: '重复登记' })).status).toBe(403);
    const seen = await ok(staff.get(`/api/outreach/deeds/${d.id}`));
    expect(seen.actions).toContain('void');
    const voided = await ok(staff.post(`/api/outreach/deeds/${d.id}/void`, { version: d.version, reason: '与另一条记录重复' }));
    expect(voided).toMatchObject({ status: 'voided', statusLabel: '已作废', voidReason: '与另一条记录重复', actions: [] });
    expect(await quota(member, 'deed')).toBe(before);
    const rows = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, d.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].voidedAt).not.toBeNull();
    // a voided record is no longer edited
    expect((await member.patch(`/api/outreach/deeds/${d.id}`, { version: voided.version, title: '再次修改标题' })).status).toBe(403);
  });

  it('public service scores in Jinan’s rules; staff record on a member’s behalf and see it in the overview', async () => {
    const member = await t.as('member3');
    const staff = await t.as('roster');
    const me = await ok(member.get('/api/auth/me'));
    const s = await ok(staff.post('/api/outreach/services', { memberId: me.user.memberId, title: '社区义诊', day: today, hours: 3 }));
    expect(s.memberName).toBe(me.user.displayName);
    expect(await liveEntries(s.id)).toEqual(['outreach.publicService']);
    const mine = await ok(member.get('/api/outreach/services'));
    expect(mine.items.map((x: any) => x.id)).toContain(s.id);
    const summary = await ok(staff.get(`/api/outreach/summary?year=${year}`));
    expect(summary.items.find((x: any) => x.memberId === me.user.memberId).services).toBeGreaterThanOrEqual(1);
    // a member cannot record for someone else, nor read the overview
    expect((await member.post('/api/outreach/services', { memberId: (await ok((await t.as('member')).get('/api/auth/me'))).user.memberId, title: '社区义诊', day: today, hours: 2 })).status).toBe(403);
    expect((await member.get(`/api/outreach/summary?year=${year}`)).status).toBe(403);
  });

  it('another member cannot see or edit it, another committee gets 404, a stale version is 409, bad input is 400 in Chinese', async () => {
    const member = await t.as('member');
    const c = await ok(member.post('/api/outreach/contacts', { day: today, way: 'online', people: [{ name: '陈女士' }], raised: '咨询社保转移接续办理流程' }));
    const member2 = await t.as('member2');
    expect((await member2.get(`/api/outreach/contacts/${c.id}`)).status).toBe(404);
    expect((await member2.patch(`/api/outreach/contacts/${c.id}`, { version: c.version, raised: '被他人改写的内容' })).status).toBe(404);
    expect((await member2.get('/api/outreach/contacts')).body.items.map((x: any) => x.id)).not.toContain(c.id);
    const ft = await t.as('ft_office');
    expect((await ft.get(`/api/outreach/contacts/${c.id}`)).status).toBe(404);
    expect((await ft.post(`/api/outreach/contacts/${c.id}/void`, { version: c.version, reason: '跨区作废' })).status).toBe(404);
    expect((await ft.get('/api/outreach/contacts')).body.items.map((x: any) => x.id)).not.toContain(c.id);
    // leaders read
    expect((await (await t.as('leader')).get(`/api/outreach/contacts/${c.id}`)).status).toBe(200);

    const edited = await ok(member.patch(`/api/outreach/contacts/${c.id}`, { version: c.version, followUp: '已告知办理渠道' }));
    expect(edited.version).toBe(c.version + 1);
    const stale = await member.patch(`/api/outreach/contacts/${c.id}`, { version: c.version, followUp: '过期版本的修改' });
    expect(stale.status).toBe(409);

    const noWay = await member.post('/api/outreach/contacts', { day: today, way: 'letter', people: [{ name: '陈女士' }], raised: '咨询社保转移' });
    expect(noWay.status).toBe(400);
    expect(noWay.body.message).toContain('联系方式');
    const noDay = await member.post('/api/outreach/deeds', { title: '协调解决积水', problem: '巷道积水', action: '疏通管网', beneficiaries: '居民', day: '2026-13-40' });
    expect(noDay.status).toBe(400);
    expect(noDay.body.message).toContain('开始日期');
    const future = await member.post('/api/outreach/services', { title: '社区义诊', day: `${year + 1}-06-01`, hours: 2 });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('活动日期');
    const hours = await member.post('/api/outreach/services', { title: '社区义诊', day: today, hours: 0 });
    expect(hours.status).toBe(400);
    expect(hours.body.message).toContain('时长');
  });
});
