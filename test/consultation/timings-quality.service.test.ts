import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { upload } from '../support/upload.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { remindConsultationTimings } from '../../src/server/modules/consultation/reminders.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

/**
 * 会务时限 (RULES.md: notice 15 working days ahead, materials 10, minutes within 7), reckoned on the
 * official calendar: a meeting on Wednesday 10 June 2026 is noticed by 20 May, gets its materials
 * out by 27 May, and its minutes by 22 June (the 端午 holiday, 19–21 June, is not counted).
 */
describe.each(dbKinds)('consultation time limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const at = (day: string) => {
    t.app.services.now = () => new Date(`${day}T12:00:00+08:00`);
    return t.app.services.now();
  };
  /** The notices the general office received about one consultation, by title. */
  const officeNotices = async (consultationId: string) => {
    const rows = await t.database.db.select({ title: notifications.title, userId: notifications.userId }).from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(and(eq(notifications.link, `/consultation/consultations/${consultationId}`), eq(users.username, 'office')));
    return rows.map((r) => r.title).sort(); // PostgreSQL returns rows in no order without one; 前 sorts before 后
  };

  it('shows the notice limit of a planned consultation, then all three once scheduled, and reminds the office once per limit', async () => {
    const office = await t.as('office');
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === 2026);
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.find((i: any) => i.status === 'planned' && i.month >= 6);
    at('2026-05-06');
    let c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    // not yet scheduled: only the notice has a limit, from the first day of the planned month
    expect(c.timings.map((x: any) => x.key)).toEqual(['notice']);
    expect(c.timings[0]).toMatchObject({ label: '会前通知', doneOn: null });

    c = await ok(office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: '2026-06-10T02:00:00Z', endsAt: '2026-06-10T05:00:00Z', location: '区政协三楼会议室', memberIds: [await memberIdOf(t, 'member')] }));
    expect(c.timings).toEqual([
      expect.objectContaining({ key: 'notice', due: '2026-05-20', doneOn: '2026-05-06', state: 'done', stateLabel: '按时完成' }),
      expect.objectContaining({ key: 'materials', due: '2026-05-27', doneOn: null, state: 'pending' }),
      expect.objectContaining({ key: 'minutes', due: '2026-06-22', doneOn: null, state: 'pending' }),
    ]);

    // three working days before the materials are due (22 May), not a day earlier; once only
    await remindConsultationTimings(t.database, at('2026-05-21'));
    expect(await officeNotices(c.id)).toEqual([]);
    await remindConsultationTimings(t.database, at('2026-05-22'));
    await remindConsultationTimings(t.database, at('2026-05-25'));
    expect(await officeNotices(c.id)).toEqual([`会前送达材料：${c.title}`]);

    // the minutes: reminded from 16 June, overdue after 22 June, late when recorded on the 24th
    await remindConsultationTimings(t.database, at('2026-06-15'));
    expect(await officeNotices(c.id)).toHaveLength(1);
    await remindConsultationTimings(t.database, at('2026-06-16'));
    expect(await officeNotices(c.id)).toEqual([`会前送达材料：${c.title}`, `会后印发纪要：${c.title}`]);
    at('2026-06-23');
    c = await ok(office.get(`/api/consultation/consultations/${c.id}`));
    expect(c.timings.find((x: any) => x.key === 'minutes')).toMatchObject({ state: 'overdue', stateLabel: '已逾期' });
    at('2026-06-24');
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/hold`, { version: c.version, heldOn: '2026-06-10', minutes: '会议听取了有关部门情况通报，与会委员围绕议题深入协商，形成若干意见建议。' }));
    expect(c.timings.find((x: any) => x.key === 'minutes')).toMatchObject({ doneOn: '2026-06-24', state: 'late', stateLabel: '逾期完成' });
    // held: nothing more to remind of
    await remindConsultationTimings(t.database, at('2026-06-25'));
    expect(await officeNotices(c.id)).toHaveLength(2);
  });

  it('sends no materials reminder once a material is handed out, and follows a committee’s own limits', async () => {
    const office = await t.as('office');
    const admin = await t.as('admin');
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === 2026);
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.filter((i: any) => i.status === 'planned' && i.month >= 6).at(-1);
    // this committee hands materials out 5 working days ahead, and hears of it on the day
    const rules = await ok(admin.get('/api/settings/consultation?year=2026'));
    await ok(admin.request({ method: 'PUT', url: '/api/settings/consultation?year=2026', payload: { version: rules.version, values: { materialsWorkdays: 5, timingRemindWorkdays: 0 } } }));
    at('2026-05-06');
    let c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: '2026-06-10T02:00:00Z', endsAt: '2026-06-10T05:00:00Z', location: '区政协三楼会议室', memberIds: [] }));
    expect(c.timings.find((x: any) => x.key === 'materials')).toMatchObject({ due: '2026-06-03' });
    await remindConsultationTimings(t.database, at('2026-06-02'));
    expect(await officeNotices(c.id)).toEqual([]);
    await ok(office.request({ method: 'POST', url: `/api/meetings/${c.activityId}/files?kind=materials`, ...upload('协商会议材料.txt', Buffer.from('一、议题背景……'), 'text/plain') }));
    c = await ok(office.get(`/api/consultation/consultations/${c.id}`));
    expect(c.timings.find((x: any) => x.key === 'materials').doneOn).not.toBeNull();
    await remindConsultationTimings(t.database, at('2026-06-03'));
    expect(await officeNotices(c.id)).toEqual([]);
  });

  it('participating members rate a held consultation once on the committee’s questionnaire; the office reads the answers counted', async () => {
    t.app.services.now = () => new Date();
    const office = await t.as('office');
    const [member, member2, member3, leader, admin] = await Promise.all(['member', 'member2', 'member3', 'leader', 'admin'].map((u) => t.as(u)));
    const plans = await ok(office.get('/api/consultation/plans'));
    const current = plans.items.find((p: any) => p.status === 'approved' && p.year === 2026);
    const plan = await ok(office.get(`/api/consultation/plans/${current.id}`));
    const item = plan.items.find((i: any) => i.status === 'planned');
    let c = await ok(office.get(`/api/consultation/consultations/${item.id}`));
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/schedule`, { version: c.version, startsAt: '2026-11-10T02:00:00Z', endsAt: '2026-11-10T05:00:00Z', location: '区政协三楼会议室', memberIds: [await memberIdOf(t, 'member'), await memberIdOf(t, 'member2')] }));
    const url = `/api/consultation/consultations/${c.id}/rating`;
    const all = (a: string) => c.quality.questions.map(() => a);
    // not before it is held
    expect((await member.post(url, { answers: all('good') })).status).toBe(403);
    c = await ok(office.post(`/api/consultation/consultations/${c.id}/hold`, { version: c.version, heldOn: '2026-11-10', minutes: '会议围绕议题深入协商，形成意见建议若干条，会后整理报送。' }));
    expect((await ok(member.get(`/api/consultation/consultations/${c.id}`))).quality).toMatchObject({ canRate: true, mine: null, results: null });
    expect((await member3.post(url, { answers: all('good') })).status).toBe(403);
    const short = await member.post(url, { answers: ['good'] });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('评价');
    const odd = await member.post(url, { answers: all('excellent') });
    expect(odd.status).toBe(400);

    const mine = (await ok(member.post(url, { answers: all('good') }))).quality;
    expect(mine).toMatchObject({ canRate: false, results: null, mine: { answers: c.quality.questions.map((q: string) => ({ question: q, answerLabel: '满意' })) } });
    expect((await member.post(url, { answers: all('fair') })).status).toBe(409);
    const answers2 = c.quality.questions.map((_: string, i: number) => (i === 0 ? 'poor' : 'fair'));
    await ok(member2.post(url, { answers: answers2, comment: '会前材料送达偏晚，建议提前。' }));

    for (const reader of [office, leader]) {
      const q = (await ok(reader.get(`/api/consultation/consultations/${c.id}`))).quality;
      expect(q.responses).toBe(2);
      expect(q.results[0]).toMatchObject({ question: c.quality.questions[0], good: 1, fair: 0, poor: 1, total: 2, goodShare: 50 });
      expect(q.results[1]).toMatchObject({ good: 1, fair: 1, poor: 0, total: 2, goodShare: 50 });
      // every row's parts add up to the members who answered
      for (const r of q.results) expect(r.good + r.fair + r.poor).toBe(q.responses);
      expect(q.comments.map((x: any) => x.text)).toEqual(['会前材料送达偏晚，建议提前。']);
    }
    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.rate'), eq(auditLog.subjectId, c.id)));
    expect(audited).toHaveLength(2);

    // a changed questionnaire: the answers given stay under the questions they were given to
    const rules = await ok(admin.get('/api/settings/consultation?year=2026'));
    await ok(admin.request({ method: 'PUT', url: '/api/settings/consultation?year=2026', payload: { version: rules.version, values: { ...rules.values, qualityQuestions: ['协商成果转化落实情况好'] } } }));
    const q = (await ok(office.get(`/api/consultation/consultations/${c.id}`))).quality;
    expect(q.questions).toEqual(['协商成果转化落实情况好']);
    expect(q.results[0]).toMatchObject({ question: '协商成果转化落实情况好', total: 0, goodShare: null });
    expect(q.results.slice(1).map((r: any) => r.question)).toEqual(c.quality.questions);
  });
});
