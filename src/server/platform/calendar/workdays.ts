import { statutoryDaysOff } from './statutory.js';

/**
 * Chinese working days: Monday to Friday, minus statutory holidays, plus make-up working days
 * (调休上班, usually a weekend day). Pure functions over a calendar of exceptions, so deadlines
 * are computed the same way everywhere and tested without a database.
 */
export interface WorkCalendar {
  /** date (YYYY-MM-DD) → true when it is a day off that would otherwise be a working day, false for a make-up working day */
  exceptions: ReadonlyMap<string, boolean>;
  /**
   * The years whose official notice is loaded. A year outside it gets the statutory days off
   * (statutory.ts) instead: a deadline reckoned there is provisional. Absent: exceptions only.
   */
  publishedYears?: ReadonlySet<number>;
}

export const toIso = (d: Date) => d.toISOString().slice(0, 10);

const chinaDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });
/**
 * The calendar day in China (UTC+8) at instant `d`: "today" for deadlines, sessions and statistics.
 * Not `toIso(d)`, which is the UTC day and still yesterday before 08:00 Beijing time.
 */
export const chinaToday = (d: Date = new Date()) => chinaDay.format(d);
const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function isWorkday(cal: WorkCalendar, iso: string): boolean {
  const exception = cal.exceptions.get(iso);
  if (exception !== undefined) return !exception;
  const dow = parse(iso).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !(isProvisionalYear(cal, Number(iso.slice(0, 4))) && statutoryDaysOff(Number(iso.slice(0, 4))).has(iso));
}

/** A year reckoned by the statutory holidays only: its official notice is not loaded. */
export const isProvisionalYear = (cal: WorkCalendar, year: number) => cal.publishedYears !== undefined && !cal.publishedYears.has(year);

/** Whether a date reckoned from `from` to `to` crossed a year without its official notice (a provisional deadline). */
export function isProvisional(cal: WorkCalendar, from: string, to: string): boolean {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y);
  for (let y = a; y <= b; y++) if (isProvisionalYear(cal, y)) return true;
  return false;
}

/**
 * The date `n` working days after `from` (not counting `from` itself), as deadlines are counted:
 * "within 5 working days of assignment" on a Friday before National Day ends well into October.
 * Negative n counts backwards (for reminders before a deadline).
 */
export function addWorkdays(cal: WorkCalendar, from: string, n: number): string {
  const d = parse(from);
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + step);
    if (isWorkday(cal, toIso(d))) left--;
  }
  return toIso(d);
}

/** Working days strictly after `from` up to and including `to`. */
export function workdaysBetween(cal: WorkCalendar, from: string, to: string): number {
  if (to === from) return 0; // (the same day once recursed here forever)
  if (to < from) return -workdaysBetween(cal, to, from);
  let count = 0;
  const d = parse(from);
  while (toIso(d) < to) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkday(cal, toIso(d))) count++;
  }
  return count;
}

/** Calendar months later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: string, months: number): string {
  const d = parse(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return toIso(d);
}

/** A period of the settings: so many working days, or so many calendar months. */
export type Period = { workdays: number } | { months: number };
export function addPeriod(cal: WorkCalendar, from: string, p: Period): string {
  return 'workdays' in p ? addWorkdays(cal, from, p.workdays) : addMonths(from, p.months);
}

/**
 * Where a deadline set under one calendar falls under another (a year's notice loaded or corrected
 * after the deadline was set). A deadline of calendar months does not depend on holidays and stays;
 * one of working days keeps its number of working days from `start`. `extraWorkdays` are working
 * days granted on top (extensions): a months deadline extended by them is moved by its extension only.
 */
export function moveDeadline(before: WorkCalendar, after: WorkCalendar, start: string, deadline: string, extraWorkdays = 0): string {
  for (let months = 1; months <= 24; months++) {
    const base = addMonths(start, months);
    if (base > deadline) break;
    if (addWorkdays(before, base, extraWorkdays) === deadline) return addWorkdays(after, base, extraWorkdays);
  }
  return addWorkdays(after, start, workdaysBetween(before, start, deadline));
}
