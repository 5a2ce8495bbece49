import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { signIn } from './support.js';

/** 工作日历: working-day arithmetic over the official notices, and an admin entering next year's notice. */
describe.each(dbKinds)('working-day calendar on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let staff: Client;
  const addWorkdays = async (from: string, n: number) => (await ok(staff.get(`/api/calendar/add-workdays?from=${from}&n=${n}`))).date;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await signIn(t, 'admin');
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

  it('lets an admin add next year’s notice, which deadlines then follow', async () => {
    expect(await addWorkdays('2026-12-31', 1)).toBe('2027-01-01'); // not known yet: an ordinary Friday
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
    expect(trail.map((a: any) => a.action)).toEqual(['calendar.notice', 'calendar.notice']);
  });

  it('names the wrong day of a notice in Chinese and saves none of it', async () => {
    const res = await admin.post('/api/calendar/notice', { year: 2028, days: [{ day: '2028-01-01', name: '元旦', isOffDay: true }, { day: '2030-05-01', name: '劳动节', isOffDay: true }] });
    expect([res.status, res.body.message]).toEqual([400, '日期：不在2028年内']);
    expect(res.body.fields[0].field).toBe('days.1.day');
    const empty = await admin.post('/api/calendar/notice', { year: 2028, days: [{ day: '2028-01-01', name: '', isOffDay: 'yes' }] });
    expect(empty.body.fields.map((f: any) => f.label).sort()).toEqual(['放假或调休上班', '节日名称'].sort());
    expect((await ok(admin.get('/api/calendar?year=2028'))).items).toEqual([]);
  });
});
