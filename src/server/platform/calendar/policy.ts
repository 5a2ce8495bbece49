import { eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { definePolicy, type CommitteeScope } from '../policy/policy.js';
import { committees } from '../tenancy/schema.js';

/**
 * The holiday calendar is national: one notice of the State Council, followed by every committee's
 * deadlines. So it belongs to the platform, not to a committee: everyone reads it, and only the
 * system administrator of the platform's top committee (the one above all others — the province on
 * a provincial platform, the committee itself on a single-committee install) records a notice.
 * A district's admin, whose change would move every other committee's deadlines, may not.
 */
export type CalendarScope = CommitteeScope & { keepsNationalCalendar: boolean };

export const calendarPolicy = definePolicy<CalendarScope, 'read' | 'update'>('calendar', '工作日历', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit', 'secadmin', 'auditor'] }],
  update: [{ roles: ['admin'], when: (_, s) => s.keepsNationalCalendar }],
});

export async function calendarScope(db: Executor, actor: Actor): Promise<CalendarScope> {
  const [own] = await db.select({ parentId: committees.parentId }).from(committees).where(eq(committees.id, actor.committeeId));
  return { committeeId: actor.committeeId, keepsNationalCalendar: !!own && own.parentId === null };
}

/** The committees that keep the calendar (named on the page of those who may not) and every committee it applies to. */
export async function calendarKeepers(db: Executor) {
  return db.select({ id: committees.id, name: committees.name }).from(committees).where(isNull(committees.parentId));
}
export async function everyCommittee(db: Executor) {
  return (await db.select({ id: committees.id }).from(committees)).map((c) => c.id);
}
