import { and, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { activities, activityFiles } from '../../platform/activity/schema.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { addWorkdays, chinaToday } from '../../platform/calendar/workdays.js';
import { getSettings } from '../../platform/settings/settings.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import { consultationLink } from './notices.js';
import { consultationPlans, consultations } from './schema.js';
import { consultationSettings } from './settings.js';
import { consultationTimings, type TimingFacts } from './timings.js';

type ConsultationRow = typeof consultations.$inferSelect;

/**
 * The dates each consultation's time limits are reckoned from: its event (scheduled on, starting
 * on), the first material handed out (a file, or the event's materials text), the minutes recorded.
 */
export async function timingFactsOf(db: Executor, rows: ConsultationRow[]): Promise<Map<string, TimingFacts>> {
  const activityIds = rows.map((c) => c.activityId).filter((id): id is string => !!id);
  const [events, files] = activityIds.length
    ? await Promise.all([
        db.select({ id: activities.id, startsAt: activities.startsAt, createdAt: activities.createdAt, materials: activities.materials, updatedAt: activities.updatedAt }).from(activities).where(inArray(activities.id, activityIds)),
        db.select({ activityId: activityFiles.activityId, first: sql<Date>`min(${activityFiles.uploadedAt})` }).from(activityFiles)
          .where(and(inArray(activityFiles.activityId, activityIds), eq(activityFiles.kind, 'materials'), isNull(activityFiles.removedAt))).groupBy(activityFiles.activityId),
      ])
    : [[], []];
  const day = (d: Date | string | null | undefined) => (d ? chinaToday(new Date(d)) : null);
  const eventOf = new Map(events.map((e) => [e.id, e]));
  const firstFileOf = new Map(files.map((f) => [f.activityId, f.first]));
  return new Map(rows.map((c) => {
    const event = c.activityId ? eventOf.get(c.activityId) : undefined;
    const first = c.activityId ? firstFileOf.get(c.activityId) : undefined;
    const materialsOn = [day(first), event?.materials.trim() ? day(event.updatedAt) : null].filter((d): d is string => !!d).sort()[0] ?? null;
    // held before the minutes' day was kept: the day it was held is the best known
    const minutesOn = c.minutesOn ?? (c.heldOn && c.status !== 'planned' && c.status !== 'scheduled' ? c.heldOn : null);
    return [c.id, { year: c.year, month: c.month, startDay: day(event?.startsAt), noticedOn: c.noticedOn ?? day(event?.createdAt), materialsOn, minutesOn }];
  }));
}

/**
 * 会务时限提醒: tells the general office, once per limit, a few working days before a consultation's
 * notice, materials or minutes fall due (or as soon as it is seen overdue) while they are still
 * undone. Only consultations of an approved plan not yet held are looked at. The limit's key is
 * claimed in reminded_timings in the same transaction as the notice, so any number of runners send
 * each reminder once. `now` is the job runner's clock.
 */
export async function remindConsultationTimings(database: Database, now: Date): Promise<number> {
  const today = chinaToday(now);
  const rows = await database.db
    .select({ c: consultations })
    .from(consultations)
    .innerJoin(consultationPlans, eq(consultationPlans.id, consultations.planId))
    .where(and(eq(consultationPlans.status, 'approved'), inArray(consultations.status, ['planned', 'scheduled'])));
  if (rows.length === 0) return 0;
  const list = rows.map((r) => r.c);
  const [facts, calendar] = await Promise.all([timingFactsOf(database.db, list), loadCalendar(database.db)]);
  let sent = 0;
  for (const c of list) {
    const rules = await getSettings(database.db, consultationSettings, c.committeeId, c.year);
    const f = facts.get(c.id)!;
    for (const t of consultationTimings(f, rules, calendar, today)) {
      if (t.doneOn || c.remindedTimings.includes(t.key) || today < addWorkdays(calendar, t.due, -rules.timingRemindWorkdays)) continue;
      // the minutes are due after the meeting: no reminder before it has started
      if (t.key === 'minutes' && f.startDay! > today) continue;
      const claimed = await database.db.transaction(async (tx) => {
        const [row] = await tx.update(consultations)
          .set({ remindedTimings: sql`array_append(${consultations.remindedTimings}, ${t.key})` })
          .where(and(eq(consultations.id, c.id), not(sql`${t.key} = any(${consultations.remindedTimings})`)))
          .returning({ id: consultations.id });
        if (!row) return false;
        const late = today > t.due ? `已逾期（应于${t.due}前完成）` : `请于${t.due}前完成`;
        await notify(tx, { committeeId: c.committeeId, userIds: await officeUserIds(tx, c.committeeId, 'general'), title: `${t.label}：${c.title}`, body: `${t.label}${late}。`, link: consultationLink(c.id) });
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}
