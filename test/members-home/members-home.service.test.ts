import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';

const today = chinaToday();
const year = Number(today.slice(0, 4));
const later = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

describe.each(dbKinds)("the Members' Home (委员之家) on %s", (kind) => {
  let t: TestApp;
  let office: Client;
  let chair: Client;
  let member2: Client;
  let chairId: string;
  let member2Id: string;
  let plainId: string;
  let dutyId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [office, chair, member2] = await Promise.all([t.as('office'), t.as('leader'), t.as('member2')]);
    [chairId, member2Id, plainId] = await Promise.all([memberIdOf(t, 'leader'), memberIdOf(t, 'member2'), memberIdOf(t, 'member')]);
  });
  afterAll(() => t.close());

  const liveKinds = async (sourceId: string) =>
    (await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, sourceId), isNull(ledgerEntries.voidedAt)))).map((e) => `${e.kind}:${e.memberId}`).sort();
  const setOpening = async (values: object) => {
    const admin = await t.as('admin');
    const current = await ok(admin.get(`/api/settings/membersHome?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/membersHome?year=${year}`, payload: { version: current.version, values: { ...current.values, ...values } } }));
  };

  it('staff assign duty days only on days the Home opens, to the right people; members cannot', async () => {
    // 国庆 is a statutory holiday: closed whatever weekday it falls on
    const closed = await office.post('/api/members-home/duties', { day: `${year}-10-01`, memberId: chairId, capacity: 'chair' });
    expect(closed.status).toBe(400);
    expect(JSON.stringify(closed.body)).toContain('值班日期');
    await setOpening({ openWeekdays: [1, 2, 3, 4, 5, 6, 7], workdaysOnly: false });

    const notChair = await office.post('/api/members-home/duties', { day: today, memberId: plainId, capacity: 'chair' });
    expect(notChair.status).toBe(400);
    expect(JSON.stringify(notChair.body)).toContain('不是主席会议成员');
    const noCommittee = await office.post('/api/members-home/duties', { day: today, memberId: plainId, capacity: 'director' });
    expect(noCommittee.status).toBe(400);
    expect(JSON.stringify(noCommittee.body)).toContain('专委会');
    expect((await member2.post('/api/members-home/duties', { day: today, memberId: chairId, capacity: 'chair' })).status).toBe(403);

    const duty = await ok(office.post('/api/members-home/duties', { day: today, memberId: chairId, capacity: 'chair', note: '下午2:30—5:30' }));
    expect(duty).toMatchObject({ day: today, memberId: chairId, capacityLabel: '主席会议成员', status: 'active', visitCount: 0, visits: [] });
    dutyId = duty.id;
    const twice = await office.post('/api/members-home/duties', { day: today, memberId: chairId, capacity: 'chair' });
    expect(twice.status).toBe(400);

    const options = await ok(office.get('/api/members-home/options'));
    const committee = options.specialCommittees[0];
    const director = await ok(office.post('/api/members-home/duties', { day: later(1), memberId: plainId, capacity: 'director', specialCommitteeId: committee.id }));
    expect(director.specialCommitteeName).toBe(committee.name);

    const rota = await ok(member2.get(`/api/members-home/duties?month=${today.slice(0, 7)}`));
    expect(rota.items.map((d: any) => d.id)).toContain(dutyId);
    expect(rota.openDays).toContain(today);
    expect(rota.actions).toEqual([]);
    expect((await office.get('/api/members-home/duties?month=2026-13')).status).toBe(400);
  });

  it('the member on duty sees today\'s duty on the home page and logs three visits', async () => {
    const mine = await ok(chair.get('/api/members-home/today'));
    expect(mine.duty).toMatchObject({ id: dutyId, actions: expect.arrayContaining(['log']) });
    const cards = (await ok(chair.get('/api/dashboard'))).cards;
    expect(cards.find((c: any) => c.key === 'homeDutyToday')).toMatchObject({ value: 0, link: '/members-home/today' });
    expect((await ok(member2.get('/api/dashboard'))).cards.find((c: any) => c.key === 'homeDutyToday')).toBeUndefined();

    // neither a member nor a name: refused, naming the field
    const nobody = await chair.post(`/api/members-home/duties/${dutyId}/visits`, { topic: '反映情况', said: '谈了一些情况' });
    expect(nobody.status).toBe(400);
    expect(JSON.stringify(nobody.body)).toContain('来访人姓名');
    // another member cannot log on someone else's duty
    expect((await member2.post(`/api/members-home/duties/${dutyId}/visits`, { visitorName: '张三', topic: '反映情况', said: '谈了一些情况' })).status).toBe(403);

    let d = await ok(chair.post(`/api/members-home/duties/${dutyId}/visits`, {
      visitorMemberId: member2Id, topic: '老旧小区加装电梯', said: '街道加装电梯意愿征集难，低层住户反对。',
      suggestions: ['建议出台加装电梯低层住户补偿指导标准', '建议街道设立加装电梯协商议事平台'],
    }));
    d = await ok(chair.post(`/api/members-home/duties/${dutyId}/visits`, { visitorName: '李秀英', visitorNote: '布吉街道居民', topic: '社区养老', said: '社区长者饭堂供餐点太少。', suggestions: ['建议每个社区至少设一个长者饭堂供餐点'] }));
    d = await ok(chair.post(`/api/members-home/duties/${dutyId}/visits`, { visitorMemberId: plainId, topic: '界别活动', said: '希望委员之家多组织界别活动。' }));
    expect(d.visitCount).toBe(3);
    expect(d.visits.map((v: any) => v.visitorName)).toContain('李秀英');
    expect(d.visits.find((v: any) => v.visitorMemberId === member2Id).suggestions).toHaveLength(2);
    expect(await liveKinds(dutyId)).toEqual([`home.duty:${chairId}`]);
    expect((await ok(chair.get('/api/dashboard'))).cards.find((c: any) => c.key === 'homeDutyToday').value).toBe(3);
    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, dutyId), eq(auditLog.action, 'homeVisit.create')));
    expect(audited).toHaveLength(3);
  });

  it('a duty still to come takes no visit; a duty with visits cannot be cancelled; a stale cancel is a 409', async () => {
    const future = await ok(office.post('/api/members-home/duties', { day: later(2), memberId: chairId, capacity: 'chair' }));
    expect((await chair.post(`/api/members-home/duties/${future.id}/visits`, { visitorName: '王五', topic: '反映情况', said: '谈了一些情况' })).status).toBe(409);
    const withVisits = await ok(office.get(`/api/members-home/duties/${dutyId}`));
    expect(withVisits.actions).not.toContain('cancel');
    expect((await office.post(`/api/members-home/duties/${dutyId}/cancel`, { version: withVisits.version, reason: '临时公务' })).status).toBe(403);
    expect((await office.post(`/api/members-home/duties/${future.id}/cancel`, { version: future.version + 1, reason: '外出调研' })).status).toBe(409);
    expect((await chair.post(`/api/members-home/duties/${future.id}/cancel`, { version: future.version, reason: '外出调研' })).status).toBe(403);
    const cancelled = await ok(office.post(`/api/members-home/duties/${future.id}/cancel`, { version: future.version, reason: '外出调研' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '外出调研', actions: [] });
  });

  it('a suggestion becomes an opinion report with one action, linked both ways, credited to the member who made it', async () => {
    const d = await ok(chair.get(`/api/members-home/duties/${dutyId}`));
    const [first, second] = d.visits.find((v: any) => v.visitorMemberId === member2Id).suggestions;
    expect(first.actions).toEqual(expect.arrayContaining(['convert', 'convertForVisitor', 'convertForDuty']));
    const nonMember = d.visits.find((v: any) => v.visitorName === '李秀英').suggestions[0];
    const forNobody = await chair.post(`/api/members-home/suggestions/${nonMember.id}/convert`, { version: nonMember.version, into: 'proposal', title: '关于增设社区长者饭堂的建议', author: 'visitor' });
    expect(forNobody.status).toBe(400);

    // a stale version (someone converted it meanwhile) is a 409
    expect((await chair.post(`/api/members-home/suggestions/${first.id}/convert`, { version: first.version + 1, into: 'opinion', title: '关于加装电梯低层住户补偿的建议', author: 'duty' })).status).toBe(409);
    const converted = await ok(chair.post(`/api/members-home/suggestions/${first.id}/convert`, { version: first.version, into: 'opinion', title: '关于加装电梯低层住户补偿的建议', author: 'duty' }));
    expect(converted.convertedTo.into).toBe('opinion');
    const after = converted.visits.flatMap((v: any) => v.suggestions).find((s: any) => s.id === first.id);
    expect(after).toMatchObject({ status: 'opinion', statusLabel: '已转为社情民意信息', opinion: { id: converted.convertedTo.id }, actions: [] });
    const report = await ok(chair.get(`/api/opinions/${converted.convertedTo.id}`));
    expect(report.fromHome).toEqual({ dutyId, day: today });
    expect(report.authorMemberId).toBe(chairId);
    expect(report.body).toContain('建议出台加装电梯低层住户补偿指导标准');
    // once only: converted, it is refused whatever the version
    expect((await chair.post(`/api/members-home/suggestions/${first.id}/convert`, { version: first.version + 1, into: 'proposal', title: '再转一次试试看', author: 'duty' })).status).toBe(403);
    expect(await liveKinds(dutyId)).toEqual([`home.converted:${member2Id}`, `home.duty:${chairId}`]);

    // for the member who made it: their draft, and they are told
    const forVisitor = await ok(chair.post(`/api/members-home/suggestions/${second.id}/convert`, { version: second.version, into: 'proposal', title: '关于设立加装电梯协商议事平台的建议', author: 'visitor' }));
    const draft = await ok(member2.get(`/api/proposals/${forVisitor.convertedTo.id}`));
    expect(draft).toMatchObject({ status: 'draft', leadMemberId: member2Id, fromHome: { dutyId } });
    const [account] = await t.database.db.select().from(users).where(eq(users.username, 'member2'));
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, account!.id));
    expect(told.some((n) => n.link === `/proposals/${forVisitor.convertedTo.id}`)).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, second.id));
    expect(audits.map((a) => a.action)).toEqual(['homeSuggestion.toProposal']);
  });

  it("the year's figures come from the records: the visit log and the yearly report agree", async () => {
    const log = await ok(office.get(`/api/members-home/visits?year=${year}`));
    expect(log.visits).toBe(log.items.length);
    expect(log.suggestions).toBe(log.items.flatMap((v: any) => v.suggestions).length);
    expect(log.converted).toBe(log.items.flatMap((v: any) => v.suggestions).filter((s: any) => s.status !== 'open').length);
    expect(log.converted).toBeGreaterThanOrEqual(2);
    expect((await member2.get(`/api/members-home/visits?year=${year}`)).status).toBe(403);
    const report = await ok(office.get(`/api/summary?year=${year}`));
    const section = report.sections.find((s: any) => s.key === 'membersHome');
    expect(section.figures.map((f: any) => f.value)).toEqual([log.visits, log.suggestions, log.converted]);
    expect(section.text).toContain(`接待来访${log.visits}人次`);
  });
});
