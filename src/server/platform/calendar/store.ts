import { readFileSync } from 'node:fs';
import { and, asc, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { calendarDays } from './schema.js';
import { cachedPerCommittee, SHARED } from '../cache/cache.js';
import type { WorkCalendar } from './workdays.js';

/**
 * Loads the holiday exceptions into a calendar. A few hundred rows: cheap to read per command.
 * The years with rows are the years whose notice is loaded; any other year is reckoned by the
 * statutory holidays (see statutory.ts).
 */
/** The work calendar; a read-only request takes it from the shared cache (platform/cache). Callers must not change it. */
export function loadCalendar(db: Executor): Promise<WorkCalendar> {
  return cachedPerCommittee(db, 'calendar', SHARED, async () => {
    const rows = await db.select({ day: calendarDays.day, off: calendarDays.isOffDay }).from(calendarDays);
    return { exceptions: new Map(rows.map((r) => [r.day, r.off])), publishedYears: new Set(rows.map((r) => Number(r.day.slice(0, 4)))) };
  });
}

export async function calendarYear(db: Executor, year: number) {
  return db
    .select({ day: calendarDays.day, name: calendarDays.name, isOffDay: calendarDays.isOffDay })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
}

export interface CalendarDay {
  day: string;
  name: string;
  isOffDay: boolean;
  source?: string | null;
}

/** Stores a year's notice, replacing what was stored for those dates (a corrected notice wins). */
export async function saveNotice(db: Executor, days: CalendarDay[]): Promise<void> {
  if (days.length === 0) return;
  await db
    .insert(calendarDays)
    .values(days)
    .onConflictDoUpdate({ target: calendarDays.day, set: { name: sql`excluded.name`, isOffDay: sql`excluded.is_off_day`, source: sql`excluded.source` } });
}

/** Reads the official notices file (date,name,is_off_day,source_notice_url). */
export function readHolidayCsv(path: string): CalendarDay[] {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [day, name, off, source] = line.split(',');
    return { day, name, isOffDay: off === '1', source: source ?? null };
  });
}
