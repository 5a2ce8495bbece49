import { describe, expect, it } from 'vitest';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { readHolidayCsv } from './store.js';
import { addMonths, addWorkdays, chinaToday, isWorkday, workdaysBetween, type WorkCalendar } from './workdays.js';

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
