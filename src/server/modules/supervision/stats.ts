import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { chinaToday, workdaysBetween } from '../../platform/calendar/workdays.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { replyingRoles, type HandlingRole } from '../../platform/handling/plan.js';
import { assignments, replies } from '../../platform/handling/schema.js';
import { getSettings } from '../../platform/settings/settings.js';
import { loadLookups } from '../org/lookups.js';
import { suggestionStates, type SuggestionState } from '../../../shared/supervision/labels.js';
import { supervisionSuggestions } from './schema.js';
import { supervisionSettings } from './settings.js';

/**
 * A year's supervision suggestions in figures: by state (adding up to the total), by unit (sent,
 * replied, replied within the period, overdue) and the share of first-round replies sent within the
 * configured period (10 working days by default), counted in working days from the day it was sent.
 */
export async function suggestionStats(db: Executor, committeeId: string, year: number, today = chinaToday()) {
  const rows = await db.select({ id: supervisionSuggestions.id, status: supervisionSuggestions.status }).from(supervisionSuggestions).where(and(eq(supervisionSuggestions.committeeId, committeeId), eq(supervisionSuggestions.year, year)));
  const byState = (Object.keys(suggestionStates) as SuggestionState[]).map((s) => ({ status: s, label: suggestionStates[s], count: rows.filter((r) => r.status === s).length }));
  const ids = rows.map((r) => r.id);
  const sent = ids.length ? await db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), inArray(assignments.subjectId, ids))) : [];
  const answered = ids.length ? await db.select().from(replies).where(and(eq(replies.subjectType, 'supervision'), inArray(replies.subjectId, ids), eq(replies.status, 'sent'))) : [];
  const { replyPeriod } = await getSettings(db, supervisionSettings, committeeId, year);
  const periodDays = 'workdays' in replyPeriod ? replyPeriod.workdays : null;
  const calendar = await loadCalendar(db);
  const lookups = await loadLookups(db, committeeId);
  const replying = sent.filter((a) => a.status !== 'withdrawn' && replyingRoles.includes(a.role as HandlingRole));
  const units = new Map<string, { unitId: string; unitName: string; sent: number; replied: number; inTime: number; overdue: number }>();
  for (const a of replying) {
    const u = units.get(a.unitId) ?? { unitId: a.unitId, unitName: lookups.units.byId.get(a.unitId) ?? '', sent: 0, replied: 0, inTime: 0, overdue: 0 };
    const reply = answered.find((r) => r.subjectId === a.subjectId && r.unitId === a.unitId && r.round === a.round);
    u.sent += 1;
    if (reply?.sentAt) {
      u.replied += 1;
      const day = chinaToday(reply.sentAt);
      const took = workdaysBetween(calendar, a.assignedOn, day);
      if (periodDays !== null ? took <= periodDays : day <= a.replyDeadline) u.inTime += 1;
    } else if (isOverdue(a, today)) u.overdue += 1;
    units.set(a.unitId, u);
  }
  const byUnit = [...units.values()].sort((a, b) => b.sent - a.sent || a.unitName.localeCompare(b.unitName, 'zh'));
  const total = { sent: byUnit.reduce((n, u) => n + u.sent, 0), replied: byUnit.reduce((n, u) => n + u.replied, 0), inTime: byUnit.reduce((n, u) => n + u.inTime, 0), overdue: byUnit.reduce((n, u) => n + u.overdue, 0) };
  return { year, total: rows.length, byState, byUnit, units: total, replyPeriod, inTimeRate: total.sent ? total.inTime / total.sent : null };
}
