import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { migrateDatabase, type Database } from './client.js';
import { calendarDays } from '../platform/calendar/schema.js';
import { readHolidayCsv, saveNotice } from '../platform/calendar/store.js';

const holidaysCsv = path.join(path.dirname(fileURLToPath(import.meta.url)), '../platform/calendar/holidays-cn.csv');

/** Brings any database to the current schema and loads the reference data every install needs. */
export async function bootstrapDatabase(database: Database): Promise<void> {
  await migrateDatabase(database);
  const [{ n }] = await database.db.select({ n: count() }).from(calendarDays);
  if (n === 0) await saveNotice(database.db, readHolidayCsv(holidaysCsv));
}
