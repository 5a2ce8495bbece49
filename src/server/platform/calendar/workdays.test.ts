import { describe, expect, it } from 'vitest';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { readHolidayCsv } from './store.js';
import { addMonths, addWorkdays, chinaToday, isProvisional, isWorkday, moveDeadline, workdaysBetween, type WorkCalendar } from './workdays.js';
import { statutoryHolidays } from './statutory.js';

const official = readHolidayCsv(path.resolve('src/server/platform/calendar/holidays-cn.csv'));
const cal: WorkCalendar = { exceptions: new Map(official.map((d) => [d.day, d.isOffDay])) };

describe('working days from the official notices', () => {
  it('skips the 2026 National Day holiday and counts the make-up Saturday', () => {
    // 10月1日至7日放假调休, 10月10日（星期六）上班
    expect(isWorkday(cal, '2026-10-01')).toBe(false);
    expect(isWorkday(cal, '2026-10-10')).toBe(true);
    expect(addWorkdays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkdays(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkdays(cal, '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('counts 5 working days across the 2025 Spring Festival', () => {
    // 2025-01-28..02-04 off, 01-26 (Sun) and 02-08 (Sat) make-up days
    expect(addWorkdays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkdays(cal, '2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkdays(cal, '2025-02-05', 3)).toBe('2025-02-08');
  });

  it('reckons today in Beijing time: 02:00 on 2 December is still 1 December in UTC', () => {
    expect(chinaToday(new Date('2026-12-01T18:00:00Z'))).toBe('2026-12-02');
    expect(chinaToday(new Date('2026-12-01T15:59:59Z'))).toBe('2026-12-01');
  });

  it('counts backwards for reminders and measures spans', () => {
    expect(addWorkdays(cal, '2026-10-13', -5)).toBe('2026-09-30');
    expect(workdaysBetween(cal, '2026-09-30', '2026-10-13')).toBe(5);
    expect(workdaysBetween(cal, '2026-10-13', '2026-09-30')).toBe(-5);
    // a reply sent the day it was assigned took no working days (this once recursed forever)
    expect(workdaysBetween(cal, '2026-10-13', '2026-10-13')).toBe(0);
  });

  it('agrees with chinese-days on every day of 2025 and 2026', () => {
    const d = new Date('2025-01-01T00:00:00Z');
    const disagreements: string[] = [];
    while (d.getUTCFullYear() < 2027) {
      const iso = d.toISOString().slice(0, 10);
      if (isWorkday(cal, iso) !== chineseDays.isWorkday(iso)) disagreements.push(iso);
      d.setUTCDate(d.getUTCDate() + 1);
    }
    expect(disagreements).toEqual([]);
  });

  it('adds calendar months, clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', 3)).toBe('2026-06-15');
  });
});

describe('working days beyond the published notices (statutory holidays)', () => {
  const published: WorkCalendar = { ...cal, publishedYears: new Set([2025, 2026]) };

  it('every statutory day off of 2025 and 2026 is a day off in the official notices', () => {
    const offs = new Set(official.filter((d) => d.isOffDay).map((d) => d.day));
    for (const year of [2025, 2026]) {
      const days = statutoryHolidays(year);
      // 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3, and the make-up days (补假) of those on a weekend
      expect(days.filter((d) => !d.name.endsWith('补假'))).toHaveLength(13);
      expect(days.filter((d) => !offs.has(d.day)).map((d) => `${d.day} ${d.name}`), String(year)).toEqual([]);
    }
  });

  it('computes the lunar festivals and 清明 of 2027 (Spring Festival on 6 February)', () => {
    const days = statutoryHolidays(2027);
    const named = (name: string) => days.filter((d) => d.name === name).map((d) => d.day);
    expect(named('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
    expect(named('春节补假')).toEqual(['2027-02-09', '2027-02-10']); // 初一 and 初二 fall on Saturday and Sunday
    expect(named('清明节')).toEqual(['2027-04-05']);
    expect(named('端午节')).toEqual(['2027-06-09']);
    expect(named('中秋节')).toEqual(['2027-09-15']);
  });

  it('a deadline in a year without its notice skips the statutory holidays and is provisional', () => {
    expect(addWorkdays(published, '2026-12-31', 1)).toBe('2027-01-04'); // 1 January 2027 is 元旦, then a weekend
    expect(addWorkdays(cal, '2026-12-31', 1)).toBe('2027-01-01'); // what the exceptions alone said
    expect(isProvisional(published, '2026-12-31', '2027-01-04')).toBe(true);
    expect(isProvisional(published, '2026-09-30', '2026-10-08')).toBe(false);
    // a loaded notice wins over the statutory reckoning
    const loaded: WorkCalendar = { exceptions: new Map([...cal.exceptions, ['2027-01-02', false]]), publishedYears: new Set([2025, 2026, 2027]) };
    expect(addWorkdays(loaded, '2026-12-31', 1)).toBe('2027-01-01');
    expect(isProvisional(loaded, '2026-12-31', '2027-01-04')).toBe(false);
  });

  it('moves a working-days deadline when the notice arrives, and leaves a months deadline where it was', () => {
    const statutory: WorkCalendar = { exceptions: cal.exceptions, publishedYears: new Set([2025, 2026]) };
    // the 2027 notice as the State Council might publish it: 春节 2月5日至11日, 2月20日（周六）上班
    const notice: [string, boolean][] = [['2027-01-01', true], ...['05', '08', '09', '10', '11'].map((d) => [`2027-02-${d}`, true] as [string, boolean]), ['2027-02-20', false]];
    const loaded: WorkCalendar = { exceptions: new Map([...cal.exceptions, ...notice]), publishedYears: new Set([2025, 2026, 2027]) };
    const start = '2027-01-29';
    const tenDays = addWorkdays(statutory, start, 10);
    expect(moveDeadline(statutory, loaded, start, tenDays)).toBe(addWorkdays(loaded, start, 10));
    expect(moveDeadline(statutory, loaded, start, tenDays)).not.toBe(tenDays); // 2月11日 is now off, 2月20日 worked
    // three calendar months stay three calendar months, an extension of 5 working days moves with the notice
    expect(moveDeadline(statutory, loaded, '2026-11-10', addMonths('2026-11-10', 3))).toBe('2027-02-10');
    const extended = addWorkdays(statutory, addMonths('2026-11-06', 3), 5);
    expect(moveDeadline(statutory, loaded, '2026-11-06', extended, 5)).toBe(addWorkdays(loaded, '2027-02-06', 5));
    // nothing changes where the calendars agree
    expect(moveDeadline(loaded, loaded, start, '2027-03-01')).toBe('2027-03-01');
  });
});
