import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { signIn } from './support.js';

/** 工作日历: working-day arithmetic over the official notices, and an admin entering next year's notice. */
describe.each(dbKinds)('working-day calendar on %s', (kind) => {
  let t: TestApp;
  /** the platform's admin (the province, the top committee): the only one who records a notice */
  let admin: Client;
  let districtAdmin: Client;
  let staff: Client;
  const addWorkdays = async (from: string, n: number) => (await ok(staff.get(`/api/calendar/add-workdays?from=${from}&n=${n}`))).date;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await signIn(t, 'gd_admin');
    districtAdmin = await signIn(t, 'admin');
    staff = await signIn(t, 'staff');
  });
  afterAll(() => t.close());

  it('counts working days across the 2026 National Day holiday and its make-up Saturday', async () => {
    // 国务院办公厅 2026 notice: 10月1日至7日放假, 9月20日（周日）、10月10日（周六）上班
    expect(await addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(await addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(await addWorkdays('2026-09-19', 1)).toBe('2026-09-20');
    expect(await addWorkdays('2026-10-13', -5)).toBe('2026-09-30');
    const year = (await ok(staff.get('/api/calendar?year=2026'))).items as any[];
    expect(year.find((d) => d.day === '2026-10-10')).toEqual({ day: '2026-10-10', name: '国庆节', isOffDay: false });
    const bad = await staff.get('/api/calendar/add-workdays?from=2026-02-30&n=x');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: any) => f.label).sort()).toEqual(['工作日数', '起始日期'].sort());
  });

  it('is national: a district’s admin may not change it, and every committee’s chain and admins learn of a change', async () => {
    const shown = await ok(districtAdmin.get('/api/calendar?year=2029'));
    expect([shown.actions, shown.keptBy]).toEqual([['read'], '中国人民政治协商会议广东省委员会']);
    const notice = { year: 2029, days: [{ day: '2029-01-01', name: '元旦', isOffDay: true }] };
    const refused = await districtAdmin.post('/api/calendar/notice', notice);
    expect([refused.status, refused.body.message]).toEqual([403, '没有对该工作日历执行此操作的权限']);
    expect((await ok(admin.get('/api/calendar?year=2029'))).items).toEqual([]);
    await ok(admin.post('/api/calendar/notice', notice));
    // the district's auditor sees the platform's change in the district's own chain, under the platform admin's name
    const trail = (await ok((await signIn(t, 'auditor')).get('/api/audit?subjectType=calendar'))).items;
    expect(trail.filter((a: any) => a.subjectId === '2029').map((a: any) => [a.action, a.actorName])).toEqual([['calendar.notice', '广东省政协系统管理员']]);
    const told = await t.database.query(`select u.username, n.title from notifications n join users u on u.id = n.user_id where n.title = '2029年放假安排已更新' order by u.username`);
    expect(told.map((n: any) => n.username)).toEqual(['admin', 'city_admin', 'ft_admin']);
  });

  it('lets the platform admin add next year’s notice, which deadlines then follow', async () => {
    // not known yet: only the statutory days off (元旦 on Friday), no make-up working Saturday
    expect(await addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(await addWorkdays('2027-02-19', 1)).toBe('2027-02-22');
    expect((await ok(admin.get('/api/calendar?year=2027'))).actions).toEqual(['read', 'update']);
    const notice = { year: 2027, days: [
      { day: '2027-01-01', name: '元旦', isOffDay: true },
      { day: '2027-02-05', name: '春节', isOffDay: true },
      { day: '2027-02-08', name: '春节', isOffDay: true },
      { day: '2027-02-20', name: '春节', isOffDay: false },
    ] };
    const saved = await ok(admin.post('/api/calendar/notice', notice));
    expect(saved.items.map((d: any) => d.day)).toEqual(notice.days.map((d) => d.day));
    expect(await addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(await addWorkdays('2027-02-04', 1)).toBe('2027-02-09');
    expect(await addWorkdays('2027-02-19', 1)).toBe('2027-02-20');
    // a corrected notice replaces the stored day
    await ok(admin.post('/api/calendar/notice', { year: 2027, days: [{ day: '2027-02-20', name: '春节', isOffDay: true }] }));
    expect(await addWorkdays('2027-02-19', 1)).toBe('2027-02-22');
    const trail = (await ok((await signIn(t, 'auditor')).get('/api/audit?subjectType=calendar'))).items;
    expect(trail.filter((a: any) => a.subjectId === '2027').map((a: any) => a.action)).toEqual(['calendar.notice', 'calendar.notice']);
  });

  it('names the wrong day of a notice in Chinese and saves none of it', async () => {
    const res = await admin.post('/api/calendar/notice', { year: 2028, days: [{ day: '2028-01-01', name: '元旦', isOffDay: true }, { day: '2030-05-01', name: '劳动节', isOffDay: true }] });
    expect([res.status, res.body.message]).toEqual([400, '日期：不在2028年内']);
    expect(res.body.fields[0].field).toBe('days.1.day');
    const empty = await admin.post('/api/calendar/notice', { year: 2028, days: [{ day: '2028-01-01', name: '', isOffDay: 'yes' }] });
    expect(empty.body.fields.map((f: any) => f.label).sort()).toEqual(['放假或调休上班', '节日名称'].sort());
    expect((await ok(admin.get('/api/calendar?year=2028'))).items).toEqual([]);
  });

  it('reckons the open deadlines again when a notice arrives, audits each change and tells the unit', async () => {
    // an open assignment whose reply deadline was reckoned on 2028's statutory days only (provisional)
    const [a] = await t.database.query(`select id, unit_id, subject_id from handling_assignments where subject_type = 'proposal' and status in ('assigned', 'signed') and unit_id in (select unit_id from users where active) order by id limit 1`);
    const provisional = await addWorkdays('2028-01-21', 10);
    await t.database.query(`update handling_assignments set assigned_on = '2028-01-21', objection_deadline = '2028-01-24', reply_deadline = $2, extended_days = 0 where id = $1`, [a.id, provisional]);
    const shown = async () => (await ok(staff.get(`/api/proposals/${a.subject_id}`))).assignments.find((x: any) => x.id === a.id);
    expect(await shown()).toMatchObject({ replyDeadline: provisional, provisional: true }); // staff see it is 暂定
    // the notice: 春节 25 January to 1 February, Saturday 22 January worked (statutory: 25 to 28 only)
    const saved = await ok(admin.post('/api/calendar/notice', { year: 2028, days: [
      ...['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-31', '2028-02-01'].map((day) => ({ day, name: '春节', isOffDay: true })),
      { day: '2028-01-22', name: '春节', isOffDay: false },
    ] }));
    expect(saved.recomputed).toBeGreaterThanOrEqual(1);
    const reckoned = await addWorkdays('2028-01-21', 10);
    expect(reckoned).not.toBe(provisional);
    const [after] = await t.database.query(`select reply_deadline::text as reply, objection_deadline::text as objection from handling_assignments where id = $1`, [a.id]);
    expect(await shown()).toMatchObject({ replyDeadline: reckoned, provisional: false });
    expect(after).toEqual({ reply: reckoned, objection: await addWorkdays('2028-01-21', 1) }); // the worked Saturday
    const auditor = await signIn(t, 'auditor');
    const trail = (await ok(auditor.get('/api/audit?action=assignment.deadlinesRecomputed'))).items;
    expect(trail.find((r: any) => r.subjectId === a.id)).toMatchObject({ before: { replyDeadline: provisional }, after: { replyDeadline: reckoned }, actionLabel: '交办·按放假安排重算期限' });
    const unitUser = (await t.database.query(`select id from users where unit_id = $1 limit 1`, [a.unit_id]))[0];
    const [notice] = await t.database.query(`select title from notifications where user_id = $1 order by created_at desc limit 1`, [unitUser.id]);
    expect(notice.title).toBe(`答复期限调整为 ${reckoned}`);
  });
});
